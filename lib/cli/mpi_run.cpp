// Sharing `collapse simulate` among the processes of an MPI job (docs/simulate.md, "Scaling out
// with MPI"). Every run has its own random stream, a function of the seed and of the run's
// number only, so a process can simulate any block of runs and get the very records a single
// process gets; rank 0 gathers the blocks in rank order, which is run order.
//
// No process may wait forever in a collective operation: every process checks the whole
// command before any simulates, and all agree on the outcome (first_failure); a failure
// during the simulation itself, rarer (out of memory), stops every process with MPI_Abort.
#include "mpi_run.hpp"

#include "run.hpp"

#include <collapse/simulation/shared_runs.hpp>

#include <mpi.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

namespace collapse::cli {
namespace {

constexpr int tag_size = 1, tag_bytes = 2;
constexpr std::uint64_t max_message = std::uint64_t{1} << 30;  // MPI counts are int: big buffers go in pieces

void send_bytes(const std::string& bytes, int to) {
    const std::uint64_t size = bytes.size();
    MPI_Send(&size, 1, MPI_UINT64_T, to, tag_size, MPI_COMM_WORLD);
    for (std::uint64_t at = 0; at < size; at += max_message)
        MPI_Send(bytes.data() + at, static_cast<int>(std::min(max_message, size - at)), MPI_BYTE, to, tag_bytes,
                 MPI_COMM_WORLD);
}

std::string receive_bytes(int from) {
    std::uint64_t size = 0;
    MPI_Recv(&size, 1, MPI_UINT64_T, from, tag_size, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    std::string bytes(size, '\0');
    for (std::uint64_t at = 0; at < size; at += max_message)
        MPI_Recv(bytes.data() + at, static_cast<int>(std::min(max_message, size - at)), MPI_BYTE, from, tag_bytes,
                 MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return bytes;
}

struct Failure {
    int status = exit_ok;
    std::string message;  // one line, as run() prints it
};

// Collective: each process says whether it failed; every process learns the exit status of the
// lowest failing rank, and rank 0 its message. Nothing when no process failed.
std::optional<Failure> first_failure(const std::optional<Failure>& mine, int rank, int size) {
    int failing = mine ? rank : size, first = size;
    MPI_Allreduce(&failing, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (first == size) return std::nullopt;
    Failure failure = mine.value_or(Failure{});
    MPI_Bcast(&failure.status, 1, MPI_INT, first, MPI_COMM_WORLD);
    if (first != 0) {
        if (rank == first) send_bytes(failure.message, 0);
        if (rank == 0) failure.message = receive_bytes(first);
    }
    return failure;
}

// The others may be busy simulating for hours: stop them now rather than after their runs.
[[noreturn]] void stop_every_process(int status) {
    std::cerr.flush();
    MPI_Abort(MPI_COMM_WORLD, status);
    std::_Exit(status);  // not reached: MPI_Abort does not return
}

int simulate_shared(const SimulationJob& job, int rank, int size, bool err_is_terminal) {
    try {
        const simulation::RunBlock block = simulation::block_of_runs(job.runs(), static_cast<std::uint64_t>(rank),
                                                                     static_cast<std::uint64_t>(size));
        // Rank 0 holds the first runs (block_of_runs), so its result carries the model and start.
        simulation::SimulationResult runs = job.simulate(block.first, block.count, std::cerr, rank == 0 && err_is_terminal);
        if (rank != 0) {
            send_bytes(simulation::encode_runs(runs), 0);
            return exit_ok;
        }
        for (int from = 1; from < size; ++from) simulation::append_encoded_runs(receive_bytes(from), runs);
        std::ostringstream buffer;  // nothing reaches standard output unless every run succeeded
        job.write(runs, buffer);
        std::cout << buffer.str() << std::flush;
        return exit_ok;
    } catch (...) {
        stop_every_process(report_current_exception(std::cerr));
    }
}

int run_command(int argc, char** argv, const ResourceLimits& limits, bool err_is_terminal, int rank, int size) {
    std::unique_ptr<SimulationJob> job;
    std::optional<Failure> failure;
    try {
        const Command command = parse_command_line(argc, argv);
        if (command.kind == Command::Kind::simulate) job = std::make_unique<SimulationJob>(command.simulate, limits);
    } catch (...) {
        std::ostringstream message;
        const int status = report_current_exception(message);
        failure = Failure{status, message.str()};
    }
    if (const auto first = first_failure(failure, rank, size)) {
        if (rank == 0) std::cerr << first->message << std::flush;
        return first->status;
    }
    if (job) return simulate_shared(*job, rank, size, err_is_terminal);
    // Nothing to share: one process does the command, as without MPI.
    return rank == 0 ? run(argc, argv, std::cout, std::cerr, limits, err_is_terminal) : exit_ok;
}

}  // namespace

int run_under_mpi(int argc, char** argv, const ResourceLimits& limits, bool err_is_terminal) {
    MPI_Init(&argc, &argv);
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const int status = run_command(argc, argv, limits, err_is_terminal, rank, size);
    MPI_Finalize();
    return status;
}

}  // namespace collapse::cli
