#pragma once
// Internal to the model builders: rationals rounded to long double by MPFR at 64 bits (the
// x87 significand, so the conversion back to long double is exact). Boost's conversion of a
// GMP rational goes through a double and would lose the extra 11 bits.
#include <collapse/scalar/rational.hpp>

#include <mpfr.h>

#include <utility>

namespace collapse::detail {

/// q rounded in MPFR's mode `rounding` (MPFR_RNDN, MPFR_RNDD, MPFR_RNDU).
inline long double to_long_double(const Rational& q, mpfr_rnd_t rounding) {
    mpfr_t x;
    mpfr_init2(x, 64);
    mpfr_set_q(x, q.backend().data(), rounding);
    const long double value = mpfr_get_ld(x, rounding);
    mpfr_clear(x);
    return value;
}

/// The narrowest long double enclosure [lo, hi] of q.
inline std::pair<long double, long double> enclose_in_long_double(const Rational& q) {
    return {to_long_double(q, MPFR_RNDD), to_long_double(q, MPFR_RNDU)};
}

}  // namespace collapse::detail
