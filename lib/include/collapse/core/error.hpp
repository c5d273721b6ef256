#pragma once
// The kinds of failure the library reports, kept apart (docs/dev/architecture.md):
//  - InvalidInput: the caller's input is wrong (bad option, parameter or file);
//  - ResourceLimit: the input is valid but the answer would not fit in memory;
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

}  // namespace collapse
