// The `collapse` program: a thin layer over the library (see run.cpp).
#include "mpi_launch.hpp"
#include "run.hpp"
#ifdef COLLAPSE_MPI
#include "mpi_run.hpp"
#endif

#include <unistd.h>

#include <iostream>

int main(int argc, char** argv) {
    // Allow an analysis at most 80% of the physical memory.
    collapse::ResourceLimits limits;
    const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
    if (pages > 0 && page > 0)
        limits.memory_bytes = static_cast<std::uint64_t>(static_cast<double>(pages) * static_cast<double>(page) * 0.8);
    const bool err_is_terminal = isatty(STDERR_FILENO) == 1;
    // MPI only when an MPI launcher started the program (mpi_launch.hpp).
    if (const auto launch = collapse::cli::mpi_launch_from_environment()) {
#ifdef COLLAPSE_MPI
        return collapse::cli::run_under_mpi(argc, argv, limits, err_is_terminal);
#else
        if (const auto refused = collapse::cli::refuse_launch_without_mpi(*launch, std::cerr)) return *refused;
#endif
    }
    return collapse::cli::run(argc, argv, std::cout, std::cerr, limits, err_is_terminal);
}
