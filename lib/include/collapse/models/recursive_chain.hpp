#pragma once
// Exact transition probabilities of a recursive-training chain.
//
// The fit gives p = a / d with integers a_i, d. With fresh fraction lambda the sampling law is
// the mixture (1 - lambda) p + lambda q, again integers over a common denominator; then
//   P(c, c') = multinomial(N; c') prod_i a_i^{c'_i} / d^N     (0^0 = 1).
// With fresh count m, c' = x + y with x ~ Multinomial(N - m, p), y ~ Multinomial(m, q), and
// the row is the convolution of the two, over d^{N-m} e^m. Every row is stored as integer
// numerators over that common denominator (see Chain).
#include <collapse/chain/chain.hpp>
#include <collapse/core/resource_limits.hpp>
#include <collapse/models/recursive_model.hpp>
#include <collapse/models/state_space.hpp>
#include <collapse/scalar/rational.hpp>

namespace collapse {

/// Bytes the exact chain of `model` needs, estimated from the number of states and the size
/// of the integers, before anything is allocated.
double exact_memory_estimate(const RecursiveModel& model);

/// Bits of the largest row total of the exact chain (the integers its systems are made of).
double exact_row_bits_estimate(const RecursiveModel& model);

/// Builds the exact chain of a validated model. Refuses (InvalidInput) a non-integer temper
/// exponent, whose probabilities are irrational, and (ResourceLimit) a model whose exact
/// analysis would exceed `limits`.
Chain<Rational> exact_recursive_chain(const RecursiveModel& model, const ResourceLimits& limits);

/// The chain of a validated model with probabilities in S: approximate doubles, or
/// enclosures at `bits` of precision (outward rounding throughout). The support is decided
/// exactly from the counts and parameters, never from a value that rounds to zero.
/// Probabilities that exact arithmetic computes as rationals are computed exactly and then
/// rounded once; only a non-integer temper exponent needs real powers. Explicitly
/// instantiated for double and Interval.
template <Scalar S>
Chain<S> numeric_recursive_chain(const RecursiveModel& model, long bits, const ResourceLimits& limits);

}  // namespace collapse
