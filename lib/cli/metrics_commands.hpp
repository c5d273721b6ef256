#pragma once
// `collapse metrics` and `collapse fresh-data` (docs/metrics.md); each prints only once
// everything is computed, and throws the library's errors for run() to report.
#include "options.hpp"

#include <collapse/core/resource_limits.hpp>

#include <ostream>

namespace collapse::cli {

void metrics_command(const MetricsOptions& o, std::ostream& out, const ResourceLimits& limits);
void fresh_data_command(const FreshDataOptions& o, std::ostream& out, const ResourceLimits& limits);

}  // namespace collapse::cli
