#pragma once
// One entry point for "everything about a chain": the class structure always (every other
// part needs it), then the parts the caller asks for.
#include <collapse/analysis/absorption.hpp>
#include <collapse/analysis/stationary.hpp>
#include <collapse/analysis/transient_law.hpp>
#include <collapse/core/error.hpp>
#include <collapse/core/resource_limits.hpp>
#include <collapse/graph/class_structure.hpp>

#include <cmath>
#include <cstdint>
#include <optional>

namespace collapse {

struct AnalysisRequest {
    bool stationary = true;
    bool absorption = true;
    bool expected_steps = true;
    struct Transient { std::size_t start; std::uint64_t steps; };
    std::optional<Transient> transient;
    ResourceLimits limits;
    /// Set when a theorem guarantees absorption probabilities of small height (T2: mle
    /// without fresh data, c_k / N): their exact solve is then budgeted by the multimodular
    /// route alone. Otherwise every exact solve is budgeted for Dixon's lifting, which runs
    /// when the answers are large (expected steps, stationary laws, other chains).
    bool absorption_answers_small = false;
};

template <Scalar S>
struct Analysis {
    static constexpr Guarantee guarantee = scalar_traits<S>::guarantee;
    ClassStructure classes;
    std::optional<StationaryResult<S>> stationary;
    std::optional<AbsorptionResult<S>> absorption;  ///< probabilities and/or expected steps
    std::optional<TransientLaw<S>> transient;
};

/// Size in bits of the largest row total (the integers the exact systems are made of).
double largest_row_bits(const Chain<Rational>& chain);
inline double largest_row_bits(const Chain<double>&) { return 64; }
inline double largest_row_bits(const Chain<Interval>& chain) {
    return chain.support().entries() > 0 ? static_cast<double>(chain.weight(0).precision()) : 64.0;
}

/// The largest |i - j| over the support: a bound on the half-bandwidth of every system the
/// analyses form from it (their states keep the chain's order).
inline double half_bandwidth(const Support& support) {
    std::size_t widest = 0;
    for (std::size_t i = 0; i < support.size(); ++i)
        for (std::size_t e = support.row_begin(i); e < support.row_end(i); ++e) {
            const std::size_t j = support.column(e);
            widest = std::max(widest, i > j ? i - j : j - i);
        }
    return static_cast<double>(widest);
}

template <Scalar S, class Solver = LinearSolver<S>>
Analysis<S> analyze(const Chain<S>& chain, const AnalysisRequest& request) {
    Analysis<S> out;
    out.classes = class_structure(chain.support());
    const double bits = largest_row_bits(chain);
    if (request.stationary) {
        std::size_t largest = 0;
        for (std::size_t k = 0; k < out.classes.closed.size(); ++k)
            largest = std::max(largest, out.classes.closed_class(k).size());
        require_memory(request.limits, Solver::large_answer_memory_estimate(static_cast<double>(largest), 1, bits),
                       "the stationary solve of a closed class of " + std::to_string(largest) + " states");
        out.stationary = stationary_distributions<S, Solver>(chain, out.classes);
    }
    if (request.absorption || request.expected_steps) {
        const double n = static_cast<double>(out.classes.transient.size());
        const double closed = static_cast<double>(out.classes.closed.size());
        const double band = half_bandwidth(chain.support());
        // The two solves run one after the other (absorption.hpp): the larger one counts.
        double need = 0.0;
        if (request.absorption)
            need = request.absorption_answers_small ? Solver::memory_estimate(n, closed, bits, band)
                                                    : Solver::large_answer_memory_estimate(n, closed, bits, band);
        if (request.expected_steps) need = std::max(need, Solver::large_answer_memory_estimate(n, 1, bits, band));
        require_memory(request.limits, need,
                       "the absorption solve over " + std::to_string(out.classes.transient.size()) +
                           " transient states");
        out.absorption = absorption_analysis<S, Solver>(chain, out.classes, request.absorption,
                                                        request.expected_steps);
    }
    if (request.transient) {
        // Every step touches every transition once; in exact arithmetic the numbers also
        // grow by about one row total's size per step, so the work is quadratic in t.
        const double t = static_cast<double>(request.transient->steps);
        const double growth = scalar_traits<S>::guarantee == Guarantee::exact ? t * bits / 64.0 : 0.0;
        const double work = t * static_cast<double>(chain.support().entries() + chain.size()) * (1.0 + growth);
        if (work > 2e10)
            throw ResourceLimit("--steps " + std::to_string(request.transient->steps) + " on a chain with " +
                                std::to_string(chain.support().entries()) + " transitions would take about " +
                                std::to_string(static_cast<long long>(work / 2e10 * 60)) +
                                " s or more (the transient law costs steps x transitions" +
                                (growth > 0 ? std::string(", and exact numbers grow with each step") : std::string()) +
                                "); at most about 60 s of work is accepted: ask for fewer steps");
        out.transient = transient_law(chain, out.classes, request.transient->start, request.transient->steps);
    }
    return out;
}

}  // namespace collapse
