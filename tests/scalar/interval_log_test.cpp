// Interval logarithms: each enclosure must contain the true logarithm, checked against
// decimals of ln 2 known by heart and against an independent 1000-bit MPFR reference.
#include "lib_oracle_bridge.hpp"
#include "mpfr_reference.hpp"

#include <collapse/scalar/interval.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

using collapse::enclose_log;
using collapse::Interval;
using collapse::Rational;

namespace {
Rational exact(const std::string& text) { return collapse::parse_rational(text, "test value"); }
}  // namespace

TEST(IntervalLog, ContainsLnTwoAndIsTight) {
    // ln 2 = 0.69314718055994530941723212145817656807550013436025...: the two 50-digit
    // decimals around it are within 1e-50 of it, far inside a 128-bit enclosure's width, so
    // an enclosure containing both contains ln 2.
    const Rational below = exact("0.69314718055994530941723212145817656807550013436025"),
                   above = exact("0.69314718055994530941723212145817656807550013436026");
    const Interval x = enclose_log(Rational(2), 128);
    EXPECT_EQ(x.precision(), 128);
    EXPECT_TRUE(x.contains(below));
    EXPECT_TRUE(x.contains(above));
    EXPECT_FALSE(x.is_point());
    EXPECT_LT(x.width_upper_bound(), 1e-36);
    EXPECT_FALSE(x.contains(exact("0.6931471805599453094172321214581765680")));  // tight: 1e-38 away is outside
    // log of an interval: the argument's precision is kept.
    const Interval y = collapse::log(Interval::enclose(Rational(2), 100));
    EXPECT_EQ(y.precision(), 100);
    EXPECT_TRUE(y.contains(below));
    EXPECT_TRUE(y.contains(above));
}

TEST(IntervalLog, ContainsHighPrecisionReference) {
    for (const char* q : {"1/3", "3", "7/2", "1e-30", "123456789/1000", "2/3", "100000000000000000001/100000000000000000000"}) {
        const Rational r = exact(q);
        const mpq_class ref = reference::sum_of_logs({{1, bridge::to_oracle(r)}});
        for (long bits : {53L, 128L, 300L}) {
            const Interval x = enclose_log(r, bits);
            EXPECT_TRUE(x.contains(bridge::to_lib(ref))) << "log(" << q << ") at " << bits << " bits";
            EXPECT_LT(x.relative_width_upper_bound(), std::ldexp(1.0, static_cast<int>(-bits + 4))) << q;
        }
    }
}

TEST(IntervalLog, LogOfOneIsExactlyZero) {
    const Interval x = enclose_log(Rational(1), 64);
    EXPECT_TRUE(x.is_point());
    EXPECT_TRUE(x.contains(Rational(0)));
}

TEST(IntervalLog, WideArgumentGivesWideEnclosure) {
    // log([1/2, 4]) = [-ln 2, 2 ln 2]: both ends enclosed.
    const Interval x = collapse::log(Interval::hull(Interval::enclose(Rational(1, 2), 64), Interval::enclose(Rational(4), 64)));
    EXPECT_LE(exact(x.lower_decimal(20)), exact("-0.69314718055994530942"));
    EXPECT_GE(exact(x.lower_decimal(20)), exact("-0.69314718055994530943"));
    EXPECT_GE(exact(x.upper_decimal(20)), exact("1.3862943611198906188"));
}

TEST(IntervalLog, RefusesArgumentsThatMayBeNonPositive) {
    EXPECT_THROW(collapse::log(Interval::enclose(Rational(0), 64)), std::domain_error);
    EXPECT_THROW(collapse::log(Interval::enclose(Rational(-1), 64)), std::domain_error);
    EXPECT_THROW(collapse::log(Interval::hull(Interval::enclose(Rational(-1), 64), Interval::enclose(Rational(1), 64))),
                 std::domain_error);
    EXPECT_THROW(enclose_log(Rational(0), 64), std::domain_error);
    EXPECT_THROW(enclose_log(Rational(-2), 64), std::domain_error);
}
