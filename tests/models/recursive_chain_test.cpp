// Transition probabilities against hand computation and against the oracle, which builds
// the same chains by brute force over sample sequences (no multinomial formula).
#include "exact_binomial.hpp"
#include "lib_oracle_bridge.hpp"

#include <collapse/core/error.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/scalar/floating.hpp>

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

using namespace collapse;

namespace {
RecursiveModel model(std::size_t k, std::uint64_t n, const std::string& fit = "mle") {
    RecursiveModel m;
    m.symbols = k;
    m.samples = n;
    m.fit = parse_fit(fit);
    return m;
}
const ResourceLimits limits;
}  // namespace

TEST(RecursiveChain, BinaryMleRowByHand) {
    // From 1,1 with p = (1/2, 1/2): Binomial(2, 1/2) = (1/4, 1/2, 1/4).
    const Chain<Rational> c = exact_recursive_chain(validated(model(2, 2)), limits);
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c.probability_between(1, 0), Rational(1, 4));
    EXPECT_EQ(c.probability_between(1, 1), Rational(1, 2));
    EXPECT_EQ(c.probability_between(1, 2), Rational(1, 4));
    // Dirac states are absorbing: 0^0 = 1 keeps their self-probability at 1.
    EXPECT_EQ(c.probability_between(0, 0), Rational(1));
    EXPECT_EQ(c.support().row_end(0) - c.support().row_begin(0), 1u);
}

TEST(RecursiveChain, RowsAreIntegersOverACommonDenominator) {
    // K = 2, N = 3, mle: the row of 2,1 is C(3,j) 2^j 1^(3-j) / 3^3.
    const Chain<Rational> c = exact_recursive_chain(validated(model(2, 3)), limits);
    EXPECT_EQ(c.row_total(1), Rational(27));
    const std::vector<long> numerators{8, 12, 6, 1};  // j = 3, 2, 1, 0
    for (std::size_t e = c.support().row_begin(1); e < c.support().row_end(1); ++e) {
        EXPECT_EQ(denominator(c.weight(e)), 1);
        EXPECT_EQ(c.weight(e), Rational(numerators[c.support().column(e)]));
    }
}

TEST(RecursiveChain, TemperAndTopkByHand) {
    // temper:2 from 2,1: p = (4/5, 1/5); P(2,1 -> 3,0) = (4/5)^3 = 64/125.
    const Chain<Rational> t = exact_recursive_chain(validated(model(2, 3, "temper:2")), limits);
    EXPECT_EQ(t.probability_between(1, 0), Rational(64, 125));
    // topk:1 from 1,1,0 (K = 3): tie goes to symbol 0, so 2,0,0 with probability 1.
    const Chain<Rational> k = exact_recursive_chain(validated(model(3, 2, "topk:1")), limits);
    EXPECT_EQ(k.probability_between(1, 0), Rational(1));
}

TEST(RecursiveChain, NonIntegerTemperIsRefusedNamingIntervals) {
    try {
        exact_recursive_chain(validated(model(2, 3, "temper:1.5")), limits);
        FAIL() << "accepted temper:1.5";
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("interval"), std::string::npos) << e.what();
    }
}

TEST(RecursiveChain, TooLargeIsRefusedBeforeAllocating) {
    EXPECT_THROW(exact_recursive_chain(validated(model(3, 100000)), limits), ResourceLimit);
    ResourceLimits tiny;
    tiny.memory_bytes = 1000;
    EXPECT_THROW(exact_recursive_chain(validated(model(2, 10)), tiny), ResourceLimit);
}

TEST(RecursiveChain, AgreesWithBruteForceOnEveryFitAndFreshKind) {
    struct Case { std::size_t k; std::uint64_t n; std::string fit; FreshData fresh; std::vector<Rational> q; };
    const std::vector<Case> cases{
        {2, 4, "mle", {}, {}},
        {3, 3, "mle", {}, {}},
        {3, 4, "smooth:1/2", {}, {}},
        {2, 5, "temper:3", {}, {}},
        {3, 3, "topk:1", {}, {}},
        {4, 3, "topk:2", {}, {}},
        {2, 4, "mle", {FreshData::Kind::fraction, Rational(1, 10), 0}, {Rational(1, 4), Rational(3, 4)}},
        {3, 3, "temper:2", {FreshData::Kind::fraction, Rational(1, 3), 0}, {Rational(1, 2), Rational(1, 3), Rational(1, 6)}},
        {3, 4, "mle", {FreshData::Kind::count, 0, 1}, {}},
        {2, 5, "smooth:2", {FreshData::Kind::count, 0, 2}, {Rational(2, 5), Rational(3, 5)}},
        {3, 3, "topk:1", {FreshData::Kind::count, 0, 1}, {Rational(0), Rational(1, 2), Rational(1, 2)}},
        {2, 3, "mle", {FreshData::Kind::fraction, Rational(1), 0}, {}},
        {2, 3, "mle", {FreshData::Kind::count, 0, 3}, {}},
    };
    for (const Case& c : cases) {
        RecursiveModel m = model(c.k, c.n, c.fit);
        m.fresh = c.fresh;
        m.external = c.q;
        m = validated(m);
        const Chain<Rational> chain = exact_recursive_chain(m, limits);
        const oracle::Matrix expected = bridge::oracle_chain(m);
        EXPECT_EQ(bridge::dense(chain), expected) << "K=" << c.k << " N=" << c.n << " fit " << c.fit;
        const auto states = oracle::states(static_cast<int>(c.k), static_cast<int>(c.n));
        for (std::size_t i = 0; i < chain.size(); ++i) EXPECT_EQ(chain.label(i), oracle::label(states[i]));
    }
}

