// Analyses of chains whose answers have closed forms.
#include "lib_oracle_bridge.hpp"

#include <collapse/analysis/analysis.hpp>

#include <gtest/gtest.h>

using namespace collapse;
using oracle::Q;

namespace {
// Symmetric random walk on 0..n, absorbing at both ends.
oracle::Matrix gamblers_ruin(int n) {
    oracle::Matrix p(n + 1, oracle::Vector(n + 1, 0));
    p[0][0] = p[n][n] = 1;
    for (int i = 1; i < n; ++i) p[i][i - 1] = p[i][i + 1] = Q(1, 2);
    return p;
}
}  // namespace

TEST(Absorption, GamblersRuinClosedForms) {
    // P(hit n before 0 | i) = i/n and E[steps | i] = i (n - i).
    const int n = 12;
    const Chain<Rational> chain = bridge::chain_from(gamblers_ruin(n));
    const Analysis<Rational> a = analyze(chain, AnalysisRequest{});
    ASSERT_EQ(a.classes.closed.size(), 2u);  // {0}, {n}
    ASSERT_EQ(a.absorption->transient.size(), static_cast<std::size_t>(n - 1));
    for (int i = 1; i < n; ++i) {
        EXPECT_EQ(a.absorption->probability(i - 1, 0), Rational(n - i, n));
        EXPECT_EQ(a.absorption->probability(i - 1, 1), Rational(i, n));
        EXPECT_EQ(a.absorption->expected_steps[i - 1], Rational(i * (n - i)));
    }
}

TEST(Stationary, TwoStateClosedForm) {
    // P = [[1-a, a], [b, 1-b]]: pi = (b, a) / (a + b).
    const Q a(2, 7), b(3, 11);
    const Chain<Rational> chain = bridge::chain_from({{1 - a, a}, {b, 1 - b}});
    const Analysis<Rational> r = analyze(chain, AnalysisRequest{});
    ASSERT_EQ(r.stationary->per_class.size(), 1u);
    EXPECT_EQ(r.stationary->per_class[0].probability[0], bridge::to_lib(Q(b / (a + b))));
    EXPECT_EQ(r.stationary->per_class[0].probability[1], bridge::to_lib(Q(a / (a + b))));
    EXPECT_TRUE(r.absorption->transient.empty());
}

TEST(Stationary, PeriodicClassIsUniformOnACycle) {
    // 0 -> 1 -> 2 -> 0 (period 3) entered from transient state 3 (which may stay).
    const Chain<Rational> chain = bridge::chain_from(
        {{0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 0}, {Q(1, 4), 0, 0, Q(3, 4)}});
    const Analysis<Rational> r = analyze(chain, AnalysisRequest{});
    ASSERT_EQ(r.classes.closed.size(), 1u);
    EXPECT_EQ(r.classes.period[0], 3u);
    for (const Rational& p : r.stationary->per_class[0].probability) EXPECT_EQ(p, Rational(1, 3));
    // Geometric waiting time with success 1/4: 4 expected steps.
    EXPECT_EQ(r.absorption->expected_steps[0], Rational(4));
    EXPECT_EQ(r.absorption->probability(0, 0), Rational(1));
}

TEST(TransientLaw, TwoStateClosedForm) {
    // mu_t(0) = b/(a+b) + (1-a-b)^t (1 - b/(a+b)) from state 0.
    const Q a(1, 3), b(1, 5);
    const Chain<Rational> chain = bridge::chain_from({{1 - a, a}, {b, 1 - b}});
    for (std::uint64_t t : {0u, 1u, 2u, 7u}) {
        AnalysisRequest request;
        request.transient = AnalysisRequest::Transient{0, t};
        const Analysis<Rational> r = analyze(chain, request);
        Q power = 1;
        for (std::uint64_t i = 0; i < t; ++i) power *= 1 - a - b;
        const Q expected = b / (a + b) + power * (1 - b / (a + b));
        EXPECT_EQ(r.transient->law[0], bridge::to_lib(expected)) << t;
        EXPECT_EQ(r.transient->in_closed_class, Rational(1));  // both states are recurrent
    }
}

TEST(TransientLaw, ProbabilityOfHavingCollapsed) {
    // Gambler's ruin n = 2 from 1: absorbed after one step with probability 1, since both
    // neighbours are absorbing.
    const Chain<Rational> chain = bridge::chain_from(gamblers_ruin(2));
    AnalysisRequest request;
    request.transient = AnalysisRequest::Transient{1, 1};
    const Analysis<Rational> r = analyze(chain, request);
    EXPECT_EQ(r.transient->in_closed_class, Rational(1));
    request.transient = AnalysisRequest::Transient{1, 0};
    EXPECT_EQ(analyze(chain, request).transient->in_closed_class, Rational(0));
}

TEST(Analysis, OnlyRequestedPartsAreComputed) {
    const Chain<Rational> chain = bridge::chain_from(gamblers_ruin(4));
    AnalysisRequest request;
    request.stationary = false;
    request.absorption = false;
    request.expected_steps = true;
    const Analysis<Rational> r = analyze(chain, request);
    EXPECT_FALSE(r.stationary.has_value());
    ASSERT_TRUE(r.absorption.has_value());
    EXPECT_EQ(r.absorption->probability.rows(), 0u);
    EXPECT_EQ(r.absorption->expected_steps[1], Rational(4));  // i (n - i) at i = 2
}

TEST(Absorption, ExactSolvesAreBudgetedForDixonUnlessTheAnswersAreKnownSmall) {
    // Gambler's ruin on 0..60: without a theorem saying the absorption probabilities are
    // small, every exact solve is budgeted for Dixon's lifting (the larger estimate); with
    // the flag, absorption alone is budgeted by the multimodular route. The limit sits
    // between the two estimates, so only the second request fits.
    const int n = 60;
    const Chain<Rational> chain = bridge::chain_from(gamblers_ruin(n));
    const double bits = largest_row_bits(chain), transient = n - 1;
    const double small = LinearSolver<Rational>::memory_estimate(transient, 2, bits);
    const double large = LinearSolver<Rational>::large_answer_memory_estimate(transient, 2, bits);
    ASSERT_LT(small, large);
    AnalysisRequest request;
    request.stationary = false;
    request.expected_steps = false;
    request.limits.memory_bytes = static_cast<std::uint64_t>((small + large) / 2);
    EXPECT_THROW(analyze(chain, request), ResourceLimit);
    request.absorption_answers_small = true;
    const Analysis<Rational> a = analyze(chain, request);
    EXPECT_EQ(a.absorption->probability(0, 1), Rational(1, n));
    request.expected_steps = true;  // expected steps have large height whatever the flag says
    EXPECT_THROW(analyze(chain, request), ResourceLimit);
}
