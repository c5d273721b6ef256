#pragma once
// The recursive-model options every command shares, read into a validated model (run.cpp).
#include "options.hpp"

#include <collapse/models/recursive_model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace collapse::cli {

/// --symbols, --samples, --fit, --fresh-fraction | --fresh-count, --external, read exactly
/// and validated; throws InvalidInput with one line.
RecursiveModel model_from(const AnalyzeOptions& o);

/// Verified solves raise the precision up to this many bits; --precision accepts 16 to it.
constexpr long precision_cap = 4096;

/// --precision BITS (16 to precision_cap), or 128 when not given; throws InvalidInput.
long precision_from(const std::optional<std::string>& precision);

/// The items of a separated list, empty items kept ("a,,b" has three, "a," two).
std::vector<std::string> split(const std::string& text, char sep);

}  // namespace collapse::cli
