// A build without MPI started by an MPI launcher as several processes (docs/simulate.md,
// "Scaling out with MPI"): each process would do the whole work and print it, so the program
// refuses, with one line from rank 0. The launcher is stood in for by the variables OpenMPI's
// mpirun sets. Built only without COLLAPSE_MPI (tests/CMakeLists.txt).
#include "run_program.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using collapse_test::ProgramResult;
using collapse_test::run_collapse;
using collapse_test::run_program;

const std::vector<std::string> command = {"simulate", "--symbols", "3", "--samples", "5", "--start", "2,1,2",
                                          "--generations", "10", "--runs", "3"};

ProgramResult as_rank(const std::string& rank, const std::string& size) {
    std::vector<std::string> args{"OMPI_COMM_WORLD_RANK=" + rank, "OMPI_COMM_WORLD_SIZE=" + size, COLLAPSE_EXECUTABLE};
    args.insert(args.end(), command.begin(), command.end());
    return run_program("/usr/bin/env", args);
}

TEST(CliLaunchWithoutMpi, RankZeroOfTwoRefusesWithOneLine) {
    const ProgramResult r = as_rank("0", "2");
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("collapse: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("COLLAPSE_MPI=ON"), std::string::npos) << r.err;
}

TEST(CliLaunchWithoutMpi, OtherRanksRefuseSilently) {
    const ProgramResult r = as_rank("1", "2");
    EXPECT_EQ(r.exit_status, 2) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "");
}

TEST(CliLaunchWithoutMpi, OneProcessRunsAsUsual) {
    const ProgramResult launched = as_rank("0", "1"), plain = run_collapse(command);
    ASSERT_EQ(plain.exit_status, 0) << plain.err;
    EXPECT_EQ(launched.exit_status, 0) << launched.err;
    EXPECT_EQ(std::count(plain.out.begin(), plain.out.end(), '\n'), 4);
    EXPECT_EQ(launched.out, plain.out);
}

}  // namespace
