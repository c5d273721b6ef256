#pragma once
// Everything `collapse analyze` prints, gathered before anything is printed (so an error
// can never leave partial output), and the two ways of printing it.
#include <collapse/analysis/analysis.hpp>
#include <collapse/analysis/theorem_checks.hpp>
#include <collapse/models/recursive_model.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace collapse {

/// What the writers need of the chain analysed: its state labels and its number of stored
/// transitions (the chain itself may be of another number type, or already gone).
struct ChainOutline {
    const std::vector<std::string>* labels = nullptr;
    std::size_t transitions = 0;
    /// Set when `transitions` counts only those kept: which ones were left out, and how.
    std::string transitions_left_out;
    std::size_t size() const { return labels->size(); }
    const std::string& label(std::size_t state) const { return (*labels)[state]; }
};

template <Scalar T>
ChainOutline outline_of(const Chain<T>& chain) {
    return {&chain.labels(), chain.support().entries(), {}};
}

template <Scalar S>
struct Report {
    std::optional<RecursiveModel> model;  ///< set for a recursive-training chain
    std::string chain_file;               ///< set for a chain read from a file
    ChainOutline chain;
    Analysis<S> analysis;
    std::optional<std::vector<TheoremCheck>> theorems;
    bool show_stationary = true, show_absorption = true, show_steps = true;
    /// Interval arithmetic: the precision asked for, the one that established every
    /// enclosure (higher when it had to be raised), and why it was raised; or lower, and why,
    /// when a chain too large for interval elimination was certified in long double.
    long precision_requested = 0, precision_used = 0;
    std::string precision_raised_because, precision_lowered_because;
};

/// One JSON object, the layout of cli.md (plus the extension keys listed in docs/cli.md).
template <Scalar S>
void write_json(const Report<S>& report, std::ostream& out);

/// The same content for a person: aligned tables, guarantee stated.
template <Scalar S>
void write_text(const Report<S>& report, std::ostream& out);

/// "K = 3, N = 4, fit mle, fresh fraction 1/10 from q = (1/3, 1/3, 1/3)"
std::string describe(const RecursiveModel& model);

}  // namespace collapse
