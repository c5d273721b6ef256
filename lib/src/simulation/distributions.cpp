// Compiled with -ffp-contract=off (lib/CMakeLists.txt): see distributions.hpp.
#include <collapse/simulation/distributions.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace collapse::simulation {
namespace {

// ln 2 split so that k * ln2_hi is exact for |k| < 2^20 (fdlibm's constants).
constexpr double ln2_hi = 6.93147180369123816490e-01;
constexpr double ln2_lo = 1.90821492927058770002e-10;
constexpr double inv_ln2 = 1.44269504088896338700e+00;

}  // namespace

double det_exp(double x) {
    if (x != x) return x;
    if (x > 709.782712893384) return std::numeric_limits<double>::infinity();
    if (x < -745.2) return 0.0;
    // x = k ln 2 + r, |r| <= ln(2)/2 (plus rounding); exp(r) by its Taylor series to r^14/14!
    // (the next term is below 2^-60 relative).
    const double k = std::floor(x * inv_ln2 + 0.5);
    const double r = (x - k * ln2_hi) - k * ln2_lo;
    constexpr double inv_fact[] = {1.0,
                                   1.0,
                                   1.0 / 2.0,
                                   1.0 / 6.0,
                                   1.0 / 24.0,
                                   1.0 / 120.0,
                                   1.0 / 720.0,
                                   1.0 / 5040.0,
                                   1.0 / 40320.0,
                                   1.0 / 362880.0,
                                   1.0 / 3628800.0,
                                   1.0 / 39916800.0,
                                   1.0 / 479001600.0,
                                   1.0 / 6227020800.0,
                                   1.0 / 87178291200.0};
    double t = inv_fact[14];
    for (int j = 13; j >= 1; --j) t = t * r + inv_fact[j];
    t = t * r + 1.0;
    return std::ldexp(t, static_cast<int>(k));
}

double det_log(double x) {
    if (x != x || x < 0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return -std::numeric_limits<double>::infinity();
    if (x == std::numeric_limits<double>::infinity()) return x;
    // x = m 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172,
    // by its series to s^23/23 (the next term is below 2^-58 relative).
    int e = 0;
    double m = std::frexp(x, &e);
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e -= 1;
    }
    const double s = (m - 1.0) / (m + 1.0);  // m - 1 is exact (Sterbenz)
    const double s2 = s * s;
    double t = 1.0 / 23.0;
    for (int j = 21; j >= 3; j -= 2) t = t * s2 + 1.0 / j;
    t = t * s2 + 1.0;
    const double de = static_cast<double>(e);
    return (de * ln2_lo + 2.0 * s * t) + de * ln2_hi;
}

double det_log1p(double x) {
    // Goldberg's trick: u = 1 + x rounded; log(u) * x / (u - 1) corrects the rounding of u.
    const double u = 1.0 + x;
    if (u == 1.0) return x;
    return det_log(u) * (x / (u - 1.0));
}

double stirling_tail(double k) {
    static constexpr double table[10] = {0.08106146679532726,  0.0413406959554093,   0.02767792568499834,
                                         0.020790672103765093, 0.016644691189821193, 0.013876128823070748,
                                         0.01189670994589177,  0.010411265261972096, 0.009255462182712733,
                                         0.00833056343336287};
    if (k <= 9) return table[static_cast<int>(k)];
    // Stirling series of log Gamma(x) at x = k + 1 >= 11: sum_j B_2j / (2j (2j-1) x^(2j-1)).
    const double x = k + 1.0, x2 = 1.0 / (x * x);
    double t = -3617.0 / 122400.0;
    t = t * x2 + 1.0 / 156.0;
    t = t * x2 - 691.0 / 360360.0;
    t = t * x2 + 1.0 / 1188.0;
    t = t * x2 - 1.0 / 1680.0;
    t = t * x2 + 1.0 / 1260.0;
    t = t * x2 - 1.0 / 360.0;
    t = t * x2 + 1.0 / 12.0;
    return t / x;
}

