// SparseMatrix entries given by reference (add_negated): the value read back, the reference
// kept (no copy), owned entries surviving a move, and the three solvers reading the sign.
// A = [[2, -1], [-1, 2]], B = (1, 1): X = (1, 1) (by hand: 2 - 1 = 1 in both rows); the
// same matrix with the signs lost would give (1/3, 1/3).
#include <collapse/linalg/linear_solver.hpp>

#include <gtest/gtest.h>

#include <utility>

using namespace collapse;

namespace {
template <class S>
SparseMatrix<S> two_by_two(const S& two, const S& one) {
    SparseMatrix<S> a(2);
    a.add(0, two);
    a.add_negated(1, one);
    a.end_row();
    a.add_negated(0, one);
    a.add(1, two);
    a.end_row();
    return a;
}
}  // namespace

TEST(SparseMatrix, NegatedEntriesReadTheirMagnitudeAndSign) {
    const Rational one(1);
    const SparseMatrix<Rational> a = two_by_two(Rational(2), one);
    ASSERT_TRUE(a.complete());
    EXPECT_EQ(a.value(0), Rational(2));
    EXPECT_FALSE(a.negated(0));
    EXPECT_EQ(a.value(1), Rational(-1));
    EXPECT_TRUE(a.negated(1));
    EXPECT_EQ(a.magnitude(1), Rational(1));
    EXPECT_EQ(&a.magnitude(1), &one);  // a reference to the caller's value, not a copy
    EXPECT_EQ(&a.magnitude(2), &one);
}

TEST(SparseMatrix, OwnedEntriesSurviveAMove) {
    const double one = 1;
    SparseMatrix<double> a = two_by_two(2.0, one);
    const double* owned = &a.magnitude(0);
    SparseMatrix<double> moved(std::move(a));
    EXPECT_EQ(&moved.magnitude(0), owned);
    EXPECT_EQ(moved.value(0), 2.0);
    EXPECT_EQ(moved.value(3), 2.0);
    EXPECT_EQ(moved.value(2), -1.0);
}

TEST(SparseMatrix, TheThreeSolversReadNegatedEntries) {
    const Rational rational_one(1);
    const Solution<Rational> exact =
        LinearSolver<Rational>::solve(two_by_two(Rational(2), rational_one), DenseMatrix<Rational>(2, 1, Rational(1)));
    EXPECT_EQ(exact.x(0, 0), Rational(1));
    EXPECT_EQ(exact.x(1, 0), Rational(1));

    const double double_one = 1;
    const Solution<double> approx =
        LinearSolver<double>::solve(two_by_two(2.0, double_one), DenseMatrix<double>(2, 1, 1.0));
    EXPECT_NEAR(approx.x(0, 0), 1.0, 1e-15);
    EXPECT_NEAR(approx.x(1, 0), 1.0, 1e-15);
    const Solution<double> lu =
        approx_solve_double_lu(two_by_two(2.0, double_one), DenseMatrix<double>(2, 1, 1.0));
    EXPECT_NEAR(lu.x(0, 0), 1.0, 1e-15);
    EXPECT_NEAR(lu.x(1, 0), 1.0, 1e-15);

    const Interval interval_one = Interval::exact_integer(1);
    const Solution<Interval> verified = LinearSolver<Interval>::solve(
        two_by_two(Interval::exact_integer(2), interval_one), DenseMatrix<Interval>(2, 1, Interval::exact_integer(1)));
    EXPECT_TRUE(verified.x(0, 0).contains(Rational(1)));
    EXPECT_TRUE(verified.x(1, 0).contains(Rational(1)));
    EXPECT_FALSE(verified.x(0, 0).contains(Rational(1, 3)));
}
