// Verified intervals: every result must contain the exact value, which the tests compute
// independently with Rational (exact) arithmetic; decimal output must round outward, which
// the tests check by reading the decimals back exactly with parse_rational.
#include <collapse/scalar/interval.hpp>
#include <collapse/scalar/rational.hpp>

#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <concepts>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using collapse::enclose_power;
using collapse::Integer;
using collapse::Interval;
using collapse::parse_rational;
using collapse::Precision;
using collapse::Rational;
using collapse::scalar_traits;
using collapse::Truth;

namespace {

using Traits = scalar_traits<Interval>;

Rational exact(const std::string& text) { return parse_rational(text, "test value"); }

Rational power_of_two(int e) {
    Integer p = 1;
    p <<= (e < 0 ? -e : e);
    return e < 0 ? Rational(Integer(1), p) : Rational(p);
}

Interval enclose(const Rational& q, Precision bits = 64) { return Interval::enclose(q, bits); }
Interval integer(long n) { return Interval::exact_integer(n); }

// Outward decimals at every digit count from 1 to `max_digits`.
void expect_outward_decimals(const Interval& x, const Rational& lo, const Rational& hi, int max_digits) {
    for (int d = 1; d <= max_digits; ++d) {
        const std::string l = x.lower_decimal(d), u = x.upper_decimal(d);
        EXPECT_LE(exact(l), lo) << "lower_decimal(" << d << ") = " << l;
        EXPECT_GE(exact(u), hi) << "upper_decimal(" << d << ") = " << u;
    }
}

}  // namespace

// The lead relaxes Scalar to copyable + default_initializable: an interval has no numeric ==.
static_assert(std::copyable<Interval>);
static_assert(std::default_initializable<Interval>);
static_assert(!std::equality_comparable<Interval>);
static_assert(std::is_nothrow_move_constructible_v<Interval>);
static_assert(std::is_nothrow_move_assignable_v<Interval>);
static_assert(Traits::guarantee == collapse::Guarantee::enclosure);
static_assert(collapse::Scalar<Interval>);

TEST(Interval, DefaultIsExactZeroAt64Bits) {
    const Interval z;
    EXPECT_EQ(z.precision(), 64);
    EXPECT_TRUE(z.is_point());
    EXPECT_TRUE(z.contains(Rational(0)));
    EXPECT_EQ(Traits::is_zero(z), Truth::yes);
    EXPECT_EQ(z.width_upper_bound(), 0.0);
}

TEST(Interval, ExactIntegersArePoints) {
    for (long n : {0L, 1L, -1L, 123456789L, LONG_MAX, LONG_MIN}) {
        const Interval x = Interval::exact_integer(n);
        EXPECT_TRUE(x.is_point()) << n;
        EXPECT_TRUE(x.contains(Rational(n))) << n;
        EXPECT_FALSE(x.contains(Rational(n) + Rational(1, 1000000))) << n;
    }
    EXPECT_EQ(Interval::exact_integer(7, 200).precision(), 200);
    EXPECT_EQ(Traits::from_integer(5).precision(), 64);
    EXPECT_TRUE(Traits::from_integer(-5).contains(Rational(-5)));
    EXPECT_THROW(Interval::exact_integer(7, 32), std::invalid_argument);
}

TEST(Interval, EnclosuresOfRationalsAreTight) {
    for (const Precision bits : {Precision{64}, Precision{128}, Precision{256}, Precision{1000}}) {
        for (const Rational& q : {Rational(1, 3), Rational(1, 10), Rational(-7, 3)}) {
            const Interval x = enclose(q, bits);
            EXPECT_EQ(x.precision(), bits);
            EXPECT_TRUE(x.contains(q)) << q << " at " << bits;
            EXPECT_FALSE(x.is_point()) << q << " is not a dyadic rational";
            EXPECT_LE(x.relative_width_upper_bound(), std::ldexp(1.0, -static_cast<int>(bits - 2)))
                << q << " at " << bits;
            // Not absurdly wide either: the rational next to q at distance 2^-(bits-4) is out.
            const Rational step = power_of_two(-static_cast<int>(bits - 4));
            EXPECT_FALSE(x.contains(q + step));
            EXPECT_FALSE(x.contains(q - step));
        }
    }
    // Dyadic rationals are represented exactly.
    EXPECT_TRUE(enclose(Rational(3, 4)).is_point());
    EXPECT_TRUE(enclose(Rational(-12345) / power_of_two(100)).is_point());
    EXPECT_THROW(enclose(Rational(1, 3), 1), std::invalid_argument);
}

