// Expected measures over generations and under the stationary law. Expected values come from
// the independent oracle (its transient law and stationary solve, dense gmpxx) with the
// measures recomputed here in gmpxx, from closed forms (T5a: E_pi[mu] = q), and from a
// 1000-bit MPFR reference for entropy.
#include "lib_oracle_bridge.hpp"
#include "mpfr_reference.hpp"

#include <collapse/analysis/stationary.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/io/report.hpp>
#include <collapse/metrics/expected_metrics.hpp>
#include <collapse/models/recursive_chain.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using collapse::Interval;
using collapse::Rational;
using collapse::RecursiveModel;

namespace {

const collapse::ResourceLimits limits;

using bridge::model;

mpq_class abs_q(const mpq_class& x) { return x < 0 ? mpq_class(-x) : x; }

// The measures of an oracle law, recomputed here with gmpxx.
struct OracleMetrics {
    mpq_class surviving = 0, tv = 0, w1 = 0, dirac = 0, kl_inf = 0;
    std::vector<mpq_class> present, mean;
    mpq_class entropy_reference;
};

OracleMetrics oracle_metrics(const std::vector<std::vector<int>>& states, const oracle::Vector& law,
                             const std::vector<Rational>& q_lib) {
    OracleMetrics o;
    const std::size_t k = q_lib.size();
    std::vector<mpq_class> q;
    for (const Rational& x : q_lib) q.push_back(bridge::to_oracle(x));
    o.present.assign(k, 0);
    o.mean.assign(k, 0);
    std::vector<std::pair<mpq_class, mpq_class>> log_terms;
    for (std::size_t s = 0; s < states.size(); ++s) {
        const mpq_class& w = law[s];
        if (w == 0) continue;
        const auto& c = states[s];
        int n = 0, alive = 0;
        for (int x : c) {
            n += x;
            alive += x > 0 ? 1 : 0;
        }
        mpq_class tv = 0, w1 = 0, f_mu = 0, f_q = 0;
        bool inf = false;
        for (std::size_t i = 0; i < k; ++i) {
            const mpq_class mu = mpq_class(c[i]) / n;
            tv += abs_q(mu - q[i]);
            if (i + 1 < k) {
                f_mu += mu;
                f_q += q[i];
                w1 += abs_q(f_mu - f_q);
            }
            if (c[i] == 0 && q[i] > 0) inf = true;
            if (c[i] > 0) o.present[i] += w;
            o.mean[i] += w * mu;
        }
        o.surviving += w * alive;
        o.tv += w * tv / 2;
        o.w1 += w * w1;
        if (alive == 1) o.dirac += w;
        if (inf) o.kl_inf += w;
        reference::add_entropy_terms(c, w, log_terms);
    }
    o.entropy_reference = reference::sum_of_logs(log_terms);
    return o;
}

Rational lib(const mpq_class& x) { return bridge::to_lib(x); }

void expect_exact_agrees(const collapse::ExpectedMetrics<Rational>& e, const OracleMetrics& o, const std::string& where) {
    EXPECT_EQ(e.surviving, lib(o.surviving)) << where;
    EXPECT_EQ(e.total_variation, lib(o.tv)) << where;
    EXPECT_EQ(e.wasserstein, lib(o.w1)) << where;
    EXPECT_EQ(e.dirac_mass, lib(o.dirac)) << where;
    EXPECT_EQ(e.kl_infinite, lib(o.kl_inf)) << where;
    for (std::size_t i = 0; i < o.present.size(); ++i) {
        EXPECT_EQ(e.present[i], lib(o.present[i])) << where << " symbol " << i;
        EXPECT_EQ(e.mean[i], lib(o.mean[i])) << where << " symbol " << i;
    }
    EXPECT_TRUE(e.entropy.contains(lib(o.entropy_reference))) << where;
    EXPECT_LT(e.entropy.width_upper_bound(), 1e-30) << where;
}

void expect_interval_contains(const collapse::ExpectedMetrics<Interval>& e, const OracleMetrics& o,
                              const std::string& where) {
    EXPECT_TRUE(e.surviving.contains(lib(o.surviving))) << where;
    EXPECT_TRUE(e.total_variation.contains(lib(o.tv))) << where;
    EXPECT_TRUE(e.wasserstein.contains(lib(o.w1))) << where;
    EXPECT_TRUE(e.dirac_mass.contains(lib(o.dirac))) << where;
    EXPECT_TRUE(e.kl_infinite.contains(lib(o.kl_inf))) << where;
    for (std::size_t i = 0; i < o.present.size(); ++i) EXPECT_TRUE(e.present[i].contains(lib(o.present[i]))) << where;
    EXPECT_TRUE(e.entropy.contains(lib(o.entropy_reference))) << where;
}

struct Case {
    RecursiveModel m;
    std::string start;
    int generations;
};

}  // namespace

