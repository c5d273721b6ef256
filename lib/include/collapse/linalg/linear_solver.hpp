#pragma once
// The seam between analyses and linear algebra. Every analysis ends in a system
// A X = B where A is a nonsingular M-matrix (I - Q for an absorbing chain, or I - P with a
// reference state removed for an irreducible one). `LinearSolver<S>` is the default solver
// for scalar type S; solvers are replaceable without touching the analyses.
#include <collapse/linalg/sparse_matrix.hpp>
#include <collapse/scalar/floating.hpp>
#include <collapse/scalar/interval.hpp>
#include <collapse/scalar/rational.hpp>

#include <optional>
#include <string>

namespace collapse {

template <class S>
struct Solution {
    DenseMatrix<S> x;
    std::string method;  ///< which variant ran, e.g. "flint:fmpq_mat_solve_fmpz_mat_dixon"
};

template <class S>
struct LinearSolver;

/// Exact solve over the rationals by FLINT's Dixon p-adic lifting. Each row of [A | B] is
/// scaled to integers (a no-op for the integer systems the analyses form). Suits answers of
/// large height (expected steps). Throws std::logic_error if A is singular, which the
/// analyses' systems never are.
Solution<Rational> solve_rational_flint(const SparseMatrix<Rational>& a, const DenseMatrix<Rational>& b);

/// Exact solve for answers of small height: X modulo the consecutive primes above 2^62
/// (primes at which A is singular are skipped), combined by CRT, rational reconstruction
/// after 1, 2, 4, ... primes, and a candidate accepted only if A·X = B holds exactly. The
/// answer is therefore exact whenever one is returned; nothing is returned when no
/// candidate is certified within `max_primes` primes (large heights: use Dixon).
std::optional<Solution<Rational>> solve_rational_multimodular(const SparseMatrix<Rational>& a,
                                                              const DenseMatrix<Rational>& b, int max_primes);

template <>
struct LinearSolver<Rational> {
    /// Primes tried before falling back to Dixon: answers up to about 250 bits of height.
    static constexpr int multimodular_primes = 8;
    static Solution<Rational> solve(const SparseMatrix<Rational>& a, const DenseMatrix<Rational>& b) {
        if (auto small = solve_rational_multimodular(a, b, multimodular_primes)) return std::move(*small);
        Solution<Rational> large = solve_rational_flint(a, b);
        large.method += " (multimodular gave no certified answer with " + std::to_string(multimodular_primes) +
                        " primes)";
        return large;
    }
    /// Bytes the solver needs for an n x n system with `rhs` columns of `bits`-bit entries.
    static double memory_estimate(double n, double rhs, double bits, double /*half_band*/ = -1) {
        return (n * n + 2 * n * rhs) * (bits / 8.0 + 32.0) * 3.0;
    }
};

/// Approximate dense solve in double: LU with partial pivoting (Eigen).
Solution<double> approx_solve_double_lu(const SparseMatrix<double>& a, const DenseMatrix<double>& b);

/// Approximate band solve in double: entries below 1e-30 of their row's diagonal dropped,
/// then elimination without pivoting inside the band. Nothing when a pivot is not positive
/// (the matrix is not the M-matrix this relies on).
std::optional<Solution<double>> approx_solve_double_banded(const SparseMatrix<double>& a, const DenseMatrix<double>& b);

/// The band solve when the band is narrow and every pivot positive, the dense LU otherwise.
Solution<double> approx_solve_double(const SparseMatrix<double>& a, const DenseMatrix<double>& b);

template <>
struct LinearSolver<double> {
    static Solution<double> solve(const SparseMatrix<double>& a, const DenseMatrix<double>& b) {
        return approx_solve_double(a, b);
    }
    /// `half_band`: the largest |i - j| of the system's nonzero entries (negative: unknown).
    static double memory_estimate(double n, double rhs, double /*bits*/, double half_band = -1) {
        if (half_band < 0) half_band = n;
        const double width = 2 * half_band + 1;
        if ((half_band + 1) * (half_band + 1) * 8 < n * n)  // the band route (approx_solve_double)
            return n * width * (16.0 + 8.0) + 2 * n * rhs * 8.0;
        return (2 * n * n + 2 * n * rhs) * 8.0;
    }
};

/// Verified solve in interval arithmetic: Gaussian elimination without pivoting. The
/// analyses' matrices are nonsingular M-matrices, for which elimination needs no pivoting;
/// every pivot must be proved positive, and then (inclusion isotonicity) the result
/// encloses the solution of every point system inside the interval data, the true one
/// included. Throws Unable when a pivot cannot be proved positive at this precision.
Solution<Interval> verified_solve_interval_elimination(const SparseMatrix<Interval>& a,
                                                       const DenseMatrix<Interval>& b);

template <>
struct LinearSolver<Interval> {
    static Solution<Interval> solve(const SparseMatrix<Interval>& a, const DenseMatrix<Interval>& b) {
        return verified_solve_interval_elimination(a, b);
    }
    static double memory_estimate(double n, double rhs, double bits, double /*half_band*/ = -1) {
        return (n * n + 2 * n * rhs) * (2 * (bits / 8.0 + 32.0) + 72.0);
    }
};

}  // namespace collapse
