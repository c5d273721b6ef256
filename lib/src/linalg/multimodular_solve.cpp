// Exact solve for answers of small height: solve modulo word-size primes, combine by CRT,
// recover rationals by rational reconstruction, and accept them only after the exact
// certificate A·X = B. The project's own kernel because FLINT 2.9's fmpq_mat_solve spends
// its time on Hadamard bounds and on reducing the matrix modulo primes it never uses
// (numerics.md: 157 s at N = 1000, against about a second for this route). Absorption
// probabilities have tiny height (c_i/N for mle), so one or two primes usually suffice.
#include <collapse/linalg/linear_solver.hpp>

#include "integer_rows.hpp"

#include <flint/fmpq.h>
#include <flint/fmpz.h>
#include <flint/nmod_mat.h>
#include <flint/ulong_extras.h>

#include <gmp.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace collapse {
namespace {

struct NmodMat {
    nmod_mat_t m;
    NmodMat(slong r, slong c, mp_limb_t p) { nmod_mat_init(m, r, c, p); }
    ~NmodMat() { nmod_mat_clear(m); }
    NmodMat(const NmodMat&) = delete;
    NmodMat& operator=(const NmodMat&) = delete;
};

struct Fmpz {
    fmpz_t v;
    Fmpz() { fmpz_init(v); }
    ~Fmpz() { fmpz_clear(v); }
    Fmpz(const Fmpz&) = delete;
    Fmpz& operator=(const Fmpz&) = delete;
};


// The integer system [A | B] scaled row by row. Entries point into the caller's rationals
// when a row needs no scaling (always, for the analyses' systems), so that no copy of a
// matrix of ten-thousand-bit numbers is made; a negated entry of A (SparseMatrix::add_negated)
// keeps its sign as a flag. Scaled rows own their integers, signs included.
struct IntegerSystem {
    std::size_t n = 0, k = 0;
    std::vector<std::size_t> row_start, column;
    std::vector<mpz_srcptr> a;  ///< magnitudes of the scaled entries of A, row by row
    std::vector<bool> a_negated;  ///< entry e of A is -a[e] when set
    std::vector<mpz_srcptr> b;  ///< scaled B, row-major n x k
    std::deque<Integer> owned;  ///< storage of scaled entries (a deque keeps addresses)
};

IntegerSystem integer_system(const SparseMatrix<Rational>& a, const DenseMatrix<Rational>& b) {
    IntegerSystem s;
    s.n = a.size();
    s.k = b.cols();
    s.row_start.reserve(s.n + 1);
    s.row_start.push_back(0);
    s.b.reserve(s.n * s.k);
    for (std::size_t i = 0; i < s.n; ++i) {
        const Integer scale = detail::row_scale(a, b, i);
        auto entry = [&](const Rational& v, bool negated) -> mpz_srcptr {
            if (scale == 1) return mpq_numref(v.backend().data());
            s.owned.push_back(negated ? Integer(-detail::scaled(v, scale)) : detail::scaled(v, scale));
            return s.owned.back().backend().data();
        };
        for (std::size_t e = a.row_begin(i); e < a.row_end(i); ++e) {
            s.column.push_back(a.column(e));
            s.a.push_back(entry(a.magnitude(e), a.negated(e)));
            s.a_negated.push_back(scale == 1 && a.negated(e));
        }
        s.row_start.push_back(s.column.size());
        for (std::size_t j = 0; j < s.k; ++j) s.b.push_back(entry(b(i, j), false));
    }
    return s;
}

mp_limb_t residue(mpz_srcptr v, mp_limb_t p) {
    return mpz_fdiv_ui(v, p);  // in [0, p), also for negative v
}

// X mod p, or nothing when A is singular modulo p (an unlucky prime).
bool solve_modulo(const IntegerSystem& s, mp_limb_t p, NmodMat& x) {
    const auto sn = static_cast<slong>(s.n), sk = static_cast<slong>(s.k);
    NmodMat am(sn, sn, p), bm(sn, sk, p);  // zero-initialised
    for (std::size_t i = 0; i < s.n; ++i) {
        for (std::size_t e = s.row_start[i]; e < s.row_start[i + 1]; ++e)
            nmod_mat_entry(am.m, static_cast<slong>(i), static_cast<slong>(s.column[e])) =
                s.a_negated[e] ? nmod_neg(residue(s.a[e], p), am.m->mod) : residue(s.a[e], p);
        for (std::size_t j = 0; j < s.k; ++j)
            nmod_mat_entry(bm.m, static_cast<slong>(i), static_cast<slong>(j)) = residue(s.b[i * s.k + j], p);
    }
    return nmod_mat_solve(x.m, am.m, bm.m) != 0;
}

// The exact certificate: A·X = B, checked column by column over a common denominator, so
// that only integer products are formed.
bool certifies(const IntegerSystem& s, const DenseMatrix<Rational>& x) {
    mpz_t acc, rhs;
    mpz_init(acc);
    mpz_init(rhs);
    bool ok = true;
    std::vector<Integer> numerator(s.n);
    for (std::size_t j = 0; j < s.k && ok; ++j) {
        Integer denominator = 1;
        for (std::size_t i = 0; i < s.n; ++i)
            denominator = boost::multiprecision::lcm(denominator, boost::multiprecision::denominator(x(i, j)));
        for (std::size_t i = 0; i < s.n; ++i)
            numerator[i] = boost::multiprecision::numerator(x(i, j)) *
                           (denominator / boost::multiprecision::denominator(x(i, j)));
        for (std::size_t i = 0; i < s.n && ok; ++i) {
            mpz_set_ui(acc, 0);
            for (std::size_t e = s.row_start[i]; e < s.row_start[i + 1]; ++e)
                if (s.a_negated[e]) mpz_submul(acc, s.a[e], numerator[s.column[e]].backend().data());
                else mpz_addmul(acc, s.a[e], numerator[s.column[e]].backend().data());
            mpz_mul(rhs, s.b[i * s.k + j], denominator.backend().data());
            ok = mpz_cmp(acc, rhs) == 0;
        }
    }
    mpz_clear(acc);
    mpz_clear(rhs);
    return ok;
}

}  // namespace

