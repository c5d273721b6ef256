#pragma once
// A recursive-training chain as model.md defines it: K symbols, N samples, a fit, and
// optional fresh data from an external distribution q.
#include <collapse/scalar/rational.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace collapse {

struct Fit {
    enum class Kind { mle, smooth, temper, topk };
    Kind kind = Kind::mle;
    Rational alpha = 0;     ///< smooth:alpha, alpha >= 0
    Rational beta = 1;      ///< temper:beta, beta > 0
    std::uint64_t k = 1;    ///< topk:k, 1 <= k <= K

    std::string to_string() const;  ///< "mle", "smooth:1/2", "temper:2", "topk:1"
    /// Same fit as mle: mle, smooth:0, temper:1, or topk:K with K symbols.
    bool is_mle_equivalent(std::size_t symbols) const;
};

struct FreshData {
    enum class Kind { none, fraction, count };
    Kind kind = Kind::none;
    Rational fraction = 0;    ///< lambda, for Kind::fraction
    std::uint64_t count = 0;  ///< m, for Kind::count
    /// No fresh data in the sense of the theorems: none, lambda = 0 or m = 0.
    bool absent() const {
        return kind == Kind::none || (kind == Kind::fraction && fraction.is_zero()) ||
               (kind == Kind::count && count == 0);
    }
};

struct RecursiveModel {
    std::size_t symbols = 2;         ///< K >= 2
    std::uint64_t samples = 1;       ///< N >= 1
    Fit fit;
    FreshData fresh;
    std::vector<Rational> external;  ///< q, K entries summing to 1; empty = uniform
};

/// Parses "mle", "smooth:A", "temper:B", "topk:M" (numbers read exactly). Throws InvalidInput.
Fit parse_fit(std::string_view text);

/// Checks every parameter (K >= 2, N >= 1, fit parameters, 0 <= lambda <= 1, 0 <= m <= N,
/// q a probability vector with K entries summing to exactly 1) and fills in a uniform q.
/// Throws InvalidInput naming the parameter and what is accepted.
RecursiveModel validated(RecursiveModel model);

}  // namespace collapse
