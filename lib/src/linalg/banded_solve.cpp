// Approximate solves in double: the band LU (linalg/band_lu.hpp) when the band is narrow and
// every pivot positive, Eigen's dense LU otherwise.
#include <collapse/linalg/band_lu.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <optional>
#include <stdexcept>

namespace collapse {

std::optional<Solution<double>> approx_solve_double_banded(const SparseMatrix<double>& a, const DenseMatrix<double>& b) {
    if (!a.complete() || b.rows() != a.size()) throw std::logic_error("approx_solve_double_banded: shapes differ");
    const std::optional<BandLU> lu = BandLU::factor(a);
    if (!lu) return std::nullopt;
    DenseMatrix<double> x = b;
    lu->solve(x);
    return Solution<double>{std::move(x), lu->description() + " (approximate)"};
}

Solution<double> approx_solve_double(const SparseMatrix<double>& a, const DenseMatrix<double>& b) {
    // The band pays off when its work n·lower·upper is well below the dense n³/3.
    if (const auto widths = BandLU::bandwidths(a)) {
        const double n = static_cast<double>(a.size());
        const double band_work = n * static_cast<double>(widths->first + 1) * static_cast<double>(widths->second + 1);
        if (band_work * 8 < n * n * n)
            if (auto solved = approx_solve_double_banded(a, b)) return std::move(*solved);
    }
    return approx_solve_double_lu(a, b);
}

}  // namespace collapse
