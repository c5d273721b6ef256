// The double solvers against exact solutions computed independently with gmpxx: the band
// route on banded M-matrices (negligible entries dropped), the dense fallback elsewhere.
#include <collapse/core/error.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <gtest/gtest.h>
#include <gmpxx.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace collapse;

namespace {

using QMatrix = std::vector<std::vector<mpq_class>>;

// Solves A x = b exactly by Gauss-Jordan over gmpxx rationals (independent of the library).
std::vector<mpq_class> exact_solution(QMatrix a, std::vector<mpq_class> b) {
    const std::size_t n = a.size();
    for (std::size_t p = 0; p < n; ++p) {
        std::size_t r = p;
        while (a[r][p] == 0) ++r;
        std::swap(a[r], a[p]);
        std::swap(b[r], b[p]);
        for (std::size_t i = 0; i < n; ++i) {
            if (i == p || a[i][p] == 0) continue;
            const mpq_class f = a[i][p] / a[p][p];
            for (std::size_t j = p; j < n; ++j) a[i][j] -= f * a[p][j];
            b[i] -= f * b[p];
        }
    }
    for (std::size_t i = 0; i < n; ++i) b[i] /= a[i][i];
    return b;
}

// I - Q for a substochastic Q supported on |i - j| <= half_width, with exit mass everywhere
// (dyadic entries, so the double system is exactly the rational one).
QMatrix banded_m_matrix(std::size_t n, std::size_t half_width, std::mt19937_64& rng) {
    std::uniform_int_distribution<int> weight(1, 64);
    QMatrix a(n, std::vector<mpq_class>(n, 0));
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<int> w(n, 0);
        int total = weight(rng);  // the exit mass
        for (std::size_t j = (i > half_width ? i - half_width : 0); j < n && j <= i + half_width; ++j) total += w[j] = weight(rng);
        // Round the row total up to a power of two so each probability is dyadic.
        int scale = 1;
        while (scale < total) scale *= 2;
        for (std::size_t j = 0; j < n; ++j) a[i][j] = -mpq_class(w[j], scale);
        a[i][i] += 1;
    }
    return a;
}

SparseMatrix<double> to_sparse(const QMatrix& a) {
    SparseMatrix<double> m(a.size());
    for (const auto& row : a) {
        for (std::size_t j = 0; j < row.size(); ++j)
            if (row[j] != 0) m.add(j, row[j].get_d());
        m.end_row();
    }
    return m;
}

void expect_close(const DenseMatrix<double>& x, const std::vector<mpq_class>& exact, double tolerance) {
    for (std::size_t i = 0; i < exact.size(); ++i) {
        const double e = exact[i].get_d();
        EXPECT_LE(std::fabs(x(i, 0) - e), tolerance * std::fabs(e)) << "entry " << i;
    }
}

}  // namespace

TEST(BandedSolve, SolvesBandedMMatricesToDoubleAccuracy) {
    std::mt19937_64 rng(20261204);
    for (const auto& [n, w] : std::vector<std::pair<std::size_t, std::size_t>>{{1, 0}, {5, 1}, {60, 3}, {90, 8}}) {
        const QMatrix a = banded_m_matrix(n, w, rng);
        std::vector<mpq_class> b(n, 1);
        const auto exact = exact_solution(a, b);
        DenseMatrix<double> rhs(n, 1, 1.0);
        const auto solved = approx_solve_double_banded(to_sparse(a), rhs);
        ASSERT_TRUE(solved.has_value());
        expect_close(solved->x, exact, 1e-12);
        EXPECT_NE(solved->method.find("bandwidth " + std::to_string(w) + "/" + std::to_string(w)), std::string::npos)
            << solved->method;
        // The default double solver takes the band when it is narrow.
        if (n >= 60) {
            EXPECT_NE(LinearSolver<double>::solve(to_sparse(a), rhs).method.find("band"), std::string::npos);
        }
    }
}

TEST(BandedSolve, DropsOnlyNegligibleEntries) {
    // A far entry of 1e-40 (relative to a diagonal of about 1) is dropped and the band stays
    // narrow; a far entry of 1e-20 is kept, widening the band. Both answers stay accurate.
    std::mt19937_64 rng(5);
    for (const double far : {1e-40, 1e-20}) {
        QMatrix a = banded_m_matrix(40, 2, rng);
        a[0][39] = -mpq_class(far);
        std::vector<mpq_class> b(40, 1);
        const auto exact = exact_solution(a, b);
        const auto solved = approx_solve_double_banded(to_sparse(a), DenseMatrix<double>(40, 1, 1.0));
        ASSERT_TRUE(solved.has_value());
        expect_close(solved->x, exact, 1e-12);
        const bool narrow = solved->method.find("bandwidth 2/2") != std::string::npos;
        EXPECT_EQ(narrow, far < 1e-30) << solved->method;
    }
}

TEST(BandedSolve, LeavesNonMMatricesToTheDenseLU) {
    // A permutation-like matrix has a zero pivot without pivoting: the band route declines,
    // and the default solver still answers through the dense LU. x = (2, 3).
    SparseMatrix<double> a(2);
    a.add(0, 1e-300);
    a.add(1, 1.0);
    a.end_row();
    a.add(0, 1.0);
    a.add(1, 0.0);
    a.end_row();
    DenseMatrix<double> b(2, 1, 0.0);
    b(0, 0) = 3.0;
    b(1, 0) = 2.0;
    const Solution<double> s = LinearSolver<double>::solve(a, b);
    EXPECT_NE(s.method.find("PartialPivLU"), std::string::npos);
    EXPECT_NEAR(s.x(0, 0), 2.0, 1e-12);
    EXPECT_NEAR(s.x(1, 0), 3.0, 1e-12);
    SparseMatrix<double> negative_pivot(1);
    negative_pivot.add(0, -1.0);
    negative_pivot.end_row();
    EXPECT_FALSE(approx_solve_double_banded(negative_pivot, DenseMatrix<double>(1, 1, 1.0)).has_value());
}
