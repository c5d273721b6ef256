#include <collapse/core/error.hpp>
#include <collapse/io/tra_reader.hpp>

#include <gtest/gtest.h>

#include <sstream>

using namespace collapse;

namespace {
Chain<Rational> read(const std::string& text) {
    std::istringstream in(text);
    return read_tra(in, "test.tra", ResourceLimits{});
}
// The message of the refusal, which must start with "test.tra:LINE: ".
std::string refusal(const std::string& text) {
    try {
        read(text);
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "accepted";
}
}  // namespace

TEST(TraReader, ReadsProbabilitiesExactly) {
    const Chain<Rational> c = read("3 5\n0 1 0.1\n0 0 0.9\n1 2 1/3\n1 1 2/3\n2 2 1\n");
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c.probability_between(0, 1), Rational(1, 10));
    EXPECT_EQ(c.probability_between(0, 0), Rational(9, 10));
    EXPECT_EQ(c.probability_between(1, 2), Rational(1, 3));
    EXPECT_EQ(c.label(2), "2");
    // Rows are stored as integers over the lcm of their denominators.
    EXPECT_EQ(c.row_total(0), Rational(10));
    EXPECT_EQ(c.row_total(1), Rational(3));
}

TEST(TraReader, ZeroProbabilityIsNotATransition) {
    const Chain<Rational> c = read("2 3\n0 0 1\n0 1 0\n1 1 1\n");
    EXPECT_EQ(c.support().entries(), 2u);
}

TEST(TraReader, RefusesWithFileLineAndReason) {
    struct Case { std::string text, expected; };
    const std::vector<Case> cases{
        {"", "test.tra:1: empty file"},
        {"3\n", "test.tra:1: bad header"},
        {"x 2\n", "test.tra:1: number of states 'x'"},
        {"0 0\n", "test.tra:1: bad header: a chain needs at least one state"},
        {"2 2\n0 0 1\n", "the header announces 2 transitions, the file has 1"},
        {"1 1\n0 0 1\n0 0 1\n", "test.tra:3: more transition lines"},
        {"2 2\n0 2 1\n1 1 1\n", "test.tra:2: state 2 is out of range"},
        {"2 3\n0 0 -0.5\n0 1 1.5\n1 1 1\n", "test.tra:2: probability -0.5 is negative"},
        {"2 2\n0 0 abc\n1 1 1\n", "test.tra:2: probability: 'abc' is not a number"},
        {"2 3\n0 0 1/2\n0 0 1/2\n1 1 1\n", "test.tra:3: duplicate transition 0 -> 0 (first given on line 2)"},
        {"2 3\n0 0 1/2\n0 1 1/3\n1 1 1\n", "test.tra:3: the probabilities leaving state 0 sum to 5/6, not exactly 1"},
        {"2 1\n0 0 1\n", "state 1 has no outgoing transition"},
        {"2 2\n0 0 1 7\n1 1 1\n", "test.tra:2: expected 'from to probability'"},
        {"1 1\n0 0 2\n", "test.tra:2: probability 2 is greater than 1"},
    };
    for (const Case& c : cases) {
        const std::string msg = refusal(c.text);
        EXPECT_NE(msg.find(c.expected), std::string::npos) << "input:\n" << c.text << "message: " << msg;
        EXPECT_EQ(msg.rfind("test.tra:", 0), 0u) << msg;
    }
}

TEST(TraReader, HugeHeaderIsRefusedBeforeAllocating) {
    std::istringstream in("1000000000000000 1\n0 0 1\n");
    EXPECT_THROW(read_tra(in, "huge.tra", ResourceLimits{}), ResourceLimit);
}

TEST(TraReader, MissingFileIsInvalidInput) {
    EXPECT_THROW(read_tra_file("/nonexistent/chain.tra", ResourceLimits{}), InvalidInput);
}
