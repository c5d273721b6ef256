#pragma once
// Verified interval numbers on MPFI: every operation rounds outward, so the true value of an
// exact computation always lies inside the computed interval (Guarantee::enclosure).
//
// Deliberate differences from a plain number type:
//  - no operator== and no ordering: a comparison of enclosures is three-valued (Truth),
//    through scalar_traits<Interval>::is_zero / is_positive;
//  - no implicit conversion from double or Rational: a rational is enclosed explicitly at a
//    stated precision (Interval::enclose), never through a double;
//  - precision is per value (no process-global default): a result takes the larger of its
//    operands' precisions.
//
// <mpfi.h>/<mpfr.h> are kept out of this header (they are expensive to include): the MPFI
// value lives in raw storage here and is only ever touched in lib/src/scalar/interval.cpp,
// which checks at compile time that the storage fits.
#include <collapse/core/truth.hpp>
#include <collapse/scalar/rational.hpp>
#include <collapse/scalar/scalar.hpp>

#include <string>

namespace collapse {

/// Working precision in bits (at least 2).
using Precision = long;

namespace detail {
struct IntervalAccess;  // defined in interval.cpp: the only code that sees the MPFI value
}

/// A closed interval [lo, hi] of binary floating-point endpoints of one precision; every
/// operation encloses its exact result (outward rounding).
///
/// Moved-from state: a moved-from Interval holds no value. It may be destroyed, assigned to
/// and copied (the copy is moved-from too); any other use throws std::logic_error.
class Interval {
public:
    /// [0, 0] at 64 bits.
    Interval();
    /// The integer n exactly; `bits` must be at least 64 (std::invalid_argument otherwise).
    static Interval exact_integer(long n, Precision bits = 64);
    /// The narrowest interval at `bits` bits containing q, rounded outward from the exact
    /// rational (never through a double). A point when q is representable.
    static Interval enclose(const Rational& q, Precision bits);
    /// The convex hull of a and b, at the larger of their precisions.
    static Interval hull(const Interval& a, const Interval& b);

    Interval(const Interval& other);
    Interval(Interval&& other) noexcept;
    Interval& operator=(const Interval& other);
    Interval& operator=(Interval&& other) noexcept;
    ~Interval();

    Precision precision() const;

    // Arithmetic: the result has the larger of the operands' precisions and contains every
    // exact result for operands in the inputs. A result that would be undefined (NaN) throws
    // std::domain_error rather than produce an interval that encloses nothing.
    friend Interval operator+(const Interval& a, const Interval& b);
    friend Interval operator-(const Interval& a, const Interval& b);
    friend Interval operator*(const Interval& a, const Interval& b);
    /// Throws std::domain_error when b contains 0.
    friend Interval operator/(const Interval& a, const Interval& b);
    friend Interval operator-(const Interval& a);

    Interval& operator+=(const Interval& b) { return *this = *this + b; }
    Interval& operator-=(const Interval& b) { return *this = *this - b; }
    Interval& operator*=(const Interval& b) { return *this = *this * b; }
    Interval& operator/=(const Interval& b) { return *this = *this / b; }

    /// Exact test lo <= q <= hi.
    bool contains(const Rational& q) const;
    bool contains_zero() const;
    /// lo == hi (a point interval: the value is known exactly).
    bool is_point() const;
    /// An upper bound on hi - lo (+inf if an endpoint is infinite).
    double width_upper_bound() const;
    /// An upper bound on (hi - lo) / min(|x| : x in [lo, hi]); +inf when the interval
    /// contains 0 (0 for a non-zero point).
    double relative_width_upper_bound() const;
    /// A decimal with at most `digits` significant digits (digits >= 1) that is <= lo, such
    /// as "0.333333", "-2.334" or "1.2345e-40"; "-inf" for an infinite endpoint.
    std::string lower_decimal(int digits) const;
    /// A decimal with at most `digits` significant digits that is >= hi; "inf" if infinite.
    std::string upper_decimal(int digits) const;
    /// The largest double <= lo (may be -inf).
    double lower_double_down() const;
    /// The smallest double >= hi (may be +inf).
    double upper_double_up() const;

private:
    friend struct detail::IntervalAccess;
    struct Uninitialised {};
    explicit Interval(Uninitialised) noexcept;  // moved-from state; filled in by interval.cpp
    // Raw storage for one MPFI value (__mpfi_struct: two MPFR numbers). interval.cpp
    // static_asserts that size and alignment suffice.
    alignas(void*) alignas(long) unsigned char storage_[8 * sizeof(void*)];
    bool live_ = false;  // false only for a moved-from object (no MPFI value, nothing to free)
};

/// An enclosure of x^beta for x >= 0 and beta > 0 (0^beta = 0), at the larger of the two
/// precisions. Throws std::domain_error if x may be negative or beta may be <= 0.
Interval pow(const Interval& x, const Interval& beta);

/// An enclosure of base^beta at `bits` bits, for rational base >= 0 and beta > 0 (throws
/// std::domain_error otherwise). Computed with guard bits and rounded outward to `bits`.
Interval enclose_power(const Rational& base, const Rational& beta, Precision bits);

/// An enclosure of the natural logarithm of x at x's precision (mpfi_log rounds outward).
/// Throws std::domain_error if x may be <= 0.
Interval log(const Interval& x);

/// An enclosure of the natural logarithm of a rational q > 0 at `bits` bits (throws
/// std::domain_error otherwise). Computed with guard bits and rounded outward to `bits`.
Interval enclose_log(const Rational& q, Precision bits);

template <>
struct scalar_traits<Interval> {
    static constexpr Guarantee guarantee = Guarantee::enclosure;
    /// n exactly, at 64 bits.
    static Interval from_integer(long n) { return Interval::exact_integer(n, 64); }
    /// yes iff x is [0, 0]; no iff 0 is not in x; unknown otherwise.
    static Truth is_zero(const Interval& x);
    /// yes iff lo > 0; no iff hi <= 0; unknown otherwise.
    static Truth is_positive(const Interval& x);
    /// Whether the true values may be equal: yes iff both are the same point; no iff the
    /// intervals are disjoint; unknown when they overlap (compared exactly, no rounding).
    static Truth agrees(const Interval& computed, const Interval& predicted);
    /// The outward enclosure of q at `bits` bits (Interval::enclose).
    static Interval from_rational(const Rational& q, long bits) { return Interval::enclose(q, bits); }
    /// "[lo, hi]" with endpoints rounded outward to about precision*log10(2)+2 significant
    /// digits (at most 80).
    static std::string to_string(const Interval& x);
};

}  // namespace collapse
