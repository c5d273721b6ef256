// Verified solves: interval Gaussian elimination without pivoting (numerics.md: on the
// M-matrix systems of the analyses this is stable, and for sign-known data it gives the
// exact hull; Barth-Nuding 1974).
#include <collapse/core/error.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <stdexcept>
#include <string>

namespace collapse {

Solution<Interval> verified_solve_interval_elimination(const SparseMatrix<Interval>& a,
                                                       const DenseMatrix<Interval>& b) {
    const std::size_t n = a.size(), k = b.cols();
    if (!a.complete() || b.rows() != n) throw std::logic_error("verified_solve_interval_elimination: shapes differ");
    Solution<Interval> out{DenseMatrix<Interval>(n, k, Interval()), "interval elimination without pivoting"};
    if (n == 0 || k == 0) return out;
    DenseMatrix<Interval> m(n, n, Interval());
    std::vector<bool> structurally_zero(n * n, true);  // skip work on entries known to be 0
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e) {
            m(i, a.column(e)) = m(i, a.column(e)) + a.value(e);
            structurally_zero[i * n + a.column(e)] = false;
        }
    DenseMatrix<Interval> x = b;
    for (std::size_t p = 0; p < n; ++p) {
        const Interval& pivot = m(p, p);
        if (scalar_traits<Interval>::is_positive(pivot) != Truth::yes)
            throw Unable("interval elimination: pivot " + std::to_string(p) + " of " + std::to_string(n) +
                         " is " + scalar_traits<Interval>::to_string(pivot) + ", not proved positive");
        for (std::size_t i = p + 1; i < n; ++i) {
            if (structurally_zero[i * n + p]) continue;
            const Interval factor = m(i, p) / pivot;
            for (std::size_t j = p + 1; j < n; ++j) {
                if (structurally_zero[p * n + j]) continue;
                m(i, j) = m(i, j) - factor * m(p, j);
                structurally_zero[i * n + j] = false;
            }
            for (std::size_t c = 0; c < k; ++c) x(i, c) = x(i, c) - factor * x(p, c);
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t c = 0; c < k; ++c) {
            Interval sum = x(i, c);
            for (std::size_t j = i + 1; j < n; ++j)
                if (!structurally_zero[i * n + j]) sum = sum - m(i, j) * out.x(j, c);
            out.x(i, c) = sum / m(i, i);
        }
    }
    return out;
}

}  // namespace collapse
