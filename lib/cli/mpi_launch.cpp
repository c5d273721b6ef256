#include "mpi_launch.hpp"

#include "run.hpp"

#include <cstdlib>
#include <string>

namespace collapse::cli {
namespace {

bool defined(const char* name) { return std::getenv(name) != nullptr; }

// A decimal number from the environment; nothing when absent or not a number.
std::optional<std::uint64_t> number(const char* name) {
    const char* text = std::getenv(name);
    if (!text || *text == '\0') return std::nullopt;
    std::uint64_t v = 0;
    for (const char* p = text; *p; ++p) {
        if (*p < '0' || *p > '9' || v > (UINT64_MAX - 9) / 10) return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(*p - '0');
    }
    return v;
}

template <class T>
std::optional<T> first_of(std::optional<T> a, std::optional<T> b, std::optional<T> c = std::nullopt) {
    return a ? a : b ? b : c;
}

}  // namespace

std::optional<MpiLaunch> mpi_launch_from_environment() {
    if (!defined("OMPI_COMM_WORLD_SIZE") && !defined("PMI_SIZE") && !defined("PMIX_RANK")) return std::nullopt;
    MpiLaunch launch;
    launch.rank = first_of(number("OMPI_COMM_WORLD_RANK"), number("PMI_RANK"), number("PMIX_RANK"));
    launch.size = first_of(number("OMPI_COMM_WORLD_SIZE"), number("PMI_SIZE"));
    return launch;
}

std::optional<int> refuse_launch_without_mpi(const MpiLaunch& launch, std::ostream& err) {
    if (!launch.size || *launch.size <= 1) return std::nullopt;
    if (launch.rank.value_or(0) == 0)
        err << "collapse: error: started by an MPI launcher as " << *launch.size
            << " processes, but this collapse was built without MPI, so each would do the whole work; "
               "run it without the launcher, or build with cmake -DCOLLAPSE_MPI=ON\n";
    return exit_invalid_input;
}

}  // namespace collapse::cli
