#pragma once
// Whether this process was started by an MPI launcher, read from the variables launchers set:
// MPI is initialised only then, never for an ordinary run (a singleton MPI_Init is slow and
// depends on the machine's MPI set-up). docs/simulate.md, "Scaling out with MPI".
#include <cstdint>
#include <optional>
#include <ostream>

namespace collapse::cli {

struct MpiLaunch {
    std::optional<std::uint64_t> rank, size;  ///< when the launcher says
};

/// A launch by OpenMPI's mpirun (OMPI_COMM_WORLD_SIZE), an MPICH-style launcher (PMI_SIZE) or a
/// PMIx one such as srun --mpi=pmix (PMIX_RANK); nothing otherwise.
std::optional<MpiLaunch> mpi_launch_from_environment();

/// For a build without MPI started as several processes, which would each run the whole
/// command: one line on `err` (from rank 0 only) and the exit status; nothing for one process.
std::optional<int> refuse_launch_without_mpi(const MpiLaunch& launch, std::ostream& err);

}  // namespace collapse::cli
