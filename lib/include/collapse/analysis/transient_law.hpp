#pragma once
// The law of the state after t steps from a start state, and the probability of having
// reached a closed class by then (collapsed, when the closed classes are the Dirac states).
#include <collapse/chain/chain.hpp>
#include <collapse/graph/class_structure.hpp>

#include <cstdint>
#include <vector>

namespace collapse {

template <Scalar S>
struct TransientLaw {
    static constexpr Guarantee guarantee = scalar_traits<S>::guarantee;
    std::size_t start = 0;
    std::uint64_t steps = 0;
    std::vector<S> law;    ///< indexed by state
    S in_closed_class;     ///< total mass on states of closed classes
};

/// One step of the law: next = mu P, O(transitions), skipping states with no mass. `next`
/// is overwritten (a buffer the caller reuses from step to step).
template <Scalar S>
void step_law(const Chain<S>& chain, const std::vector<S>& mu, std::vector<S>& next) {
    next.assign(chain.size(), from_integer<S>(0));
    for (std::size_t i = 0; i < chain.size(); ++i) {
        if (is_zero(mu[i]) == Truth::yes) continue;
        const S scaled = mu[i] / chain.row_total(i);  // one division per row, not per entry
        for (std::size_t e = chain.support().row_begin(i); e < chain.support().row_end(i); ++e) {
            S& cell = next[chain.support().column(e)];
            cell = cell + scaled * chain.weight(e);
        }
    }
}

/// The mass of `mu` on states of closed classes.
template <Scalar S>
S mass_in_closed_classes(const ClassStructure& cs, const std::vector<S>& mu) {
    S closed = from_integer<S>(0);
    for (std::size_t i = 0; i < mu.size(); ++i)
        if (!cs.is_transient(i)) closed = closed + mu[i];
    return closed;
}

/// t vector-matrix products (step_law).
template <Scalar S>
TransientLaw<S> transient_law(const Chain<S>& chain, const ClassStructure& cs, std::size_t start,
                              std::uint64_t steps) {
    std::vector<S> mu(chain.size(), from_integer<S>(0)), next;
    mu[start] = from_integer<S>(1);
    for (std::uint64_t t = 0; t < steps; ++t) {
        step_law(chain, mu, next);
        mu.swap(next);
    }
    S closed = mass_in_closed_classes(cs, mu);
    return TransientLaw<S>{start, steps, std::move(mu), std::move(closed)};
}

}  // namespace collapse
