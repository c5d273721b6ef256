// Compiled with -frounding-math -ffp-contract=off (see collapse/core/directed_rounding.hpp).
#include <collapse/models/two_symbol_rows.hpp>

#include <collapse/core/directed_rounding.hpp>
#include "integer_law.hpp"

#include <mpfr.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace collapse {
namespace {

using detail::div_down;
using detail::mul_down;
using detail::sub_down;

static_assert(std::numeric_limits<long double>::digits >= 64,
              "the row enclosures rely on long double's extended significand");

// p = P(second symbol) in one state and the odds r = p / (1 - p), each enclosed in long double
// straight from its exact rational (1 - p computed in floating point would lose all relative
// accuracy when p is close to 1, as with little fresh data); `zero` / `one` exactly.
struct ProbabilityEnclosure {
    long double p = 0, odds_lo = 0, odds_hi = 0;
    bool zero = false, one = false;
};

// The narrowest long double enclosure of a / d, rounded outward from the exact rational by
// MPFR at 64 bits (the long double significand, so the conversion back is exact).
std::pair<long double, long double> enclose_ratio(const Integer& a, const Integer& d) {
    const Rational q(a, d);
    mpfr_t x;
    mpfr_init2(x, 64);
    mpfr_set_q(x, q.backend().data(), MPFR_RNDD);
    const long double lo = mpfr_get_ld(x, MPFR_RNDD);
    mpfr_set_q(x, q.backend().data(), MPFR_RNDU);
    const long double hi = mpfr_get_ld(x, MPFR_RNDU);
    mpfr_clear(x);
    return {lo, hi};
}

ProbabilityEnclosure enclose_probability(const Integer& a, const Integer& d) {
    ProbabilityEnclosure p;
    p.zero = a == 0;
    p.one = a == d;
    p.p = enclose_ratio(a, d).first;
    if (!p.zero && !p.one) std::tie(p.odds_lo, p.odds_hi) = enclose_ratio(a, d - a);
    return p;
}

// One side of a row: terms u(first step), u(next), ... from the mode (u = 1) outward, each
// the previous times a ratio enclosed in [ratio_lo(j), ratio_hi(j)] (j the current index).
// The ratios decrease further out, so once rho = ratio_hi(j) < 1 everything beyond the
// current term u is at most u rho / (1 - rho); the walk stops when that bound is negligible.
// Returns the bound (0 when the walk reached the end of the row). Runs under upward rounding.
template <class Step, class RatioLo, class RatioHi>
long double walk(std::size_t j, std::size_t end, Step step, RatioLo ratio_lo, RatioHi ratio_hi,
                 std::vector<long double>& lo, std::vector<long double>& hi) {
    long double cur_lo = 1, cur_hi = 1;
    while (j != end) {
        const long double rho_hi = ratio_hi(j);
        if (rho_hi < 1) {
            const long double tail = cur_hi * rho_hi / sub_down(1, rho_hi);
            if (tail <= negligible_row_term) return tail;
        }
        cur_lo = mul_down(cur_lo, ratio_lo(j));
        cur_hi = cur_hi * rho_hi;
        lo.push_back(cur_lo);
        hi.push_back(cur_hi);
        j = step(j);
    }
    return 0;
}

void binomial_row(std::size_t n, const ProbabilityEnclosure& p, RowEnclosure& row) {
    row.lo.clear();
    row.hi.clear();
    row.outside = 0;
    if (p.zero || p.one) {  // every sample is the first (resp. second) symbol
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
        mode, n, [](std::size_t j) { return j + 1; },
        [&](std::size_t j) { return div_down(mul_down(static_cast<long double>(n - j), r_lo), j + 1.0L); },
        [&](std::size_t j) { return static_cast<long double>(n - j) * r_hi / (j + 1.0L); }, up_lo, up_hi);
    // Downward: u(j-1) / u(j) = j / ((N - j + 1) r).
    const long double lower_tail = walk(
        mode, 0, [](std::size_t j) { return j - 1; },
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
        sum_lo = detail::add_down(sum_lo, row.lo[k]);
        sum_hi = sum_hi + row.hi[k];
    }
    for (std::size_t k = 0; k < row.lo.size(); ++k) {
        row.lo[k] = div_down(row.lo[k], sum_hi);
        row.hi[k] = row.hi[k] / sum_lo;
    }
    row.outside = (upper_tail + lower_tail) / sum_lo;
}

}  // namespace

double two_symbol_row_width(std::uint64_t samples) {
    // The window also extends until the geometric tail bound u rho / (1 - rho) is negligible,
    // rho / (1 - rho) being at most about N: hence N (N + 1) in the logarithm.
    const double n = static_cast<double>(samples);
    const double reach = std::sqrt(n / 2.0 * std::log(2.0 * n * (n + 1.0) / static_cast<double>(negligible_row_term)));
    return std::min(n + 1.0, 2.0 * std::floor(reach) + 3.0);
}

bool has_two_symbol_row_enclosures(const RecursiveModel& m) {
    return m.symbols == 2 && !(m.fresh.kind == FreshData::Kind::count && m.fresh.count > 0) &&
           !(m.fit.kind == Fit::Kind::temper && boost::multiprecision::denominator(m.fit.beta) != 1);
}

RowEnclosureSource two_symbol_row_enclosures(const RecursiveModel& m) {
    if (!has_two_symbol_row_enclosures(m))
        throw std::invalid_argument("two_symbol_row_enclosures: needs two symbols, no fresh count and rational probabilities");
    // p is computed exactly and enclosed per row, on demand: the source holds O(1) memory, so
    // callers can check a chain's memory before anything of its size exists.
    return [m, q = detail::external_law(m.external)](std::size_t state, RowEnclosure& row) {
        const std::size_t n = m.samples;
        const bool by_fraction = m.fresh.kind == FreshData::Kind::fraction && !m.fresh.fraction.is_zero();
        ProbabilityEnclosure p;
        {
            const detail::NearestRounding nearest;  // GMP and MPFR in their usual setting
            const std::uint32_t counts[2] = {static_cast<std::uint32_t>(n - state), static_cast<std::uint32_t>(state)};
            detail::IntegerLaw law = detail::fitted_law(m.fit, counts, n);
            if (by_fraction) law = detail::mixed_law(law, q, m.fresh.fraction);
            p = enclose_probability(law.numerator[1], law.denominator);
        }
        binomial_row(n, p, row);
    };
}

}  // namespace collapse