TEST(Interval, EnclosureIsNotThroughDouble) {
    // 1/10 + 2^-70 rounds to the same double as 1/10; at 256 bits they are told apart.
    const Rational q = Rational(1, 10) + power_of_two(-70);
    const Interval x = enclose(q, 256);
    EXPECT_TRUE(x.contains(q));
    EXPECT_FALSE(x.contains(Rational(1, 10)));
}

TEST(Interval, ArithmeticEnclosesExactResults) {
    const Rational a(1, 3), b(-7, 3), c(1, 10), d(22, 7);
    for (const Precision bits : {Precision{64}, Precision{128}, Precision{256}}) {
        const Interval x = enclose(a, bits), y = enclose(b, bits), z = enclose(c, bits), w = enclose(d, bits);
        EXPECT_TRUE((x + y).contains(a + b));
        EXPECT_TRUE((x - y).contains(a - b));
        EXPECT_TRUE((x * y).contains(a * b));
        EXPECT_TRUE((x / y).contains(a / b));
        EXPECT_TRUE((-x).contains(-a));
        EXPECT_TRUE(((x + y) * z / (x - z)).contains((a + b) * c / (a - c)));
        EXPECT_TRUE((w * w * w - x / (z * z) + y).contains(d * d * d - a / (c * c) + b));
        // Exact results come out exact.
        EXPECT_TRUE((integer(6) / integer(4)).is_point());
        EXPECT_TRUE((integer(6) / integer(4)).contains(Rational(3, 2)));

        Interval sum = Interval::exact_integer(0, bits);
        Rational exact_sum = 0;
        for (int k = 1; k <= 200; ++k) {
            sum += Interval::exact_integer(1, bits) / Interval::exact_integer(k, bits);
            exact_sum += Rational(1, k);
        }
        EXPECT_TRUE(sum.contains(exact_sum));
        EXPECT_LE(sum.relative_width_upper_bound(), 1e-15);
    }
}

TEST(Interval, ResultTakesTheLargerPrecision) {
    const Interval x = enclose(Rational(1, 3), 64), y = enclose(Rational(1, 10), 256);
    EXPECT_EQ((x + y).precision(), 256);
    EXPECT_EQ((y * x).precision(), 256);
    EXPECT_EQ((x / y).precision(), 256);
    EXPECT_EQ((-x).precision(), 64);
    EXPECT_TRUE((x + y).contains(Rational(13, 30)));
    EXPECT_EQ(Interval::hull(x, y).precision(), 256);
}

TEST(Interval, HigherPrecisionIsNarrower) {
    auto compute = [](Precision bits) {
        const Interval x = enclose(Rational(1, 3), bits), z = enclose(Rational(1, 10), bits);
        return (x + z) * x / (x - z);
    };
    const Interval low = compute(64), high = compute(256);
    const Rational truth = (Rational(1, 3) + Rational(1, 10)) * Rational(1, 3) / (Rational(1, 3) - Rational(1, 10));
    EXPECT_TRUE(low.contains(truth));
    EXPECT_TRUE(high.contains(truth));
    EXPECT_LT(high.width_upper_bound(), low.width_upper_bound() * 1e-50);
    EXPECT_GT(low.width_upper_bound(), 0.0);
}

TEST(Interval, HullAndWidths) {
    const Interval h = Interval::hull(integer(-1), enclose(Rational(1, 3)));
    EXPECT_TRUE(h.contains(Rational(-1)));
    EXPECT_TRUE(h.contains(Rational(1, 3)));
    EXPECT_TRUE(h.contains(Rational(0)));
    EXPECT_FALSE(h.contains(Rational(-2)));
    EXPECT_GE(h.width_upper_bound(), 4.0 / 3.0);
    EXPECT_LE(h.width_upper_bound(), 4.0 / 3.0 + 1e-15);
    EXPECT_EQ(h.relative_width_upper_bound(), INFINITY);

    const Interval g = Interval::hull(integer(2), integer(3));
    EXPECT_EQ(g.width_upper_bound(), 1.0);
    EXPECT_EQ(g.relative_width_upper_bound(), 0.5);
    EXPECT_EQ(Interval::hull(integer(-3), integer(-2)).relative_width_upper_bound(), 0.5);
    EXPECT_EQ(integer(5).relative_width_upper_bound(), 0.0);
}

