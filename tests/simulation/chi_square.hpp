// Chi-square goodness of fit for the sampler tests: binning with a minimum expected count,
// and the critical values of the chi-square distribution at significance 1e-6.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace collapse_test {

/// Upper 1e-6 quantiles of chi-square with 1..80 degrees of freedom: P(X > c) = 1e-6.
/// From the regularized incomplete gamma function (mpmath, 40 digits, bisection), rounded
/// down to 3 decimals; they agree with published tables (e.g. 23.928 for one degree).
/// A significance of 1e-6 makes a false alarm from a correct sampler a one-in-a-million event
/// per test: with fixed seeds the tests are deterministic, and a change of seed or of the
/// sampling code is very unlikely to make a correct sampler fail.
inline double chi_square_critical_1e6(std::size_t dof) {
    static const double table[] = {
        23.928,  27.631,  30.665,  33.377,  35.888,  38.258,  40.522,  42.701,  44.811,  46.863,  48.866,  50.825,
        52.747,  54.635,  56.493,  58.324,  60.131,  61.914,  63.677,  65.421,  67.147,  68.856,  70.550,  72.229,
        73.895,  75.547,  77.188,  78.817,  80.436,  82.044,  83.643,  85.232,  86.812,  88.383,  89.947,  91.502,
        93.051,  94.592,  96.126,  97.653,  99.174,  100.689, 102.198, 103.701, 105.198, 106.690, 108.177, 109.659,
        111.136, 112.608, 114.076, 115.539, 116.998, 118.452, 119.902, 121.349, 122.791, 124.230, 125.665, 127.096,
        128.524, 129.949, 131.370, 132.787, 134.202, 135.614, 137.022, 138.427, 139.830, 141.229, 142.626, 144.020,
        145.412, 146.800, 148.187, 149.570, 150.951, 152.330, 153.707, 155.081};
    if (dof == 0 || dof > std::size(table)) throw std::out_of_range("chi_square_critical_1e6: dof not in table");
    return table[dof - 1];
}

/// Chi-square test of integer draws against a pmf on [lo, hi] (the caller makes sure the
/// mass outside is negligible; draws outside go to the end bins). Consecutive values are
/// merged into bins of expected count >= max(min_expected, draws / 50): at most 50 bins, so
/// the degrees of freedom stay in the table.
struct ChiSquareResult {
    double statistic = 0, critical = 0;
    std::size_t dof = 0;
    std::string detail;
};

inline ChiSquareResult chi_square(const std::vector<std::uint64_t>& draws, std::uint64_t lo, std::uint64_t hi,
                                  const std::function<long double(std::uint64_t)>& pmf, double min_expected) {
    const long double m = static_cast<long double>(draws.size());
    std::vector<std::uint64_t> upper;  // bin b holds values <= upper[b] (and > upper[b-1])
    std::vector<long double> expected;
    const long double target = std::max<long double>(min_expected, m / 50);
    long double acc = 0;
    for (std::uint64_t k = lo;; ++k) {
        acc += m * pmf(k);
        if (acc >= target) {
            upper.push_back(k);
            expected.push_back(acc);
            acc = 0;
        }
        if (k == hi) break;
    }
    if (upper.empty()) {
        upper.push_back(hi);
        expected.push_back(acc);
    } else {
        expected.back() += acc;  // the remainder joins the last bin
        upper.back() = hi;
    }
    std::vector<long double> observed(upper.size(), 0);
    for (std::uint64_t x : draws) {
        const std::size_t b = static_cast<std::size_t>(std::lower_bound(upper.begin(), upper.end(), x) - upper.begin());
        observed[std::min(b, upper.size() - 1)] += 1;
    }
    ChiSquareResult r;
    r.dof = upper.size() - 1;
    for (std::size_t b = 0; b < upper.size(); ++b) {
        const long double d = observed[b] - expected[b];
        r.statistic += static_cast<double>(d * d / expected[b]);
    }
    r.critical = r.dof == 0 ? 0 : chi_square_critical_1e6(r.dof);
    r.detail = "chi-square " + std::to_string(r.statistic) + " with " + std::to_string(r.dof) +
               " degrees of freedom; critical value at 1e-6: " + std::to_string(r.critical);
    return r;
}

}  // namespace collapse_test
