// The exact solvers: systems built around a chosen solution X (B = A·X formed with gmpxx,
// independently of the library), small heights through the multimodular route, large ones
// through Dixon, unlucky primes skipped, singular systems refused.
#include "lib_oracle_bridge.hpp"

#include <collapse/linalg/linear_solver.hpp>

#include <gtest/gtest.h>
#include <gmpxx.h>

#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace collapse;

namespace {

using QMatrix = std::vector<std::vector<mpq_class>>;

struct System {
    SparseMatrix<Rational> a{0};
    DenseMatrix<Rational> b;
    QMatrix x;
};

// A diagonally dominant (hence nonsingular) matrix with the given entries, B = A·X in gmpxx.
System system_for(const QMatrix& a, const QMatrix& x) {
    const std::size_t n = a.size(), k = x.front().size();
    System s{SparseMatrix<Rational>(n), DenseMatrix<Rational>(n, k, Rational(0)), x};
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j)
            if (a[i][j] != 0) s.a.add(j, bridge::to_lib(a[i][j]));
        s.a.end_row();
        for (std::size_t c = 0; c < k; ++c) {
            mpq_class sum = 0;
            for (std::size_t j = 0; j < n; ++j) sum += a[i][j] * x[j][c];
            s.b(i, c) = bridge::to_lib(sum);
        }
    }
    return s;
}

// The same system with every negative entry of A given as add_negated of a magnitude the
// test keeps (as absorption_analysis refers to a chain's weights): the solvers must read
// the sign from the flag, also in rows that need scaling to integers.
struct BorrowedSystem {
    std::unique_ptr<std::vector<Rational>> magnitudes;  ///< what the negated entries of `a` refer to
    SparseMatrix<Rational> a{0};
    DenseMatrix<Rational> b;
};

BorrowedSystem borrowed_system_for(const QMatrix& a, const System& plain) {
    const std::size_t n = a.size();
    BorrowedSystem s{std::make_unique<std::vector<Rational>>(), SparseMatrix<Rational>(n), plain.b};
    for (const auto& row : a)
        for (const mpq_class& v : row)
            if (v < 0) s.magnitudes->push_back(bridge::to_lib(mpq_class(-v)));
    std::size_t next = 0;  // magnitudes is complete: its addresses no longer move
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            if (a[i][j] < 0) s.a.add_negated(j, (*s.magnitudes)[next++]);
            else if (a[i][j] != 0) s.a.add(j, bridge::to_lib(a[i][j]));
        }
        s.a.end_row();
    }
    return s;
}

QMatrix random_m_matrix(std::size_t n, std::mt19937_64& rng, bool fractions) {
    std::uniform_int_distribution<int> entry(0, 50), denominator(1, 9);
    QMatrix a(n, std::vector<mpq_class>(n, 0));
    for (std::size_t i = 0; i < n; ++i) {
        mpq_class off = 0;
        for (std::size_t j = 0; j < n; ++j) {
            if (i == j) continue;
            a[i][j] = -mpq_class(entry(rng), fractions ? denominator(rng) : 1);
            a[i][j].canonicalize();
            off -= a[i][j];
        }
        a[i][i] = off + 1;  // strictly diagonally dominant
    }
    return a;
}

