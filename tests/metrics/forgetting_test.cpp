// Time to forget a symbol. Expected values: the closed form of T2 (binary mle: symbol 1 is
// forgotten exactly when the chain fixes at N,0, with probability 1 - c_1/N), the oracle's
// absorption analysis, and hitting-time systems solved here with the oracle's dense
// Gauss-Jordan (sharing no code with lib/).
#include "lib_oracle_bridge.hpp"

#include <collapse/io/report.hpp>
#include <collapse/metrics/forgetting.hpp>
#include <collapse/models/recursive_chain.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using collapse::Interval;
using collapse::Rational;
using collapse::RecursiveModel;

namespace {

const collapse::ResourceLimits limits;

using bridge::model;

// u = P(hit Z), w = E[tau; hit Z] over the states outside Z that can reach Z, by the
// oracle's Gauss-Jordan on the dense matrix. Z = {states with c_symbol = 0}.
struct Hitting {
    std::vector<mpq_class> u, w;  // indexed by oracle state; 0 outside the solved set
};

Hitting oracle_hitting(const oracle::Matrix& p, const std::vector<std::vector<int>>& states, int symbol) {
    const std::size_t n = p.size();
    const auto reach = oracle::reachability(p);
    std::vector<int> solved;  // outside Z, reaching Z
    for (std::size_t x = 0; x < n; ++x) {
        if (states[x][symbol] == 0) continue;
        for (std::size_t z = 0; z < n; ++z)
            if (states[z][symbol] == 0 && reach[x][z]) {
                solved.push_back(static_cast<int>(x));
                break;
            }
    }
    Hitting h;
    h.u.assign(n, 0);
    h.w.assign(n, 0);
    if (solved.empty()) return h;
    const std::size_t m = solved.size();
    oracle::Matrix a(m, oracle::Vector(m, 0)), b(m, oracle::Vector(1, 0));
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < m; ++j) a[i][j] = (i == j ? 1 : 0) - p[solved[i]][solved[j]];
        for (std::size_t z = 0; z < n; ++z)
            if (states[z][symbol] == 0) b[i][0] += p[solved[i]][z];
    }
    const oracle::Matrix u = oracle::detail::solve(a, b);
    oracle::Matrix rhs(m, oracle::Vector(1, 0));
    for (std::size_t i = 0; i < m; ++i) rhs[i][0] = u[i][0];
    const oracle::Matrix w = oracle::detail::solve(a, rhs);
    for (std::size_t i = 0; i < m; ++i) {
        h.u[solved[i]] = u[i][0];
        h.w[solved[i]] = w[i][0];
    }
    return h;
}

}  // namespace

TEST(Forgetting, BinaryMleProbabilityIsOneMinusShare) {
    const int n = 6;
    const RecursiveModel m = model(2, n);
    const auto chain = collapse::exact_recursive_chain(m, limits);
    const collapse::StateSpace space(2, n);
    const oracle::Matrix p = bridge::oracle_chain(m);
    const auto absorption = oracle::absorption(p);  // rows: transient states 1..N-1; class 0 is N,0
    const auto states = oracle::states(2, n);
    const Hitting h1 = oracle_hitting(p, states, 1);
    for (int c1 = 1; c1 < n; ++c1) {
        const std::string label = std::to_string(n - c1) + "," + std::to_string(c1);
        const std::size_t s = *chain.find(label);
        const auto f = collapse::forgetting_time<Rational>(chain, space, s, 1);
        EXPECT_TRUE(f.present_at_start);
        EXPECT_FALSE(f.certain) << label;  // with probability c1/N symbol 1 fixes and stays
        EXPECT_EQ(f.probability, Rational(n - c1, n)) << label;  // T2
        // Oracle order is descending: state j is N-j,j; the transient states are 1..N-1 and
        // closed class 0 is {N,0}, where symbol 1 is forgotten.
        const std::size_t o = static_cast<std::size_t>(c1);
        EXPECT_EQ(f.probability, bridge::to_lib(absorption[o - 1][0])) << label;
        // E[tau | forgotten] = w / u from the oracle's own systems.
        ASSERT_EQ(oracle::label(states[o]), label);
        ASSERT_TRUE(f.expected_given_forgotten.has_value());
        EXPECT_EQ(*f.expected_given_forgotten, bridge::to_lib(h1.w[o] / h1.u[o])) << label;
    }
    // Absent at the start: forgotten at generation 0; a Dirac state of symbol 1 never forgets it.
    const auto gone = collapse::forgetting_time<Rational>(chain, space, *chain.find("6,0"), 1);
    EXPECT_FALSE(gone.present_at_start);
    EXPECT_TRUE(gone.certain);
    EXPECT_EQ(*gone.expected_given_forgotten, Rational(0));
    const auto kept = collapse::forgetting_time<Rational>(chain, space, *chain.find("0,6"), 1);
    EXPECT_FALSE(kept.certain);
    EXPECT_EQ(kept.probability, Rational(0));
    EXPECT_FALSE(kept.expected_given_forgotten.has_value());
}

