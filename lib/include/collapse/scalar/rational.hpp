#pragma once
// Exact rationals and integers on GMP through Boost.Multiprecision. Expression templates
// are off: they gain nothing on these kernels and are unsafe with `auto`.
#include <collapse/scalar/scalar.hpp>

#include <boost/multiprecision/gmp.hpp>

#include <string>
#include <string_view>

namespace collapse {

using Integer = boost::multiprecision::number<boost::multiprecision::gmp_int,
                                              boost::multiprecision::et_off>;
using Rational = boost::multiprecision::number<boost::multiprecision::gmp_rational,
                                               boost::multiprecision::et_off>;

template <>
struct scalar_traits<Rational> {
    static constexpr Guarantee guarantee = Guarantee::exact;
    static Rational from_integer(long n) { return Rational(n); }
    static Truth is_zero(const Rational& x) { return x.is_zero() ? Truth::yes : Truth::no; }
    static Truth is_positive(const Rational& x) { return x.sign() > 0 ? Truth::yes : Truth::no; }
    static Truth agrees(const Rational& a, const Rational& b) { return a == b ? Truth::yes : Truth::no; }
    /// The value itself (`bits` matters only to types that round).
    static Rational from_rational(const Rational& q, long /*bits*/) { return q; }
    /// "p/q" in lowest terms, or "n" for an integer.
    static std::string to_string(const Rational& x) { return x.str(); }
};

/// Reads a number exactly: an integer ("3"), a decimal with optional exponent
/// ("0.1", "-2.5e-3", "1e-9") or a fraction of integers ("1/10"). "0.1" is 1/10, never the
/// nearest double. Throws InvalidInput with `what` and the accepted forms on failure.
Rational parse_rational(std::string_view text, std::string_view what);

/// Reads a non-negative integer that fits in 64 bits ("12"); throws InvalidInput otherwise.
unsigned long long parse_count(std::string_view text, std::string_view what);

}  // namespace collapse
