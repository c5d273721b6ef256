#pragma once
#include "options.hpp"

#include <collapse/core/resource_limits.hpp>
#include <collapse/models/recursive_model.hpp>
#include <collapse/simulation/simulate.hpp>

#include <cstdint>
#include <memory>
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

/// Writes the one-line message of the exception being handled to `err` and returns its exit
/// status, as run() does; call it only inside a catch block.
int report_current_exception(std::ostream& err);

/// `collapse simulate` in steps, so that its runs can be shared among processes (mpi_run.cpp):
/// the constructor checks the whole command (throwing what run() reports, including the memory
/// the results of all runs need), simulate() runs one block of the runs, write() prints the
/// runs of every block, gathered in run order, exactly as one process prints them.
class SimulationJob {
public:
    SimulationJob(const SimulateOptions& options, const ResourceLimits& limits);
    ~SimulationJob();
    SimulationJob(const SimulationJob&) = delete;
    SimulationJob& operator=(const SimulationJob&) = delete;

    std::uint64_t runs() const;
    /// Runs first .. first + count - 1 (count 0: no run); a progress bar on `err` when it is a
    /// terminal and --quiet was not given.
    simulation::SimulationResult simulate(std::uint64_t first, std::uint64_t count, std::ostream& err,
                                          bool err_is_terminal) const;
    /// CSV or JSON, as asked; `all` holds every run, in run order.
    void write(const simulation::SimulationResult& all, std::ostream& out) const;

private:
    struct Checked;
    std::unique_ptr<const Checked> checked_;
};

}  // namespace collapse::cli
