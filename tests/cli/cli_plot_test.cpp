// End-to-end tests of `collapse plot`: the numbers behind a figure (read back from the
// markers' tooltips) against hand-computed values, reproducibility, and bad input: one line on
// standard error, exit status 2, nothing on standard output and no file written.
#include "run_program.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using collapse_test::command_line;
using collapse_test::data_file;
using collapse_test::ProgramResult;
using collapse_test::run_collapse;

std::string scratch_file(const std::string& name) {
    return ::testing::TempDir() + "collapse_plot_" + std::to_string(getpid()) + "_" + name;
}

bool exists(const std::string& path) { return std::ifstream(path).good(); }

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs `collapse plot args... --output FILE` and returns the SVG written.
std::string plot(std::vector<std::string> args, const std::string& name) {
    const std::string file = scratch_file(name);
    std::remove(file.c_str());
    args.insert(args.begin(), "plot");
    args.push_back("--output");
    args.push_back(file);
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 0) << command_line(args) << "\n" << r.err;
    EXPECT_EQ(r.out, "wrote " + file + "\n");
    EXPECT_EQ(r.err, "");
    const std::string svg = read(file);
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_TRUE(svg.size() > 7 && svg.substr(svg.size() - 7) == "</svg>\n");
    std::remove(file.c_str());
    return svg;
}

bool has(const std::string& svg, const std::string& text) { return svg.find(text) != std::string::npos; }

TEST(CliPlot, MleAbsorptionIsCountOverNInTheTooltips) {
    // T2 with K = 2, N = 4: from c, absorption in 4,0 has probability c_0 / 4.
    const std::string svg = plot({"absorption", "--symbols", "2", "--samples", "4"}, "mle.svg");
    EXPECT_TRUE(has(svg, "from 3,1: P(absorbed in 4,0) = 3/4 ")) << svg;
    EXPECT_TRUE(has(svg, "from 2,2: P(absorbed in 4,0) = 1/2 "));
    EXPECT_TRUE(has(svg, "from 1,3: P(absorbed in 4,0) = 1/4 "));
    EXPECT_TRUE(has(svg, "K = 2, N = 4, fit mle, no fresh data"));
    EXPECT_TRUE(has(svg, "exact rationals"));
}

TEST(CliPlot, MleAbsorptionOnTheTriangleIsCountOverN) {
    // T2 with K = 3, N = 3: from c, absorption in 3,0,0 has probability c_0 / 3.
    const std::string svg = plot({"absorption", "--symbols", "3", "--samples", "3"}, "mle3.svg");
    EXPECT_TRUE(has(svg, "from 2,1,0: P(absorbed in 3,0,0) = 2/3 ")) << svg;
    EXPECT_TRUE(has(svg, "from 1,1,1: P(absorbed in 3,0,0) = 1/3 "));
    EXPECT_TRUE(has(svg, "from 0,2,1: P(absorbed in 3,0,0) = 0;"));
    EXPECT_TRUE(has(svg, "from 3,0,0: P(absorbed in 3,0,0) = 1;"));
}

TEST(CliPlot, TemperedAbsorptionLeavesTheLine) {
    // K = 2, N = 3, temper:2: from 2,1 the fit is (4/5, 1/5); with a = P(absorbed in 3,0 | 2,1)
    // and, by symmetry, 1 - a from 1,2: a = 64/125 + 48/125 a + 12/125 (1 - a), so a = 76/89.
    const std::string svg = plot({"absorption", "--symbols", "2", "--samples", "3", "--fit", "temper:2"}, "t.svg");
    EXPECT_TRUE(has(svg, "from 2,1: P(absorbed in 3,0) = 76/89 ")) << svg;
    EXPECT_TRUE(has(svg, "from 1,2: P(absorbed in 3,0) = 13/89 "));
}

TEST(CliPlot, IntervalAbsorptionEnclosesCountOverN) {
    const std::string svg =
        plot({"absorption", "--symbols", "2", "--samples", "4", "--arithmetic", "interval"}, "interval.svg");
    EXPECT_TRUE(has(svg, "verified enclosures at 128 bits")) << svg;
    const std::string key = "from 3,1: P(absorbed in 4,0) = [";
    const std::size_t at = svg.find(key);
    ASSERT_NE(at, std::string::npos);
    double lo = 0, hi = 0;
    ASSERT_EQ(std::sscanf(svg.c_str() + at + key.size(), "%lf, %lf]", &lo, &hi), 2);
    EXPECT_LE(lo, 0.75);
    EXPECT_GE(hi, 0.75);
    EXPECT_LT(hi - lo, 1e-11);  // the tooltip prints 12 significant digits, rounded outward
}

