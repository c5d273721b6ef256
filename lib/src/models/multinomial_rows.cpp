// Compiled with -frounding-math -ffp-contract=off (see collapse/core/directed_rounding.hpp).
#include <collapse/models/multinomial_rows.hpp>

#include <collapse/core/directed_rounding.hpp>
#include "binomial_enclosure.hpp"
#include "integer_law.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace collapse {
namespace {

// The enclosed terms of Binomial(n, p) for every n = 0..N at one level of the product, looked
// up by (n, x) with 0 outside a row's window (Dirac rows).
struct BinomialTable {
    std::vector<RowEnclosure> rows;  // by n
};

struct Term {
    long double lo, hi;
};

Term term(const BinomialTable& table, std::size_t n, std::size_t x) {
    const RowEnclosure& row = table.rows[n];
    if (x < row.first || x - row.first >= row.lo.size()) return {0, 0};
    return {row.lo[x - row.first], row.hi[x - row.first]};
}

// Appends the entries of the row in StateSpace order (descending lexicographic: x_i from n
// down to 0 at each level), multiplying the factors' enclosures (all >= 0) outward.
void append_products(const std::vector<BinomialTable>& levels, std::size_t level, std::size_t n, long double lo,
                     long double hi, RowEnclosure& row) {
    if (level == levels.size()) {  // the last symbol takes the remaining n samples: factor 1
        row.lo.push_back(lo);
        row.hi.push_back(hi);
        return;
    }
    for (std::size_t x = n + 1; x-- > 0;) {
        const Term t = term(levels[level], n, x);
        append_products(levels, level + 1, n - x, detail::mul_down(lo, t.lo), hi * t.hi, row);
    }
}

}  // namespace

bool has_positive_multinomial_rows(const RecursiveModel& m) {
    if (m.fresh.kind != FreshData::Kind::fraction || m.fresh.fraction <= 0) return false;
    if (m.fit.kind == Fit::Kind::temper && boost::multiprecision::denominator(m.fit.beta) != 1) return false;
    return std::all_of(m.external.begin(), m.external.end(), [](const Rational& q) { return q > 0; }) &&
           m.external.size() == m.symbols && m.symbols >= 2;
}

RowEnclosureSource multinomial_row_enclosures(const RecursiveModel& m) {
    if (!has_positive_multinomial_rows(m))
        throw std::invalid_argument("multinomial_row_enclosures: needs fresh data by a positive fraction from a "
                                    "positive external law, and rational probabilities");
    return [m, q = detail::external_law(m.external), space = StateSpace(m.symbols, m.samples)](
               std::size_t state, RowEnclosure& row) {
        const std::size_t k = m.symbols, n = m.samples;
        // Level i: Binomial(r, p_i / (p_i + ... + p_{K-1})) for every remaining count r.
        std::vector<detail::ProbabilityEnclosure> conditional(k - 1);
        {
            const detail::NearestRounding nearest;  // GMP and MPFR in their usual setting
            const auto counts = space.counts(state);
            const detail::IntegerLaw law = detail::mixed_law(detail::fitted_law(m.fit, counts, n), q, m.fresh.fraction);
            Integer suffix = 0;
            for (std::size_t i = k; i-- > 0;) {
                suffix += law.numerator[i];
                if (i + 1 < k) conditional[i] = detail::enclose_probability(law.numerator[i], suffix);
            }
        }
        std::vector<BinomialTable> levels(k - 1);
        for (std::size_t i = 0; i + 1 < k; ++i) {
            levels[i].rows.resize(n + 1);
            for (std::size_t r = 0; r <= n; ++r) detail::binomial_row(r, conditional[i], 0, levels[i].rows[r]);
        }
        row.first = 0;
        row.outside = 0;
        row.lo.clear();
        row.hi.clear();
        row.lo.reserve(space.size());
        row.hi.reserve(space.size());
        append_products(levels, 0, n, 1, 1, row);
    };
}

std::size_t state_nearest_mean(const RecursiveModel& m, const StateSpace& space) {
    const std::size_t k = m.symbols;
    std::vector<std::uint32_t> counts(k);
    std::vector<Rational> remainder(k);
    std::uint64_t assigned = 0;
    for (std::size_t i = 0; i < k; ++i) {
        const Rational mean = m.external[i] * Rational(Integer(m.samples));
        const Integer whole = boost::multiprecision::numerator(mean) / boost::multiprecision::denominator(mean);
        counts[i] = whole.convert_to<std::uint32_t>();
        remainder[i] = mean - Rational(whole);
        assigned += counts[i];
    }
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t t = 0; assigned < m.samples; ++t, ++assigned) ++counts[order[t % k]];
    return space.index_of(counts);
}

}  // namespace collapse
