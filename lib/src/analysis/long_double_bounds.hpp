#pragma once
// Internal to the certified routes: their long double bounds as the project's intervals, and
// short scientific text for method strings.
#include <collapse/scalar/interval.hpp>
#include <collapse/scalar/rational.hpp>

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace collapse::detail {

// A long double as the exact rational it is: significand (64 bits) times a power of two.
inline Rational exact_rational(long double x) {
    if (!std::isfinite(x)) throw std::logic_error("certified route: a bound is not finite");
    if (x == 0) return Rational(0);
    int exponent = 0;
    const long double fraction = std::frexp(std::fabs(x), &exponent);  // in [1/2, 1)
    const auto significand = static_cast<unsigned long long>(std::ldexp(fraction, 64));
    Rational q{Integer(significand)};
    const int shift = exponent - 64;
    if (shift > 0) q *= Rational(Integer(1) << shift);
    else if (shift < 0) q /= Rational(Integer(1) << -shift);
    return x < 0 ? Rational(-q) : q;
}

// [lo, hi] exactly (64-bit endpoints hold a long double exactly).
inline Interval between(long double lo, long double hi) {
    return Interval::hull(Interval::enclose(exact_rational(lo), 64), Interval::enclose(exact_rational(hi), 64));
}

inline std::string scientific(long double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2Le", x);
    return text;
}

}  // namespace collapse::detail
