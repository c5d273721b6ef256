// The `collapse` program: a thin layer over the library (see run.cpp).
#include "run.hpp"

#include <unistd.h>

#include <iostream>

int main(int argc, char** argv) {
    // Allow an analysis at most 80% of the physical memory.
    collapse::ResourceLimits limits;
    const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
    if (pages > 0 && page > 0)
        limits.memory_bytes = static_cast<std::uint64_t>(static_cast<double>(pages) * static_cast<double>(page) * 0.8);
    return collapse::cli::run(argc, argv, std::cout, std::cerr, limits, isatty(STDERR_FILENO) == 1);
}
