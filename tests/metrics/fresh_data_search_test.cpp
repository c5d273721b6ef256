// The fresh-data search: target parsing (and refusal of impossible targets), and brackets
// whose two ends are re-checked here with the oracle's stationary laws (dense gmpxx) and,
// for entropy, a 1000-bit MPFR reference.
#include "lib_oracle_bridge.hpp"
#include "mpfr_reference.hpp"

#include <collapse/core/error.hpp>
#include <collapse/metrics/fresh_data_search.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using collapse::FreshDataSearch;
using collapse::FreshDataTarget;
using collapse::Rational;
using collapse::RecursiveModel;

namespace {

const collapse::ResourceLimits limits;

RecursiveModel model(std::size_t k, std::uint64_t n, std::vector<Rational> q = {}, const char* fit = "mle") {
    RecursiveModel m;
    m.symbols = k;
    m.samples = n;
    m.fit = collapse::parse_fit(fit);
    m.external = std::move(q);
    return collapse::validated(m);
}

mpq_class abs_q(const mpq_class& x) { return x < 0 ? mpq_class(-x) : x; }

// The target measure's expectation under one stationary law, computed here: exact for the
// rational measures, a 1000-bit reference for entropy.
mpq_class measure(const std::string& name, const std::vector<std::vector<int>>& states, const oracle::Vector& pi,
                  const std::vector<mpq_class>& q) {
    mpq_class sum = 0;
    std::vector<std::pair<mpq_class, mpq_class>> logs;
    for (std::size_t s = 0; s < states.size(); ++s) {
        const auto& c = states[s];
        int n = 0, alive = 0;
        for (int x : c) {
            n += x;
            alive += x > 0 ? 1 : 0;
        }
        mpq_class tv = 0, w1 = 0, f_mu = 0, f_q = 0;
        for (std::size_t i = 0; i < c.size(); ++i) {
            const mpq_class mu = mpq_class(c[i]) / n;
            tv += abs_q(mu - q[i]) / 2;
            if (i + 1 < c.size()) {
                f_mu += mu;
                f_q += q[i];
                w1 += abs_q(f_mu - f_q);
            }
        }
        if (name == "surviving") sum += pi[s] * alive;
        else if (name == "dirac-mass") sum += alive == 1 ? pi[s] : mpq_class(0);
        else if (name == "tv") sum += pi[s] * tv;
        else if (name == "wasserstein") sum += pi[s] * w1;
        else reference::add_entropy_terms(c, pi[s], logs);
    }
    return name == "entropy" ? reference::sum_of_logs(logs) : sum;
}

// Whether the target holds at lambda for every stationary law, decided by the oracle.
bool oracle_holds(RecursiveModel m, const std::string& name, bool at_least, const mpq_class& bound,
                  const Rational& lambda) {
    m.fresh.kind = collapse::FreshData::Kind::fraction;
    m.fresh.fraction = lambda;
    const oracle::Matrix p = bridge::oracle_chain(m);
    const auto states = oracle::states(static_cast<int>(m.symbols), static_cast<int>(m.samples));
    std::vector<mpq_class> q;
    for (const Rational& x : m.external) q.push_back(bridge::to_oracle(x));
    bool all = true;
    for (const auto& cls : oracle::closed_classes(p)) {
        const mpq_class v = measure(name, states, oracle::stationary(p, cls), q);
        all = all && (at_least ? v >= bound : v <= bound);
    }
    return all;
}

void expect_certified_bracket(const RecursiveModel& m, const std::string& target, const std::string& name,
                              bool at_least, const mpq_class& bound, bool exact, const Rational& width) {
    const FreshDataTarget t = collapse::parse_fresh_data_target(target, m);
    const FreshDataSearch s = collapse::fresh_data_search(m, t, width, exact, 128, limits);
    ASSERT_EQ(s.outcome, FreshDataSearch::Outcome::bracketed) << target;
    EXPECT_LT(s.lambda_lo, s.lambda_hi) << target;
    EXPECT_LE(s.lambda_hi - s.lambda_lo, width) << target;
    EXPECT_FALSE(oracle_holds(m, name, at_least, bound, s.lambda_lo)) << target << " at lambda_lo " << s.lambda_lo;
    EXPECT_TRUE(oracle_holds(m, name, at_least, bound, s.lambda_hi)) << target << " at lambda_hi " << s.lambda_hi;
    // Every evaluation's verdict, re-decided independently.
    for (const auto& e : s.evaluations)
        EXPECT_EQ(e.holds, oracle_holds(m, name, at_least, bound, e.lambda)) << target << " at " << e.lambda;
    EXPECT_TRUE(s.monotone_on_evaluated_points) << target;
}

}  // namespace

