// Forward simulation (collapse/simulation/simulate.hpp) against mathematics: the law of the
// state at generation T and the closed classes from the independent dense oracle
// (tests/support/oracle.hpp, brute force over sample sequences), absorption frequencies c_i/N
// (T2), the geometric law of the collapse time at K = 2, N = 2, an absorption probability of a
// chain file solved by hand; and reproducibility (same seed, same records, however the runs are
// split). Statistical tests use fixed seeds and a false-alarm rate of at most 1e-6 each.
#include "chi_square.hpp"
#include "lib_oracle_bridge.hpp"
#include "oracle.hpp"

#include <collapse/core/error.hpp>
#include <collapse/io/tra_reader.hpp>
#include <collapse/models/state_space.hpp>
#include <collapse/simulation/simulate.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace collapse;
using namespace collapse::simulation;
using collapse_test::chi_square;

struct ModelCase {
    std::string name;
    int k, n;
    std::string fit;                  // as on the command line
    char fresh;                       // 'n' none, 'f' fraction, 'c' count
    std::string lambda;               // fraction, as a rational
    int m;                            // count
    std::vector<std::string> q;       // empty = uniform
    std::string start;                // a start state for the law test
};

std::ostream& operator<<(std::ostream& out, const ModelCase& c) { return out << c.name; }

RecursiveModel lib_model(const ModelCase& c) {
    RecursiveModel m;
    m.symbols = static_cast<std::size_t>(c.k);
    m.samples = static_cast<std::uint64_t>(c.n);
    m.fit = parse_fit(c.fit);
    if (c.fresh == 'f') {
        m.fresh.kind = FreshData::Kind::fraction;
        m.fresh.fraction = parse_rational(c.lambda, "lambda");
    } else if (c.fresh == 'c') {
        m.fresh.kind = FreshData::Kind::count;
        m.fresh.count = static_cast<std::uint64_t>(c.m);
    }
    for (const std::string& v : c.q) m.external.push_back(parse_rational(v, "q"));
    return validated(m);
}

oracle::Matrix oracle_chain(const ModelCase& c) {
    oracle::Fit f;
    const std::string name = c.fit.substr(0, c.fit.find(':'));
    const std::string arg = c.fit.find(':') == std::string::npos ? "" : c.fit.substr(c.fit.find(':') + 1);
    if (name == "smooth") f = {oracle::Fit::smooth, oracle::Q(arg), 1, 1};
    else if (name == "temper") f = {oracle::Fit::temper, 0, std::stoi(arg), 1};
    else if (name == "topk") f = {oracle::Fit::topk, 0, 1, std::stoi(arg)};
    oracle::Fresh fr;
    if (c.fresh == 'f') fr = {oracle::Fresh::fraction, oracle::Q(c.lambda), 0};
    if (c.fresh == 'c') fr = {oracle::Fresh::count, 0, c.m};
    oracle::Vector q;
    for (int i = 0; i < c.k; ++i) q.push_back(c.q.empty() ? oracle::Q(1, c.k) : oracle::Q(c.q[static_cast<std::size_t>(i)]));
    for (auto& v : q) v.canonicalize();
    return oracle::recursive_chain(c.k, c.n, f, fr, q);
}

const std::vector<ModelCase> model_cases = {
    {"Mle", 3, 4, "mle", 'n', "", 0, {}, "2,1,1"},
    {"Temper2", 3, 4, "temper:2", 'n', "", 0, {}, "1,2,1"},
    {"Top1FreshCount1", 3, 4, "topk:1", 'c', "", 1, {}, "2,1,1"},
    {"MleFraction", 2, 6, "mle", 'f', "1/10", 0, {"1/4", "3/4"}, "3,3"},
    {"Smooth", 3, 4, "smooth:1/2", 'n', "", 0, {}, "4,0,0"},
    {"AllFreshQWithAZero", 3, 4, "mle", 'f', "1", 0, {"1/2", "1/2", "0"}, "0,0,4"},
    {"CountEqualsN", 3, 4, "mle", 'c', "", 4, {"0", "1/2", "1/2"}, "4,0,0"},
    {"Top2FractionDirac", 3, 4, "topk:2", 'f', "1/3", 0, {"1", "0", "0"}, "0,1,3"},
    {"SmoothCountQOneSymbol", 3, 4, "smooth:1", 'c', "", 2, {"0", "0", "1"}, "1,2,1"},
    {"Temper3Count", 2, 5, "temper:3", 'c', "", 1, {}, "1,4"},
    {"MleCountQWithAZero", 3, 3, "mle", 'c', "", 1, {"1/2", "1/2", "0"}, "1,1,1"},
};

