#pragma once
// What an analysis needs from a number type. Each analysis is written once over a type
// satisfying `Scalar` and instantiated for the closed set of number types the project
// supports; `scalar_traits<S>` carries the facts about a type, most importantly the
// guarantee its results carry.
#include <collapse/core/truth.hpp>

#include <concepts>
#include <string>

namespace collapse {

template <class S>
struct scalar_traits;  // specialised per supported number type

// No equality operator is required: an interval cannot honestly answer "==" with a bool.
template <class S>
concept Scalar = std::copyable<S> && std::default_initializable<S> && requires(const S& a, const S& b, long n) {
    { a + b } -> std::convertible_to<S>;
    { a - b } -> std::convertible_to<S>;
    { a * b } -> std::convertible_to<S>;
    { a / b } -> std::convertible_to<S>;
    { -a } -> std::convertible_to<S>;
    { scalar_traits<S>::from_integer(n) } -> std::same_as<S>;
    { scalar_traits<S>::is_zero(a) } -> std::same_as<Truth>;
    { scalar_traits<S>::is_positive(a) } -> std::same_as<Truth>;
    { scalar_traits<S>::agrees(a, b) } -> std::same_as<Truth>;
    { scalar_traits<S>::to_string(a) } -> std::same_as<std::string>;
    { scalar_traits<S>::guarantee } -> std::convertible_to<Guarantee>;
};

template <Scalar S>
Truth is_zero(const S& x) { return scalar_traits<S>::is_zero(x); }

template <Scalar S>
Truth is_positive(const S& x) { return scalar_traits<S>::is_positive(x); }

/// Whether two values are equal: exact types answer yes/no; enclosures may say unknown.
template <Scalar S>
Truth equal(const S& a, const S& b) { return scalar_traits<S>::is_zero(a - b); }

/// Whether a computed value agrees with a predicted one, in the sense of the type's guarantee:
/// exact types answer yes/no; an enclosure answers unknown when it contains the prediction
/// without being equal to it; an approximate type answers unknown within its tolerance.
template <Scalar S>
Truth agrees(const S& computed, const S& predicted) { return scalar_traits<S>::agrees(computed, predicted); }

template <Scalar S>
S from_integer(long n) { return scalar_traits<S>::from_integer(n); }

}  // namespace collapse
