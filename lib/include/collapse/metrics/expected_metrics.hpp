#pragma once
// Expected diversity measures under a law over the states of a recursive-training chain:
// the transient law at each generation t = 0..T from a start state, or a stationary law.
// Rational measures (surviving symbols, TV, Wasserstein-1, Dirac mass, presence of each
// symbol) have the guarantee of the law; entropy and KL are RealOf<S> (enclosures for exact
// and interval arithmetic, doubles for doubles).
#include <collapse/analysis/transient_law.hpp>
#include <collapse/chain/chain.hpp>
#include <collapse/core/error.hpp>
#include <collapse/metrics/diversity.hpp>
#include <collapse/models/state_space.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace collapse {

template <Scalar S>
struct ExpectedMetrics {
    using Real = RealOf<S>;
    S surviving;                  ///< E[number of symbols with c_i > 0]
    S dirac_mass;                 ///< P(the state is a Dirac state)
    S total_variation;            ///< E[TV(mu, q)]
    S wasserstein;                ///< E[W1(mu, q)]
    S kl_infinite;                ///< P(KL(q || mu) = infinity)
    Real entropy;                 ///< E[H(mu)]
    std::optional<Real> kl_given_finite;  ///< E[KL | KL finite]; empty when P(KL finite) = 0
    std::vector<S> present;       ///< per symbol i: P(c_i > 0)
    std::vector<S> mean;          ///< per symbol i: E[mu_i] = E[c_i] / N
};

/// The measures of every state, computed once and reused for every law.
template <Scalar S>
struct StateMeasures {
    using Real = RealOf<S>;
    std::vector<S> surviving, total_variation, wasserstein;
    std::vector<bool> dirac, kl_infinite;
    S one_sample;  ///< 1/N, the weight of one count in mu
    std::vector<Real> entropy, kl;  ///< kl: 0 where infinite (never used there)

    StateMeasures(const StateSpace& space, const std::vector<Rational>& q, Precision bits) {
        const std::size_t n = space.size();
        one_sample = scalar_traits<S>::from_rational(
            Rational(1) / Rational(static_cast<unsigned long long>(space.samples())), bits);
        for (std::size_t s = 0; s < n; ++s) {
            const Counts c = space.counts(s);
            surviving.push_back(scalar_traits<S>::from_rational(Rational(surviving_symbols(c)), bits));
            total_variation.push_back(scalar_traits<S>::from_rational(collapse::total_variation(c, q), bits));
            wasserstein.push_back(scalar_traits<S>::from_rational(wasserstein1(c, q), bits));
            dirac.push_back(is_dirac(c));
            kl_infinite.push_back(kl_is_infinite(c, q));
            entropy.push_back(entropy_of<Real>(c, bits));
            kl.push_back(kl_infinite.back() ? as_real(from_integer<S>(0), bits) : kl_of<Real>(c, q, bits));
        }
    }
};

/// Expectations of the measures under `law` (indexed by state, like `space`). Throws Unable
/// when an enclosure of P(KL finite) contains 0 without being 0.
template <Scalar S>
ExpectedMetrics<S> expected_metrics(const StateSpace& space, const StateMeasures<S>& m, const std::vector<S>& law,
                                    Precision bits) {
    using Real = RealOf<S>;
    if (law.size() != space.size()) throw std::logic_error("expected_metrics: the law and the state space differ");
    const S zero = from_integer<S>(0);
    ExpectedMetrics<S> e{zero, zero, zero, zero, zero, as_real(zero, bits), std::nullopt,
                         std::vector<S>(space.symbols(), zero), std::vector<S>(space.symbols(), zero)};
    Real kl_sum = as_real(zero, bits);
    S finite_mass = zero;
    for (std::size_t s = 0; s < law.size(); ++s) {
        const S& w = law[s];
        if (is_zero(w) == Truth::yes) continue;
        const Real w_real = as_real(w, bits);
        e.surviving += w * m.surviving[s];
        e.total_variation += w * m.total_variation[s];
        e.wasserstein += w * m.wasserstein[s];
        if (m.dirac[s]) e.dirac_mass += w;
        e.entropy += w_real * m.entropy[s];
        if (m.kl_infinite[s]) {
            e.kl_infinite += w;
        } else {
            finite_mass += w;
            kl_sum += w_real * m.kl[s];
        }
        const Counts c = space.counts(s);
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (c[i] == 0) continue;
            e.present[i] += w;
            e.mean[i] += w * from_integer<S>(static_cast<long>(c[i]));
        }
    }
    for (S& x : e.mean) x *= m.one_sample;
    // A state's law mass is positive exactly when it is not the exact zero (the support is
    // exact in every arithmetic), so a zero here is a true zero.
    if (is_zero(finite_mass) != Truth::yes) {
        if (is_positive(finite_mass) != Truth::yes)
            throw Unable("the probability that KL is finite cannot be separated from 0 at " + std::to_string(bits) +
                         " bits");
        e.kl_given_finite = kl_sum / as_real(finite_mass, bits);
    }
    return e;
}

/// Expected measures at generations 0..T from `start`.
template <Scalar S>
std::vector<ExpectedMetrics<S>> expected_metrics_over_generations(const Chain<S>& chain, const StateSpace& space,
                                                                  const StateMeasures<S>& m, std::size_t start,
                                                                  std::uint64_t generations, Precision bits) {
    std::vector<S> mu(chain.size(), from_integer<S>(0)), next;
    mu.at(start) = from_integer<S>(1);
    std::vector<ExpectedMetrics<S>> out;
    out.push_back(expected_metrics(space, m, mu, bits));
    for (std::uint64_t t = 0; t < generations; ++t) {
        step_law(chain, mu, next);
        mu.swap(next);
        out.push_back(expected_metrics(space, m, mu, bits));
    }
    return out;
}

}  // namespace collapse
