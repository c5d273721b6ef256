// Class structure on hand-drawn graphs, where the answer is read off the picture.
#include <collapse/graph/class_structure.hpp>

#include <gtest/gtest.h>

using collapse::ClassStructure;
using collapse::Support;

namespace {
Support graph(const std::vector<std::vector<std::size_t>>& targets) {
    std::vector<std::size_t> start{0}, column;
    for (const auto& t : targets) {
        column.insert(column.end(), t.begin(), t.end());
        start.push_back(column.size());
    }
    return Support(start, column);
}
}  // namespace

TEST(ClassStructure, TransientAbsorbingAndPeriodic) {
    // 0 -> {1, 2}; 1 -> 1 (absorbing); 2 -> 3; 3 -> 2 (period 2); 4 -> {0, 4}
    const ClassStructure cs = collapse::class_structure(graph({{1, 2}, {1}, {3}, {2}, {0, 4}}));
    ASSERT_EQ(cs.classes.size(), 4u);  // {0} {1} {2,3} {4}
    ASSERT_EQ(cs.closed.size(), 2u);
    EXPECT_EQ(cs.closed_class(0), (std::vector<std::size_t>{1}));
    EXPECT_EQ(cs.closed_class(1), (std::vector<std::size_t>{2, 3}));
    EXPECT_EQ(cs.period, (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(cs.transient, (std::vector<std::size_t>{0, 4}));
    EXPECT_EQ(cs.absorbing, (std::vector<std::size_t>{1}));
    EXPECT_EQ(cs.closed_index[3], 1u);
    EXPECT_EQ(cs.closed_index[0], ClassStructure::npos);
}

TEST(ClassStructure, PeriodIsTheGcdOfCycleLengths) {
    // Cycles of length 4 (0-1-2-3) and 6 (0-1-2-3-4-5 through 3 -> 4): period gcd(4, 6) = 2.
    const ClassStructure cs = collapse::class_structure(graph({{1}, {2}, {3}, {0, 4}, {5}, {0}}));
    ASSERT_EQ(cs.closed.size(), 1u);
    EXPECT_EQ(cs.period[0], 2u);
    // Adding a cycle of length 3 (2 -> 0) makes it aperiodic: gcd(4, 6, 3) = 1.
    const ClassStructure cs2 = collapse::class_structure(graph({{1}, {2}, {0, 3}, {0, 4}, {5}, {0}}));
    EXPECT_EQ(cs2.period[0], 1u);
}

TEST(ClassStructure, LongPathDoesNotExhaustTheStack) {
    // 0 -> 1 -> ... -> n-1 -> n-1: recursion depth n for a recursive Tarjan.
    const std::size_t n = 300000;
    std::vector<std::vector<std::size_t>> t(n);
    for (std::size_t i = 0; i + 1 < n; ++i) t[i] = {i + 1};
    t[n - 1] = {n - 1};
    const ClassStructure cs = collapse::class_structure(graph(t));
    EXPECT_EQ(cs.closed.size(), 1u);
    EXPECT_EQ(cs.transient.size(), n - 1);
    EXPECT_EQ(cs.absorbing, (std::vector<std::size_t>{n - 1}));
}

TEST(Support, RefusesMalformedPatterns) {
    EXPECT_THROW(Support({0, 1}, {1}), std::logic_error);        // target out of range
    EXPECT_THROW(Support({0, 2}, {0, 0}), std::logic_error);     // duplicate target
    EXPECT_THROW(Support({0, 1, 1}, {0, 1}), std::logic_error);  // row_start does not cover columns
}

TEST(ClassStructure, TruncationKeepsTheClassesOnlyWhenItProvablyCannotChangeThem) {
    using collapse::truncation_keeps_class_structure;
    // 0 and 2 absorbing, 1 transient: a truncated transient row changes nothing.
    const ClassStructure absorbing = collapse::class_structure(graph({{0}, {0, 1, 2}, {2}}));
    EXPECT_TRUE(truncation_keeps_class_structure(absorbing, {false, true, false}));
    // A truncated row inside a closed class that is not everything: the full chain might
    // leave it (and the class would not be closed there).
    EXPECT_FALSE(truncation_keeps_class_structure(absorbing, {true, false, false}));
    // One aperiodic class of all states: the full graph, a superset, is irreducible and
    // aperiodic too.
    const ClassStructure irreducible = collapse::class_structure(graph({{0, 1}, {0, 2}, {1}}));
    EXPECT_TRUE(truncation_keeps_class_structure(irreducible, {true, true, true}));
    // One periodic class of all states (0 <-> 1): a left-out self-loop would change the period.
    const ClassStructure periodic = collapse::class_structure(graph({{1}, {0}}));
    EXPECT_FALSE(truncation_keeps_class_structure(periodic, {true, false}));
    EXPECT_TRUE(truncation_keeps_class_structure(periodic, {false, false}));
}