TEST(Interval, ThreeValuedSignTests) {
    const Interval third = enclose(Rational(1, 3));
    EXPECT_EQ(Traits::is_zero(integer(0)), Truth::yes);
    EXPECT_EQ(Traits::is_zero(integer(3) - integer(3)), Truth::yes);
    EXPECT_EQ(Traits::is_zero(third), Truth::no);
    EXPECT_EQ(Traits::is_zero(-third), Truth::no);
    // x - x of a non-point interval is [-w, w]: it may or may not be zero.
    EXPECT_EQ(Traits::is_zero(third - third), Truth::unknown);
    EXPECT_EQ(Traits::is_zero(Interval::hull(integer(0), third)), Truth::unknown);

    EXPECT_EQ(Traits::is_positive(third), Truth::yes);
    EXPECT_EQ(Traits::is_positive(enclose(Rational(-7, 3))), Truth::no);
    EXPECT_EQ(Traits::is_positive(integer(0)), Truth::no);
    EXPECT_EQ(Traits::is_positive(Interval::hull(integer(-1), integer(0))), Truth::no);
    EXPECT_EQ(Traits::is_positive(Interval::hull(integer(0), third)), Truth::unknown);
    EXPECT_EQ(Traits::is_positive(third - third), Truth::unknown);
    EXPECT_EQ(collapse::is_zero(third), Truth::no);  // the generic entry points
    EXPECT_EQ(collapse::is_positive(third), Truth::yes);
}

TEST(Interval, Agrees) {
    const Interval third = enclose(Rational(1, 3));
    EXPECT_EQ(Traits::agrees(integer(3), integer(3)), Truth::yes);
    EXPECT_EQ(Traits::agrees(integer(3), Interval::exact_integer(3, 256)), Truth::yes);
    EXPECT_EQ(Traits::agrees(integer(3), integer(4)), Truth::no);
    EXPECT_EQ(Traits::agrees(third, enclose(Rational(1, 3), 256)), Truth::unknown);
    EXPECT_EQ(Traits::agrees(third * integer(3), integer(1)), Truth::unknown);
    EXPECT_EQ(Traits::agrees(third, enclose(Rational(1, 3) + Rational(1, 1000000))), Truth::no);
    EXPECT_EQ(Traits::agrees(Interval::hull(integer(0), integer(1)), integer(1)), Truth::unknown);
    EXPECT_EQ(Traits::agrees(Interval::hull(integer(0), integer(1)), integer(2)), Truth::no);
    EXPECT_EQ(collapse::agrees(third, third), Truth::unknown);
    EXPECT_TRUE(Traits::from_rational(Rational(1, 3), 128).contains(Rational(1, 3)));
    EXPECT_EQ(Traits::from_rational(Rational(1, 3), 128).precision(), 128);
}

TEST(Interval, DivisionByAnIntervalContainingZeroThrows) {
    const Interval third = enclose(Rational(1, 3));
    EXPECT_THROW(third / integer(0), std::domain_error);
    EXPECT_THROW(third / Interval::hull(integer(-1), integer(1)), std::domain_error);
    EXPECT_THROW(third / Interval::hull(integer(0), third), std::domain_error);
    EXPECT_THROW(third / (third - third), std::domain_error);
    Interval y = third;
    EXPECT_THROW(y /= integer(0), std::domain_error);
    EXPECT_NO_THROW(third / -third);
    EXPECT_TRUE((third / -third).contains(Rational(-1)));
}

