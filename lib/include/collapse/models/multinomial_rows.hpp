#pragma once
// The rows of a K-symbol recursive-training chain as enclosures, every column of a row, for
// verified passes over chains whose exact or interval rows would be too slow to build
// (K = 3, N = 100: 5151 states, 2.7e7 transitions). Row c is Multinomial(N, p_c), written as
// a product of conditional binomials (model.md):
//     P(c -> x) = prod_{i < K-1} Binomial(N - x_0 - ... - x_{i-1}, p_i / (p_i + ... + p_{K-1}))(x_i),
// each factor enclosed like the two-symbol rows (exact odds, ratio recurrence under directed
// rounding, no truncation), the products rounded outward.
#include <collapse/chain/row_enclosure.hpp>
#include <collapse/models/recursive_model.hpp>
#include <collapse/models/state_space.hpp>

namespace collapse {

/// Whether every transition of a validated model is positive and its rows have rational
/// probabilities: fresh data by a fraction lambda > 0 from an external law with every
/// q_i > 0 (then p_i >= lambda q_i > 0 in every state), and no temper fit with a non-integer
/// exponent. Such a chain is irreducible and aperiodic.
bool has_positive_multinomial_rows(const RecursiveModel& model);

/// The row source of a validated model for which has_positive_multinomial_rows holds
/// (std::invalid_argument otherwise). Rows cover every state of StateSpace(K, N) (first = 0,
/// outside = 0); p_c is computed exactly per row, so the source holds O(K N^2) memory.
RowEnclosureSource multinomial_row_enclosures(const RecursiveModel& model);

/// The state closest to N q (the mean of every stationary law, T5a): largest remainders.
/// A good reference state for the regenerative form, where the stationary mass is large.
std::size_t state_nearest_mean(const RecursiveModel& model, const StateSpace& space);

}  // namespace collapse