TEST(ExpectedMetrics, OverGenerationsAgreeWithOracleInAllArithmetics) {
    const std::vector<Case> cases{
        {model(2, 5), "3,2", 6},
        {model(3, 3), "1,1,1", 5},
        {model(3, 3, {Rational(1, 6), Rational(1, 3), Rational(1, 2)}, 0, "smooth:1/2"), "2,1,0", 4},
        {model(2, 4, {Rational(1, 4), Rational(3, 4)}, Rational(1, 5)), "4,0", 5},
        {model(3, 3, {Rational(1, 2), Rational(1, 2), Rational(0)}, Rational(1, 3), "topk:2"), "1,1,1", 4},
    };
    for (const Case& c : cases) {
        const auto chain = collapse::exact_recursive_chain(c.m, limits);
        const collapse::StateSpace space(c.m.symbols, c.m.samples);
        const std::size_t start = *chain.find(c.start);
        const auto exact = collapse::expected_metrics_over_generations(
            chain, space, collapse::StateMeasures<Rational>(space, c.m.external, 128), start, c.generations, 128);
        const auto ichain = collapse::numeric_recursive_chain<Interval>(c.m, 128, limits);
        const auto enclosed = collapse::expected_metrics_over_generations(
            ichain, space, collapse::StateMeasures<Interval>(space, c.m.external, 128), start, c.generations, 128);
        const auto dchain = collapse::numeric_recursive_chain<double>(c.m, 53, limits);
        const auto approx = collapse::expected_metrics_over_generations(
            dchain, space, collapse::StateMeasures<double>(space, c.m.external, 53), start, c.generations, 53);

        const oracle::Matrix p = bridge::oracle_chain(c.m);
        const auto states = oracle::states(static_cast<int>(c.m.symbols), static_cast<int>(c.m.samples));
        int ostart = -1;
        for (std::size_t s = 0; s < states.size(); ++s)
            if (oracle::label(states[s]) == c.start) ostart = static_cast<int>(s);
        ASSERT_GE(ostart, 0);
        ASSERT_EQ(exact.size(), static_cast<std::size_t>(c.generations) + 1);
        for (int t = 0; t <= c.generations; ++t) {
            const std::string where = collapse::describe(c.m) + " from " + c.start + " at t = " + std::to_string(t);
            const OracleMetrics o = oracle_metrics(states, oracle::law_after(p, ostart, t), c.m.external);
            expect_exact_agrees(exact[t], o, where);
            expect_interval_contains(enclosed[t], o, where);
            EXPECT_NEAR(approx[t].surviving, o.surviving.get_d(), 1e-12) << where;
            EXPECT_NEAR(approx[t].entropy, o.entropy_reference.get_d(), 1e-12) << where;
        }
    }
}

