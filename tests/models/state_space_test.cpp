#include <collapse/models/state_space.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

using collapse::state_count;
using collapse::StateSpace;

TEST(StateCount, IsBinomial) {
    EXPECT_EQ(state_count(2, 10), 11u);
    EXPECT_EQ(state_count(3, 100), 5151u);     // binom(102, 2)
    EXPECT_EQ(state_count(4, 5), 56u);         // binom(8, 3)
    EXPECT_EQ(state_count(10, 10), 92378u);    // binom(19, 9)
    EXPECT_EQ(state_count(2, 0), 1u);
    EXPECT_EQ(state_count(34, 33), 7219428434016265740ull);  // binom(66, 33), near 2^62
    EXPECT_EQ(state_count(35, 33), 14226520737620288370ull);  // binom(67, 34), the intermediate exceeds 2^64
    EXPECT_EQ(state_count(36, 33), std::numeric_limits<std::uint64_t>::max());  // binom(68, 35) > 2^64
}

TEST(StateCount, SaturatesInsteadOfOverflowing) {
    constexpr auto max = std::numeric_limits<std::uint64_t>::max();
    EXPECT_EQ(state_count(1000, 1000000), max);
    EXPECT_EQ(state_count(max, max), max);
    EXPECT_EQ(state_count(3, max), max);
}

TEST(StateSpace, DescendingLexicographicOrder) {
    const StateSpace s(3, 2);
    ASSERT_EQ(s.size(), 6u);
    const std::vector<std::string> expected{"2,0,0", "1,1,0", "1,0,1", "0,2,0", "0,1,1", "0,0,2"};
    for (std::size_t i = 0; i < s.size(); ++i) EXPECT_EQ(s.label(i), expected[i]);
    EXPECT_EQ(s.dirac(0), 0u);
    EXPECT_EQ(s.dirac(1), 3u);
    EXPECT_EQ(s.dirac(2), 5u);
}

TEST(StateSpace, IndexOfInvertsEnumeration) {
    for (auto [k, n] : {std::pair{2, 7}, {3, 5}, {4, 6}, {5, 3}}) {
        const StateSpace s(k, n);
        ASSERT_EQ(s.size(), state_count(k, n));
        for (std::size_t i = 0; i < s.size(); ++i) {
            EXPECT_EQ(s.index_of(s.counts(i)), i);
            if (i > 0) {  // strictly descending lexicographic
                const auto a = s.counts(i - 1), b = s.counts(i);
                EXPECT_TRUE(std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end()));
            }
        }
    }
}
