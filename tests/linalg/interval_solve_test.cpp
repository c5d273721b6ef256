// The verified solver: enclosures of exactly known solutions, and an honest "unable" when
// the precision cannot prove a pivot positive.
#include <collapse/core/error.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <gtest/gtest.h>

using namespace collapse;

namespace {
SparseMatrix<Interval> dense_to_sparse(const std::vector<std::vector<Rational>>& a, long bits) {
    SparseMatrix<Interval> m(a.size());
    for (const auto& row : a) {
        for (std::size_t j = 0; j < row.size(); ++j)
            if (!row[j].is_zero()) m.add(j, Interval::enclose(row[j], bits));
        m.end_row();
    }
    return m;
}
}  // namespace

TEST(IntervalElimination, EnclosesTheExactSolution) {
    // A = [[1, -1/3], [-1/2, 1]], b = (1, 1): x = (8/5, 9/5) by Cramer's rule
    // (det = 5/6, x1 = (1 + 1/3)/(5/6), x2 = (1 + 1/2)/(5/6)).
    const auto a = dense_to_sparse({{Rational(1), Rational(-1, 3)}, {Rational(-1, 2), Rational(1)}}, 128);
    DenseMatrix<Interval> b(2, 1, Interval::exact_integer(1));
    const Solution<Interval> s = LinearSolver<Interval>::solve(a, b);
    EXPECT_TRUE(s.x(0, 0).contains(Rational(8, 5)));
    EXPECT_TRUE(s.x(1, 0).contains(Rational(9, 5)));
    EXPECT_LT(s.x(0, 0).width_upper_bound(), 1e-35);
}

TEST(IntervalElimination, UnableWhenAPivotMayBeZero) {
    // 1 - p with p = 1 - 2^-40: at 16 bits p's enclosure reaches 1, so the pivot may be 0.
    const Rational p = 1 - Rational(1, Integer(1) << 40);
    for (long bits : {16L, 32L}) {
        const auto a = dense_to_sparse({{1 - p}}, bits);
        // The matrix entry itself is formed from an enclosure of p, as the analyses do.
        SparseMatrix<Interval> m(1);
        m.add(0, Interval::exact_integer(1) - Interval::enclose(p, bits));
        m.end_row();
        DenseMatrix<Interval> b(1, 1, Interval::exact_integer(1));
        EXPECT_THROW(LinearSolver<Interval>::solve(m, b), Unable) << bits;
    }
    SparseMatrix<Interval> m(1);
    m.add(0, Interval::exact_integer(1) - Interval::enclose(p, 64));
    m.end_row();
    DenseMatrix<Interval> b(1, 1, Interval::exact_integer(1));
    EXPECT_TRUE(LinearSolver<Interval>::solve(m, b).x(0, 0).contains(Rational(Integer(1) << 40)));
}
