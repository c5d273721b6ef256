#pragma once
// `collapse analyze --what stationary` in interval arithmetic for chains too large for
// interval elimination whose transitions are all positive: the certified dense route
// (analysis/certified_stationary.hpp), rows enclosed one at a time (models/multinomial_rows.hpp).
#include "options.hpp"

#include <collapse/core/resource_limits.hpp>
#include <collapse/models/recursive_model.hpp>

#include <string>

namespace collapse::cli {

/// Whether the route applies to a recursive model asked for the stationary law alone (no
/// absorption, steps, theorems or --start, checked by the caller): interval arithmetic without
/// --precision, K >= 3, every transition positive (has_positive_multinomial_rows), and more
/// states than interval elimination handles quickly but few enough for a dense double solve.
bool stationary_route_applies(const AnalyzeOptions& o, const RecursiveModel& model);

/// The report of the route (JSON or text as `o.json` asks), built in full before returning.
std::string analyze_stationary_by_rows(const AnalyzeOptions& o, const RecursiveModel& model, long requested,
                                       const ResourceLimits& limits);

}  // namespace collapse::cli
