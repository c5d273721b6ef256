// End-to-end tests of `collapse simulate` (docs/simulate.md): the CSV header and one row per
// run, JSON, trajectories, reproducibility across processes, and bad input (one line on
// standard error, exit status 2, nothing on standard output).
#include "run_program.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace {

using collapse_test::command_line;
using collapse_test::data_file;
using collapse_test::ProgramResult;
using collapse_test::run_collapse;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

std::vector<std::string> simulate(std::vector<std::string> args) {
    args.insert(args.begin(), "simulate");
    return args;
}

TEST(CliSimulate, CsvHasTheDocumentedHeaderAndOneRowPerRun) {
    const auto args = simulate({"--symbols", "3", "--samples", "5", "--start", "2,1,2", "--generations", "1000",
                                "--runs", "25", "--seed", "7"});
    const ProgramResult r = run_collapse(args);
    ASSERT_EQ(r.exit_status, 0) << command_line(args) << "\n" << r.err;
    EXPECT_EQ(r.err, "");
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 26u);
    EXPECT_EQ(lines[0], "run,collapse_generation,final_state,first_lost_0,first_lost_1,first_lost_2");
    for (std::size_t i = 1; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].rfind(std::to_string(i - 1) + ",", 0), 0u) << lines[i];
        // A collapsed run ends in a Dirac state, quoted because its label holds commas.
        EXPECT_TRUE(lines[i].find(",\"5,0,0\",") != std::string::npos || lines[i].find(",\"0,5,0\",") != std::string::npos ||
                    lines[i].find(",\"0,0,5\",") != std::string::npos)
            << lines[i];
    }
}

TEST(CliSimulate, SameSeedSameBytesDifferentSeedDifferentBytes) {
    const auto base = simulate({"--symbols", "2", "--samples", "100", "--fresh-fraction", "1/50", "--start", "50,50",
                                "--generations", "200", "--runs", "50", "--trajectories"});
    auto with_seed = [&](const std::string& seed) {
        auto args = base;
        args.push_back("--seed");
        args.push_back(seed);
        return run_collapse(args);
    };
    const ProgramResult a = with_seed("123"), b = with_seed("123"), c = with_seed("124");
    ASSERT_EQ(a.exit_status, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    EXPECT_NE(a.out, c.out);
    EXPECT_EQ(lines_of(a.out)[0], "run,collapse_generation,final_state,first_lost_0,first_lost_1,trajectory");
    EXPECT_EQ(lines_of(a.out).size(), 51u);
}

TEST(CliSimulate, JsonHasOneObjectPerRun) {
    const auto args = simulate({"--symbols", "2", "--samples", "4", "--start", "2,2", "--generations", "10", "--runs",
                                "3", "--json", "--quiet"});
    const ProgramResult r = run_collapse(args);
    ASSERT_EQ(r.exit_status, 0) << r.err;
    for (const std::string key : {"\"model\"", "\"start\": \"2,2\"", "\"seed\": 0", "\"closed_classes\": \"dirac\"",
                                  "\"results\"", "\"first_lost\"", "\"collapse_generation\""})
        EXPECT_NE(r.out.find(key), std::string::npos) << key << " in\n" << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '{'), 2 + 1 + 3) << "top, model, fresh, 3 runs";
}

TEST(CliSimulate, ChainFileRowsHaveNoSymbolColumns) {
    const auto args = simulate({"--chain", data_file("periodic_and_absorbing.tra"), "--start", "3", "--generations",
                                "50", "--runs", "10", "--seed", "1"});
    const ProgramResult r = run_collapse(args);
    ASSERT_EQ(r.exit_status, 0) << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 11u);
    EXPECT_EQ(lines[0], "run,collapse_generation,final_state");
}

struct SimulateError {
    std::string name;
    std::vector<std::string> args;
    std::vector<std::string> mentions;
};

std::ostream& operator<<(std::ostream& out, const SimulateError& c) { return out << command_line(c.args); }

class CliSimulateErrors : public ::testing::TestWithParam<SimulateError> {};