TEST(FreshDataTarget, ParsesAcceptedForms) {
    const RecursiveModel m = model(3, 4);
    FreshDataTarget t = collapse::parse_fresh_data_target("entropy>=0.9*H(q)", m);
    EXPECT_EQ(t.measure, FreshDataTarget::Measure::entropy);
    EXPECT_EQ(t.unit, FreshDataTarget::Unit::entropy_of_q);
    EXPECT_EQ(t.factor, Rational(9, 10));
    EXPECT_EQ(t.text, "entropy >= 9/10*H(q)");
    t = collapse::parse_fresh_data_target("  entropy >= log(2) ", m);
    EXPECT_EQ(t.unit, FreshDataTarget::Unit::log);
    EXPECT_EQ(t.log_argument, Rational(2));
    EXPECT_EQ(t.factor, Rational(1));
    t = collapse::parse_fresh_data_target("surviving >= 5/2", m);
    EXPECT_EQ(t.measure, FreshDataTarget::Measure::surviving);
    EXPECT_TRUE(t.at_least);
    EXPECT_EQ(t.factor, Rational(5, 2));
    t = collapse::parse_fresh_data_target("dirac-mass <= 1e-2", m);
    EXPECT_EQ(t.measure, FreshDataTarget::Measure::dirac_mass);
    EXPECT_FALSE(t.at_least);
    EXPECT_EQ(t.factor, Rational(1, 100));
    EXPECT_EQ(collapse::parse_fresh_data_target("tv <= 0.2", m).measure, FreshDataTarget::Measure::total_variation);
    EXPECT_EQ(collapse::parse_fresh_data_target("wasserstein <= 1/3", m).measure, FreshDataTarget::Measure::wasserstein);
    EXPECT_EQ(collapse::parse_fresh_data_target("entropy >= 1.0986", m).factor, Rational(10986, 10000));  // < log 3
}

TEST(FreshDataTarget, RefusesBadOrImpossibleTargets) {
    const RecursiveModel m = model(3, 4);
    for (const char* bad : {"entropy", "entropy >=", ">= 1", "entropy = 1", "diversity >= 1", "entropy >= abc",
                            "entropy >= 2*log(3)", "entropy >= 1.0987", "entropy >= 1.01*log(3)", "surviving >= 4",
                            "surviving >= 3.5", "tv <= -0.1", "dirac-mass <= -1/2", "tv >= 0.1", "entropy <= 1",
                            "dirac-mass <= 1*H(q)", "entropy >= 2 H(q)", "entropy >= log(0)", "entropy >= 2*H(q)"}) {
        try {
            collapse::parse_fresh_data_target(bad, m);
            ADD_FAILURE() << "accepted: " << bad;
        } catch (const collapse::InvalidInput& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("--target"), std::string::npos) << message;
            EXPECT_EQ(message.find('\n'), std::string::npos) << message;
        }
    }
    // With N = 2 samples at most 2 of the 3 symbols can be present, and entropy <= log 2.
    EXPECT_THROW(collapse::parse_fresh_data_target("surviving >= 2.5", model(3, 2)), collapse::InvalidInput);
    EXPECT_THROW(collapse::parse_fresh_data_target("entropy >= 0.7", model(3, 2)), collapse::InvalidInput);
}

TEST(FreshDataSearch, DiracMassBracketIsCertifiedAtBothEnds) {
    // At lambda = 1 the Dirac mass is (1/4)^6 + (3/4)^6 = 0.178: a bound of 1/5 is reachable.
    const RecursiveModel m = model(2, 6, {Rational(1, 4), Rational(3, 4)});
    expect_certified_bracket(m, "dirac-mass <= 1/5", "dirac-mass", false, mpq_class(1, 5), true, Rational(1, 100));
    expect_certified_bracket(m, "dirac-mass <= 1/5", "dirac-mass", false, mpq_class(1, 5), false, Rational(1, 100));
}

TEST(FreshDataSearch, RationalTargetsBracketsAreCertified) {
    const RecursiveModel m = model(3, 3, {Rational(1, 6), Rational(1, 3), Rational(1, 2)});
    // At lambda = 1, E[surviving] = sum_i 1 - (1 - q_i)^3 = 2: a bound of 1.8 is reachable.
    expect_certified_bracket(m, "surviving >= 1.8", "surviving", true, mpq_class(9, 5), true, Rational(1, 64));
    expect_certified_bracket(m, "tv <= 0.4", "tv", false, mpq_class(2, 5), true, Rational(1, 64));
    expect_certified_bracket(m, "wasserstein <= 1/2", "wasserstein", false, mpq_class(1, 2), false, Rational(1, 64));
}

TEST(FreshDataSearch, EntropyBracketIsCertified) {
    const RecursiveModel m = model(3, 4);
    // 0.7 * H(q) with q uniform = 0.7 log 3, as a 1000-bit reference.
    const mpq_class bound = reference::sum_of_logs({{mpq_class(7, 10), 3}});
    expect_certified_bracket(m, "entropy >= 0.7*H(q)", "entropy", true, bound, true, Rational(1, 200));
    expect_certified_bracket(m, "entropy >= 0.7*log(3)", "entropy", true, bound, false, Rational(1, 200));
}

TEST(FreshDataSearch, MetWithoutFreshDataAndNotMet) {
    const RecursiveModel m = model(3, 3);
    const auto zero = collapse::fresh_data_search(m, collapse::parse_fresh_data_target("dirac-mass <= 1", m),
                                                  Rational(1, 100), true, 128, limits);
    EXPECT_EQ(zero.outcome, FreshDataSearch::Outcome::met_without_fresh_data);
    EXPECT_EQ(zero.lambda_hi, Rational(0));
    EXPECT_TRUE(oracle_holds(m, "dirac-mass", false, 1, Rational(0)));
    // E[TV] under Multinomial(3, uniform) (lambda = 1) is far above 1/100.
    const auto never = collapse::fresh_data_search(m, collapse::parse_fresh_data_target("tv <= 1/100", m),
                                                   Rational(1, 100), true, 128, limits);
    EXPECT_EQ(never.outcome, FreshDataSearch::Outcome::not_met);
    EXPECT_FALSE(oracle_holds(m, "tv", false, mpq_class(1, 100), Rational(1)));
    EXPECT_THROW(collapse::fresh_data_search(m, collapse::parse_fresh_data_target("tv <= 1/2", m), Rational(0), true,
                                             128, limits),
                 collapse::InvalidInput);
}
