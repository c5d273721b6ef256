// The generator and the deterministic elementary functions of the simulation
// (collapse/simulation/random.hpp, distributions.hpp). Known answers come from the published
// reference algorithms (xoshiro256** and SplitMix64 by Blackman and Vigna), evaluated with an
// independent Python transcription of the reference C code; accuracy checks compare with the
// platform's libm, which is accurate but not reproducible bit for bit.
#include <collapse/simulation/distributions.hpp>
#include <collapse/simulation/random.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <set>

namespace {

using namespace collapse::simulation;

TEST(Random, Xoshiro256StarStarMatchesTheReferenceOutput) {
    Xoshiro256StarStar g(1, 2, 3, 4);
    const std::uint64_t expected[] = {11520u, 0u, 1509978240u, 1215971899390074240u, 1216172134540287360u,
                                      607988272756665600u};
    for (std::uint64_t e : expected) EXPECT_EQ(g.next(), e);
}

TEST(Random, SplitMix64MatchesTheReferenceOutput) {
    EXPECT_EQ(splitmix64_mix(0), 0xE220A8397B1DCDAFull);
    SplitMix64 g(0);
    EXPECT_EQ(g.next(), 0xE220A8397B1DCDAFull);
}

TEST(Random, StreamOfARunIsTheDocumentedDerivation) {
    // docs/simulate.md: state = first four SplitMix64 outputs from mix(mix(seed) ^ run).
    Xoshiro256StarStar g = stream_for_run(42, 7);
    EXPECT_EQ(g.next(), 511687822027273263ull);
    EXPECT_EQ(g.next(), 4679140867302755536ull);
    EXPECT_EQ(g.next(), 10481404701036677346ull);
}

TEST(Random, StreamsDependOnSeedAndRunOnly) {
    std::set<std::uint64_t> first;
    for (std::uint64_t seed = 0; seed < 20; ++seed)
        for (std::uint64_t run = 0; run < 50; ++run) first.insert(stream_for_run(seed, run).next());
    EXPECT_EQ(first.size(), 1000u) << "distinct (seed, run) pairs should start distinct streams";
    Xoshiro256StarStar a = stream_for_run(5, 9), b = stream_for_run(5, 9);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next(), b.next());
}

TEST(Random, UniformIsInTheHalfOpenUnitInterval) {
    Xoshiro256StarStar g = stream_for_run(1, 0);
    double lo = 1, hi = 0, sum = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        const double u = g.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        lo = std::min(lo, u);
        hi = std::max(hi, u);
        sum += u;
    }
    EXPECT_LT(lo, 1e-3);
    EXPECT_GT(hi, 1 - 1e-3);
    // Mean 1/2, standard deviation of the mean sqrt(1/12/n) ~ 9.1e-4: 6 of them.
    EXPECT_NEAR(sum / n, 0.5, 6 * std::sqrt(1.0 / 12.0 / n));
}

double ulps_apart(double a, double b) {
    if (a == b) return 0;
    return std::fabs(a - b) / (std::nextafter(std::fabs(b), INFINITY) - std::fabs(b));
}

TEST(Random, DeterministicExpAndLogAreAccurate) {
    for (double x = -745.0; x <= 709.0; x += 0.37) EXPECT_LE(ulps_apart(det_exp(x), std::exp(x)), 4) << x;
    for (double x = 1e-300; x < 1e300; x *= 1.7) EXPECT_LE(ulps_apart(det_log(x), std::log(x)), 4) << x;
    for (double x = 0.5; x < 2; x += 1e-3) EXPECT_LE(std::fabs(det_log(x) - std::log(x)), 4e-16) << x;
    for (double x = -0.9; x < 10; x += 1e-3) EXPECT_LE(ulps_apart(det_log1p(x), std::log1p(x)), 4) << x;
    for (double x = 1e-300; x < 1e-2; x *= 3.1) EXPECT_LE(ulps_apart(det_log1p(-x), std::log1p(-x)), 4) << x;
    EXPECT_EQ(det_exp(0.0), 1.0);
    EXPECT_EQ(det_log(1.0), 0.0);
    EXPECT_EQ(det_exp(-800.0), 0.0);
    EXPECT_TRUE(std::isinf(det_log(0.0)) && det_log(0.0) < 0);
}

TEST(Random, StirlingTailIsTheErrorOfStirlingsFormula) {
    // log k! = (k + 1/2) log(k + 1) - (k + 1) + log(2 pi)/2 + tail(k), checked with lgamma in
    // long double.
    const long double half_log_2pi = 0.918938533204672741780329736405617639861L;
    for (int k = 0; k < 2000; ++k) {
        const long double kk = k;
        const long double tail =
            std::lgamma(kk + 1) - ((kk + 0.5L) * std::log(kk + 1) - (kk + 1) + half_log_2pi);
        EXPECT_NEAR(stirling_tail(k), static_cast<double>(tail), 5e-15)
            << k;
    }
}

}  // namespace
