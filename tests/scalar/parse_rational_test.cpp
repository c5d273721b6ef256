// Numbers given by users are read exactly (model.md): expected values are the rationals
// the decimal notation denotes.
#include <collapse/core/error.hpp>
#include <collapse/scalar/rational.hpp>

#include <gtest/gtest.h>

using collapse::InvalidInput;
using collapse::Integer;
using collapse::parse_rational;
using collapse::Rational;

TEST(ParseRational, DecimalsAreExact) {
    EXPECT_EQ(parse_rational("0.1", "x"), Rational(1, 10));
    EXPECT_EQ(parse_rational("3", "x"), Rational(3));
    EXPECT_EQ(parse_rational("-2.5e-3", "x"), Rational(-1, 400));
    EXPECT_EQ(parse_rational("1e-9", "x"), Rational(1, 1000000000));
    EXPECT_EQ(parse_rational("1.5E2", "x"), Rational(150));
    EXPECT_EQ(parse_rational(".25", "x"), Rational(1, 4));
    EXPECT_EQ(parse_rational("+7.", "x"), Rational(7));
    // 0.1 is not the double nearest to it: 0.1 * 10 is exactly 1.
    EXPECT_EQ(parse_rational("0.1", "x") * 10, Rational(1));
}

TEST(ParseRational, FractionsAreReducedAndExact) {
    EXPECT_EQ(parse_rational("2/4", "x"), Rational(1, 2));
    EXPECT_EQ(parse_rational("-3/9", "x"), Rational(-1, 3));
    EXPECT_EQ(parse_rational("123456789012345678901234567890/3", "x"),
              Rational(Integer("41152263004115226300411522630")));
}

TEST(ParseRational, RefusesWithTheInputNamed) {
    for (const char* bad : {"", "abc", "1/0", "1e", "1.2.3", "--1", "1/-2", " 1", "1 ", "0x10", "1e99999", ".", "e5",
                            "1/2/3", "nan", "inf"}) {
        try {
            parse_rational(bad, "--fresh-fraction");
            ADD_FAILURE() << "accepted '" << bad << "'";
        } catch (const InvalidInput& e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find("--fresh-fraction"), std::string::npos) << msg;
            EXPECT_NE(msg.find("accepted"), std::string::npos) << msg;
        }
    }
}

TEST(ParseCount, AcceptsOnlyPlainNonNegativeIntegers) {
    EXPECT_EQ(collapse::parse_count("0", "n"), 0u);
    EXPECT_EQ(collapse::parse_count("18446744073709551", "n"), 18446744073709551ull);
    for (const char* bad : {"", "-1", "1.0", "1e3", "12345678901234567890", "x"})
        EXPECT_THROW(collapse::parse_count(bad, "n"), InvalidInput) << bad;
}

TEST(ParseRational, LeadingZerosAreDecimalNotOctal) {
    // Regression: GMP-through-Boost reads "025" as octal 21 unless told base 10.
    EXPECT_EQ(parse_rational("0.25", "x"), Rational(1, 4));
    EXPECT_EQ(parse_rational("010/3", "x"), Rational(10, 3));
    EXPECT_EQ(parse_rational("0.09", "x"), Rational(9, 100));
    EXPECT_EQ(parse_rational("007", "x"), Rational(7));
}

TEST(ParseRational, ExponentLeadingZerosDoNotCount) {
    EXPECT_EQ(parse_rational("1e0000001", "x"), Rational(10));
    EXPECT_EQ(parse_rational("3e-0004000", "x") * Rational(collapse::Integer(boost::multiprecision::pow(collapse::Integer(10), 4000))), Rational(3));
    EXPECT_THROW(parse_rational("1e4001", "x"), InvalidInput);
}
