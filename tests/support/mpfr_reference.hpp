#pragma once
// High-precision references for logarithmic quantities, computed with MPFR at 1000 bits
// directly from exact rationals: independent of lib/'s Interval type (which works at 128
// bits by default). The sum is returned as the exact rational value of the 1000-bit result,
// so a test can ask an enclosure whether it contains it (the reference is within about
// 2^-990 of the true value, far below any enclosure width tested).
#include <gmpxx.h>
#include <mpfr.h>

#include <utility>
#include <vector>

namespace reference {

/// sum_k a_k log(b_k) for rationals a_k and b_k > 0, at `bits` bits, as an exact rational.
inline mpq_class sum_of_logs(const std::vector<std::pair<mpq_class, mpq_class>>& terms, long bits = 1000) {
    mpfr_t sum, term, a;
    mpfr_inits2(bits, sum, term, a, static_cast<mpfr_ptr>(nullptr));
    mpfr_set_zero(sum, 1);
    for (const auto& [weight, argument] : terms) {
        mpfr_set_q(term, argument.get_mpq_t(), MPFR_RNDN);
        mpfr_log(term, term, MPFR_RNDN);
        mpfr_set_q(a, weight.get_mpq_t(), MPFR_RNDN);
        mpfr_mul(term, term, a, MPFR_RNDN);
        mpfr_add(sum, sum, term, MPFR_RNDN);
    }
    mpq_class out;
    mpfr_get_q(out.get_mpq_t(), sum);
    mpfr_clears(sum, term, a, static_cast<mpfr_ptr>(nullptr));
    return out;
}

/// H(c / N) = sum_{c_i > 0} (c_i / N) log(N / c_i), scaled by `weight`, as log terms.
inline void add_entropy_terms(const std::vector<int>& c, const mpq_class& weight,
                              std::vector<std::pair<mpq_class, mpq_class>>& terms) {
    int n = 0;
    for (int x : c) n += x;
    for (int x : c)
        if (x > 0) {
            mpq_class mu(x, n);
            mu.canonicalize();
            terms.emplace_back(weight * mu, 1 / mu);
        }
}

inline mpq_class entropy(const std::vector<int>& c) {
    std::vector<std::pair<mpq_class, mpq_class>> terms;
    add_entropy_terms(c, 1, terms);
    return sum_of_logs(terms);
}

}  // namespace reference