void expect_solution(const DenseMatrix<Rational>& got, const QMatrix& want) {
    ASSERT_EQ(got.rows(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        for (std::size_t c = 0; c < want[i].size(); ++c)
            EXPECT_EQ(bridge::to_oracle(got(i, c)), want[i][c]) << "entry " << i << "," << c;
}

}  // namespace

TEST(MultimodularSolve, RecoversSmallHeightSolutionsExactly) {
    std::mt19937_64 rng(20261204);
    std::uniform_int_distribution<int> num(-1000, 1000), den(1, 1000);
    for (std::size_t n : {1u, 2u, 7u, 30u}) {
        QMatrix x(n, std::vector<mpq_class>(2));
        for (auto& row : x)
            for (auto& v : row) {
                v = mpq_class(num(rng), den(rng));
                v.canonicalize();
            }
        const System s = system_for(random_m_matrix(n, rng, false), x);
        const auto solved = solve_rational_multimodular(s.a, s.b, 8);
        ASSERT_TRUE(solved.has_value()) << "n = " << n;
        expect_solution(solved->x, x);
        EXPECT_NE(solved->method.find("multimodular"), std::string::npos);
        // The default exact solver takes the same route.
        EXPECT_NE(LinearSolver<Rational>::solve(s.a, s.b).method.find("multimodular"), std::string::npos);
    }
}

TEST(MultimodularSolve, ScalesRowsWithFractions) {
    std::mt19937_64 rng(7);
    const QMatrix x{{mpq_class(1, 3)}, {mpq_class(-2, 7)}, {mpq_class(5)}, {mpq_class(0)}};
    const System s = system_for(random_m_matrix(4, rng, true), x);
    const auto solved = solve_rational_multimodular(s.a, s.b, 8);
    ASSERT_TRUE(solved.has_value());
    expect_solution(solved->x, x);
}

TEST(MultimodularSolve, SkipsAPrimeAtWhichTheMatrixIsSingular) {
    // A = [[p, 1], [0, 1]] with p the first prime above 2^62 (GMP's nextprime, independent of
    // FLINT's): det A = p, so A is singular modulo p and the solver must move on.
    mpz_class p = mpz_class(1) << 62;
    mpz_nextprime(p.get_mpz_t(), p.get_mpz_t());
    const QMatrix x{{mpq_class(1, 2)}, {mpq_class(3)}};
    const System s = system_for({{mpq_class(p), 1}, {0, 1}}, x);
    const auto solved = solve_rational_multimodular(s.a, s.b, 8);
    ASSERT_TRUE(solved.has_value());
    expect_solution(solved->x, x);
}

TEST(MultimodularSolve, GivesUpOnLargeHeightsAndDixonTakesOver) {
    // Entries of 2000 bits cannot be reconstructed from 8 primes of 62 bits (about 500 bits).
    std::mt19937_64 rng(11);
    mpz_class big;
    mpz_ui_pow_ui(big.get_mpz_t(), 3, 1300);
    const QMatrix x{{mpq_class(big + 1, big - 2)}, {mpq_class(-big, 7)}, {mpq_class(1, big)}};
    const System s = system_for(random_m_matrix(3, rng, false), x);
    EXPECT_FALSE(solve_rational_multimodular(s.a, s.b, 8).has_value());
    const Solution<Rational> solved = LinearSolver<Rational>::solve(s.a, s.b);
    expect_solution(solved.x, x);
    EXPECT_NE(solved.method.find("dixon"), std::string::npos);
}

TEST(MultimodularSolve, RefusesASingularSystem) {
    SparseMatrix<Rational> a(2);
    a.add(0, Rational(1));
    a.add(1, Rational(2));
    a.end_row();
    a.add(0, Rational(2));
    a.add(1, Rational(4));
    a.end_row();
    DenseMatrix<Rational> b(2, 1, Rational(1));
    EXPECT_FALSE(solve_rational_multimodular(a, b, 4).has_value());
    EXPECT_THROW(LinearSolver<Rational>::solve(a, b), std::logic_error);
}

TEST(MultimodularSolve, ReadsNegatedEntriesWithoutCopies) {
    std::mt19937_64 rng(2000);
    for (bool fractions : {false, true}) {  // integer rows point into the magnitudes; others are scaled
        const QMatrix x{{mpq_class(1, 3), mpq_class(2)}, {mpq_class(-2, 7), 0}, {mpq_class(5), mpq_class(9, 4)},
                        {mpq_class(0), mpq_class(-1, 2)}, {mpq_class(11, 13), mpq_class(1)}};
        const QMatrix a = random_m_matrix(5, rng, fractions);
        const System plain = system_for(a, x);
        const BorrowedSystem s = borrowed_system_for(a, plain);
        const auto solved = solve_rational_multimodular(s.a, s.b, 8);
        ASSERT_TRUE(solved.has_value()) << "fractions = " << fractions;
        expect_solution(solved->x, x);
        expect_solution(solve_rational_flint(s.a, s.b).x, x);
    }
}

TEST(MultimodularSolve, CertificateRejectsAWrongSignThroughNegatedEntries) {
    // [[2, -1], [-1, 2]] X = [1, 1] has X = (1, 1); with the signs of the off-diagonal
    // entries lost, [[2, 1], [1, 2]] X = [1, 1] would give (1/3, 1/3).
    const Rational one(1);
    SparseMatrix<Rational> a(2);
    a.add(0, Rational(2));
    a.add_negated(1, one);
    a.end_row();
    a.add_negated(0, one);
    a.add(1, Rational(2));
    a.end_row();
    const DenseMatrix<Rational> b(2, 1, Rational(1));
    const auto solved = solve_rational_multimodular(a, b, 8);
    ASSERT_TRUE(solved.has_value());
    expect_solution(solved->x, {{mpq_class(1)}, {mpq_class(1)}});
    expect_solution(solve_rational_flint(a, b).x, {{mpq_class(1)}, {mpq_class(1)}});
}

TEST(MultimodularSolve, DixonReadsNegatedEntriesInLargeHeightSystems) {
    std::mt19937_64 rng(13);
    mpz_class big;
    mpz_ui_pow_ui(big.get_mpz_t(), 5, 900);
    QMatrix x{{mpq_class(big + 3, big - 1)}, {mpq_class(-big, 11)}, {mpq_class(1, big)}};
    for (auto& row : x) row[0].canonicalize();  // (5^900 + 3) / (5^900 - 1) has the factor 2 in common
    const QMatrix a = random_m_matrix(3, rng, true);
    const System plain = system_for(a, x);
    const BorrowedSystem s = borrowed_system_for(a, plain);
    const Solution<Rational> solved = LinearSolver<Rational>::solve(s.a, s.b);
    expect_solution(solved.x, x);
    EXPECT_NE(solved.method.find("dixon"), std::string::npos);
}
