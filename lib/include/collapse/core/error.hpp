#pragma once
// The kinds of failure the library reports, kept apart (docs/dev/architecture.md):
//  - InvalidInput: the caller's input is wrong (bad option, parameter or file);
//  - ResourceLimit: the input is valid but the answer would not fit in memory;
//  - Unable: a verified method could not decide at this precision (retry with more);
//  - std::logic_error: a bug in the library (an internal invariant was broken).
#include <stdexcept>
#include <string>

namespace collapse {

/// Invalid input: the message names the input and what would be accepted.
class InvalidInput : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A valid request that would need more memory than the limit allows.
class ResourceLimit : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A verified method could not establish its result at the precision it was given (for
/// example an interval pivot that may be zero). Retrying at a higher precision may succeed.
class Unable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace collapse