namespace {

// Binomial(n, p) for 0 < p <= 1/2 and n p < 10: inversion along the pmf recurrence.
std::uint64_t binomial_inversion(Xoshiro256StarStar& rng, std::uint64_t n, double p) {
    const double q = 1.0 - p, r = p / q, dn = static_cast<double>(n);
    // f(0) = (1-p)^n >= e^-14 here (no underflow). For n <= 64 by repeated squaring (relative
    // error below 2^-46); above, as exp(n log1p(-p)), which does not round 1 - p first.
    double f0 = 1.0;
    if (n <= 64) {
        double base = q;
        for (std::uint64_t e = n; e > 0; e >>= 1) {
            if (e & 1) f0 *= base;
            base *= base;
        }
    } else {
        f0 = det_exp(dn * det_log1p(-p));
    }
    for (;;) {
        double u = rng.uniform(), f = f0;
        std::uint64_t k = 0;
        bool restart = false;
        while (u >= f) {
            u -= f;
            if (k >= n) {  // rounding left mass beyond n: reject and draw again
                restart = true;
                break;
            }
            const double dk = static_cast<double>(k);
            f = f * (r * ((dn - dk) / (dk + 1.0)));
            ++k;
            if (f == 0.0) {  // the rest of the pmf underflowed: same as above
                restart = true;
                break;
            }
        }
        if (!restart) return k;
    }
}

// log(f(k) / f(m)) for Binomial(n, p), r = p / (1 - p), from Stirling's formula with its exact
// tail, rearranged (Hörmann 1993, BTRD step 3.4) so that the large terms cancel analytically;
// h = (m + 1/2) log((m + 1) / (r (n - m + 1))) + tail(m) + tail(n - m) depends on n, p only.
double log_pmf_ratio(double k, double m, double n, double r, double h) {
    // (n + 1) log((n - m + 1) / (n - k + 1)) is written log1p((k - m) / (n - k + 1)): exact k - m.
    const double nk = n - k + 1.0;
    return h + (n + 1.0) * det_log1p((k - m) / nk) + (k + 0.5) * det_log(nk * r / (k + 1.0)) - stirling_tail(k) -
           stirling_tail(n - k);
}

// Binomial(n, p) for 0 < p <= 1/2 and n p >= 10: BTRS (Hörmann 1993).
std::uint64_t binomial_btrs(Xoshiro256StarStar& rng, std::uint64_t n, double p) {
    const double dn = static_cast<double>(n), q = 1.0 - p;
    const double spq = std::sqrt(dn * p * q);
    const double b = 1.15 + 2.53 * spq;
    const double a = -0.0873 + 0.0248 * b + 0.01 * p;
    const double c = dn * p + 0.5;
    const double alpha = (2.83 + 5.1 / b) * spq;
    const double v_r = 0.92 - 4.2 / b;
    const double r = p / q;
    const double m = std::floor((dn + 1.0) * p);
    const double nm = dn - m + 1.0;
    const double h = (m + 0.5) * det_log((m + 1.0) / (r * nm)) + stirling_tail(m) + stirling_tail(dn - m);
    for (;;) {
        const double u = rng.uniform() - 0.5;
        double v = rng.uniform();
        const double us = 0.5 - std::fabs(u);
        if (us <= 0.0) continue;  // u = -1/2 exactly: a null set of the continuous method
        const double k = std::floor((2.0 * a / us + b) * u + c);
        if (k < 0.0 || k > dn) continue;
        if (us >= 0.07 && v <= v_r) return static_cast<std::uint64_t>(k);  // squeeze
        v = det_log(v * alpha / (a / (us * us) + b));
        if (v <= log_pmf_ratio(k, m, dn, r, h)) return static_cast<std::uint64_t>(k);
    }
}

}  // namespace

std::uint64_t sample_binomial(Xoshiro256StarStar& rng, std::uint64_t n, double p) {
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("sample_binomial: p is not in [0, 1]");
    if (n >= (std::uint64_t{1} << 53)) throw std::invalid_argument("sample_binomial: n is not below 2^53");
    if (n == 0 || p == 0.0) return 0;
    if (p == 1.0) return n;
    if (p > 0.5) return n - sample_binomial(rng, n, 1.0 - p);
    if (static_cast<double>(n) * p < 10.0) return binomial_inversion(rng, n, p);
    return binomial_btrs(rng, n, p);
}

std::uint64_t add_multinomial(Xoshiro256StarStar& rng, std::uint64_t n, std::span<const double> w,
                              std::span<std::uint64_t> counts, std::vector<double>& suffix) {
    if (counts.size() != w.size()) throw std::invalid_argument("add_multinomial: sizes differ");
    if (n == 0) return 0;
    const std::size_t k = w.size();
    suffix.resize(k + 1);
    suffix[k] = 0.0;
    for (std::size_t i = k; i-- > 0;) {
        if (!(w[i] >= 0.0) || w[i] == std::numeric_limits<double>::infinity())
            throw std::invalid_argument("add_multinomial: a weight is negative or not finite");
        suffix[i] = suffix[i + 1] + w[i];
    }
    if (!(suffix[0] > 0.0)) throw std::invalid_argument("add_multinomial: every weight is zero");
    std::uint64_t left = n, draws = 0;
    for (std::size_t i = 0; i < k && left > 0; ++i) {
        if (w[i] == 0.0) continue;
        const double conditional = w[i] / suffix[i];
        std::uint64_t x = left;
        if (conditional < 1.0) {
            x = sample_binomial(rng, left, conditional);
            ++draws;
        }
        counts[i] += x;
        left -= x;
    }
    if (left != 0) throw std::logic_error("add_multinomial: samples left after the last positive weight");
    return draws;
}

RowSampler::RowSampler(std::vector<std::size_t> row_start, std::vector<std::size_t> target,
                       std::vector<double> probability)
    : row_start_(std::move(row_start)), target_(std::move(target)), cumulative_(std::move(probability)) {
    const std::size_t states = row_start_.size() - 1;
    last_positive_.assign(states, 0);
    for (std::size_t s = 0; s < states; ++s) {
        double sum = 0.0;
        bool any = false;
        for (std::size_t e = row_start_[s]; e < row_start_[s + 1]; ++e) {
            if (cumulative_[e] > 0.0) {
                last_positive_[s] = e;
                any = true;
            }
            sum += cumulative_[e];
            cumulative_[e] = sum;
        }
        if (!any) throw std::invalid_argument("RowSampler: a row has no positive probability");
    }
}

std::size_t RowSampler::next(Xoshiro256StarStar& rng, std::size_t state) const {
    const std::size_t begin = row_start_[state], end = row_start_[state + 1];
    const double u = rng.uniform() * cumulative_[end - 1];
    // First entry whose cumulative sum exceeds u: an entry of width 0 is never it.
    std::size_t lo = begin, hi = end;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (cumulative_[mid] > u) hi = mid;
        else lo = mid + 1;
    }
    return target_[lo < end ? lo : last_positive_[state]];
}

}  // namespace collapse::simulation