class SimulationModels : public ::testing::TestWithParam<ModelCase> {};

std::vector<std::uint64_t> counts_of(const std::vector<int>& c) { return {c.begin(), c.end()}; }

TEST_P(SimulationModels, ClosedClassesAgreeWithTheOracle) {
    const ModelCase& c = GetParam();
    const RecursiveModel model = lib_model(c);
    const oracle::Matrix p = oracle_chain(c);
    const auto states = oracle::states(c.k, c.n);
    std::vector<bool> closed(states.size(), false);
    for (const auto& cls : oracle::closed_classes(p))
        for (int s : cls) closed[static_cast<std::size_t>(s)] = true;
    for (bool force : {false, true}) {
        const ClosedClasses rule(model, default_max_graph_states, force);
        SCOPED_TRACE(std::string("rule ") + to_string(rule.rule()));
        for (std::size_t s = 0; s < states.size(); ++s) {
            const auto counts = counts_of(states[s]);
            EXPECT_EQ(rule.contains(counts), closed[s]) << oracle::label(states[s]);
            EXPECT_EQ(rule.absorbing(counts), p[s][s] == 1) << oracle::label(states[s]);
        }
    }
}

TEST_P(SimulationModels, LawAtGenerationThreeAgreesWithTheOracle) {
    const ModelCase& c = GetParam();
    const RecursiveModel model = lib_model(c);
    const oracle::Matrix p = oracle_chain(c);
    const auto states = oracle::states(c.k, c.n);
    std::map<std::string, std::uint64_t> index;
    for (std::size_t s = 0; s < states.size(); ++s) index[oracle::label(states[s])] = s;
    const std::uint64_t t = 3;
    const oracle::Vector law = oracle::law_after(p, static_cast<int>(index.at(c.start)), static_cast<int>(t));

    SimulationRequest request;
    request.generations = t;
    request.runs = 20000;
    request.seed = 99;
    const ClosedClasses rule(model, default_max_graph_states);
    const SimulationResult r = simulate_recursive(model, rule, parse_state(model, c.start, "start"), request);
    ASSERT_EQ(r.runs.size(), request.runs);
    std::vector<std::uint64_t> final_index;
    for (const RunRecord& rec : r.runs) final_index.push_back(index.at(rec.final_state));
    const auto result = chi_square(final_index, 0, states.size() - 1,
                                   [&](std::uint64_t s) { return static_cast<long double>(law[s].get_d()); }, 20);
    if (result.dof == 0) {  // the law is one point mass: every run must end there
        for (std::size_t s = 0; s < states.size(); ++s)
            if (law[s] == 1) {
                for (std::uint64_t f : final_index) EXPECT_EQ(f, s);
            }
        return;
    }
    RecordProperty("chi_square", result.detail);
    EXPECT_LE(result.statistic, result.critical) << result.detail;
}

INSTANTIATE_TEST_SUITE_P(Oracle, SimulationModels, ::testing::ValuesIn(model_cases),
                         [](const ::testing::TestParamInfo<ModelCase>& info) { return info.param.name; });

SimulationResult run_mle(std::size_t k, std::uint64_t n, const std::string& start, std::uint64_t runs, std::uint64_t seed,
                         std::uint64_t generations = 1000000, bool trajectories = false, std::uint64_t first_run = 0) {
    RecursiveModel model;
    model.symbols = k;
    model.samples = n;
    model = validated(model);
    SimulationRequest request;
    request.generations = generations;
    request.runs = runs;
    request.seed = seed;
    request.trajectories = trajectories;
    request.first_run = first_run;
    const ClosedClasses rule(model, default_max_graph_states);
    return simulate_recursive(model, rule, parse_state(model, start, "start"), request);
}

std::string csv(const SimulationResult& r) {
    std::ostringstream out;
    write_csv(r, out);
    return out.str();
}

