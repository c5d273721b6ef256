#pragma once
// Internal to the row sources: enclosures of Binomial(n, p) terms in long double from the
// exact odds of p, for two-symbol rows (one binomial) and multinomial rows (products of
// conditional binomials). Defined in binomial_enclosure.cpp, compiled with directed rounding.
#include <collapse/chain/row_enclosure.hpp>
#include <collapse/scalar/rational.hpp>

#include <cstddef>
#include <utility>

namespace collapse::detail {

// p = a / d (a probability) and its odds r = p / (1 - p), each enclosed in long double straight
// from the exact rational (1 - p computed in floating point would lose all relative accuracy
// when p is close to 1, as with little fresh data); `zero` / `one` exactly.
struct ProbabilityEnclosure {
    long double p = 0, odds_lo = 0, odds_hi = 0;
    bool zero = false, one = false;
};

// The narrowest long double enclosure of a / d, rounded outward by MPFR at 64 bits. Call in
// the default rounding mode (GMP and MPFR expect it).
std::pair<long double, long double> enclose_ratio(const Integer& a, const Integer& d);

// 0 <= a <= d, d > 0. Call in the default rounding mode.
ProbabilityEnclosure enclose_probability(const Integer& a, const Integer& d);

// The terms of Binomial(n, p) over the number of successes: row.lo/hi[k] enclose
// P(first + k successes). Terms from the mode outward by the ratio recurrence in both rounding
// directions, divided by enclosures of their sum. Each side of the window ends once everything
// beyond is proved to be at most `negligible` times the mode's term (a geometric bound), that
// mass going to `outside`; negligible = 0 keeps every term (outside = 0). Call under upward
// rounding (UpwardRounding).
void binomial_row(std::size_t n, const ProbabilityEnclosure& p, long double negligible, RowEnclosure& row);

}  // namespace collapse::detail