std::optional<Solution<Rational>> solve_rational_multimodular(const SparseMatrix<Rational>& a,
                                                              const DenseMatrix<Rational>& b, int max_primes) {
    const std::size_t n = a.size();
    if (!a.complete() || b.rows() != n) throw std::logic_error("solve_rational_multimodular: shapes differ");
    if (n == 0 || b.cols() == 0)
        return Solution<Rational>{DenseMatrix<Rational>(n, b.cols(), Rational(0)), "multimodular: empty system"};

    const IntegerSystem s = integer_system(a, b);
    const auto sn = static_cast<slong>(n), sk = static_cast<slong>(s.k);
    // Residues combined so far, in [0, modulus) as rational reconstruction expects.
    std::vector<Fmpz> combined(n * s.k);
    Fmpz modulus;
    fmpz_one(modulus.v);
    fmpq_t value;
    fmpq_init(value);

    mp_limb_t p = mp_limb_t{1} << 62;
    int used = 0, unlucky = 0;
    int next_attempt = 1;
    std::optional<Solution<Rational>> result;
    while (used < max_primes && unlucky < max_primes) {
        p = n_nextprime(p, 1);
        NmodMat xp(sn, sk, p);
        if (!solve_modulo(s, p, xp)) {
            ++unlucky;
            continue;
        }
        ++used;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < s.k; ++j) {
                fmpz* c = combined[i * s.k + j].v;
                fmpz_CRT_ui(c, c, modulus.v, nmod_mat_entry(xp.m, static_cast<slong>(i), static_cast<slong>(j)), p, 0);
            }
        fmpz_mul_ui(modulus.v, modulus.v, p);
        // Reconstruct after 1, 2, 4, ... primes: the certificate costs about one product A·X.
        if (used != next_attempt && used != max_primes) continue;
        next_attempt *= 2;
        DenseMatrix<Rational> x(n, s.k, Rational(0));
        bool reconstructed = true;
        for (std::size_t i = 0; i < n && reconstructed; ++i)
            for (std::size_t j = 0; j < s.k && reconstructed; ++j) {
                reconstructed = fmpq_reconstruct_fmpz(value, combined[i * s.k + j].v, modulus.v) != 0;
                if (reconstructed) fmpq_get_mpq(x(i, j).backend().data(), value);
            }
        if (reconstructed && certifies(s, x)) {
            result = Solution<Rational>{std::move(x), "multimodular: " + std::to_string(used) +
                                                          (used == 1 ? " prime" : " primes") +
                                                          ", rational reconstruction, exact certificate A*X = B"};
            break;
        }
    }
    fmpq_clear(value);
    return result;
}

}  // namespace collapse
