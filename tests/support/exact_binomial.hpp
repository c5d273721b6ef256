#pragma once
// Test support, independent of lib/: exact binomial rows of two-symbol recursive-training
// chains (model.md: row c is Binomial(N, p_c) over the count of the second symbol), exact
// long double values, and the dense chain the oracle's solvers take.
#include "oracle.hpp"

#include <gmpxx.h>

#include <cmath>
#include <vector>

namespace exact_binomial {

/// P(j) = C(N, j) p^j (1 - p)^(N - j) for j = 0..N, exactly.
inline std::vector<mpq_class> pmf(unsigned n, const mpq_class& p) {
    std::vector<mpq_class> out(n + 1, 0);
    mpq_class power_p = 1, power_q = 1;
    std::vector<mpq_class> q_powers(n + 1, 1);
    for (unsigned k = 1; k <= n; ++k) q_powers[k] = q_powers[k - 1] * (1 - p);
    mpz_class binomial = 1;
    for (unsigned j = 0; j <= n; ++j) {
        out[j] = mpq_class(binomial) * power_p * q_powers[n - j];
        power_p *= p;
        binomial = binomial * (n - j) / (j + 1);
    }
    return out;
}

/// The dense chain whose row c is pmf(N, p[c]).
inline oracle::Matrix chain(unsigned n, const std::vector<mpq_class>& p) {
    oracle::Matrix m;
    for (unsigned c = 0; c <= n; ++c) m.push_back(pmf(n, p[c]));
    return m;
}

/// A finite long double as the rational it is.
inline mpq_class exact(long double x) {
    int exponent = 0;
    const long double fraction = std::frexp(std::fabs(x), &exponent);
    mpz_class significand;
    const auto top = static_cast<unsigned long long>(std::ldexp(fraction, 64));
    significand = static_cast<unsigned long>(top >> 32);
    significand <<= 32;
    significand += static_cast<unsigned long>(top & 0xffffffffULL);
    mpq_class q(significand);
    if (exponent >= 64) q *= mpq_class(mpz_class(1) << (exponent - 64));
    else q /= mpq_class(mpz_class(1) << (64 - exponent));
    return x < 0 ? mpq_class(-q) : q;
}

}  // namespace exact_binomial
