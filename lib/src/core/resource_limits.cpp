#include <collapse/core/error.hpp>
#include <collapse/core/resource_limits.hpp>

#include <cstdio>

namespace collapse {

std::string format_bytes(double bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    while (bytes >= 1024 && u < 6) {
        bytes /= 1024;
        ++u;
    }
    char buffer[64];
    if (bytes >= 1024) std::snprintf(buffer, sizeof buffer, "%.3g %s", bytes, units[u]);
    else std::snprintf(buffer, sizeof buffer, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    return buffer;
}

void require_memory(const ResourceLimits& limits, double bytes, const std::string& what) {
    if (!(bytes <= static_cast<double>(limits.memory_bytes)))
        throw ResourceLimit(what + " needs about " + format_bytes(bytes) + " of memory; the limit is " +
                            format_bytes(static_cast<double>(limits.memory_bytes)));
}

}  // namespace collapse
