// Multinomial draws by conditional binomials (collapse/simulation/distributions.hpp): each
// marginal of Multinomial(n, w / sum w) is Binomial(n, w_i / sum w) (a fact of the
// distribution, not of the algorithm), checked by chi-square tests at significance 1e-6
// (chi_square.hpp); counts always add up to n; zero weights never receive a sample.
#include "chi_square.hpp"

#include <collapse/simulation/distributions.hpp>
#include <collapse/simulation/random.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

namespace {

using namespace collapse::simulation;
using collapse_test::chi_square;

long double binomial_pmf(std::uint64_t n, long double p, std::uint64_t k) {
    const long double nn = n, kk = k;
    long double log_term = std::lgamma(nn + 1) - std::lgamma(kk + 1) - std::lgamma(nn - kk + 1);
    if (k > 0) log_term += kk * std::log(p);
    if (k < n) log_term += (nn - kk) * std::log1p(-p);
    return std::exp(log_term);
}

void check_marginals(std::uint64_t n, const std::vector<double>& w, std::uint64_t seed) {
    const std::size_t draws = 50000, k = w.size();
    std::vector<std::vector<std::uint64_t>> marginal(k, std::vector<std::uint64_t>(draws));
    Xoshiro256StarStar g = stream_for_run(seed, 0);
    std::vector<double> scratch;
    std::vector<std::uint64_t> counts(k);
    for (std::size_t d = 0; d < draws; ++d) {
        std::fill(counts.begin(), counts.end(), 0);
        add_multinomial(g, n, w, counts, scratch);
        ASSERT_EQ(std::accumulate(counts.begin(), counts.end(), std::uint64_t{0}), n);
        for (std::size_t i = 0; i < k; ++i) {
            if (w[i] == 0) {
                ASSERT_EQ(counts[i], 0u) << "a zero weight received samples";
            }
            marginal[i][d] = counts[i];
        }
    }
    const double total = std::accumulate(w.begin(), w.end(), 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        if (w[i] == 0) continue;
        const long double p = static_cast<long double>(w[i]) / total;
        const double mean = static_cast<double>(n * p), sd = std::sqrt(static_cast<double>(n * p * (1 - p)));
        const auto lo = static_cast<std::uint64_t>(std::max(0.0, std::floor(mean - 12 * sd - 30)));
        const auto hi = static_cast<std::uint64_t>(std::min(static_cast<double>(n), std::ceil(mean + 12 * sd + 30)));
        const auto r = chi_square(marginal[i], lo, hi, [&](std::uint64_t x) { return binomial_pmf(n, p, x); }, 20);
        if (r.dof == 0) continue;  // p = 1: checked by the sum above
        EXPECT_LE(r.statistic, r.critical) << "symbol " << i << ": " << r.detail;
    }
}

TEST(Multinomial, MarginalsAreBinomialAtSmallN) { check_marginals(50, {1, 0, 2, 3.5, 0.5}, 1); }

TEST(Multinomial, MarginalsAreBinomialAtLargeN) { check_marginals(1000000, {1e-6, 0.3, 0, 0.7, 0.2}, 2); }

TEST(Multinomial, MarginalsAreBinomialWithManySymbols) {
    std::vector<double> w(40);
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = static_cast<double>((i * 7) % 5);
    check_marginals(1000, w, 3);
}

TEST(Multinomial, OnePositiveWeightTakesEverythingWithoutADraw) {
    Xoshiro256StarStar g = stream_for_run(1, 0), untouched = stream_for_run(1, 0);
    std::vector<double> scratch;
    std::vector<std::uint64_t> counts{5, 0, 0};
    EXPECT_EQ(add_multinomial(g, 1000, std::vector<double>{0, 2.5, 0}, counts, scratch), 0u);
    EXPECT_EQ(counts, (std::vector<std::uint64_t>{5, 1000, 0})) << "the draw is added to the counts";
    EXPECT_EQ(g.next(), untouched.next());
}

TEST(Multinomial, RefusesBadWeights) {
    Xoshiro256StarStar g = stream_for_run(1, 0);
    std::vector<double> scratch;
    std::vector<std::uint64_t> counts(2);
    EXPECT_THROW(add_multinomial(g, 3, std::vector<double>{0, 0}, counts, scratch), std::invalid_argument);
    EXPECT_THROW(add_multinomial(g, 3, std::vector<double>{-1, 2}, counts, scratch), std::invalid_argument);
    EXPECT_THROW(add_multinomial(g, 3, std::vector<double>{std::nan(""), 2}, counts, scratch), std::invalid_argument);
    EXPECT_THROW(add_multinomial(g, 3, std::vector<double>{1}, counts, scratch), std::invalid_argument);
}

TEST(RowSampler, FrequenciesFollowTheRow) {
    // One row with probabilities 1/2, 0 (underflowed), 1/3, 1/6; a second row, absorbing.
    const RowSampler sampler({0, 4, 5}, {0, 1, 2, 3, 1}, {0.5, 0.0, 1.0 / 3, 1.0 / 6, 1.0});
    Xoshiro256StarStar g = stream_for_run(4, 0);
    std::vector<std::uint64_t> draws(60000);
    for (auto& d : draws) d = sampler.next(g, 0);
    for (std::uint64_t d : draws) ASSERT_NE(d, 1u) << "an entry of probability 0 was drawn";
    const long double p[] = {0.5L, 0.0L, 1.0L / 3, 1.0L / 6};
    const auto r = chi_square(draws, 0, 3, [&](std::uint64_t k) { return p[k]; }, 20);
    EXPECT_LE(r.statistic, r.critical) << r.detail;
    EXPECT_EQ(sampler.next(g, 1), 1u);
}

}  // namespace
