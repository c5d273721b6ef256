// `collapse simulate` under `mpirun -np 2` (docs/simulate.md, "Scaling out with MPI"): the
// runs are shared between the processes and rank 0 prints them, so the output must be, byte
// for byte, the output of one process with the same seed: CSV, JSON and trajectories, with a
// number of runs that is not a multiple of the number of processes and with fewer runs than
// processes. Bad input gives one error line and one non-zero exit status, never a hang.
// Built only with COLLAPSE_MPI (tests/CMakeLists.txt); COLLAPSE_MPIEXEC is the launcher.
#include "run_program.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using collapse_test::command_line;
using collapse_test::data_file;
using collapse_test::ProgramResult;
using collapse_test::run_collapse;
using collapse_test::run_program;

// mpirun stops the job itself after 120 s (a hang fails, and leaves no process behind); -q
// keeps mpirun's own notices (e.g. "a process returned a non-zero exit code") off standard
// error, so that what remains there is collapse's. Shared-memory transfers by plain copies:
// containers often forbid the cross-process reads OpenMPI tries first.
ProgramResult run_under_mpirun(int processes, const std::vector<std::string>& collapse_args,
                               const std::string& program = COLLAPSE_EXECUTABLE) {
    std::vector<std::string> args{"-q", "--oversubscribe", "--timeout", "120", "--mca", "btl_vader_single_copy_mechanism",
                                  "none", "-np", std::to_string(processes)};
    if (geteuid() == 0) args.push_back("--allow-run-as-root");  // CI containers run as root
    args.push_back(program);
    args.insert(args.end(), collapse_args.begin(), collapse_args.end());
    return run_program(COLLAPSE_MPIEXEC, args, std::chrono::seconds(180));
}

std::size_t lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

struct SameOutputCase {
    std::string name;
    int processes;
    std::vector<std::string> args;
    std::size_t min_lines;  // so that an empty output cannot pass
};

std::ostream& operator<<(std::ostream& out, const SameOutputCase& c) { return out << command_line(c.args); }

class CliMpiSameOutput : public ::testing::TestWithParam<SameOutputCase> {};

TEST_P(CliMpiSameOutput, ByteForByteTheOutputOfOneProcess) {
    const SameOutputCase& c = GetParam();
    const ProgramResult one = run_collapse(c.args);
    ASSERT_EQ(one.exit_status, 0) << one.err;
    const ProgramResult shared = run_under_mpirun(c.processes, c.args);
    EXPECT_FALSE(shared.timed_out);
    EXPECT_EQ(shared.exit_status, 0) << shared.err;
    EXPECT_EQ(shared.err, "") << "only rank 0 prints, and only the results";
    EXPECT_GE(lines(one.out), c.min_lines) << one.out;
    EXPECT_EQ(shared.out, one.out);
}

std::vector<std::string> simulate(std::vector<std::string> rest) {
    rest.insert(rest.begin(), "simulate");
    return rest;
}

const std::vector<std::string> three_symbols = {"--symbols", "3", "--samples", "5", "--start", "2,1,2", "--generations",
                                                "100", "--seed", "11"};
const std::vector<std::string> fresh_fraction = {"--symbols", "2", "--samples", "40", "--fresh-fraction", "1/20",
                                                 "--start", "20,20", "--generations", "30", "--seed", "5"};

std::vector<std::string> with(const std::vector<std::string>& model, std::vector<std::string> rest) {
    std::vector<std::string> args = simulate(model);
    args.insert(args.end(), rest.begin(), rest.end());
    return args;
}

INSTANTIATE_TEST_SUITE_P(
    Simulate, CliMpiSameOutput,
    ::testing::Values(
        SameOutputCase{"CsvOddRuns", 2, with(three_symbols, {"--runs", "7"}), 8},
        SameOutputCase{"JsonOddRuns", 2, with(three_symbols, {"--runs", "7", "--json"}), 60},
        SameOutputCase{"CsvTrajectories", 2, with(fresh_fraction, {"--runs", "9", "--trajectories"}), 10},
        SameOutputCase{"JsonTrajectories", 2, with(fresh_fraction, {"--runs", "5", "--trajectories", "--json"}), 150},
        SameOutputCase{"CsvFewerRunsThanProcesses", 2, with(three_symbols, {"--runs", "1"}), 2},
        SameOutputCase{"JsonFewerRunsThanProcesses", 2, with(three_symbols, {"--runs", "1", "--json"}), 10},
        SameOutputCase{"ThreeProcessesTwoRuns", 3, with(fresh_fraction, {"--runs", "2", "--trajectories"}), 3},
        SameOutputCase{"ChainFileTrajectories", 2,
                       simulate({"--chain", data_file("periodic_and_absorbing.tra"), "--start", "3", "--generations",
                                 "20", "--runs", "11", "--seed", "2", "--trajectories"}),
                       12},
        // A command other than simulate runs on rank 0 alone: printed once.
        SameOutputCase{"AnalyzeRunsOnce", 2, {"analyze", "--symbols", "2", "--samples", "3"}, 5}),
    [](const ::testing::TestParamInfo<SameOutputCase>& info) { return info.param.name; });

struct ErrorCase {
    std::string name;
    std::string program;  // run under mpirun: collapse, or a shell that runs it
    std::vector<std::string> args;
    std::string mention;
};

std::ostream& operator<<(std::ostream& out, const ErrorCase& c) { return out << c.name; }

class CliMpiErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CliMpiErrors, OneLineStatusTwoNoHang) {
    const ErrorCase& c = GetParam();
    const ProgramResult r = run_under_mpirun(2, c.args, c.program);
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("collapse: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.mention), std::string::npos) << c.mention << " in " << r.err;
}

// Only rank 1 is given bad input (through a shell that reads the rank OpenMPI sets): rank 0,
// whose input is good, must not wait for rank 1's runs; it prints rank 1's error.
std::vector<std::string> bad_on_rank_one() {
    return {"-c",
            std::string("if [ \"$OMPI_COMM_WORLD_RANK\" = 1 ]; then runs=0; else runs=5; fi; exec '") +
                COLLAPSE_EXECUTABLE + "' simulate --symbols 3 --samples 5 --start 2,1,2 --generations 10 --runs $runs"};
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, CliMpiErrors,
    ::testing::Values(ErrorCase{"ZeroRuns", COLLAPSE_EXECUTABLE, with(three_symbols, {"--runs", "0"}), "--runs"},
                      ErrorCase{"UnknownOption", COLLAPSE_EXECUTABLE, with(three_symbols, {"--runs", "3", "--bogus"}),
                                "--bogus"},
                      ErrorCase{"StartNotAState", COLLAPSE_EXECUTABLE,
                                simulate({"--symbols", "3", "--samples", "5", "--start", "9,9,9", "--generations", "5",
                                          "--runs", "3"}),
                                "--start"},
                      ErrorCase{"BadOnRankOneOnly", "/bin/sh", bad_on_rank_one(), "--runs: 0 runs"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

}  // namespace
