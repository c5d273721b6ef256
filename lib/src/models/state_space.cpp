#include <collapse/models/state_space.hpp>

#include <limits>
#include <numeric>
#include <stdexcept>

namespace collapse {

std::uint64_t state_count(std::uint64_t symbols, std::uint64_t samples) {
    // binom(N + K - 1, K - 1) by the multiplicative formula, choosing the smaller side;
    // each intermediate value binom(N + i, i) is exact, so the division is exact.
    constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    if (symbols == 0) return 0;
    std::uint64_t r = std::min(symbols - 1, samples), top = symbols - 1 + samples;
    if (top < samples) return max;  // K - 1 + N itself overflows
    // value * (top - r + i) may overflow 64 bits before the division: split it with gcd.
    std::uint64_t value = 1;
    for (std::uint64_t i = 1; i <= r; ++i) {
        std::uint64_t factor = top - r + i, divisor = i;
        const std::uint64_t g = std::gcd(value, divisor);
        value /= g;
        divisor /= g;
        factor /= divisor;  // exact: binom(top - r + i, i) * i = value * factor
        if (value > max / factor) return max;
        value *= factor;
    }
    return value;
}

StateSpace::StateSpace(std::size_t symbols, std::size_t samples) : k_(symbols), n_(samples) {
    if (k_ < 1) throw std::logic_error("StateSpace: no symbols");
    // binom(a, b) for a <= N + K, b <= K: enough for index_of.
    binom_.assign(n_ + k_ + 1, std::vector<std::uint64_t>(k_ + 1, 0));
    for (std::size_t a = 0; a < binom_.size(); ++a) {
        binom_[a][0] = 1;
        for (std::size_t b = 1; b <= std::min(a, k_); ++b)
            binom_[a][b] = binom_[a - 1][b - 1] + (b <= a - 1 ? binom_[a - 1][b] : 0);
    }
    const std::uint64_t total = state_count(k_, n_);
    counts_.reserve(total * k_);
    // Successor in descending lexicographic order: take the rightmost position p < K-1
    // holding a unit, move one unit from p to p+1 and gather all mass after p into p+1.
    std::vector<std::uint32_t> c(k_, 0);
    c[0] = static_cast<std::uint32_t>(n_);
    while (true) {
        counts_.insert(counts_.end(), c.begin(), c.end());
        std::size_t p = k_ - 1;
        while (p > 0 && c[p - 1] == 0) --p;
        if (p == 0) break;
        --p;
        std::uint32_t after = 0;
        for (std::size_t i = p + 1; i < k_; ++i) {
            after += c[i];
            c[i] = 0;
        }
        --c[p];
        c[p + 1] = after + 1;
    }
    if (size() != total) throw std::logic_error("StateSpace: enumeration miscounted");
}

std::size_t StateSpace::index_of(std::span<const std::uint32_t> c) const {
    // States before c: for each position i < K-1, those agreeing on c[0..i-1] with a
    // larger entry at i; they number sum_{v > c_i} binom(rem - v + len - 1, len - 1)
    // = binom(rem - c_i - 1 + len, len) with len = K-1-i remaining positions (hockey stick).
    std::size_t rank = 0, rem = n_;
    for (std::size_t i = 0; i + 1 < k_; ++i) {
        const std::size_t len = k_ - 1 - i;
        if (rem > c[i]) rank += binom_[rem - c[i] - 1 + len][len];
        rem -= c[i];
    }
    return rank;
}

std::size_t StateSpace::dirac(std::size_t symbol) const {
    std::vector<std::uint32_t> c(k_, 0);
    c[symbol] = static_cast<std::uint32_t>(n_);
    return index_of(c);
}

std::string StateSpace::label(std::size_t state) const {
    std::string out;
    for (std::uint32_t v : counts(state)) {
        if (!out.empty()) out += ',';
        out += std::to_string(v);
    }
    return out;
}

}  // namespace collapse