TEST(ExpectedMetrics, BinaryMleSurvivalMatchesAbsorption) {
    // Without fresh data, symbol 1 survives forever exactly when the chain fixes at 0,N: its
    // presence probability decreases with t towards c_1 / N (T2), and E[surviving] = 2 - P(absorbed by t).
    const RecursiveModel m = model(2, 5);
    const auto chain = collapse::exact_recursive_chain(m, limits);
    const collapse::StateSpace space(2, 5);
    const auto e = collapse::expected_metrics_over_generations(
        chain, space, collapse::StateMeasures<Rational>(space, m.external, 64), *chain.find("3,2"), 120, 64);
    const oracle::Matrix p = bridge::oracle_chain(m);
    for (std::size_t t = 1; t < e.size(); ++t) {
        EXPECT_LE(e[t].present[1], e[t - 1].present[1]) << t;
        EXPECT_GE(e[t].present[1], Rational(2, 5)) << t;
        EXPECT_EQ(e[t].surviving, 2 - e[t].dirac_mass) << t;
    }
    EXPECT_LT(e.back().present[1] - Rational(2, 5), Rational(1, 1000000000));
    EXPECT_LT(e.back().present[0] - Rational(3, 5), Rational(1, 1000000000));
    // The absorbed mass by t = 6 from the oracle's law: states 5,0 and 0,5 are the first and last.
    const oracle::Vector law = oracle::law_after(p, 2, 6);  // state index 2 is 3,2 (descending order)
    EXPECT_EQ(oracle::label(oracle::states(2, 5)[2]), "3,2");
    EXPECT_EQ(e[6].surviving, lib(2 - law.front() - law.back()));
}

TEST(ExpectedMetrics, StationaryMeanIsExactlyQ) {
    // T5a: fit mle with fresh data: E_pi[c] = N q exactly, so E_pi[mu] = q.
    const std::vector<RecursiveModel> models{
        model(2, 6, {Rational(1, 4), Rational(3, 4)}, Rational(1, 10)),
        model(3, 3, {Rational(1, 6), Rational(1, 3), Rational(1, 2)}, Rational(1, 3)),
        model(3, 4, {}, Rational(1, 100)),
    };
    for (const RecursiveModel& m : models) {
        const auto chain = collapse::exact_recursive_chain(m, limits);
        const auto cs = collapse::class_structure(chain.support());
        ASSERT_EQ(cs.closed.size(), 1u);
        const auto st = collapse::stationary_distributions<Rational>(chain, cs);
        std::vector<Rational> law(chain.size(), Rational(0));
        for (std::size_t i = 0; i < st.per_class[0].states.size(); ++i)
            law[st.per_class[0].states[i]] = st.per_class[0].probability[i];
        const collapse::StateSpace space(m.symbols, m.samples);
        const auto e = collapse::expected_metrics(space, collapse::StateMeasures<Rational>(space, m.external, 128), law, 128);
        for (std::size_t i = 0; i < m.symbols; ++i) EXPECT_EQ(e.mean[i], m.external[i]) << collapse::describe(m);
        // TV and W1 against the oracle's own stationary law, recomputed in gmpxx.
        const oracle::Matrix p = bridge::oracle_chain(m);
        const auto closed = oracle::closed_classes(p);
        ASSERT_EQ(closed.size(), 1u);
        const OracleMetrics o = oracle_metrics(oracle::states(static_cast<int>(m.symbols), static_cast<int>(m.samples)),
                                               oracle::stationary(p, closed[0]), m.external);
        expect_exact_agrees(e, o, "stationary, " + collapse::describe(m));
    }
}

TEST(ExpectedMetrics, KlGivenFiniteIsUndefinedWhenEveryStateHasLostASymbol) {
    const RecursiveModel m = model(3, 2);  // N = 2 < K = 3: some symbol is always missing
    const auto chain = collapse::exact_recursive_chain(m, limits);
    const collapse::StateSpace space(3, 2);
    const auto e = collapse::expected_metrics_over_generations(
        chain, space, collapse::StateMeasures<Rational>(space, m.external, 64), *chain.find("1,1,0"), 2, 64);
    for (const auto& g : e) {
        EXPECT_EQ(g.kl_infinite, Rational(1));
        EXPECT_FALSE(g.kl_given_finite.has_value());
    }
}