TEST(Interval, DecimalsRoundOutward) {
    const Interval third = enclose(Rational(1, 3));
    EXPECT_EQ(third.lower_decimal(6), "0.333333");
    EXPECT_EQ(third.upper_decimal(6), "0.333334");
    const Interval m = enclose(Rational(-7, 3));
    EXPECT_EQ(m.lower_decimal(4), "-2.334");
    EXPECT_EQ(m.upper_decimal(4), "-2.333");
    EXPECT_EQ(integer(0).lower_decimal(5), "0");
    EXPECT_EQ(integer(0).upper_decimal(5), "0");
    EXPECT_EQ(enclose(Rational(1, 2)).lower_decimal(5), "0.5");
    EXPECT_EQ(enclose(Rational(1, 2)).upper_decimal(5), "0.5");
    EXPECT_EQ(integer(1000).upper_decimal(10), "1000");
    EXPECT_EQ(integer(-1500).lower_decimal(2), "-1500");
    EXPECT_EQ(integer(-1501).lower_decimal(2), "-1600");
    EXPECT_EQ(integer(-1501).upper_decimal(2), "-1500");
    EXPECT_EQ(enclose(Rational(3, 2)).lower_decimal(3), "1.5");
    // 1/1000 is not dyadic: its enclosure lies strictly around it.
    EXPECT_EQ(enclose(Rational(1, 1000)).lower_decimal(3), "9.99e-4");
    EXPECT_EQ(enclose(Rational(1, 1000)).upper_decimal(3), "1.01e-3");
    EXPECT_EQ(enclose(Rational(1, 100)).upper_decimal(3), "0.0101");
    EXPECT_EQ(enclose(Rational(1, 4) / Rational(1000)).lower_decimal(3), "2.49e-4");
    EXPECT_EQ(integer(12345678).upper_decimal(3), "1.24e7");
    EXPECT_EQ(integer(1234567).upper_decimal(3), "1240000");
    EXPECT_EQ(integer(12345678).upper_decimal(20), "12345678");
    EXPECT_EQ(enclose(Rational(15) / power_of_two(140)).upper_decimal(2), "1.1e-41");
    EXPECT_THROW((void)third.lower_decimal(0), std::invalid_argument);

    // Endpoints known exactly: dyadic rationals are represented exactly at 64 bits.
    const Rational tiny = Rational(12345) / power_of_two(140);          // about 8.9e-39
    const Rational big = Rational(Integer(987654321)) * power_of_two(200);  // about 1.6e69
    const Rational neg = -Rational(987654321) / power_of_two(40);       // about -8.98e-4
    for (const Rational& v : {tiny, big, neg}) {
        const Interval p = enclose(v);
        ASSERT_TRUE(p.is_point());
        expect_outward_decimals(p, v, v, 45);
        // With enough digits the decimal is exact, in both directions.
        EXPECT_EQ(exact(p.lower_decimal(400)), v);
        EXPECT_EQ(exact(p.upper_decimal(400)), v);
        EXPECT_LT(exact(p.lower_decimal(3)), v);  // and with few it really rounds
        EXPECT_GT(exact(p.upper_decimal(3)), v);
    }
    const Interval spread = Interval::hull(enclose(neg), enclose(big));
    expect_outward_decimals(spread, neg, big, 45);

    // Non-dyadic enclosures: the decimals bracket the rational at every digit count, and
    // the decimals with more digits lie inside those with fewer.
    for (const Rational& q : {Rational(1, 3), Rational(1, 10), Rational(-7, 3), Rational(-1, 7000000)}) {
        const Interval x = enclose(q, 128);
        expect_outward_decimals(x, q, q, 60);
        for (int d = 1; d < 60; ++d) {
            EXPECT_LE(exact(x.lower_decimal(d)), exact(x.lower_decimal(d + 1)));
            EXPECT_GE(exact(x.upper_decimal(d)), exact(x.upper_decimal(d + 1)));
        }
    }
}

TEST(Interval, ToStringShowsOutwardEndpoints) {
    const Interval x = enclose(Rational(1, 3), 64);
    const std::string s = Traits::to_string(x);
    ASSERT_EQ(s.front(), '[');
    ASSERT_EQ(s.back(), ']');
    const auto comma = s.find(", ");
    ASSERT_NE(comma, std::string::npos);
    const Rational lo = exact(s.substr(1, comma - 1)), hi = exact(s.substr(comma + 2, s.size() - comma - 3));
    EXPECT_LE(lo, Rational(1, 3));
    EXPECT_GE(hi, Rational(1, 3));
    EXPECT_LT(hi - lo, Rational(1, 1000000000) * Rational(1, 1000000000));  // digits enough to be useful
    EXPECT_EQ(Traits::to_string(integer(-4)), "[-4, -4]");
    EXPECT_LE(Traits::to_string(enclose(Rational(1, 3), 100000)).size(), 2 * 85u);  // capped
}