TEST(CliPlot, StationaryLawOfOneSampleByHand) {
    // K = 2, N = 1, q = (1/4, 3/4), lambda = 1/2: from 1,0 the next sample is symbol 1 with
    // probability 3/8, from 0,1 symbol 0 with probability 1/8; so pi(1,0) = (1/8)/(3/8 + 1/8).
    const std::string svg = plot(
        {"stationary", "--symbols", "2", "--samples", "1", "--external", "1/4,3/4", "--lambdas", "1/2"}, "s.svg");
    EXPECT_TRUE(has(svg, "λ = 1/2, c = 1,0: π(c) = 1/4 ")) << svg;
    EXPECT_TRUE(has(svg, "λ = 1/2, c = 0,1: π(c) = 3/4 "));
}

TEST(CliPlot, StationaryOnTheTriangleHasOneCellPerState) {
    // K = 3, N = 4: binom(6, 2) = 15 states, one hexagon each, per lambda.
    const std::string svg =
        plot({"stationary", "--symbols", "3", "--samples", "4", "--lambdas", "1/2,1/100"}, "s3.svg");
    std::size_t cells = 0;
    for (std::size_t at = svg.find("<title>λ = "); at != std::string::npos; at = svg.find("<title>λ = ", at + 1))
        ++cells;
    EXPECT_EQ(cells, 30u);
}

TEST(CliPlot, CollapseTimeOfTwoSamplesIsOneMinusHalfToTheT) {
    // K = 2, N = 2, mle, from 1,1: each generation collapses with probability 1/2.
    const std::string svg =
        plot({"collapse-time", "--symbols", "2", "--samples", "2", "--start", "1,1", "--generations", "4"}, "c.svg");
    EXPECT_TRUE(has(svg, "from 1,1, t = 0: 0</title>")) << svg;
    EXPECT_TRUE(has(svg, "from 1,1, t = 1: 1/2 "));
    EXPECT_TRUE(has(svg, "from 1,1, t = 3: 7/8 "));
    EXPECT_TRUE(has(svg, "from 1,1, t = 4: 15/16 "));
    EXPECT_TRUE(has(svg, "expected generations 2.00"));  // geometric with success probability 1/2
}

TEST(CliPlot, CollapseTimeOfAChainFile) {
    // periodic_and_absorbing.tra: from 3, 1/2 to the closed class {0, 1}, 1/4 to absorbing 2,
    // 1/4 to transient 4, which moves to 1, 3, 4 with 1/3 each. By t = 2: 3/4 + 1/4 * 1/3 = 5/6.
    // Expected steps: e3 = 1 + e4/4, e4 = 1 + e3/3 + e4/3, so e3 = 11/7.
    const std::string svg = plot({"collapse-time", "--chain", data_file("periodic_and_absorbing.tra"), "--start",
                                  "3;4", "--generations", "5"},
                                 "file.svg");
    EXPECT_TRUE(has(svg, "from 3, t = 1: 3/4 ")) << svg;
    EXPECT_TRUE(has(svg, "from 3, t = 2: 5/6 "));
    EXPECT_TRUE(has(svg, "from 3: expected generations 1.57"));
    EXPECT_TRUE(has(svg, "in a closed class"));
}

TEST(CliPlot, TrajectoriesAreSimulatedAndReproducible) {
    const std::vector<std::string> args = {"trajectories", "--symbols", "3", "--samples", "6", "--start", "2,2,2",
                                           "--generations", "30", "--runs", "5", "--seed", "7"};
    const std::string first = plot(args, "t1.svg"), second = plot(args, "t2.svg");
    EXPECT_EQ(first, second);
    EXPECT_TRUE(has(first, "simulated: 5 runs, seed 7"));
    EXPECT_TRUE(has(first, "<title>start 2,2,2</title>"));
    EXPECT_EQ(std::count(first.begin(), first.end(), '\n') > 0, true);
    std::size_t paths = 0;
    for (std::size_t at = first.find("<polyline"); at != std::string::npos; at = first.find("<polyline", at + 1))
        ++paths;
    EXPECT_EQ(paths, 5u);
}

struct PlotError {
    std::string name;
    std::vector<std::string> args;  ///< after "plot"; --output is added
    std::vector<std::string> mentions;
};

std::ostream& operator<<(std::ostream& out, const PlotError& c) { return out << c.name; }

class CliPlotErrors : public ::testing::TestWithParam<PlotError> {};