TEST(Forgetting, HandComputedBinaryChainOfThreeSamples) {
    // K = 2, N = 3, mle, from 2,1. Rows by c_1: from 1, P(->0) = 8/27, P(->1) = 12/27,
    // P(->2) = 6/27; from 2, P(->0) = 1/27, P(->1) = 6/27, P(->2) = 12/27. Forgetting symbol 1:
    // u = (2/3, 1/3) (T2); (I - Q) w = u gives 15 w1 - 6 w2 = 18 and -6 w1 + 15 w2 = 9, so
    // w = (12/7, 9/7) and E[tau | forgotten] = w1 / u1 = 18/7. Symbol 0 by symmetry: 27/7.
    const RecursiveModel m = model(2, 3);
    const auto chain = collapse::exact_recursive_chain(m, limits);
    const collapse::StateSpace space(2, 3);
    const auto f = collapse::forgetting_times<Rational>(chain, space, *chain.find("2,1"));
    EXPECT_EQ(f[1].probability, Rational(2, 3));
    EXPECT_EQ(*f[1].expected_given_forgotten, Rational(18, 7));
    EXPECT_EQ(f[0].probability, Rational(1, 3));
    EXPECT_EQ(*f[0].expected_given_forgotten, Rational(27, 7));
}

TEST(Forgetting, WithFreshDataForgettingIsCertainAndMatchesHittingTimes) {
    // With fresh data the chain is irreducible: {c_i = 0} is hit with probability 1, so the
    // expected first-disappearance generation is finite (the symbol may come back later).
    const std::vector<RecursiveModel> models{
        model(3, 3, {}, Rational(1, 10)),
        model(3, 3, {Rational(1, 6), Rational(1, 3), Rational(1, 2)}, Rational(1, 2), "smooth:1"),
        model(2, 5, {Rational(1, 4), Rational(3, 4)}, Rational(1, 3)),
    };
    for (const RecursiveModel& m : models) {
        const auto chain = collapse::exact_recursive_chain(m, limits);
        const auto ichain = collapse::numeric_recursive_chain<Interval>(m, 128, limits);
        const auto dchain = collapse::numeric_recursive_chain<double>(m, 53, limits);
        const collapse::StateSpace space(m.symbols, m.samples);
        const oracle::Matrix p = bridge::oracle_chain(m);
        const auto states = oracle::states(static_cast<int>(m.symbols), static_cast<int>(m.samples));
        for (std::size_t i = 0; i < m.symbols; ++i) {
            const Hitting h = oracle_hitting(p, states, static_cast<int>(i));
            for (std::size_t o = 0; o < states.size(); ++o) {
                const std::string label = oracle::label(states[o]);
                const std::size_t s = *chain.find(label);
                const auto f = collapse::forgetting_time<Rational>(chain, space, s, i);
                const std::string where = collapse::describe(m) + " symbol " + std::to_string(i) + " from " + label;
                EXPECT_TRUE(f.certain) << where;
                EXPECT_EQ(f.probability, Rational(1)) << where;
                const Rational expected = states[o][i] == 0 ? Rational(0) : bridge::to_lib(h.w[o]);
                if (states[o][i] != 0) {
                    ASSERT_EQ(h.u[o], 1) << where;
                }
                EXPECT_EQ(*f.expected_given_forgotten, expected) << where;
                const auto fi = collapse::forgetting_time<Interval>(ichain, space, s, i);
                EXPECT_TRUE(fi.expected_given_forgotten->contains(expected)) << where;
                const auto fd = collapse::forgetting_time<double>(dchain, space, s, i);
                EXPECT_NEAR(*fd.expected_given_forgotten, expected.convert_to<double>(),
                            1e-9 * (1 + expected.convert_to<double>()))
                    << where;
            }
        }
    }
}

TEST(Forgetting, ThreeSymbolMleConditionalTimesAgreeWithOracleInIntervals) {
    const RecursiveModel m = model(3, 4);
    const auto chain = collapse::exact_recursive_chain(m, limits);
    const auto ichain = collapse::numeric_recursive_chain<Interval>(m, 128, limits);
    const collapse::StateSpace space(3, 4);
    const oracle::Matrix p = bridge::oracle_chain(m);
    const auto states = oracle::states(3, 4);
    for (std::size_t i = 0; i < 3; ++i) {
        const Hitting h = oracle_hitting(p, states, static_cast<int>(i));
        for (std::size_t o = 0; o < states.size(); ++o) {
            if (states[o][i] == 0 || h.u[o] == 0) continue;
            const std::string label = oracle::label(states[o]);
            const auto fs = collapse::forgetting_times<Rational>(chain, space, *chain.find(label));
            const auto f = fs[i];
            // T2 in K symbols: symbol i survives iff the chain fixes at N e_i, probability c_i / N.
            EXPECT_EQ(f.probability, Rational(4 - states[o][i], 4)) << label;
            EXPECT_EQ(f.probability, bridge::to_lib(h.u[o])) << label;
            EXPECT_EQ(*f.expected_given_forgotten, bridge::to_lib(h.w[o] / h.u[o])) << label;
            const auto fi = collapse::forgetting_time<Interval>(ichain, space, *chain.find(label), i);
            EXPECT_TRUE(fi.probability.contains(bridge::to_lib(h.u[o]))) << label;
            EXPECT_TRUE(fi.expected_given_forgotten->contains(bridge::to_lib(h.w[o] / h.u[o]))) << label;
        }
    }
}