TEST(RecursiveChain, LargeDoubleChainsLeaveOutOnlyNegligibleTransitions) {
    // N = 4000: (N + 1)^2 = 16 million transitions, above the 10^7 kept densely in doubles.
    const RecursiveModel m = validated(model(2, 4000));
    const Chain<double> c = numeric_recursive_chain<double>(m, 53, limits);
    ASSERT_EQ(c.size(), 4001u);
    // The kept window is a few hundred states wide, not 4001.
    EXPECT_LT(c.support().entries(), 4001u * 800u);
    // The Dirac states stay absorbing: their rows are single entries, never truncated.
    EXPECT_EQ(c.support().row_end(0) - c.support().row_begin(0), 1u);
    // Row 2000,2000 is Binomial(4000, 1/2): its kept entries are the binomial pmf (computed
    // here with lgamma, independently of the chain's ratio recurrence), and what is left
    // out is below 1e-30 of the mode.
    const std::size_t mid = 2000;
    const double log_mode = std::lgamma(4001.0) - 2 * std::lgamma(2001.0) - 4000 * std::log(2.0);
    double kept = 0;
    std::size_t highest = 0;
    for (std::size_t e = c.support().row_begin(mid); e < c.support().row_end(mid); ++e) {
        const std::size_t j = 4000 - c.support().column(e);  // label "a,b" has a = 4000 - index
        highest = std::max(highest, j);
        const double log_pmf =
            std::lgamma(4001.0) - std::lgamma(j + 1.0) - std::lgamma(4001.0 - j) - 4000 * std::log(2.0);
        EXPECT_NEAR(c.probability(mid, e), std::exp(log_pmf), 1e-9 * std::exp(log_pmf)) << "j = " << j;
        EXPECT_GE(log_pmf - log_mode, std::log(1e-30) - 1e-6);
        kept += c.probability(mid, e);
    }
    EXPECT_NEAR(kept, 1.0, 1e-12);
    // The next binomial term beyond the window is below 1e-30 of the mode.
    const std::size_t beyond = highest + 1;
    const double log_beyond =
        std::lgamma(4001.0) - std::lgamma(beyond + 1.0) - std::lgamma(4001.0 - beyond) - 4000 * std::log(2.0);
    EXPECT_LT(log_beyond - log_mode, std::log(1e-30));
}

TEST(RecursiveChain, LargeDoubleChainsWithFreshDataStayIrreducible) {
    // Left out, the transitions to states far from q would make those states unreachable
    // (transient) while the full chain is irreducible: the chain is then built in full.
    RecursiveModel m = model(2, 4000);
    m.fresh.kind = FreshData::Kind::fraction;
    m.fresh.fraction = Rational(1, 10);
    const Chain<double> c = numeric_recursive_chain<double>(validated(m), 53, limits);
    const ClassStructure cs = class_structure(c.support());
    ASSERT_EQ(cs.closed.size(), 1u);
    EXPECT_EQ(cs.closed_class(0).size(), 4001u);
    EXPECT_EQ(cs.period[0], 1u);
    EXPECT_EQ(c.support().entries(), 4001u * 4001u);
}

TEST(RecursiveChain, DoubleBinomialRowsAreAccurateToAFewUlps) {
    // N = 500 with fresh fraction 1e-9 (the stationary case): every entry of a few
    // rows against the exact binomial (gmpxx, tests/support/exact_binomial.hpp). The ratio
    // recurrence in long double from exact odds keeps relative errors near double rounding;
    // doubles' powers or lgamma differences lose about N * 1e-16.
    const unsigned n = 500;
    RecursiveModel m = model(2, n);
    m.fresh.kind = FreshData::Kind::fraction;
    m.fresh.fraction = Rational(1, 1000000000);
    const Chain<double> c = numeric_recursive_chain<double>(validated(m), 53, limits);
    const mpq_class lambda(1, 1000000000);
    for (unsigned state : {0u, 1u, 137u, 250u, 499u, 500u}) {
        // State `state` has counts (N - state, state); the second symbol's probability:
        const mpq_class p = (1 - lambda) * mpq_class(state, n) + lambda / 2;
        const std::vector<mpq_class> exact = exact_binomial::pmf(n, p);
        ASSERT_EQ(c.support().row_end(state) - c.support().row_begin(state), n + 1u);
        for (std::size_t e = c.support().row_begin(state); e < c.support().row_end(state); ++e) {
            const mpq_class& truth = exact[c.support().column(e)];
            const double value = c.probability(state, e);
            if (truth.get_d() < 1e-300) continue;  // beyond doubles' normal range
            EXPECT_LE(std::fabs(value / truth.get_d() - 1), 1e-14) << "state " << state << " column " << c.support().column(e);
        }
    }
}