TEST(Interval, OutwardDoubles) {
    for (const Rational& q : {Rational(1, 3), Rational(1, 10), Rational(-7, 3)}) {
        const Interval x = enclose(q, 200);
        const double lo = x.lower_double_down(), hi = x.upper_double_up();
        EXPECT_LE(Rational(lo), q);
        EXPECT_GE(Rational(hi), q);
        EXPECT_EQ(std::nextafter(lo, INFINITY), hi);  // adjacent doubles
    }
    EXPECT_FALSE(std::signbit(integer(0).upper_double_up()));
    EXPECT_EQ(integer(3).lower_double_down(), 3.0);
}

TEST(Interval, PowerEnclosesTwoToTheThreeHalves) {
    const Interval x = enclose_power(Rational(2), Rational(3, 2), 128);
    EXPECT_EQ(x.precision(), 128);
    // The brief's hand bracket 2.828427124746190097 < 2^1.5 < 2.828427124746190098.
    const Rational bracket_lo = exact("2.828427124746190097"), bracket_hi = exact("2.828427124746190098");
    ASSERT_LT(bracket_lo * bracket_lo, Rational(8));
    ASSERT_GT(bracket_hi * bracket_hi, Rational(8));
    EXPECT_LT(exact(x.lower_decimal(40)), bracket_hi);
    EXPECT_GT(exact(x.upper_decimal(40)), bracket_lo);
    // Proof that 2^1.5 = sqrt(8) is inside: a 60-digit bracket a < sqrt(8) < b with both a
    // and b inside the interval (the interval is about 1e-38 wide).
    const Integer scale = boost::multiprecision::pow(Integer(10), 60);
    const Integer root = boost::multiprecision::sqrt(Integer(8) * scale * scale);  // floor
    const Rational a(root, scale), b(root + 1, scale);
    ASSERT_LT(a * a, Rational(8));
    ASSERT_GT(b * b, Rational(8));
    EXPECT_TRUE(x.contains(a));
    EXPECT_TRUE(x.contains(b));
    EXPECT_LE(x.relative_width_upper_bound(), std::ldexp(1.0, -125));
}

TEST(Interval, PowerAtAndNearZero) {
    const Interval half = enclose(Rational(1, 2));
    const Interval at_zero = collapse::pow(integer(0), half);
    EXPECT_TRUE(at_zero.is_point());
    EXPECT_EQ(Traits::is_zero(at_zero), Truth::yes);
    EXPECT_EQ(Traits::is_zero(enclose_power(Rational(0), Rational(1, 3), 64)), Truth::yes);

    const Interval r = collapse::pow(Interval::hull(integer(0), enclose(Rational(1, 4))), half);
    EXPECT_TRUE(r.contains(Rational(0)));
    EXPECT_TRUE(r.contains(Rational(1, 2)));
    EXPECT_EQ(r.lower_decimal(5), "0");
    EXPECT_EQ(r.upper_decimal(5), "0.5");
    EXPECT_EQ(r.width_upper_bound(), 0.5);

    // A non-representable exponent: 0.3 at 64 bits.
    const Interval s = collapse::pow(Interval::hull(integer(0), integer(1)), enclose(Rational(3, 10)));
    EXPECT_TRUE(s.contains(Rational(0)));
    EXPECT_TRUE(s.contains(Rational(1)));
    EXPECT_LE(s.upper_double_up(), 1.0);
}

TEST(Interval, PowerOverBoxesAndExactCases) {
    // x in [1/4, 4], beta in [1/2, 2]: x^beta ranges over [1/16, 16].
    const Interval x = Interval::hull(enclose(Rational(1, 4)), integer(4));
    const Interval beta = Interval::hull(enclose(Rational(1, 2)), integer(2));
    const Interval r = collapse::pow(x, beta);
    EXPECT_TRUE(r.contains(Rational(1, 16)));
    EXPECT_TRUE(r.contains(Rational(16)));
    EXPECT_FALSE(r.contains(Rational(1, 17)));
    EXPECT_FALSE(r.contains(Rational(17)));

    const Interval three = enclose_power(Rational(9), Rational(1, 2), 64);
    EXPECT_TRUE(three.is_point());
    EXPECT_TRUE(three.contains(Rational(3)));
    const Interval cube = enclose_power(Rational(1, 3), Rational(3), 64);
    EXPECT_TRUE(cube.contains(Rational(1, 27)));
    EXPECT_LE(cube.relative_width_upper_bound(), std::ldexp(1.0, -61));
    // (1/10)^(1/3) * (1/10)^(2/3) = 1/10.
    const Interval p = enclose_power(Rational(1, 10), Rational(1, 3), 128) *
                       enclose_power(Rational(1, 10), Rational(2, 3), 128);
    EXPECT_TRUE(p.contains(Rational(1, 10)));
    EXPECT_LE(p.relative_width_upper_bound(), 1e-35);
    // A tiny result stays an enclosure: (1/10)^(1000/3) = 10^(-333.33...).
    const Interval tiny = enclose_power(Rational(1, 10), Rational(1000, 3), 64);
    EXPECT_EQ(Traits::is_positive(tiny), Truth::yes);
    EXPECT_TRUE((tiny * tiny * tiny).contains(Rational(Integer(1), boost::multiprecision::pow(Integer(10), 1000))));
}

