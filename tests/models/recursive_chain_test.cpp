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

TEST(RecursiveChain, BinaryRowsAreTheBinomialLawAtLargerN) {
    // K = 2 rows come from a recurrence (binary_terms) when the law's numbers are below 2^32,
    // from full powers otherwise (temper:7 at N = 30: 29^7 > 2^32). Both against the closed
    // form P(c, c') = C(N, j) p^j (1 - p)^(N - j), j = c'_2, p the fitted (and mixed) law of
    // symbol 2, computed here with gmpxx (too large for the brute-force oracle).
    struct Case { std::uint64_t n; std::string fit; Rational lambda; };
    const Rational third(1, 3);
    for (const Case& c : {Case{40, "mle", 0}, Case{30, "temper:7", 0}, Case{30, "smooth:1/3", Rational(2, 7)}}) {
        RecursiveModel m = model(2, c.n, c.fit);
        if (!c.lambda.is_zero()) {
            m.fresh = FreshData{FreshData::Kind::fraction, c.lambda, 0};
            m.external = {third, 1 - third};
        }
        const Chain<Rational> chain = exact_recursive_chain(validated(m), limits);
        const auto n = static_cast<unsigned long>(c.n);
        const oracle::Matrix dense = bridge::dense(chain);
        for (std::size_t s = 0; s < chain.size(); ++s) {
            const unsigned long b = std::stoul(chain.label(s).substr(chain.label(s).find(',') + 1)), a = n - b;
            mpq_class p;
            if (c.fit == "mle") p = mpq_class(b, n);
            if (c.fit == "temper:7") {
                mpz_class a7, b7;
                mpz_ui_pow_ui(a7.get_mpz_t(), a, 7);
                mpz_ui_pow_ui(b7.get_mpz_t(), b, 7);
                p = mpq_class(b7, a7 + b7);
            }
            if (c.fit == "smooth:1/3") p = (mpq_class(b) + mpq_class(1, 3)) / (mpq_class(n) + mpq_class(2, 3));
            p.canonicalize();
            const mpq_class lambda = bridge::to_oracle(c.lambda);
            p = (1 - lambda) * p + lambda * mpq_class(2, 3);
            const std::vector<mpq_class> row = exact_binomial::pmf(static_cast<unsigned>(n), p);
            for (std::size_t t = 0; t < chain.size(); ++t) {
                const unsigned long j = std::stoul(chain.label(t).substr(chain.label(t).find(',') + 1));
                const mpq_class& want = row[j];
                ASSERT_EQ(dense[s][t], want) << c.fit << " N=" << c.n << " from " << chain.label(s) << " to "
                                             << chain.label(t);
            }
        }
    }
}

TEST(RecursiveChain, MemoryEstimateBoundsTheIntegersOfEveryFitAndFreshKind) {
    // The plan check of `analyze` refuses by these estimates before building anything: they
    // must bound what is built. Every weight is at most its row total, so the total's size
    // bounds every integer, and the chain's integers take at most the estimate.
    struct Case { std::size_t k; std::uint64_t n; std::string fit; FreshData fresh; std::vector<Rational> q; };
    const std::vector<Case> cases{
        {2, 64, "mle", {}, {}},  // d = 64 = 2^6: the row total N^N has exactly N log2 N + 1 bits
        {2, 61, "mle", {}, {}},
        {3, 20, "mle", {}, {}},
        {2, 30, "smooth:1/3", {}, {}},
        {2, 30, "temper:3", {}, {}},
        {3, 12, "topk:2", {}, {}},
        {2, 40, "mle", {FreshData::Kind::fraction, Rational(1, 10), 0}, {Rational(1, 3), Rational(2, 3)}},
        {2, 40, "mle", {FreshData::Kind::count, 0, 5}, {Rational(1, 7), Rational(6, 7)}},
        {3, 10, "smooth:2", {FreshData::Kind::count, 0, 2}, {Rational(1, 2), Rational(1, 3), Rational(1, 6)}},
    };
    for (const Case& c : cases) {
        RecursiveModel m = model(c.k, c.n, c.fit);
        m.fresh = c.fresh;
        m.external = c.q;
        m = validated(m);
        const Chain<Rational> chain = exact_recursive_chain(m, limits);
        const double bits_bound = exact_row_bits_estimate(m);
        double largest = 0, integer_bytes = 0;
        for (std::size_t e = 0; e < chain.support().entries(); ++e) {
            const Integer w = boost::multiprecision::numerator(chain.weight(e));
            EXPECT_EQ(boost::multiprecision::denominator(chain.weight(e)), 1);
            const double bits = static_cast<double>(boost::multiprecision::msb(w) + 1);
            largest = std::max(largest, bits);
            integer_bytes += std::ceil(bits / 64) * 8 + 32;  // limbs and the mpq structure
        }
        for (std::size_t i = 0; i < chain.size(); ++i)
            largest = std::max(largest, static_cast<double>(boost::multiprecision::msb(
                                            boost::multiprecision::numerator(chain.row_total(i))) + 1));
        EXPECT_LE(largest, bits_bound) << "K=" << c.k << " N=" << c.n << " fit " << c.fit;
        EXPECT_LE(integer_bytes, exact_memory_estimate(m)) << "K=" << c.k << " N=" << c.n << " fit " << c.fit;
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