// Theorem T2 of model.md, by simulation (no tag yet: docs/theorems.md lists no simulation test).
TEST(Simulation, AbsorptionFrequenciesAreCountsOverN) {
    // From c = (1, 2, 3), N = 6, fit mle, no fresh data: absorption in N e_i has probability
    // c_i / N. Hoeffding: P(|freq - p| >= eps) <= 2 exp(-2 R eps^2) = 1e-6 for
    // eps = sqrt(ln(2e6) / (2R)).
    const std::uint64_t runs = 20000;
    const SimulationResult r = run_mle(3, 6, "1,2,3", runs, 2026);
    std::map<std::string, double> ends;
    for (const RunRecord& rec : r.runs) {
        ASSERT_TRUE(rec.collapse_generation.has_value()) << "run " << rec.run << " did not collapse in 10^6 generations";
        EXPECT_EQ(*rec.collapse_generation, rec.stop_generation);
        ends[rec.final_state] += 1;
    }
    const double eps = std::sqrt(std::log(2e6) / (2.0 * runs));
    EXPECT_NEAR(ends["6,0,0"] / runs, 1.0 / 6, eps);
    EXPECT_NEAR(ends["0,6,0"] / runs, 2.0 / 6, eps);
    EXPECT_NEAR(ends["0,0,6"] / runs, 3.0 / 6, eps);
    EXPECT_EQ(ends.size(), 3u) << "only Dirac states end a run";
}

TEST(Simulation, CollapseTimeIsGeometricAtTwoSamples) {
    // K = 2, N = 2 from 1,1: each generation is 2,0 or 0,2 with probability 1/4 + 1/4, else
    // 1,1 again; so P(collapse at t) = 2^-t, t >= 1 (mean 2, as analyze's expected steps).
    const SimulationResult r = run_mle(2, 2, "1,1", 50000, 5);
    std::vector<std::uint64_t> times;
    for (const RunRecord& rec : r.runs) times.push_back(*rec.collapse_generation);
    const auto result = chi_square(times, 1, 60, [](std::uint64_t t) { return std::ldexp(1.0L, -static_cast<int>(t)); }, 20);
    EXPECT_LE(result.statistic, result.critical) << result.detail;
}

TEST(Simulation, SameSeedSameOutputDifferentSeedDifferentOutput) {
    const std::string a = csv(run_mle(4, 50, "20,10,10,10", 200, 17, 500, true));
    const std::string b = csv(run_mle(4, 50, "20,10,10,10", 200, 17, 500, true));
    const std::string c = csv(run_mle(4, 50, "20,10,10,10", 200, 18, 500, true));
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
}

TEST(Simulation, SplittingTheRunsChangesNothing) {
    const SimulationResult whole = run_mle(3, 30, "10,10,10", 100, 3, 1000, true);
    const SimulationResult first = run_mle(3, 30, "10,10,10", 37, 3, 1000, true, 0);
    const SimulationResult second = run_mle(3, 30, "10,10,10", 63, 3, 1000, true, 37);
    std::string pieces = csv(first);
    const std::string tail = csv(second);
    pieces += tail.substr(tail.find('\n') + 1);  // without its header
    EXPECT_EQ(csv(whole), pieces);
}

std::vector<std::uint64_t> parse_counts(const std::string& label) {
    std::vector<std::uint64_t> c;
    std::istringstream in(label);
    std::string item;
    while (std::getline(in, item, ',')) c.push_back(std::stoull(item));
    return c;
}

TEST(Simulation, RecordsAgreeWithTheTrajectories) {
    const SimulationResult r = run_mle(3, 8, "3,3,2", 300, 8, 40, true);
    for (const RunRecord& rec : r.runs) {
        ASSERT_EQ(rec.trajectory.size(), rec.stop_generation + 1);
        EXPECT_EQ(rec.trajectory.front(), "3,3,2");
        EXPECT_EQ(rec.trajectory.back(), rec.final_state);
        std::vector<std::optional<std::uint64_t>> lost(3);
        std::optional<std::uint64_t> collapsed;
        for (std::uint64_t t = 0; t < rec.trajectory.size(); ++t) {
            const auto c = parse_counts(rec.trajectory[t]);
            ASSERT_EQ(c[0] + c[1] + c[2], 8u);
            int present = 0;
            for (std::size_t i = 0; i < 3; ++i) {
                if (c[i] == 0 && !lost[i]) lost[i] = t;
                if (c[i] > 0) ++present;
                if (t > 0 && c[i] > 0) {
                    EXPECT_GT(parse_counts(rec.trajectory[t - 1])[i], 0u) << "a lost symbol came back";
                }
            }
            if (present == 1 && !collapsed) collapsed = t;
        }
        EXPECT_EQ(rec.first_lost, lost);
        EXPECT_EQ(rec.collapse_generation, collapsed);
        EXPECT_TRUE(rec.stop_generation == 40 || rec.collapse_generation == rec.stop_generation);
    }
}