TEST_P(CliSimulateErrors, OneLineAndExitStatusTwo) {
    const SimulateError& c = GetParam();
    const ProgramResult r = run_collapse(c.args);
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("collapse: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    for (const std::string& m : c.mentions) EXPECT_NE(r.err.find(m), std::string::npos) << m << " in " << r.err;
}

const std::vector<std::string> model = {"--symbols", "3", "--samples", "4"};

std::vector<std::string> with_model(std::vector<std::string> rest) {
    std::vector<std::string> args{"simulate"};
    args.insert(args.end(), model.begin(), model.end());
    args.insert(args.end(), rest.begin(), rest.end());
    return args;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, CliSimulateErrors,
    ::testing::Values(
        SimulateError{"ZeroRuns", with_model({"--start", "4,0,0", "--generations", "5", "--runs", "0"}), {"--runs"}},
        SimulateError{"NoRuns", with_model({"--start", "4,0,0", "--generations", "5"}), {"--runs"}},
        SimulateError{"NoStart", with_model({"--generations", "5", "--runs", "2"}), {"--start"}},
        SimulateError{"NoGenerations", with_model({"--start", "4,0,0", "--runs", "2"}), {"--generations"}},
        SimulateError{"StartWrongSum", with_model({"--start", "4,1,0", "--generations", "5", "--runs", "2"}),
                      {"--start", "4,1,0"}},
        SimulateError{"StartWrongLength", with_model({"--start", "4,0", "--generations", "5", "--runs", "2"}),
                      {"--start", "4,0"}},
        SimulateError{"StartNotNumbers", with_model({"--start", "a,b,c", "--generations", "5", "--runs", "2"}),
                      {"--start"}},
        SimulateError{"NegativeGenerations", with_model({"--start", "4,0,0", "--generations=-5", "--runs", "2"}),
                      {"--generations"}},
        SimulateError{"SeedNotANumber", with_model({"--start", "4,0,0", "--generations", "5", "--runs", "2", "--seed", "x"}),
                      {"--seed"}},
        SimulateError{"SeedBeyond64Bits",
                      with_model({"--start", "4,0,0", "--generations", "5", "--runs", "2", "--seed", "18446744073709551616"}),
                      {"--seed"}},
        SimulateError{"AnalyzeOnlyOption",
                      with_model({"--start", "4,0,0", "--generations", "5", "--runs", "2", "--arithmetic", "exact"}),
                      {"--arithmetic"}},
        SimulateError{"BadModel", simulate({"--symbols", "1", "--samples", "4", "--start", "4", "--generations", "5", "--runs", "2"}),
                      {"--symbols"}},
        SimulateError{"NoModel", simulate({"--start", "4", "--generations", "5", "--runs", "2"}), {"--symbols", "--chain"}},
        SimulateError{"UnknownChainState",
                      simulate({"--chain", data_file("periodic_and_absorbing.tra"), "--start", "9", "--generations", "5",
                                "--runs", "2"}),
                      {"--start", "'9'"}},
        SimulateError{"ChainAndModel",
                      simulate({"--chain", data_file("periodic_and_absorbing.tra"), "--symbols", "2", "--start", "0",
                                "--generations", "5", "--runs", "2"}),
                      {"--chain"}},
        SimulateError{"BadChainFile",
                      simulate({"--chain", data_file("bad_row_sum.tra"), "--start", "0", "--generations", "5", "--runs", "2"}),
                      {"bad_row_sum.tra"}}),
    [](const ::testing::TestParamInfo<SimulateError>& info) { return info.param.name; });

TEST(CliSimulate, ModelsBeyondTheDecidableSizeAreRefusedWithStatusThree) {
    const ProgramResult r = run_collapse(simulate({"--symbols", "3", "--samples", "1000", "--fit", "topk:1",
                                                   "--fresh-count", "1", "--start", "1000,0,0", "--generations", "5",
                                                   "--runs", "2"}));
    EXPECT_EQ(r.exit_status, 3) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
