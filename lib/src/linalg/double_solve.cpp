// Approximate solves in double, delegated to Eigen's dense LU with partial pivoting.
#include <collapse/core/error.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <Eigen/Dense>

#include <stdexcept>

namespace collapse {

Solution<double> approx_solve_double_lu(const SparseMatrix<double>& a, const DenseMatrix<double>& b) {
    const auto n = static_cast<Eigen::Index>(a.size()), k = static_cast<Eigen::Index>(b.cols());
    if (!a.complete() || b.rows() != a.size()) throw std::logic_error("approx_solve_double_lu: shapes differ");
    Solution<double> out{DenseMatrix<double>(a.size(), b.cols(), 0.0), "eigen:PartialPivLU (approximate)"};
    if (n == 0 || k == 0) return out;
    Eigen::MatrixXd dense = Eigen::MatrixXd::Zero(n, n), rhs(n, k);
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto row = static_cast<std::size_t>(i);
        for (std::size_t e = a.row_begin(row); e < a.row_end(row); ++e)
            dense(i, static_cast<Eigen::Index>(a.column(e))) += a.value(e);
        for (Eigen::Index j = 0; j < k; ++j) rhs(i, j) = b(row, static_cast<std::size_t>(j));
    }
    const Eigen::MatrixXd x = dense.partialPivLu().solve(rhs);
    // A system that is singular to double precision (e.g. an escape probability that
    // underflows) gives inf or NaN: refuse rather than print them.
    if (!x.allFinite())
        throw Unable("the double solve gave non-finite values: the system is singular to double precision; "
                     "exact or interval arithmetic can decide it");
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < k; ++j) out.x(static_cast<std::size_t>(i), static_cast<std::size_t>(j)) = x(i, j);
    return out;
}

}  // namespace collapse
