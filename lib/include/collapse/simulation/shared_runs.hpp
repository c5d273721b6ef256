#pragma once
// One simulation shared among several processes (the MPI layer of the program,
// docs/simulate.md "Scaling out with MPI"): which runs each process does, and the runs'
// records as bytes, so that one process can gather every run in run order and print exactly
// what a single process prints. Nothing here uses MPI: moving the bytes is the caller's job.
#include <collapse/simulation/simulate.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace collapse::simulation {

/// A contiguous block of runs: first .. first + count - 1.
struct RunBlock {
    std::uint64_t first = 0;
    std::uint64_t count = 0;
};

/// Process `part` of `parts` (0 <= part < parts) does the runs of block `part` of [0, runs):
/// blocks in process order, sizes differing by at most one, the larger ones first (so with
/// runs >= 1 process 0 always has a run; with runs < parts the last processes have none).
RunBlock block_of_runs(std::uint64_t runs, std::uint64_t part, std::uint64_t parts);

/// The runs and the draw count of `part` as bytes (native byte order and sizes: every process
/// of one job runs the same build).
std::string encode_runs(const SimulationResult& part);

/// Appends the runs encoded in `bytes` after the runs of `into` and adds their draws. Throws
/// std::runtime_error when the bytes are not an encoding, or when their runs do not continue
/// the run numbers of `into` (the gathered runs must stay in run order).
void append_encoded_runs(std::string_view bytes, SimulationResult& into);

}  // namespace collapse::simulation
