// Approximate solves in double on a band: the analyses' matrices are nonsingular M-matrices
// (I - Q), row diagonally dominant, so Gaussian elimination needs no pivoting, keeps the
// band, and is backward stable (growth factor at most 2). Recursive-training rows are
// binomial-like and concentrated near their mean, so past a negligible cut-off the band is
// narrow: about 2 sqrt(35 N) wide against N for the dense LU (numerics.md). Written here
// because neither Eigen (dense or fill-reducing sparse LU) nor any other Debian C++ library
// offers a band LU without pivoting; LAPACK's dgbsv pivots and doubles the upper band.
#include <collapse/core/error.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace collapse {
namespace {

// Entries smaller than this fraction of their row's diagonal are dropped: a relative change
// of at most n * 1e-30 per row, far below the rounding of a double.
constexpr double negligible = 1e-30;

struct Band {
    std::size_t n = 0, lower = 0, upper = 0;
    std::vector<double> values;  ///< row i holds columns i - lower .. i + upper
    double& at(std::size_t i, std::size_t j) { return values[i * (lower + upper + 1) + (j + lower - i)]; }
};

std::optional<double> diagonal_of(const SparseMatrix<double>& a, std::size_t i) {
    for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e)
        if (a.column(e) == i) return a.value(e);
    return std::nullopt;
}

// Band widths after dropping negligible entries; nothing when a diagonal is not positive
// (not the M-matrix the elimination relies on).
std::optional<Band> band_of(const SparseMatrix<double>& a) {
    Band band;
    band.n = a.size();
    for (std::size_t i = 0; i < band.n; ++i) {
        const std::optional<double> d = diagonal_of(a, i);
        if (!d || !(*d > 0) || !std::isfinite(*d)) return std::nullopt;
        for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e) {
            if (!(std::fabs(a.value(e)) > negligible * *d)) continue;
            const std::size_t j = a.column(e);
            if (j < i) band.lower = std::max(band.lower, i - j);
            else band.upper = std::max(band.upper, j - i);
        }
    }
    return band;
}

}  // namespace

std::optional<Solution<double>> approx_solve_double_banded(const SparseMatrix<double>& a, const DenseMatrix<double>& b) {
    if (!a.complete() || b.rows() != a.size()) throw std::logic_error("approx_solve_double_banded: shapes differ");
    const std::size_t n = a.size(), k = b.cols();
    std::optional<Band> found = band_of(a);
    if (!found) return std::nullopt;
    Band& band = *found;
    const std::size_t width = band.lower + band.upper + 1;
    band.values.assign(n * width, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double d = *diagonal_of(a, i);
        for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e)
            if (std::fabs(a.value(e)) > negligible * d) band.at(i, a.column(e)) += a.value(e);
    }
    DenseMatrix<double> x = b;
    for (std::size_t p = 0; p < n; ++p) {
        const double pivot = band.at(p, p);
        if (!(pivot > 0) || !std::isfinite(pivot)) return std::nullopt;
        const std::size_t last_row = std::min(n - 1, p + band.lower), last_col = std::min(n - 1, p + band.upper);
        const double* pivot_row = &band.at(p, p);
        for (std::size_t i = p + 1; i <= last_row; ++i) {
            double& lip = band.at(i, p);
            if (lip == 0.0) continue;
            const double l = lip / pivot;
            lip = 0.0;
            // Columns p+1 .. last_col of rows i and p are contiguous in the band storage.
            double* target = &lip;
            for (std::size_t j = 1; j <= last_col - p; ++j) target[j] -= l * pivot_row[j];
            for (std::size_t c = 0; c < k; ++c) x(i, c) -= l * x(p, c);
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        const std::size_t last_col = std::min(n - 1, i + band.upper);
        for (std::size_t c = 0; c < k; ++c) {
            double sum = x(i, c);
            for (std::size_t j = i + 1; j <= last_col; ++j) sum -= band.at(i, j) * x(j, c);
            x(i, c) = sum / band.at(i, i);
            if (!std::isfinite(x(i, c)))
                throw Unable("the double solve gave non-finite values: the system is singular to double precision; "
                             "exact or interval arithmetic can decide it");
        }
    }
    return Solution<double>{std::move(x), "band LU without pivoting (M-matrix), lower/upper bandwidth " +
                                              std::to_string(band.lower) + "/" + std::to_string(band.upper) +
                                              ", entries below 1e-30 of the diagonal dropped (approximate)"};
}

Solution<double> approx_solve_double(const SparseMatrix<double>& a, const DenseMatrix<double>& b) {
    // The band pays off when its work n·lower·upper is well below the dense n³/3.
    if (std::optional<Band> band = band_of(a)) {
        const double n = static_cast<double>(a.size());
        const double band_work = n * static_cast<double>(band->lower + 1) * static_cast<double>(band->upper + 1);
        if (band_work * 8 < n * n * n)
            if (auto solved = approx_solve_double_banded(a, b)) return std::move(*solved);
    }
    return approx_solve_double_lu(a, b);
}

}  // namespace collapse
