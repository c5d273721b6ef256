#pragma once
// IEEE double as a scalar: fast, for size, and labelled approximate everywhere it appears.
#include <collapse/scalar/rational.hpp>
#include <collapse/scalar/scalar.hpp>

#include <cmath>
#include <cstdio>
#include <string>

namespace collapse {

template <>
struct scalar_traits<double> {
    static constexpr Guarantee guarantee = Guarantee::approximate;
    /// Relative tolerance within which a double "agrees" with a prediction (theorem checks).
    static constexpr double agreement_tolerance = 1e-9;
    static double from_integer(long n) { return static_cast<double>(n); }
    static Truth is_zero(double x) { return x == 0.0 ? Truth::yes : Truth::no; }
    static Truth is_positive(double x) { return x > 0.0 ? Truth::yes : Truth::no; }
    static Truth agrees(double a, double b) {
        return std::abs(a - b) <= agreement_tolerance * std::max(1.0, std::abs(b)) ? Truth::unknown : Truth::no;
    }
    /// Nearest double (Boost rounds the exact rational, it never parses a decimal twice).
    static double from_rational(const Rational& q, long /*bits*/) { return q.convert_to<double>(); }
    static std::string to_string(double x) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", x);
        return buffer;
    }
};

}  // namespace collapse
