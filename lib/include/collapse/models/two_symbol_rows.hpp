#pragma once
// The rows of a two-symbol recursive-training chain as enclosures, one row at a time, for
// chains too large to store (N = 10^4 has 10^8 transitions). Row c is Binomial(N, p_c) over
// the count of the second symbol, which is also the state's index ("N,0", "N-1,1", ...).
#include <collapse/chain/row_enclosure.hpp>
#include <collapse/models/recursive_model.hpp>

#include <cstdint>

namespace collapse {

/// Whether `two_symbol_row_enclosures` applies to a validated model: two symbols, no fresh
/// count (whose rows are convolutions), and rational sampling probabilities (every fit but
/// temper with a non-integer exponent).
bool has_two_symbol_row_enclosures(const RecursiveModel& model);

/// A row's window ends on each side once everything beyond it is proved to be at most this
/// fraction of the mode's term (a geometric bound: the binomial's ratio of successive terms
/// decreases away from the mode); that mass is the row's `outside`. 10^-30 as for the
/// truncated double chains.
inline constexpr long double negligible_row_term = 1e-30L;

/// An upper estimate of the columns in a window at N samples (Hoeffding: a term at distance d
/// from the mean is below 2 exp(-2 d^2 / N), the mode's at least 1/(N + 1)), for memory
/// estimates before anything is computed.
double two_symbol_row_width(std::uint64_t samples);

/// The row source of a validated model for which has_two_symbol_row_enclosures holds
/// (std::invalid_argument otherwise). Each p_c is computed exactly and rounded outward to
/// long double; the terms follow from the mode by the ratio recurrence
/// t(j+1) = t(j) (N - j)/(j + 1) p/(1 - p) in both rounding directions, and are divided by
/// enclosures of their sum (tails included). Rows with p_c = 0 or 1 are exact Dirac rows.
RowEnclosureSource two_symbol_row_enclosures(const RecursiveModel& model);

}  // namespace collapse
