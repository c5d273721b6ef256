// `collapse check` in the library (docs/simulate.md, "Checking a simulator"): the chi-square
// p-value against table values, the CSV reader's error paths (FILE:LINE: reason), and the
// tests themselves: the project's own simulator passes, a simulator of another chain fails.
#include <collapse/core/error.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/simulation/check.hpp>
#include <collapse/simulation/simulate.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace collapse;
using namespace collapse::simulation;

RecursiveModel model(std::size_t k, std::uint64_t n) {
    RecursiveModel m;
    m.symbols = k;
    m.samples = n;
    return validated(m);
}

const Chain<Rational>& chain35() {
    static const Chain<Rational> chain = exact_recursive_chain(model(3, 5), ResourceLimits{});
    return chain;
}

// Runs of the project's simulator for K = 3, N = 5, fit mle, from `start`, as observed runs.
std::vector<ObservedRun> simulated(const std::vector<std::uint64_t>& start, std::uint64_t generations,
                                   std::uint64_t runs, std::uint64_t seed) {
    const RecursiveModel m = model(3, 5);
    const ClosedClasses closed(m, default_max_graph_states);
    SimulationRequest request;
    request.generations = generations;
    request.runs = runs;
    request.seed = seed;
    const SimulationResult result = simulate_recursive(m, closed, start, request);
    std::vector<ObservedRun> out;
    for (const RunRecord& r : result.runs)
        out.push_back({r.run + 2, r.run, r.collapse_generation, *chain35().find(r.final_state)});
    return out;
}

TEST(ChiSquarePValue, AgreesWithTableValues) {
    EXPECT_NEAR(chi_square_p_value(3.841459, 1), 0.05, 1e-6);
    EXPECT_NEAR(chi_square_p_value(6.634897, 1), 0.01, 1e-6);
    EXPECT_NEAR(chi_square_p_value(5.991465, 2), 0.05, 1e-6);  // exp(-x/2) for df = 2
    EXPECT_NEAR(chi_square_p_value(18.307, 10), 0.05, 1e-4);
    EXPECT_NEAR(chi_square_p_value(23.209, 10), 0.01, 1e-4);
    EXPECT_NEAR(chi_square_p_value(124.342, 100), 0.05, 1e-4);
    EXPECT_NEAR(chi_square_p_value(10, 2), std::exp(-5.0), 1e-15);
    EXPECT_EQ(chi_square_p_value(0, 3), 1.0);
    EXPECT_EQ(chi_square_p_value(std::numeric_limits<double>::infinity(), 3), 0.0);
    EXPECT_THROW(chi_square_p_value(1, 0), std::invalid_argument);
}

TEST(NormalPValue, AgreesWithTableValues) {
    EXPECT_NEAR(normal_two_sided_p_value(1.959964), 0.05, 1e-6);
    EXPECT_NEAR(normal_two_sided_p_value(-2.575829), 0.01, 1e-6);
    EXPECT_EQ(normal_two_sided_p_value(0), 1.0);
}

std::string csv_error(const std::string& text, std::optional<std::uint64_t> generations = std::nullopt) {
    std::istringstream in(text);
    try {
        read_observed_csv(in, "obs.csv", chain35(), generations);
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "(accepted)";
}

const std::string header = "run,collapse_generation,final_state,first_lost_0,first_lost_1,first_lost_2\n";

TEST(ObservedCsv, ReadsTheDocumentedLayout) {
    std::istringstream in(header + "0,2,\"0,5,0\",2,,2\r\n1,,\"2,1,2\",,,\n\n");
    const auto runs = read_observed_csv(in, "obs.csv", chain35(), 10);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].collapse_generation, std::optional<std::uint64_t>(2));
    EXPECT_EQ(chain35().label(runs[0].final_state), "0,5,0");
    EXPECT_FALSE(runs[1].collapse_generation);
    EXPECT_EQ(runs[1].line, 3u);
    // Columns in another order, without first_lost: accepted.
    std::istringstream other("final_state,run,collapse_generation\n\"5,0,0\",0,0\n");
    EXPECT_EQ(read_observed_csv(other, "obs.csv", chain35(), std::nullopt).size(), 1u);
}

