#pragma once
// The random numbers of `collapse simulate`, fully specified so that the same seed gives
// the same output on every machine and every build (docs/simulate.md, "Reproducibility").
//
//  - SplitMix64 (Steele, Lea, Flood 2014): state += 0x9E3779B97F4A7C15, then the output
//    mix z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
//    z ^ (z >> 31). Used only to derive seeds.
//  - xoshiro256** 1.0 (Blackman, Vigna 2018), the generator of every draw.
//  - One independent stream per run: run r of seed S is the xoshiro256** generator whose four
//    state words are the first four outputs of SplitMix64 started at
//    splitmix64_mix(splitmix64_mix(S) ^ r), where splitmix64_mix(x) is the first output of
//    SplitMix64 started at x. For one seed, distinct runs start from distinct states (mix is
//    a bijection). A run's draws depend on (S, r) only, never on which process,
//    thread or order runs in: splitting runs across workers cannot change the output.
//  - A uniform double in [0, 1) is the top 53 bits of one 64-bit output times 2^-53.
#include <cstdint>

namespace collapse::simulation {

/// The first output of SplitMix64 started at state x.
constexpr std::uint64_t splitmix64_mix(std::uint64_t x) {
    std::uint64_t z = x + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class SplitMix64 {
public:
    explicit constexpr SplitMix64(std::uint64_t state) : state_(state) {}
    constexpr std::uint64_t next() {
        const std::uint64_t out = splitmix64_mix(state_);
        state_ += 0x9E3779B97F4A7C15ull;
        return out;
    }

private:
    std::uint64_t state_;
};

class Xoshiro256StarStar {
public:
    /// The four state words as given; they must not all be zero (the stream would be 0).
    constexpr Xoshiro256StarStar(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3)
        : s_{s0, s1, s2, s3} {
        if ((s0 | s1 | s2 | s3) == 0) s_[0] = 1;  // unreachable from SplitMix64 in practice
    }

    constexpr std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    /// Uniform on [0, 1): the top 53 bits times 2^-53 (exact in a double).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

/// The generator of run `run` of seed `seed` (see the top of this file).
constexpr Xoshiro256StarStar stream_for_run(std::uint64_t seed, std::uint64_t run) {
    SplitMix64 g(splitmix64_mix(splitmix64_mix(seed) ^ run));
    const std::uint64_t a = g.next(), b = g.next(), c = g.next(), d = g.next();
    return Xoshiro256StarStar(a, b, c, d);
}

}  // namespace collapse::simulation
