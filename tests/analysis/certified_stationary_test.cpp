// The certified stationary law of chains with fresh data against the exact stationary law of
// the independent oracle (dense Gauss-Jordan over gmpxx on the brute-force chain), and against
// T5a (E_pi[c] = N q, model.md) at full size, K = 3, N = 100.
#include <collapse/analysis/certified_stationary.hpp>
#include <collapse/core/directed_rounding.hpp>
#include <collapse/core/error.hpp>
#include <collapse/models/multinomial_rows.hpp>
#include <collapse/models/state_space.hpp>

#include "lib_oracle_bridge.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace collapse;

namespace {

struct Case {
    int k, n;
    std::vector<const char*> q;
    const char* lambda;
    double widest = 1e-11;  // the largest relative width allowed
    bool reference_moves = false;
};

RecursiveModel model_of(const Case& c) {
    std::vector<Rational> q;
    for (const char* v : c.q) q.push_back(parse_rational(v, "q"));
    return bridge::model(static_cast<std::size_t>(c.k), static_cast<std::uint64_t>(c.n), q, Rational(c.lambda));
}

oracle::Vector oracle_law(const Case& c) {
    oracle::Vector q;
    for (const char* v : c.q) q.emplace_back(v);
    const oracle::Matrix p =
        oracle::recursive_chain(c.k, c.n, oracle::Fit{}, oracle::Fresh{oracle::Fresh::fraction, mpq_class(c.lambda), 0}, q);
    std::vector<int> all(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) all[i] = static_cast<int>(i);
    return oracle::stationary(p, all);
}

// The largest relative width over the entries, after checking that each contains the exact value.
double check_contains(const StationaryResult<Interval>& result, const oracle::Vector& exact) {
    EXPECT_EQ(result.per_class.size(), 1u);
    const ClassDistribution<Interval>& d = result.per_class.at(0);
    EXPECT_EQ(d.states.size(), exact.size());
    double widest = 0;
    for (std::size_t j = 0; j < exact.size(); ++j) {
        EXPECT_EQ(d.states[j], j);
        EXPECT_TRUE(d.probability[j].contains(bridge::to_lib(exact[j]))) << "state " << j;
        widest = std::max(widest, d.probability[j].relative_width_upper_bound());
    }
    return widest;
}

std::string name(std::size_t state) { return "#" + std::to_string(state); }

std::size_t reference_of(const RecursiveModel& m) { return state_nearest_mean(m, StateSpace(m.symbols, m.samples)); }

TEST(CertifiedStationary, ContainsTheOracleLaw) {
    for (const Case& c : {Case{3, 6, {"1/3", "1/3", "1/3"}, "1/10", 1e-11, true},
                          Case{3, 8, {"1/2", "1/3", "1/6"}, "1/10", 1e-11, true},
                          Case{3, 7, {"1/3", "1/3", "1/3"}, "1/1000", 1e-10, true}, Case{2, 10, {"1/3", "2/3"}, "1/10"},
                          Case{4, 4, {"1/4", "1/4", "1/4", "1/4"}, "1/5"}}) {
        SCOPED_TRACE("K=" + std::to_string(c.k) + " N=" + std::to_string(c.n) + " lambda=" + c.lambda);
        const RecursiveModel m = model_of(c);
        const std::size_t states = state_count(m.symbols, m.samples);
        const CertifiedStationary certified =
            certified_stationary(multinomial_row_enclosures(m), states, reference_of(m), name, ResourceLimits{});
        // Every entry, the smallest included, to about the double solve's accuracy times a
        // mean return time to the reference state (longer with little fresh data, where the
        // mass sits at the Dirac states, between which the chain moves rarely).
        EXPECT_LE(check_contains(certified.stationary, oracle_law(c)), c.widest);
        // With little fresh data or few samples the state nearest N q carries less mass than
        // the Dirac states: the reference moves to the heaviest state.
        const std::string first = "state " + name(reference_of(m)) + ":";
        EXPECT_EQ(certified.stationary.method.find(first) == std::string::npos, c.reference_moves)
            << certified.stationary.method;
        EXPECT_GT(certified.alpha, 0.0L);
        EXPECT_EQ(certified.classes.closed.size(), 1u);
        EXPECT_EQ(certified.classes.period, std::vector<std::size_t>{1});
        EXPECT_TRUE(certified.classes.transient.empty());
        EXPECT_NE(certified.stationary.method.find("M-matrix"), std::string::npos);
    }
}

TEST(CertifiedStationary, APoorApproximationGivesAWiderValidEnclosure) {
    const Case c{3, 6, {"1/3", "1/3", "1/3"}, "1/10"};
    const RecursiveModel m = model_of(c);
    const RowEnclosureSource rows = multinomial_row_enclosures(m);
    const std::size_t states = state_count(3, 6);
    const ApproximateStationary good = approximate_stationary(rows, states, reference_of(m));
    ApproximateStationary poor = good;
    for (std::size_t j = 0; j < states; ++j)  // relative errors of 1e-6, both signs
        poor.w[j] *= 1 + (j % 2 == 0 ? 1e-6L : -1e-6L);
    const oracle::Vector exact = oracle_law(c);
    const double good_width = check_contains(certify_stationary(rows, good, "ref").stationary, exact);
    const double poor_width = check_contains(certify_stationary(rows, poor, "ref").stationary, exact);
    EXPECT_GT(poor_width, 1e-7);
    EXPECT_LT(poor_width, 1e-3);
    EXPECT_GT(poor_width, 1000 * good_width);
}

TEST(CertifiedStationary, WeightsThatProveNothingAreRefused) {
    const Case c{3, 6, {"1/3", "1/3", "1/3"}, "1/10"};
    const RecursiveModel m = model_of(c);
    const RowEnclosureSource rows = multinomial_row_enclosures(m);
    ApproximateStationary a = approximate_stationary(rows, state_count(3, 6), reference_of(m));
    // u = 1 on R: (u^T A)_j = 1 - sum_{i in R} P_ij, negative where the column of P_RR sums
    // to more than 1 (the states near the centre gather more than their share).
    std::fill(a.u.begin(), a.u.end(), 1.0L);
    EXPECT_THROW(certify_stationary(rows, a, "ref"), Unable);
    // A weight that is not positive cannot prove anything either.
    ApproximateStationary zero = approximate_stationary(rows, state_count(3, 6), reference_of(m));
    zero.u[(zero.reference + 1) % zero.u.size()] = 0;
    EXPECT_THROW(certify_stationary(rows, zero, "ref"), Unable);
}

TEST(CertifiedStationary, TooLittleMemoryIsRefusedBeforeAllocating) {
    ResourceLimits small;
    small.memory_bytes = std::uint64_t{100} << 20;
    // 5151 states: a dense matrix of 5151^2 doubles, 212 MB.
    EXPECT_THROW(require_certified_stationary_memory(5151, small), ResourceLimit);
    EXPECT_NO_THROW(require_certified_stationary_memory(3000, small));  // 72 MB
}

// THEOREM: T5a — Collapse.GeneralK.multi_stationary_mean
TEST(CertifiedStationary, MeanIsNqAtOneHundredSamples) {
    // T5a: with fresh data by a fraction, every stationary law has mean N q. At K = 3,
    // N = 100 (5151 states) the enclosures' sum must contain it, and be narrow.
    const Case c{3, 100, {"1/3", "1/3", "1/3"}, "1/10"};
    const RecursiveModel m = model_of(c);
    const std::size_t states = state_count(3, 100);
    ASSERT_EQ(states, 5151u);
    const CertifiedStationary certified =
        certified_stationary(multinomial_row_enclosures(m), states, reference_of(m), name, ResourceLimits{});
    const ClassDistribution<Interval>& d = certified.stationary.per_class.at(0);
    const StateSpace space(3, 100);
    for (std::size_t i = 0; i < 3; ++i) {
        Interval mean = Interval::exact_integer(0);
        Interval total = Interval::exact_integer(0);
        for (std::size_t s = 0; s < states; ++s) {
            mean += d.probability[s] * Interval::exact_integer(static_cast<long>(space.counts(s)[i]));
            total += d.probability[s];
        }
        EXPECT_TRUE(mean.contains(Rational(100, 3))) << "symbol " << i;
        EXPECT_LE(mean.width_upper_bound(), 1e-8) << "symbol " << i;
        EXPECT_TRUE(total.contains(Rational(1)));
    }
    double widest = 0;
    for (const Interval& p : d.probability) widest = std::max(widest, p.relative_width_upper_bound());
    EXPECT_LE(widest, 1e-9);
}

}  // namespace