TEST_P(CliPlotErrors, OneLineStatusTwoAndNoFile) {
    const PlotError& c = GetParam();
    const std::string file = scratch_file(c.name + ".svg");
    std::remove(file.c_str());
    std::vector<std::string> args = c.args;
    args.insert(args.begin(), "plot");
    if (std::find(args.begin(), args.end(), "--output") == args.end() && c.name != "missing_output") {
        args.push_back("--output");
        args.push_back(file);
    }
    const ProgramResult r = run_collapse(args);
    SCOPED_TRACE(command_line(args));
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("collapse: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    for (const std::string& m : c.mentions) EXPECT_NE(r.err.find(m), std::string::npos) << "'" << m << "': " << r.err;
    EXPECT_FALSE(exists(file)) << "nothing may be written on an error";
}

const std::string tra = data_file("periodic_and_absorbing.tra");

INSTANTIATE_TEST_SUITE_P(
    BadInput, CliPlotErrors,
    ::testing::Values(
        PlotError{"chain_on_a_triangle", {"trajectories", "--chain", tra, "--start", "3", "--generations", "5"},
                  {"chain file", "simplex", "--symbols 2 or 3"}},
        PlotError{"chain_stationary", {"stationary", "--chain", tra}, {"chain file", "simplex"}},
        PlotError{"chain_absorption", {"absorption", "--chain", tra}, {"chain file"}},
        PlotError{"four_symbols_trajectories",
                  {"trajectories", "--symbols", "4", "--samples", "3", "--start", "3,0,0,0", "--generations", "5"},
                  {"K = 4", "K = 2", "K = 3"}},
        PlotError{"four_symbols_stationary", {"stationary", "--symbols", "4", "--samples", "3"}, {"K = 4", "simplex"}},
        PlotError{"four_symbols_absorption", {"absorption", "--symbols", "4", "--samples", "3"},
                  {"K = 4", "K = 2", "K = 3"}},
        PlotError{"unknown_kind", {"histogram", "--symbols", "2", "--samples", "3"},
                  {"'histogram'", "trajectories, absorption, stationary, collapse-time"}},
        PlotError{"missing_output", {"absorption", "--symbols", "2", "--samples", "3"}, {"--output"}},
        PlotError{"unwritable_output",
                  {"absorption", "--symbols", "2", "--samples", "3", "--output", "/nonexistent-directory/x.svg"},
                  {"--output", "cannot write", "/nonexistent-directory/x.svg"}},
        PlotError{"lambda_zero", {"stationary", "--symbols", "2", "--samples", "3", "--lambdas", "1/10,0"},
                  {"--lambdas", "0 < lambda <= 1"}},
        PlotError{"lambda_not_a_number", {"stationary", "--symbols", "2", "--samples", "3", "--lambdas", "x"},
                  {"--lambdas"}},
        PlotError{"lambdas_elsewhere", {"absorption", "--symbols", "2", "--samples", "3", "--lambdas", "1/10"},
                  {"--lambdas", "does not apply", "plot stationary"}},
        PlotError{"fresh_fraction_with_stationary",
                  {"stationary", "--symbols", "2", "--samples", "3", "--fresh-fraction", "1/10"},
                  {"--lambdas", "--fresh-fraction"}},
        PlotError{"float_arithmetic", {"absorption", "--symbols", "2", "--samples", "3", "--arithmetic", "float"},
                  {"--arithmetic", "exact, interval"}},
        PlotError{"absorption_with_fresh_data",
                  {"absorption", "--symbols", "2", "--samples", "3", "--fresh-fraction", "1/10"},
                  {"not the only closed classes", "plot stationary"}},
        PlotError{"no_unique_stationary_law",
                  {"stationary", "--symbols", "2", "--samples", "3", "--external", "0,1", "--lambdas", "1/10"},
                  {"closed classes", "q_i > 0"}},
        PlotError{"start_not_a_state",
                  {"collapse-time", "--symbols", "2", "--samples", "4", "--start", "3,3", "--generations", "5"},
                  {"--start", "'3,3'"}},
        PlotError{"trajectories_without_start", {"trajectories", "--symbols", "2", "--samples", "4", "--generations", "5"},
                  {"--start"}},
        PlotError{"too_many_runs",
                  {"trajectories", "--symbols", "2", "--samples", "4", "--start", "2,2", "--generations", "5", "--runs",
                   "500"},
                  {"--runs", "1 to 50"}}),
    [](const ::testing::TestParamInfo<PlotError>& info) { return info.param.name; });

}  // namespace
