#pragma once
// The program started by an MPI launcher (mpi_launch.hpp), in a build with COLLAPSE_MPI:
// `simulate` shares its runs among the processes and rank 0 prints them all, in run order,
// exactly as one process would; any other command runs on rank 0 alone.
#include <collapse/core/resource_limits.hpp>

namespace collapse::cli {

/// Initialises MPI, runs the command line, finalises MPI; returns this process's exit status
/// (the same on every process when the command is refused).
int run_under_mpi(int argc, char** argv, const ResourceLimits& limits, bool err_is_terminal);

}  // namespace collapse::cli
