// One analysis, several number types: the double results must stay within a stated
// tolerance of the exact ones on the same chains (the interval results, when present, must
// contain them). The exact results come from the exact engine, itself checked against the
// independent oracle in analysis_prop.cpp.
#include "lib_oracle_bridge.hpp"
#include "random_chains.hpp"

#include <collapse/analysis/analysis.hpp>
#include <collapse/chain/rounded_chain.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/scalar/floating.hpp>
#include <collapse/scalar/interval.hpp>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <type_traits>

using namespace collapse;

namespace {
// |approx - exact| <= tol * max(1, |exact|)
bool close(double approx, const Rational& exact, double tol = 1e-9) {
    const double e = exact.convert_to<double>();
    return std::abs(approx - e) <= tol * std::max(1.0, std::abs(e));
}

// Every interval contains the exact value and, at 128 bits on these small chains, is
// narrower than 1e-30 (relative to max(1, |value|)).
void expect_enclosed(const Interval& x, const Rational& exact, double width = 1e-30) {
    RC_ASSERT(x.contains(exact));
    RC_ASSERT(x.width_upper_bound() <= width * std::max(1.0, std::abs(exact.convert_to<double>())));
}

void expect_intervals_contain_exact(const Chain<Rational>& exact_chain, const Chain<Interval>& interval_chain) {
    const Analysis<Rational> exact = analyze(exact_chain, AnalysisRequest{});
    const Analysis<Interval> verified = analyze(interval_chain, AnalysisRequest{});
    RC_ASSERT(verified.classes.closed == exact.classes.closed);
    for (std::size_t k = 0; k < exact.stationary->per_class.size(); ++k)
        for (std::size_t i = 0; i < exact.stationary->per_class[k].probability.size(); ++i)
            expect_enclosed(verified.stationary->per_class[k].probability[i], exact.stationary->per_class[k].probability[i]);
    for (std::size_t r = 0; r < exact.absorption->transient.size(); ++r) {
        for (std::size_t c = 0; c < exact.classes.closed.size(); ++c)
            expect_enclosed(verified.absorption->probability(r, c), exact.absorption->probability(r, c));
        expect_enclosed(verified.absorption->expected_steps[r], exact.absorption->expected_steps[r]);
    }
}

void expect_double_close_to_exact(const Chain<Rational>& exact_chain, const Chain<double>& double_chain) {
    const Analysis<Rational> exact = analyze(exact_chain, AnalysisRequest{});
    const Analysis<double> approx = analyze(double_chain, AnalysisRequest{});
    RC_ASSERT(approx.classes.closed == exact.classes.closed);  // same exact support
    for (std::size_t k = 0; k < exact.stationary->per_class.size(); ++k)
        for (std::size_t i = 0; i < exact.stationary->per_class[k].probability.size(); ++i)
            RC_ASSERT(close(approx.stationary->per_class[k].probability[i], exact.stationary->per_class[k].probability[i]));
    for (std::size_t r = 0; r < exact.absorption->transient.size(); ++r) {
        for (std::size_t c = 0; c < exact.classes.closed.size(); ++c)
            RC_ASSERT(close(approx.absorption->probability(r, c), exact.absorption->probability(r, c)));
        // Expected steps can be large; compare relatively.
        RC_ASSERT(close(approx.absorption->expected_steps[r], exact.absorption->expected_steps[r], 1e-8));
    }
}
}  // namespace

RC_GTEST_PROP(ThreeArithmetics, DoubleAnalysesStayCloseToExactOnRandomChains, ()) {
    const Chain<Rational> exact_chain = bridge::chain_from(*gen_chain::stochastic_matrix(8));
    expect_double_close_to_exact(exact_chain, rounded_chain<double>(exact_chain, 53));
}

RC_GTEST_PROP(ThreeArithmetics, DoubleRecursiveChainsStayCloseToExact, ()) {
    const RecursiveModel m = *gen_chain::small_model(*rc::gen::arbitrary<bool>());
    const Chain<Rational> exact_chain = exact_recursive_chain(m, ResourceLimits{});
    const Chain<double> double_chain = numeric_recursive_chain<double>(m, 53, ResourceLimits{});
    // Same support, probabilities within 1e-14 relative.
    RC_ASSERT(double_chain.support().entries() == exact_chain.support().entries());
    for (std::size_t i = 0; i < exact_chain.size(); ++i)
        for (std::size_t e = exact_chain.support().row_begin(i); e < exact_chain.support().row_end(i); ++e) {
            RC_ASSERT(double_chain.support().column(e) == exact_chain.support().column(e));
            RC_ASSERT(close(double_chain.probability(i, e), exact_chain.probability(i, e), 1e-14));
        }
    expect_double_close_to_exact(exact_chain, double_chain);
}

RC_GTEST_PROP(ThreeArithmetics, IntervalsContainExactOnRandomChains, ()) {
    const Chain<Rational> exact_chain = bridge::chain_from(*gen_chain::stochastic_matrix(8));
    expect_intervals_contain_exact(exact_chain, rounded_chain<Interval>(exact_chain, 128));
}

RC_GTEST_PROP(ThreeArithmetics, IntervalRecursiveChainsContainExact, ()) {
    const RecursiveModel m = *gen_chain::small_model(*rc::gen::arbitrary<bool>());
    const Chain<Rational> exact_chain = exact_recursive_chain(m, ResourceLimits{});
    const Chain<Interval> interval_chain = numeric_recursive_chain<Interval>(m, 128, ResourceLimits{});
    RC_ASSERT(interval_chain.support().entries() == exact_chain.support().entries());
    for (std::size_t i = 0; i < exact_chain.size(); ++i)
        for (std::size_t e = exact_chain.support().row_begin(i); e < exact_chain.support().row_end(i); ++e)
            RC_ASSERT(interval_chain.probability(i, e).contains(exact_chain.probability(i, e)));
    expect_intervals_contain_exact(exact_chain, interval_chain);
    // The exact engine is unchanged by the other arithmetics having run.
    RC_ASSERT(bridge::dense(exact_recursive_chain(m, ResourceLimits{})) == bridge::dense(exact_chain));
}

