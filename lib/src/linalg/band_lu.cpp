#include <collapse/core/error.hpp>
#include <collapse/linalg/band_lu.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace collapse {
namespace {

std::optional<double> diagonal_of(const SparseMatrix<double>& a, std::size_t i) {
    for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e)
        if (a.column(e) == i) return a.value(e);
    return std::nullopt;
}

}  // namespace

std::optional<std::pair<std::size_t, std::size_t>> BandLU::bandwidths(const SparseMatrix<double>& a) {
    std::size_t lower = 0, upper = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::optional<double> d = diagonal_of(a, i);
        if (!d || !(*d > 0) || !std::isfinite(*d)) return std::nullopt;
        for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e) {
            if (!(std::fabs(a.value(e)) > negligible * *d)) continue;
            const std::size_t j = a.column(e);
            if (j < i) lower = std::max(lower, i - j);
            else upper = std::max(upper, j - i);
        }
    }
    return std::pair{lower, upper};
}

std::optional<BandLU> BandLU::factor(const SparseMatrix<double>& a) {
    if (!a.complete()) throw std::logic_error("BandLU::factor: the matrix is incomplete");
    const auto widths = bandwidths(a);
    if (!widths) return std::nullopt;
    BandMatrix band(a.size(), widths->first, widths->second);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = *diagonal_of(a, i);
        for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e)
            if (std::fabs(a.value(e)) > negligible * d) band.at(i, a.column(e)) += a.value(e);
    }
    std::optional<BandLU> lu = factor(std::move(band));
    if (lu) lu->dropped_negligible_ = true;
    return lu;
}

std::optional<BandLU> BandLU::factor(BandMatrix m) {
    const std::size_t n = m.size(), lower = m.lower(), upper = m.upper();
    for (std::size_t p = 0; p < n; ++p) {
        const double pivot = m.at(p, p);
        if (!(pivot > 0) || !std::isfinite(pivot)) return std::nullopt;
        const std::size_t last_row = std::min(n - 1, p + lower), last_col = std::min(n - 1, p + upper);
        const double* pivot_row = &m.at(p, p);
        for (std::size_t i = p + 1; i <= last_row; ++i) {
            double& lip = m.at(i, p);
            if (lip == 0.0) continue;
            const double l = lip / pivot;
            lip = l;  // kept for the forward substitution
            // Columns p+1 .. last_col of rows i and p are contiguous in the band storage.
            double* target = &lip;
            for (std::size_t j = 1; j <= last_col - p; ++j) target[j] -= l * pivot_row[j];
        }
    }
    return BandLU(std::move(m), false);
}

void BandLU::solve(DenseMatrix<double>& x) const {
    const std::size_t n = size(), lower_width = lower(), upper_width = upper();
    if (x.rows() != n) throw std::logic_error("BandLU::solve: shapes differ");
    const std::size_t k = x.cols();
    for (std::size_t i = 1; i < n; ++i) {  // L y = x, L unit lower triangular
        const std::size_t first = i > lower_width ? i - lower_width : 0;
        for (std::size_t p = first; p < i; ++p) {
            const double l = lu_.at(i, p);
            if (l == 0.0) continue;
            for (std::size_t c = 0; c < k; ++c) x(i, c) -= l * x(p, c);
        }
    }
    for (std::size_t i = n; i-- > 0;) {  // U x = y
        const std::size_t last_col = std::min(n - 1, i + upper_width);
        for (std::size_t c = 0; c < k; ++c) {
            double sum = x(i, c);
            for (std::size_t j = i + 1; j <= last_col; ++j) sum -= lu_.at(i, j) * x(j, c);
            x(i, c) = sum / lu_.at(i, i);
            if (!std::isfinite(x(i, c)))
                throw Unable("the double solve gave non-finite values: the system is singular to double precision; "
                             "exact or interval arithmetic can decide it");
        }
    }
}

std::string BandLU::description() const {
    return "band LU without pivoting (M-matrix), lower/upper bandwidth " + std::to_string(lower()) + "/" +
           std::to_string(upper()) + (dropped_negligible_ ? ", entries below 1e-30 of the diagonal dropped" : "");
}

}  // namespace collapse
