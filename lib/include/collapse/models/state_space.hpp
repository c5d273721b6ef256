#pragma once
// The state space C(K, N): count vectors of K non-negative integers summing to N, in
// descending lexicographic order (for K = 2, N = 2: "2,0", "1,1", "0,2").
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace collapse {

/// binom(N + K - 1, K - 1), saturating at UINT64_MAX instead of overflowing.
std::uint64_t state_count(std::uint64_t symbols, std::uint64_t samples);

class StateSpace {
public:
    /// Enumerates all states; the caller checks the size (state_count) first.
    StateSpace(std::size_t symbols, std::size_t samples);

    std::size_t symbols() const { return k_; }
    std::size_t samples() const { return n_; }
    std::size_t size() const { return counts_.size() / k_; }
    std::span<const std::uint32_t> counts(std::size_t state) const { return {counts_.data() + state * k_, k_}; }
    /// Position of a count vector in the order above (combinatorial rank, no search).
    std::size_t index_of(std::span<const std::uint32_t> counts) const;
    /// The Dirac state N e_i.
    std::size_t dirac(std::size_t symbol) const;
    std::string label(std::size_t state) const;

private:
    std::size_t k_, n_;
    std::vector<std::uint32_t> counts_;
    std::vector<std::vector<std::uint64_t>> binom_;  // binom_[a][b] = binom(a, b), small table
};

}  // namespace collapse
