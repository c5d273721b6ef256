// Compiled with -frounding-math -ffp-contract=off (see collapse/core/directed_rounding.hpp).
#include "binomial_enclosure.hpp"

#include <collapse/core/directed_rounding.hpp>

#include "long_double_rational.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

namespace collapse::detail {
namespace {

static_assert(std::numeric_limits<long double>::digits >= 64,
              "the row enclosures rely on long double's extended significand");

// One side of a row: terms u(first step), u(next), ... from the mode (u = 1) outward, each
// the previous times a ratio enclosed in [ratio_lo(j), ratio_hi(j)] (j the current index).
// The ratios decrease further out, so once rho = ratio_hi(j) < 1 everything beyond the
// current term u is at most u rho / (1 - rho); the walk stops when that bound is at most
// `negligible` (never when it is 0). Returns the bound (0 when the walk reached the end of
// the row). Runs under upward rounding.
template <class Step, class RatioLo, class RatioHi>
long double walk(std::size_t j, std::size_t end, long double negligible, Step step, RatioLo ratio_lo,
                 RatioHi ratio_hi, std::vector<long double>& lo, std::vector<long double>& hi) {
    long double cur_lo = 1, cur_hi = 1;
    while (j != end) {
        const long double rho_hi = ratio_hi(j);
        if (rho_hi < 1 && negligible > 0) {
            const long double tail = cur_hi * rho_hi / sub_down(1, rho_hi);
            if (tail <= negligible) return tail;
        }
        cur_lo = mul_down(cur_lo, ratio_lo(j));
        cur_hi = cur_hi * rho_hi;
        lo.push_back(cur_lo);
        hi.push_back(cur_hi);
        j = step(j);
    }
    return 0;
}

}  // namespace

std::pair<long double, long double> enclose_ratio(const Integer& a, const Integer& d) {
    return enclose_in_long_double(Rational(a, d));
}

ProbabilityEnclosure enclose_probability(const Integer& a, const Integer& d) {
    ProbabilityEnclosure p;
    p.zero = a == 0;
    p.one = a == d;
    p.p = enclose_ratio(a, d).first;
    if (!p.zero && !p.one) std::tie(p.odds_lo, p.odds_hi) = enclose_ratio(a, d - a);
    return p;
}

void binomial_row(std::size_t n, const ProbabilityEnclosure& p, long double negligible, RowEnclosure& row) {
    row.lo.clear();
    row.hi.clear();
    row.outside = 0;
    if (p.zero || p.one) {  // every trial fails (resp. succeeds)
        row.first = p.zero ? 0 : n;
        row.lo.push_back(1);
        row.hi.push_back(1);
        return;
    }
    const auto samples = static_cast<long double>(n);
    const long double r_lo = p.odds_lo, r_hi = p.odds_hi;
    // Any anchor is valid; the mode keeps the walks short and the terms away from underflow.
    const auto mode = static_cast<std::size_t>(std::min(samples, std::floor((samples + 1) * p.p)));

    // Upward from the mode: u(j+1) / u(j) = (N - j) / (j + 1) * r.
    std::vector<long double> up_lo, up_hi, down_lo, down_hi;
    const long double upper_tail = walk(
        mode, n, negligible, [](std::size_t j) { return j + 1; },
        [&](std::size_t j) { return div_down(mul_down(static_cast<long double>(n - j), r_lo), j + 1.0L); },
        [&](std::size_t j) { return static_cast<long double>(n - j) * r_hi / (j + 1.0L); }, up_lo, up_hi);
    // Downward: u(j-1) / u(j) = j / ((N - j + 1) r).
    const long double lower_tail = walk(
        mode, 0, negligible, [](std::size_t j) { return j - 1; },
        [&](std::size_t j) { return div_down(static_cast<long double>(j), static_cast<long double>(n - j + 1) * r_hi); },
        [&](std::size_t j) { return static_cast<long double>(j) / mul_down(static_cast<long double>(n - j + 1), r_lo); },
        down_lo, down_hi);

    row.first = mode - down_lo.size();
    for (std::size_t k = down_lo.size(); k-- > 0;) {
        row.lo.push_back(down_lo[k]);
        row.hi.push_back(down_hi[k]);
    }
    row.lo.push_back(1);
    row.hi.push_back(1);
    row.lo.insert(row.lo.end(), up_lo.begin(), up_lo.end());
    row.hi.insert(row.hi.end(), up_hi.begin(), up_hi.end());

    // The row's sum of unnormalised terms, enclosed (tails only raise the upper bound).
    long double sum_lo = 0, sum_hi = upper_tail + lower_tail;
    for (std::size_t k = 0; k < row.lo.size(); ++k) {
        sum_lo = add_down(sum_lo, row.lo[k]);
        sum_hi = sum_hi + row.hi[k];
    }
    for (std::size_t k = 0; k < row.lo.size(); ++k) {
        row.lo[k] = div_down(row.lo[k], sum_hi);
        row.hi[k] = row.hi[k] / sum_lo;
    }
    row.outside = (upper_tail + lower_tail) / sum_lo;
}

}  // namespace collapse::detail
