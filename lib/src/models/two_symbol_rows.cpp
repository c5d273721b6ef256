// Compiled with -frounding-math -ffp-contract=off (see collapse/core/directed_rounding.hpp).
#include <collapse/models/two_symbol_rows.hpp>

#include <collapse/core/directed_rounding.hpp>
#include "binomial_enclosure.hpp"
#include "integer_law.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace collapse {

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
        detail::ProbabilityEnclosure p;
        {
            const detail::NearestRounding nearest;  // GMP and MPFR in their usual setting
            const std::uint32_t counts[2] = {static_cast<std::uint32_t>(n - state), static_cast<std::uint32_t>(state)};
            detail::IntegerLaw law = detail::fitted_law(m.fit, counts, n);
            if (by_fraction) law = detail::mixed_law(law, q, m.fresh.fraction);
            p = detail::enclose_probability(law.numerator[1], law.denominator);
        }
        detail::binomial_row(n, p, negligible_row_term, row);
    };
}

}  // namespace collapse
