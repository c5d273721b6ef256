#pragma once
// Exact samplers of the distributions a simulated generation needs, written here rather than
// taken from <random> (whose distributions are implementation-defined, so the same seed would
// give different draws with different standard libraries).
//
// Exactness: each algorithm draws from the exact law when its arithmetic is exact (no normal
// or Poisson approximation anywhere, for every N). It runs in IEEE-754 double precision, so the
// law actually sampled differs from the exact one by rounding only: probabilities are perturbed
// by relative amounts of order n * 2^-53 at worst (docs/simulate.md, "Exactness"). Parameters
// given as doubles are themselves the nearest doubles to the model's exact rationals.
//
// Reproducibility: only +, -, *, /, sqrt and floor (correctly rounded or exact in IEEE-754)
// are used, with this file's own exp and log instead of the platform's libm, whose last bits
// differ between systems; the sources are compiled with -ffp-contract=off so that no compiler
// fuses a multiply and an add on some machines and not on others.
#include <collapse/simulation/random.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace collapse::simulation {

/// exp and log, and log(1 + x), within a few ulp, from basic operations only: the same bits
/// on every IEEE-754 machine. det_log(0) = -inf; arguments must not be negative.
double det_exp(double x);
double det_log(double x);
double det_log1p(double x);

/// log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2]: the error of Stirling's
/// formula, from a table for k <= 9 and eight terms of the Stirling series above (truncation
/// error below 1e-18 there).
double stirling_tail(double k);

/// One draw of Binomial(n, p), n < 2^53, 0 <= p <= 1 (anything else: std::invalid_argument).
///  - p = 0 gives 0 and p = 1 gives n without drawing; p > 1/2 draws n - Binomial(n, 1 - p)
///    (1 - p is exact for p >= 1/2).
///  - n * p < 10: inversion, walking the exact pmf from f(0) = (1-p)^n by
///    f(k+1) = f(k) (n-k)/(k+1) p/(1-p). The mass that rounding leaves beyond the walk is
///    rejected (the walk restarts), so nothing is ever forced into the last value.
///  - n * p >= 10: Hörmann's BTRS (W. Hörmann, "The generation of binomial random variates",
///    J. Statist. Comput. Simul. 46 (1993) 101-110), transformed rejection with squeeze. It
///    is a rejection method: a candidate k from a hat that dominates the pmf is accepted when
///    a uniform falls below f(k)/f(m) (m the mode), computed from the exact pmf ratio by
///    Stirling's formula with its tail (stirling_tail); the squeeze accepts only inside a
///    region Hörmann proved lies under the pmf. So accepted values follow the binomial law
///    exactly, whatever n: the method approximates nothing.
std::uint64_t sample_binomial(Xoshiro256StarStar& rng, std::uint64_t n, double p);

/// Adds one draw of Multinomial(n, w / sum(w)) to `counts` (same size as `w`), by conditional
/// binomials: symbol i gets Binomial(n - taken, w_i / (w_i + ... + w_{K-1})) in index order.
/// A zero weight never receives a sample, and the last positive weight gets exactly what is
/// left (its conditional probability is w/w = 1), so the support is the exact support of w.
/// Weights must be finite and >= 0, not all zero when n > 0 (std::invalid_argument).
/// Returns the number of binomial draws made.
std::uint64_t add_multinomial(Xoshiro256StarStar& rng, std::uint64_t n, std::span<const double> w,
                              std::span<std::uint64_t> counts, std::vector<double>& scratch);

/// Samples the next state of a finite chain from rows of probabilities given as doubles
/// (cumulative sums and a binary search). An entry whose double is 0 is never drawn.
class RowSampler {
public:
    /// `row_start` (size states + 1), `target` and `probability` as in a CSR matrix.
    RowSampler(std::vector<std::size_t> row_start, std::vector<std::size_t> target, std::vector<double> probability);
    std::size_t next(Xoshiro256StarStar& rng, std::size_t state) const;

private:
    std::vector<std::size_t> row_start_, target_;
    std::vector<double> cumulative_;
    std::vector<std::size_t> last_positive_;
};

}  // namespace collapse::simulation
