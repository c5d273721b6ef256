// The binomial sampler against the exact binomial pmf (issue 6): a chi-square goodness-of-fit
// test per (n, p), with a fixed seed, bins of expected count >= 20 and significance 1e-6
// (chi_square.hpp). The cases cover both algorithms (inversion for n min(p, 1-p) < 10, BTRS
// above), both sides of the switch, p near 0 and 1, n up to 2^32 - 1, and p = 0, 1 exactly.
// The pmf is computed here from its formula, binom(n, k) p^k (1-p)^(n-k), in long double
// through lgamma: independent of the sampler's own arithmetic.
#include "chi_square.hpp"

#include <collapse/simulation/distributions.hpp>
#include <collapse/simulation/random.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ostream>
#include <vector>

namespace {

using namespace collapse::simulation;
using collapse_test::chi_square;

long double binomial_pmf(std::uint64_t n, long double p, std::uint64_t k) {
    const long double nn = static_cast<long double>(n), kk = static_cast<long double>(k);
    const long double log_choose = std::lgamma(nn + 1) - std::lgamma(kk + 1) - std::lgamma(nn - kk + 1);
    long double log_p = 0;
    if (k > 0) log_p += kk * std::log(p);
    if (k < n) log_p += (nn - kk) * std::log1p(-p);
    return std::exp(log_choose + log_p);
}

struct BinomialCase {
    std::uint64_t n;
    double p;
};

std::ostream& operator<<(std::ostream& out, const BinomialCase& c) {
    out.precision(17);
    return out << "n = " << c.n << ", p = " << c.p;
}

std::vector<std::uint64_t> draws_of(std::uint64_t n, double p, std::size_t count, std::uint64_t seed) {
    Xoshiro256StarStar g = stream_for_run(seed, 0);
    std::vector<std::uint64_t> out(count);
    for (auto& x : out) x = sample_binomial(g, n, p);
    return out;
}

// [lo, hi]: mean +- 12 standard deviations (+ a margin for small means), inside [0, n].
std::pair<std::uint64_t, std::uint64_t> window(std::uint64_t n, double p) {
    const double mean = static_cast<double>(n) * p, sd = std::sqrt(static_cast<double>(n) * p * (1 - p));
    const double lo = std::max(0.0, std::floor(mean - 12 * sd - 30));
    const double hi = std::min(static_cast<double>(n), std::ceil(mean + 12 * sd + 30));
    return {static_cast<std::uint64_t>(lo), static_cast<std::uint64_t>(hi)};
}

class BinomialSampler : public ::testing::TestWithParam<BinomialCase> {};

TEST_P(BinomialSampler, AgreesWithTheExactPmf) {
    const BinomialCase c = GetParam();
    const std::size_t count = 100000;
    // A seed of its own per case, so that p and 1 - p are not mirror images of one draw.
    const std::uint64_t seed = 20261204 + c.n % 1009 + static_cast<std::uint64_t>(c.p * 1e6);
    const std::vector<std::uint64_t> draws = draws_of(c.n, c.p, count, seed);
    for (std::uint64_t x : draws) ASSERT_LE(x, c.n);
    const auto [lo, hi] = window(c.n, c.p);
    const auto r = chi_square(draws, lo, hi, [&](std::uint64_t k) { return binomial_pmf(c.n, c.p, k); }, 20);
    ASSERT_GE(r.dof, 1u) << "a case with a single bin tests nothing";
    RecordProperty("chi_square", r.detail);
    EXPECT_LE(r.statistic, r.critical) << r.detail;
}

INSTANTIATE_TEST_SUITE_P(
    SmallAndHugeN, BinomialSampler,
    ::testing::Values(BinomialCase{1, 0.3}, BinomialCase{2, 0.5}, BinomialCase{10, 0.5}, BinomialCase{19, 0.5},
                      BinomialCase{20, 0.5}, BinomialCase{25, 0.4}, BinomialCase{100, 0.95}, BinomialCase{100, 0.3},
                      BinomialCase{1000, 0.0099}, BinomialCase{1000, 0.01}, BinomialCase{1000, 0.99},
                      BinomialCase{1000000, 0.5}, BinomialCase{1000000, 1e-7}, BinomialCase{1000000, 1 - 1e-7},
                      BinomialCase{1000000, 3e-5}, BinomialCase{1000000, 1 - 3e-5}, BinomialCase{1000000, 0.123456},
                      BinomialCase{4294967295u, 0.3}, BinomialCase{4294967295u, 1e-9},
                      BinomialCase{4294967295u, 1 - 1e-9}),
    [](const ::testing::TestParamInfo<BinomialCase>& info) { return "case" + std::to_string(info.index); });

TEST(BinomialSampler, TheChiSquareTestHasPower) {
    // The same test rejects a sampler whose p is off by 2e-4 relative at n = 10^6: a shift of
    // 100, a fifth of a standard deviation of one draw, is plain over 10^5 draws.
    const std::uint64_t n = 1000000;
    const std::vector<std::uint64_t> draws = draws_of(n, 0.5 * 1.0002, 100000, 7);
    const auto [lo, hi] = window(n, 0.5);
    const auto r = chi_square(draws, lo, hi, [&](std::uint64_t k) { return binomial_pmf(n, 0.5, k); }, 20);
    EXPECT_GT(r.statistic, r.critical) << r.detail;
}

TEST(BinomialSampler, DegenerateParametersNeedNoDraw) {
    Xoshiro256StarStar g = stream_for_run(1, 0), untouched = stream_for_run(1, 0);
    for (std::uint64_t n : {0ull, 1ull, 7ull, 1000000ull, 4294967295ull}) {
        EXPECT_EQ(sample_binomial(g, n, 0.0), 0u);
        EXPECT_EQ(sample_binomial(g, n, 1.0), n);
    }
    EXPECT_EQ(sample_binomial(g, 0, 0.5), 0u);
    EXPECT_EQ(g.next(), untouched.next()) << "p = 0, p = 1 and n = 0 consume no random number";
}

TEST(BinomialSampler, AProbabilityFarBelowOneOverNGivesZero) {
    // P(X > 0) <= n p = 1e-291 for each draw.
    const std::vector<std::uint64_t> draws = draws_of(1000000000, 1e-300, 10000, 3);
    EXPECT_TRUE(std::all_of(draws.begin(), draws.end(), [](std::uint64_t x) { return x == 0; }));
    const std::vector<std::uint64_t> near_one = draws_of(1000000000, 1 - 1e-16, 10000, 3);
    // n (1 - p) = 1e-7 (1 - p is 1.1e-16 as a double): P(X < n) <= 1.2e-7 per draw.
    EXPECT_TRUE(std::all_of(near_one.begin(), near_one.end(), [](std::uint64_t x) { return x == 1000000000; }));
}

TEST(BinomialSampler, RefusesParametersOutsideTheirRange) {
    Xoshiro256StarStar g = stream_for_run(1, 0);
    EXPECT_THROW(sample_binomial(g, 10, -0.1), std::invalid_argument);
    EXPECT_THROW(sample_binomial(g, 10, 1.5), std::invalid_argument);
    EXPECT_THROW(sample_binomial(g, 10, std::nan("")), std::invalid_argument);
    EXPECT_THROW(sample_binomial(g, std::uint64_t{1} << 53, 0.5), std::invalid_argument);
}

TEST(BinomialSampler, MeanAndVarianceAtHugeN) {
    // Moments from the formulas n p and n p (1 - p): the sample mean of 10^5 draws is within
    // 6 standard errors.
    const std::uint64_t n = 4294967295u;
    const double p = 0.25;
    const std::vector<std::uint64_t> draws = draws_of(n, p, 100000, 11);
    long double sum = 0, sum2 = 0;
    for (std::uint64_t x : draws) {
        sum += x;
        sum2 += static_cast<long double>(x) * x;
    }
    const long double m = draws.size(), mean = sum / m, var = sum2 / m - mean * mean;
    const double true_var = static_cast<double>(n) * p * (1 - p);
    EXPECT_NEAR(static_cast<double>(mean), static_cast<double>(n) * p, 6 * std::sqrt(true_var / 100000));
    // Variance of the sample variance ~ 2 sigma^4 / m for a near-normal law.
    EXPECT_NEAR(static_cast<double>(var), true_var, 6 * true_var * std::sqrt(2.0 / 100000));
}

}  // namespace