TEST(ThreeArithmetics, MorePrecisionNeverWidens) {
    RecursiveModel m;
    m.symbols = 3;
    m.samples = 4;
    m.fresh = {FreshData::Kind::fraction, Rational(1, 10), 0};
    m = validated(m);
    const Analysis<Interval> low = analyze(numeric_recursive_chain<Interval>(m, 64, ResourceLimits{}), AnalysisRequest{});
    const Analysis<Interval> high = analyze(numeric_recursive_chain<Interval>(m, 256, ResourceLimits{}), AnalysisRequest{});
    for (std::size_t i = 0; i < low.stationary->per_class[0].probability.size(); ++i)
        EXPECT_LE(high.stationary->per_class[0].probability[i].width_upper_bound(),
                  low.stationary->per_class[0].probability[i].width_upper_bound());
}

TEST(ThreeArithmetics, IrrationalTemperEnclosedAgainstClosedForm) {
    // The closed form of IrrationalTemperAbsorptionClosedForm, evaluated in 512-bit interval
    // arithmetic, is a reference independent of the chain and the solver.
    RecursiveModel m;
    m.samples = 3;
    m.fit = parse_fit("temper:1.5");
    m = validated(m);
    const Analysis<Interval> r = analyze(numeric_recursive_chain<Interval>(m, 128, ResourceLimits{}), AnalysisRequest{});
    const Interval root8 = enclose_power(Rational(2), Rational(3, 2), 512);
    const Interval one = Interval::exact_integer(1, 512), three = Interval::exact_integer(3, 512);
    const Interval a = root8 / (root8 + one), b = one - a;
    const Interval h = (a * a * a + three * a * b * b) / (one - three * a * a * b + three * a * b * b);
    const Interval& computed = r.absorption->probability(0, 0);
    EXPECT_NE(scalar_traits<Interval>::agrees(computed, h), Truth::no);  // they overlap
    EXPECT_LT(computed.width_upper_bound(), 1e-30);
    EXPECT_LT(h.width_upper_bound(), 1e-100);
}

TEST(ThreeArithmetics, GuaranteeTravelsInTheType) {
    static_assert(Analysis<Rational>::guarantee == Guarantee::exact);
    static_assert(Analysis<Interval>::guarantee == Guarantee::enclosure);
    static_assert(Analysis<double>::guarantee == Guarantee::approximate);
    // No implicit way to pass an enclosure or an approximation off as exact.
    static_assert(!std::is_convertible_v<Interval, Rational>);
    static_assert(!std::is_convertible_v<double, Interval>);
    static_assert(!std::is_convertible_v<Analysis<Interval>, Analysis<Rational>>);
    static_assert(!std::is_convertible_v<Chain<double>, Chain<Rational>>);
    SUCCEED();
}

TEST(ThreeArithmetics, DoubleLogarithmicPmfMatchesExactForLargeN) {
    // N > 300 switches doubles to logarithms; compare a few rows with the exact chain.
    RecursiveModel m;
    m.samples = 400;
    m.fresh = {FreshData::Kind::fraction, Rational(1, 7), 0};
    m.external = {Rational(1, 3), Rational(2, 3)};
    m = validated(m);
    const Chain<Rational> exact_chain = exact_recursive_chain(m, ResourceLimits{});
    const Chain<double> double_chain = numeric_recursive_chain<double>(m, 53, ResourceLimits{});
    for (std::size_t i : {0u, 133u, 400u})
        for (std::size_t e = exact_chain.support().row_begin(i); e < exact_chain.support().row_end(i); ++e) {
            const Rational p = exact_chain.probability(i, e);
            if (p > Rational(1, 1000000000)) {
                EXPECT_TRUE(close(double_chain.probability(i, e), p, 1e-11)) << i << " " << e;
            }
        }
}

// THEOREM: T2 — no Coq statement yet
TEST(ThreeArithmetics, IrrationalTemperAbsorptionClosedForm) {
    // temper:3/2, K = 2, N = 3. From 2,1 the model samples symbol 0 with a = 2^1.5/(2^1.5+1);
    // from 1,2 with 1 - a (symmetry). h = P(absorb in 3,0 | 2,1) solves
    // h = a^3 + 3a^2(1-a) h + 3a(1-a)^2 (1-h).
    RecursiveModel m;
    m.samples = 3;
    m.fit = parse_fit("temper:1.5");
    m = validated(m);
    const Chain<double> chain = numeric_recursive_chain<double>(m, 53, ResourceLimits{});
    const Analysis<double> r = analyze(chain, AnalysisRequest{});
    const double a = std::pow(2.0, 1.5) / (std::pow(2.0, 1.5) + 1), b = 1 - a;
    const double h = (a * a * a + 3 * a * b * b) / (1 - 3 * a * a * b + 3 * a * b * b);
    // Transient states are 2,1 (row 0) and 1,2 (row 1); closed class 0 is {3,0}.
    EXPECT_NEAR(r.absorption->probability(0, 0), h, 1e-14);
    EXPECT_NEAR(r.absorption->probability(1, 1), h, 1e-14);
    EXPECT_GT(std::abs(h - 2.0 / 3.0), 0.05);  // tempering bends c_i/N
}
