#pragma once
// The seam between analyses and linear algebra. Every analysis ends in a system
// A X = B where A is a nonsingular M-matrix (I - Q for an absorbing chain, or I - P with a
// reference state removed for an irreducible one). `LinearSolver<S>` is the default solver
// for scalar type S; solvers are replaceable without touching the analyses.
#include <collapse/linalg/sparse_matrix.hpp>
#include <collapse/scalar/floating.hpp>
#include <collapse/scalar/interval.hpp>
#include <collapse/scalar/rational.hpp>

#include <cmath>
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
    /// Bytes an exact big integer of `bits` bits takes: its limbs, the malloc chunk around
    /// them, the mpq (or fmpz and mpz) structure and a one-limb denominator.
    static double integer_bytes(double bits) { return bits / 8.0 + 96.0; }
    /// Bytes the solver needs, besides the chain, for an n x n system with `rhs` columns of
    /// `bits`-bit entries whose answers have small height (the multimodular route succeeds):
    /// per entry of A a column index and a reference in the SparseMatrix and again in the
    /// solver's integer view (the integers themselves are the chain's: add_negated), the dense
    /// word matrix modulo one prime and its LU copy; [B | X] and the diagonal are owned.
    static double memory_estimate(double n, double rhs, double bits, double /*half_band*/ = -1) {
        return 48.0 * n * n + n * (2 * rhs + 1) * integer_bytes(bits);
    }
    /// Bytes when the answers have large height (expected steps) and Dixon's lifting runs:
    /// FLINT copies A into an fmpz_mat and lifts X modulo p^k up to twice the Hadamard
    /// bound H of its numerators and denominators. Two n x rhs blocks of 2H-bit numbers
    /// bound what was measured (binary mle, expected steps, N = 200..400: 1.25 blocks).
    static double large_answer_memory_estimate(double n, double rhs, double bits, double /*half_band*/ = -1) {
        const double hadamard_bits = n * (bits + 0.5 * std::log2(n + 1) + 1);
        return memory_estimate(n, rhs, bits) + n * n * integer_bytes(bits) +
               2.0 * n * rhs * integer_bytes(2 * hadamard_bits);
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
    /// Floating point has no answers of large height.
    static double large_answer_memory_estimate(double n, double rhs, double bits, double half_band = -1) {
        return memory_estimate(n, rhs, bits, half_band);
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
    /// Enclosures have a fixed precision: no answers of large height.
    static double large_answer_memory_estimate(double n, double rhs, double bits, double half_band = -1) {
        return memory_estimate(n, rhs, bits, half_band);
    }
};

}  // namespace collapse