TEST(Interval, PowerDomainErrors) {
    const Interval half = enclose(Rational(1, 2));
    EXPECT_THROW(collapse::pow(integer(-1), half), std::domain_error);
    EXPECT_THROW(collapse::pow(Interval::hull(integer(-1), integer(1)), half), std::domain_error);
    EXPECT_THROW(collapse::pow(half, integer(0)), std::domain_error);
    EXPECT_THROW(collapse::pow(half, Interval::hull(integer(0), integer(1))), std::domain_error);
    EXPECT_THROW(collapse::pow(half, integer(-2)), std::domain_error);
    EXPECT_THROW(enclose_power(Rational(-1), Rational(1, 2), 64), std::domain_error);
    EXPECT_THROW(enclose_power(Rational(2), Rational(0), 64), std::domain_error);
    EXPECT_THROW(enclose_power(Rational(2), Rational(1, 2), 1), std::invalid_argument);
}

TEST(Interval, CopyAndMove) {
    const Interval x = enclose(Rational(1, 3), 256);
    Interval copy = x;
    EXPECT_EQ(copy.precision(), 256);
    EXPECT_TRUE(copy.contains(Rational(1, 3)));

    Interval assigned = integer(5);  // 64 bits, assigned a 256-bit value
    assigned = x;
    EXPECT_EQ(assigned.precision(), 256);
    EXPECT_EQ(assigned.width_upper_bound(), x.width_upper_bound());
    assigned = integer(7);  // and back to 64 bits
    EXPECT_EQ(assigned.precision(), 64);
    EXPECT_TRUE(assigned.is_point());

    const Interval& self = assigned;
    assigned = self;
    EXPECT_TRUE(assigned.contains(Rational(7)));
    Interval& alias = assigned;
    assigned = std::move(alias);  // self-move leaves a usable value
    EXPECT_TRUE(assigned.contains(Rational(7)));

    Interval moved = std::move(copy);
    EXPECT_TRUE(moved.contains(Rational(1, 3)));
    EXPECT_THROW((void)copy.precision(), std::logic_error);  // NOLINT(bugprone-use-after-move)
    EXPECT_THROW((void)(copy + x), std::logic_error);
    EXPECT_THROW((void)Traits::is_zero(copy), std::logic_error);
    const Interval copy_of_moved = copy;  // copying a moved-from value is allowed
    EXPECT_THROW((void)copy_of_moved.is_point(), std::logic_error);
    Interval assigned_from_moved = integer(1);
    assigned_from_moved = copy;
    EXPECT_THROW((void)assigned_from_moved.is_point(), std::logic_error);
    copy = x;  // a moved-from interval can be assigned again
    EXPECT_TRUE(copy.contains(Rational(1, 3)));
    Interval target = integer(2);
    target = std::move(moved);
    EXPECT_TRUE(target.contains(Rational(1, 3)));

    std::vector<Interval> values;
    for (int k = 1; k <= 100; ++k) values.push_back(Interval::exact_integer(1) / Interval::exact_integer(k, 64 + k));
    for (int k = 1; k <= 100; ++k) {
        EXPECT_TRUE(values[static_cast<std::size_t>(k - 1)].contains(Rational(1, k)));
        EXPECT_EQ(values[static_cast<std::size_t>(k - 1)].precision(), 64 + k);
    }
    std::vector<Interval> copies = values;
    values.clear();
    EXPECT_TRUE(copies[2].contains(Rational(1, 3)));
}
