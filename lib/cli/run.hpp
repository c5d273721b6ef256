#pragma once
#include "options.hpp"

#include <collapse/core/resource_limits.hpp>
#include <collapse/models/recursive_model.hpp>

#include <ostream>

namespace collapse::cli {

/// Exit statuses (docs/cli.md).
enum ExitStatus : int {
    exit_ok = 0,
    exit_invalid_input = 2,   ///< bad option, parameter or file
    exit_too_large = 3,       ///< valid, but beyond the memory limit
    exit_internal_error = 4,  ///< a bug: please report it
    exit_unable = 5,          ///< a verified result could not be established up to the precision cap
    exit_check_disagrees = 6, ///< `collapse check`: the observed runs disagree with the exact predictions (docs/simulate.md)
};

/// Runs the whole program; writes results to `out` only once everything is computed, and
/// any error as one line on `err`. `err_is_terminal`: standard error is a terminal, so a
/// long simulation may draw a progress bar there (never otherwise).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const ResourceLimits& limits,
        bool err_is_terminal = false);

/// The validated recursive model named by the model options (InvalidInput otherwise).
RecursiveModel model_from_options(const AnalyzeOptions& options);

/// `collapse plot` (plot_command.cpp): writes one SVG file, then its name on `out`.
void plot(const PlotOptions& options, std::ostream& out, const ResourceLimits& limits);

}  // namespace collapse::cli