TEST(Simulation, ChainFileAbsorptionProbability) {
    // periodic_and_absorbing.tra: from 3, to the periodic class {0, 1} with 1/2, to the
    // absorbing 2 with 1/4, to 4 with 1/4; from 4: 1 ({0,1}), 3 or 4, 1/3 each. Then
    // a3 = 1/2 + a4/4 and a4 = (1 + a3)/2 give a3 = 5/7 for the class {0, 1}.
    const Chain<Rational> chain = read_tra_file(std::string(COLLAPSE_TEST_DATA) + "/periodic_and_absorbing.tra", {});
    SimulationRequest request;
    request.generations = 1001;
    request.runs = 20000;
    request.seed = 12;
    const SimulationResult r = simulate_chain(chain, 3, request);
    double in_periodic = 0;
    for (const RunRecord& rec : r.runs) {
        ASSERT_TRUE(rec.collapse_generation.has_value());
        if (rec.final_state == "0" || rec.final_state == "1") {
            ++in_periodic;
            // The periodic class is not absorbing: the run goes on to T, alternating.
            EXPECT_EQ(rec.stop_generation, 1001u);
        } else {
            EXPECT_EQ(rec.final_state, "2");
            EXPECT_EQ(rec.stop_generation, *rec.collapse_generation) << "absorbed in 2: the run stops";
        }
        EXPECT_TRUE(rec.first_lost.empty());
    }
    EXPECT_NEAR(in_periodic / 20000, 5.0 / 7, std::sqrt(std::log(2e6) / (2.0 * 20000)));
}

TEST(Simulation, LargeSampleSizesNeedNoTransitionMatrix) {
    RecursiveModel model;
    model.symbols = 4;
    model.samples = 1000000000;
    model.fresh.kind = FreshData::Kind::fraction;
    model.fresh.fraction = Rational(1, 100);
    model = validated(model);
    SimulationRequest request;
    request.generations = 30;
    request.runs = 3;
    const ClosedClasses rule(model, default_max_graph_states);
    EXPECT_EQ(rule.rule(), ClosedClassRule::irreducible);
    const SimulationResult r = simulate_recursive(model, rule, parse_state(model, "1000000000,0,0,0", "start"), request);
    for (const RunRecord& rec : r.runs) {
        EXPECT_EQ(rec.stop_generation, 30u);
        EXPECT_EQ(rec.collapse_generation, std::optional<std::uint64_t>(0));
        const auto c = parse_counts(rec.final_state);
        EXPECT_EQ(c[0] + c[1] + c[2] + c[3], 1000000000u);
        EXPECT_EQ(rec.first_lost[0], std::nullopt);
        EXPECT_EQ(rec.first_lost[1], std::optional<std::uint64_t>(0)) << "absent at the start";
    }
}

TEST(Simulation, RefusesWhatItCannotDecideOrStore) {
    RecursiveModel model;
    model.symbols = 3;
    model.samples = 1000;
    model.fit = parse_fit("topk:1");
    model.fresh.kind = FreshData::Kind::count;
    model.fresh.count = 1;
    model = validated(model);
    EXPECT_THROW(ClosedClasses(model, default_max_graph_states), ResourceLimit);

    RecursiveModel mle;
    mle.symbols = 2;
    mle.samples = 4;
    mle = validated(mle);
    EXPECT_THROW(parse_state(mle, "2,1", "--start"), InvalidInput);
    EXPECT_THROW(parse_state(mle, "2,2,0", "--start"), InvalidInput);
    EXPECT_THROW(parse_state(mle, "2,-2", "--start"), InvalidInput);
    EXPECT_THROW(parse_state(mle, "2,,2", "--start"), InvalidInput);
    EXPECT_THROW(parse_state(mle, "", "--start"), InvalidInput);
    EXPECT_EQ(parse_state(mle, "0,4", "--start"), (std::vector<std::uint64_t>{0, 4}));
    SimulationRequest request;
    request.runs = 0;
    const ClosedClasses rule(mle, default_max_graph_states);
    EXPECT_THROW(simulate_recursive(mle, rule, std::vector<std::uint64_t>{2, 2}, request), InvalidInput);
    request.runs = 1000000;
    request.generations = 1000000;
    request.trajectories = true;
    request.limits.memory_bytes = 1 << 20;
    EXPECT_THROW(simulate_recursive(mle, rule, std::vector<std::uint64_t>{2, 2}, request), ResourceLimit);
}

}  // namespace
