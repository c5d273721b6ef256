#pragma once
// Memory the caller allows an analysis to use. The library never asks the system itself:
// the program (or the library user) decides and passes the limit in.
#include <cstdint>
#include <string>

namespace collapse {

struct ResourceLimits {
    std::uint64_t memory_bytes = std::uint64_t{8} << 30;
};

/// Throws ResourceLimit naming `what` and both sizes when `bytes` exceeds the limit.
void require_memory(const ResourceLimits& limits, double bytes, const std::string& what);

/// "3.2 GiB", "512 MiB", ...
std::string format_bytes(double bytes);

}  // namespace collapse
