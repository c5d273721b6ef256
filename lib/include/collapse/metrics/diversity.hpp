#pragma once
// Diversity measures of one state c (empirical distribution mu = c / N) against the external
// distribution q (docs/metrics.md). Surviving symbols, total variation and Wasserstein-1 are
// rational functions of c and q: exact. Entropy and KL need logarithms, which are irrational,
// so they are given as enclosures (Interval) or approximately (double), never as rationals.
#include <collapse/scalar/interval.hpp>
#include <collapse/scalar/rational.hpp>

#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace collapse {

using Counts = std::span<const std::uint32_t>;

/// The number of symbols i with c_i > 0.
std::size_t surviving_symbols(Counts c);

/// TV(mu, q) = (1/2) sum_i |c_i / N - q_i|, exactly.
Rational total_variation(Counts c, const std::vector<Rational>& q);

/// Wasserstein-1 on the ordered alphabet 0 < 1 < ... < K-1 with unit spacing:
/// sum_{k < K-1} |F_mu(k) - F_q(k)| (F the cumulative distribution functions), exactly.
Rational wasserstein1(Counts c, const std::vector<Rational>& q);

/// Whether the state is a Dirac state (a single symbol present).
bool is_dirac(Counts c);

/// KL(q || mu) is infinite: some symbol with q_i > 0 has vanished (c_i = 0).
bool kl_is_infinite(Counts c, const std::vector<Rational>& q);

/// H(mu) = sum_{c_i > 0} (c_i / N) log(N / c_i), natural logarithm (nats), enclosed at `bits`.
Interval entropy_enclosure(Counts c, Precision bits);
/// H(mu), approximate.
double approx_entropy(Counts c);

/// KL(q || mu) = sum_{q_i > 0} q_i log(q_i N / c_i) in nats, enclosed at `bits`. Requires
/// kl_is_infinite(c, q) to be false (std::invalid_argument otherwise).
Interval kl_enclosure(Counts c, const std::vector<Rational>& q, Precision bits);
/// KL(q || mu), approximate; same requirement.
double approx_kl(Counts c, const std::vector<Rational>& q);

/// H(q) of a probability vector, enclosed at `bits`.
Interval entropy_enclosure(const std::vector<Rational>& q, Precision bits);

/// The type in which a log-quantity is reported next to values of type S: an enclosure for
/// exact and interval arithmetic (a log is not rational), a double for doubles.
template <class S>
using RealOf = std::conditional_t<std::is_same_v<S, double>, double, Interval>;

/// S-valued x as a RealOf<S>: a rational is enclosed at `bits`; the others are unchanged.
inline Interval as_real(const Rational& x, Precision bits) { return Interval::enclose(x, bits); }
inline const Interval& as_real(const Interval& x, Precision /*bits*/) { return x; }
inline double as_real(double x, Precision /*bits*/) { return x; }

/// Entropy and KL of a state in the type RealOf<S>.
template <class R>
R entropy_of(Counts c, Precision bits) {
    if constexpr (std::is_same_v<R, double>) return approx_entropy(c);
    else return entropy_enclosure(c, bits);
}
template <class R>
R kl_of(Counts c, const std::vector<Rational>& q, Precision bits) {
    if constexpr (std::is_same_v<R, double>) return approx_kl(c, q);
    else return kl_enclosure(c, q, bits);
}

}  // namespace collapse
