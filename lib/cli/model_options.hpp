#pragma once
// The recursive-model options every command shares, read into a validated model (run.cpp).
#include "options.hpp"

#include <collapse/models/recursive_model.hpp>

namespace collapse::cli {

/// --symbols, --samples, --fit, --fresh-fraction | --fresh-count, --external, read exactly
/// and validated; throws InvalidInput with one line.
RecursiveModel model_from(const AnalyzeOptions& o);

}  // namespace collapse::cli
