// End-to-end tests of `collapse check` (docs/simulate.md, "Checking a simulator"): the output of
// `collapse simulate` with a fixed seed passes (exit 0); the output of `collapse simulate` on a
// DIFFERENT model, checked against the original model, is rejected (exit 6); bad CSV is refused
// with FILE:LINE: reason (exit 2).
#include "run_program.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using collapse_test::command_line;
using collapse_test::data_file;
using collapse_test::ProgramResult;
using collapse_test::run_collapse;

// A file in a directory of this test process's own, removed at the end.
class CliCheck : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("collapse_cli_check_" + std::to_string(getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& text) {
        const std::string path = (dir_ / name).string();
        std::ofstream(path) << text;
        return path;
    }

    // `collapse simulate args...` into a file.
    std::string simulated(const std::string& name, std::vector<std::string> args) {
        args.insert(args.begin(), "simulate");
        args.push_back("--quiet");
        const ProgramResult r = run_collapse(args);
        EXPECT_EQ(r.exit_status, 0) << command_line(args) << "\n" << r.err;
        return write(name, r.out);
    }

    std::filesystem::path dir_;
};

const std::vector<std::string> model35 = {"--symbols", "3", "--samples", "5"};

std::vector<std::string> with(std::vector<std::string> base, const std::vector<std::string>& more) {
    base.insert(base.end(), more.begin(), more.end());
    return base;
}

std::vector<std::string> check_args(const std::vector<std::string>& model, const std::vector<std::string>& more) {
    return with(with({"check"}, model), more);
}

TEST_F(CliCheck, TheProjectsOwnSimulatorPasses) {
    const std::string file = simulated("good.csv", with(model35, {"--start", "2,1,2", "--generations", "30", "--runs",
                                                                  "20000", "--seed", "20261204"}));
    const auto args = check_args(model35, {"--start", "2,1,2", "--generations", "30", "--observed", file});
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 0) << command_line(args) << "\n" << r.out << r.err;
    EXPECT_EQ(r.err, "");
    for (const std::string key : {"absorption: consistent", "law_at_T: consistent", "collapse_time: consistent",
                                  "Bonferroni over 3 test(s)", "overall: consistent"})
        EXPECT_NE(r.out.find(key), std::string::npos) << key << " in\n" << r.out;
}

TEST_F(CliCheck, AChainFileSimulationPassesInJson) {
    const std::string chain = data_file("periodic_and_absorbing.tra");
    const std::string file =
        simulated("chain.csv", {"--chain", chain, "--start", "3", "--generations", "20", "--runs", "5000", "--seed", "3"});
    const auto args = check_args({"--chain", chain}, {"--start", "3", "--generations", "20", "--observed", file, "--json"});
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 0) << command_line(args) << "\n" << r.out << r.err;
    for (const std::string key : {"\"tests\"", "\"p_value\"", "\"df\"", "\"verdict\": \"consistent\""})
        EXPECT_NE(r.out.find(key), std::string::npos) << key << " in\n" << r.out;
}

TEST_F(CliCheck, ASimulatorOfAnotherModelIsRejected) {
    // The "wrong simulator": runs of a model fitted with smoothing (smooth:1/2), checked as
    // runs of the model without it. Enough runs (20000) for power; fixed seed: deterministic.
    const std::string file = simulated("smoothed.csv", with(model35, {"--fit", "smooth:1/2", "--start", "2,1,2",
                                                                      "--generations", "30", "--runs", "20000",
                                                                      "--seed", "5"}));
    const auto args = check_args(model35, {"--start", "2,1,2", "--generations", "30", "--observed", file});
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 6) << command_line(args) << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find("overall: disagrees"), std::string::npos) << r.out;
}

TEST_F(CliCheck, ABiasedStartIsRejected) {
    // Runs from 3,1,1 presented as runs from 2,1,2: the absorption law differs (3/5 vs 2/5).
    const std::string file = simulated("biased.csv", with(model35, {"--start", "3,1,1", "--generations", "30",
                                                                    "--runs", "20000", "--seed", "6"}));
    const auto args = check_args(model35, {"--start", "2,1,2", "--generations", "30", "--observed", file, "--json"});
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 6) << command_line(args) << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find("\"verdict\": \"disagrees\""), std::string::npos) << r.out;
}

TEST_F(CliCheck, ASlightlyDifferentModelIsRejected) {
    // N = 5 with a fresh count of 1 presented as a K = 3, N = 5 fit-mle chain: with fresh data
    // a Dirac state is left again, and no run stays collapsed.
    const std::string file = simulated("fresh.csv", with(model35, {"--fresh-count", "1", "--start", "2,1,2",
                                                                   "--generations", "30", "--runs", "20000",
                                                                   "--seed", "7"}));
    const auto args = check_args(model35, {"--start", "2,1,2", "--generations", "30", "--observed", file});
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 6) << command_line(args) << "\n" << r.out << r.err;
}

TEST_F(CliCheck, BadCsvIsRefusedWithFileLineAndReason) {
    struct Case {
        std::string text, reason;
    };
    const std::vector<Case> cases = {
        {"", ":1: empty file"},
        {"run,final_state\n0,\"5,0,0\"\n", ":1: missing column 'collapse_generation'"},
        {"run,collapse_generation,final_state\n0,1,\"5,0,0\"\nzero,1,\"5,0,0\"\n", ":3: run: 'zero' is not a non-negative integer"},
        {"run,collapse_generation,final_state\n0,-2,\"5,0,0\"\n", ":2: collapse_generation: '-2' is not a non-negative integer"},
        {"run,collapse_generation,final_state\n0,1,\"6,0,0\"\n", ":2: final_state: '6,0,0' is not a state of this chain"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::string file = write("bad" + std::to_string(i) + ".csv", cases[i].text);
        const auto args = check_args(model35, {"--start", "2,1,2", "--observed", file});
        const ProgramResult r = run_collapse(args);
        EXPECT_EQ(r.exit_status, 2) << command_line(args) << "\n" << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err.find(file + cases[i].reason), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
    }
}

TEST_F(CliCheck, BadOptionsAreRefused) {
    const std::string file = write("one.csv", "run,collapse_generation,final_state\n0,0,\"5,0,0\"\n");
    for (const auto& more : std::vector<std::vector<std::string>>{
             {"--observed", file},                                              // no --start
             {"--start", "2,1,2"},                                              // no --observed
             {"--start", "9,9,9", "--observed", file},                          // not a state
             {"--start", "2,1,2", "--observed", file, "--alpha", "1"},          // alpha outside (0, 1)
             {"--start", "2,1,2", "--observed", (dir_ / "missing.csv").string()},  // no such file
         }) {
        const auto args = check_args(model35, more);
        const ProgramResult r = run_collapse(args);
        EXPECT_EQ(r.exit_status, 2) << command_line(args) << "\n" << r.err;
        EXPECT_EQ(r.out, "");
    }
}

}  // namespace
