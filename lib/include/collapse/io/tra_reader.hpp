#pragma once
// PRISM's explicit transition format (.tra): a first line "STATES TRANSITIONS", then one
// "from to probability" line per transition, states numbered from 0. Probabilities are read
// exactly ("0.1" is 1/10; "a/b" is accepted). A state's label is its number.
#include <collapse/chain/chain.hpp>
#include <collapse/core/resource_limits.hpp>
#include <collapse/scalar/rational.hpp>

#include <istream>
#include <string>

namespace collapse {

/// Reads and validates a chain. Refuses, with "FILE:LINE: reason" in an InvalidInput: a bad
/// header, a malformed line, a state index out of range, a negative, non-numeric or > 1
/// probability, a duplicate transition, a line count different from the header, a state with
/// no outgoing transition, and a row whose probabilities do not sum to exactly 1. A
/// transition with probability 0 is accepted and not part of the support. `source` names the
/// input in messages.
Chain<Rational> read_tra(std::istream& in, const std::string& source, const ResourceLimits& limits);

/// Opens `path` and reads it as above; an unreadable file is an InvalidInput too.
Chain<Rational> read_tra_file(const std::string& path, const ResourceLimits& limits);

}  // namespace collapse
