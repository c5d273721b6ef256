#pragma once
// Internal to the exact solvers: each row of [A | B] scaled to integers.
#include <collapse/linalg/sparse_matrix.hpp>
#include <collapse/scalar/rational.hpp>

namespace collapse::detail {

/// Least common multiple of the denominators in row i of [A | B]: 1 for the analyses'
/// integer systems.
inline Integer row_scale(const SparseMatrix<Rational>& a, const DenseMatrix<Rational>& b, std::size_t i) {
    Integer scale = 1;
    auto absorb = [&](const Rational& v) {
        const Integer d = boost::multiprecision::denominator(v);
        if (d != 1) scale = boost::multiprecision::lcm(scale, d);
    };
    for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e) absorb(a.magnitude(e));  // sign: same denominator
    for (std::size_t j = 0; j < b.cols(); ++j) absorb(b(i, j));
    return scale;
}

/// v times the row's scale, an integer.
inline Integer scaled(const Rational& v, const Integer& scale) {
    if (scale == 1) return boost::multiprecision::numerator(v);
    return boost::multiprecision::numerator(v) * (scale / boost::multiprecision::denominator(v));
}

}  // namespace collapse::detail
