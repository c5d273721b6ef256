#pragma once
// T1-T5 of model.md, checked against the computed results of a recursive-training chain.
// Each check first decides its hypotheses (shown in the output), then compares the
// computed quantities with the theorem's prediction using three-valued comparisons:
// exact arithmetic decides "holds" or "fails"; an enclosure that cannot exclude the
// prediction is "consistent".
#include <collapse/analysis/analysis.hpp>
#include <collapse/models/recursive_model.hpp>

#include <string>
#include <vector>

namespace collapse {

enum class TheoremStatus { holds, consistent, fails, not_applicable };
std::string_view to_string(TheoremStatus s);

struct Hypothesis {
    std::string statement;
    bool met;
};

struct TheoremCheck {
    std::string id;       ///< "T1" ... "T5"
    TheoremStatus status;
    std::string detail;
    std::vector<Hypothesis> hypotheses;
};

/// Checks of T1-T5 for a chain built from `model` (states in StateSpace order). Needs the
/// stationary and absorption parts of `analysis` (expected steps are not needed). `bits` is
/// the precision at which predictions such as c_i/N and N q are enclosed (intervals; the
/// other types ignore it).
/// Explicitly instantiated for Rational, double and Interval.
template <Scalar S>
std::vector<TheoremCheck> check_theorems(const RecursiveModel& model, const Chain<S>& chain,
                                         const Analysis<S>& analysis, long bits);

/// For a chain read from a file: every theorem is not applicable.
std::vector<TheoremCheck> theorems_not_applicable_to_file_chain();

}  // namespace collapse