TEST(ObservedCsv, RefusesBadInputWithFileLineAndReason) {
    EXPECT_EQ(csv_error("").rfind("obs.csv:1: empty file", 0), 0u) << csv_error("");
    EXPECT_EQ(csv_error(header).rfind("obs.csv:2: no runs", 0), 0u) << csv_error(header);
    const std::string missing = csv_error("run,final_state\n0,\"5,0,0\"\n");
    EXPECT_EQ(missing.rfind("obs.csv:1: missing column 'collapse_generation'", 0), 0u) << missing;
    const std::string run = csv_error(header + "0,1,\"5,0,0\",,1,1\nx,1,\"5,0,0\",,1,1\n");
    EXPECT_EQ(run.rfind("obs.csv:3: run: 'x' is not a non-negative integer", 0), 0u) << run;
    const std::string negative = csv_error(header + "0,-1,\"5,0,0\",,0,0\n");
    EXPECT_EQ(negative.rfind("obs.csv:2: collapse_generation: '-1' is not a non-negative integer", 0), 0u) << negative;
    const std::string above = csv_error(header + "0,11,\"5,0,0\",,1,1\n", 10);
    EXPECT_EQ(above.rfind("obs.csv:2: collapse_generation: 11 is above --generations 10", 0), 0u) << above;
    const std::string label = csv_error(header + "0,1,\"5,0,1\",,1,1\n");
    EXPECT_EQ(label.rfind("obs.csv:2: final_state: '5,0,1' is not a state of this chain", 0), 0u) << label;
    const std::string unquoted = csv_error(header + "0,1,5,0,0,,1,1\n");
    EXPECT_EQ(unquoted.rfind("obs.csv:2: 8 fields, but the header has 6", 0), 0u) << unquoted;
    const std::string quote = csv_error(header + "0,1,\"5,0,0,,1,1\n");
    EXPECT_EQ(quote.rfind("obs.csv:2: a quote is not closed", 0), 0u) << quote;
    const std::string lost = csv_error(header + "0,1,\"5,0,0\",,1.5,1\n");
    EXPECT_EQ(lost.rfind("obs.csv:2: first_lost_1: '1.5' is not a non-negative integer", 0), 0u) << lost;
}

TEST(Check, TheProjectsOwnSimulatorIsConsistent) {
    const std::size_t start = *chain35().find("2,1,2");
    const CheckResult r = check_observed(chain35(), start, simulated({2, 1, 2}, 30, 20000, 11), 30, 0.01, {});
    ASSERT_EQ(r.tests.size(), 3u);
    EXPECT_EQ(r.tests_run, 3u);
    for (const CheckTest& t : r.tests) {
        EXPECT_TRUE(t.applicable) << t.name << ": " << t.reason;
        EXPECT_FALSE(t.rejected) << t.name << ": p = " << t.p_value;
        EXPECT_GE(t.dof, 1u) << t.name;
    }
    EXPECT_TRUE(r.consistent);
    EXPECT_NEAR(r.per_test_alpha, 0.01 / 3, 1e-15);
}

TEST(Check, WithoutTTheAbsorptionAndMeanCollapseTimeAreTested) {
    // T = 1000 generations: every run of K = 3, N = 5 collapses long before.
    const std::size_t start = *chain35().find("2,1,2");
    const CheckResult r = check_observed(chain35(), start, simulated({2, 1, 2}, 1000, 5000, 12), std::nullopt, 0.01, {});
    ASSERT_EQ(r.tests.size(), 4u);
    EXPECT_EQ(r.tests_run, 2u);
    EXPECT_TRUE(r.tests[0].applicable);
    EXPECT_FALSE(r.tests[1].applicable);
    EXPECT_FALSE(r.tests[2].applicable);
    EXPECT_TRUE(r.tests[3].applicable);
    EXPECT_EQ(r.tests[3].statistic_kind, "z");
    EXPECT_TRUE(r.consistent);
}

TEST(Check, ASimulatorOfAnotherStartIsRejected) {
    // Runs from 3,1,1 checked as runs from 2,1,2: absorption into symbol 0 is 3/5, not 2/5.
    const std::size_t start = *chain35().find("2,1,2");
    const CheckResult r = check_observed(chain35(), start, simulated({3, 1, 1}, 30, 20000, 13), 30, 0.01, {});
    EXPECT_FALSE(r.consistent);
    EXPECT_TRUE(r.tests[0].rejected) << "absorption p = " << r.tests[0].p_value;
    EXPECT_TRUE(r.tests[1].rejected) << "law_at_T p = " << r.tests[1].p_value;
}

TEST(Check, AnImpossibleOutcomeRejectsOutright) {
    // One run "collapsed" at generation 1 into a state that is not a Dirac state.
    std::vector<ObservedRun> runs = simulated({2, 1, 2}, 30, 2000, 14);
    runs[0].collapse_generation = 1;
    runs[0].final_state = *chain35().find("4,1,0");
    const CheckResult r = check_observed(chain35(), *chain35().find("2,1,2"), runs, 30, 0.01, {});
    EXPECT_TRUE(r.tests[0].impossible_outcome);
    EXPECT_TRUE(r.tests[0].rejected);
    EXPECT_EQ(r.tests[0].p_value, 0.0);
    EXPECT_FALSE(r.consistent);
}

TEST(Check, TooFewRunsMakeATestNotApplicable) {
    const CheckResult r = check_observed(chain35(), *chain35().find("2,1,2"), simulated({2, 1, 2}, 30, 3, 15), 30,
                                         0.01, {});
    EXPECT_FALSE(r.tests[0].applicable);
    EXPECT_NE(r.tests[0].reason.find("fewer than two cells"), std::string::npos) << r.tests[0].reason;
}

TEST(Check, RefusesAnAlphaOutsideZeroOne) {
    const auto runs = simulated({2, 1, 2}, 30, 10, 16);
    EXPECT_THROW(check_observed(chain35(), 0, runs, 30, 0.0, {}), InvalidInput);
    EXPECT_THROW(check_observed(chain35(), 0, runs, 30, 1.0, {}), InvalidInput);
}

}  // namespace
