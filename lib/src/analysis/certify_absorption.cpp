// Compiled with -frounding-math -ffp-contract=off (see collapse/core/directed_rounding.hpp).
#include <collapse/analysis/certified_absorption.hpp>
#include <collapse/core/error.hpp>

#include <collapse/core/directed_rounding.hpp>
#include "long_double_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

namespace collapse {
namespace {

using detail::add_down;
using detail::between;
using detail::scientific;
using detail::mul_down;
using detail::sub_down;

// A vector over all states (closed states carry their boundary values) and the bound its
// residuals reach. `constant` is the right side's part that is the same in every row: 1 for
// expected steps (t = 1 + Q t), 0 for absorption probabilities (x = Q x + mass into the class,
// the class's states carrying the value 1).
struct Certified {
    std::vector<long double> value;
    long double constant = 0, smallest = 0, largest = 0;
    long double alpha = 0;  // the max over rows of |r_i| / (A v)_i, rounded up
};

void finish_range(Certified& c) {
    c.smallest = std::min<long double>(0, *std::min_element(c.value.begin(), c.value.end()));
    c.largest = std::max<long double>(0, *std::max_element(c.value.begin(), c.value.end()));
}

}  // namespace

AbsorptionResult<Interval> certify_absorption(const RowEnclosureSource& rows, const ClassStructure& cs,
                                              const ApproximateAbsorption& approximate, bool want_probabilities,
                                              bool want_steps) {
    const std::size_t states = cs.class_of.size(), n = cs.transient.size(), k = cs.closed.size();
    AbsorptionResult<Interval> result;
    result.transient = cs.transient;
    if (n == 0 || (!want_probabilities && !want_steps)) {
        result.method = "none needed";
        return result;
    }
    if (approximate.transient != cs.transient || approximate.expected_steps.size() != n ||
        (want_probabilities && approximate.probability.size() != k))
        throw std::logic_error("certify_absorption: the approximation does not match the class structure");

    // v: the approximate expected steps (0 on closed states). It must be positive.
    Certified steps;
    steps.value.assign(states, 0);
    steps.constant = 1;
    for (std::size_t i = 0; i < n; ++i) {
        const long double t = approximate.expected_steps[i];
        if (!(t > 0) || !std::isfinite(t))
            throw Unable("certified absorption: the approximate expected steps are not positive at state " +
                         std::to_string(cs.transient[i]) + "; nothing to certify with");
        steps.value[cs.transient[i]] = t;
    }
    finish_range(steps);
    std::vector<Certified> probability(want_probabilities ? k : 0);
    for (std::size_t c = 0; c < probability.size(); ++c) {
        if (approximate.probability[c].size() != n)
            throw std::logic_error("certify_absorption: the approximation does not match the class structure");
        probability[c].value.assign(states, 0);
        for (std::size_t s : cs.closed_class(c)) probability[c].value[s] = 1;
        for (std::size_t i = 0; i < n; ++i) probability[c].value[cs.transient[i]] = approximate.probability[c][i];
        finish_range(probability[c]);
    }

    std::vector<long double> av_lower(n);
    {
        const detail::UpwardRounding upward;
        RowEnclosure row;
        // The residual bound of one row for one vector y: r = constant + sum_j P(i,j) y_j - y_i.
        auto residual_bound = [&](const Certified& y, std::size_t state) {
            long double lo = y.constant, hi = y.constant;
            for (std::size_t e = 0; e < row.lo.size(); ++e) {
                const long double yj = y.value[row.first + e];
                if (yj >= 0) {
                    hi = hi + row.hi[e] * yj;
                    lo = add_down(lo, mul_down(row.lo[e], yj));
                } else {
                    hi = hi + row.lo[e] * yj;
                    lo = add_down(lo, mul_down(row.hi[e], yj));
                }
            }
            // Left-out transitions: mass at most `outside`, onto values within the vector's range.
            hi = hi + row.outside * y.largest;
            lo = add_down(lo, mul_down(row.outside, y.smallest));
            hi = hi - y.value[state];
            lo = sub_down(lo, y.value[state]);
            return std::max(std::fabs(lo), std::fabs(hi));
        };
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t state = cs.transient[i];
            rows(state, row);
            if (row.first + row.lo.size() > states || row.hi.size() != row.lo.size())
                throw std::logic_error("certify_absorption: a row enclosure does not fit the chain");
            // (A v)_i = v_i - sum_j P(i,j) v_j over transient j; v >= 0 and 0 on closed states.
            long double pushed = row.outside * steps.largest;
            for (std::size_t e = 0; e < row.lo.size(); ++e) pushed = pushed + row.hi[e] * steps.value[row.first + e];
            av_lower[i] = sub_down(steps.value[state], pushed);
            if (!(av_lower[i] > 0))
                throw Unable("certified absorption: (I - Q) v > 0 is not proved at state " + std::to_string(state) +
                             " (lower bound " + scientific(av_lower[i]) + "); the double solve is too inaccurate here");
            if (want_steps) steps.alpha = std::max(steps.alpha, residual_bound(steps, state) / av_lower[i]);
            for (Certified& p : probability) p.alpha = std::max(p.alpha, residual_bound(p, state) / av_lower[i]);
        }
    }

    // x in [x~ - alpha v, x~ + alpha v], intersected with what is known for certain:
    // probabilities lie in [0, 1], expected steps of a transient state are at least 1.
    auto enclosure = [&](const Certified& y, std::size_t state, long double floor, long double ceiling) {
        long double lo = 0, hi = 0;
        {
            const detail::UpwardRounding upward;
            const long double radius = y.alpha * steps.value[state];
            lo = sub_down(y.value[state], radius);
            hi = y.value[state] + radius;
        }
        lo = std::max(lo, floor);
        hi = std::min(hi, ceiling);
        if (!(lo <= hi)) throw std::logic_error("certify_absorption: an enclosure misses the known range");
        return between(lo, hi);
    };
    std::string bounds;
    if (want_probabilities) {
        result.probability = DenseMatrix<Interval>(n, k, Interval());
        long double worst = 0;
        for (std::size_t c = 0; c < k; ++c) {
            worst = std::max(worst, probability[c].alpha);
            for (std::size_t i = 0; i < n; ++i)
                result.probability(i, c) = enclosure(probability[c], cs.transient[i], 0, 1);
        }
        bounds += "alpha = " + scientific(worst) + " for the probabilities";
    }
    if (want_steps) {
        result.expected_steps.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            result.expected_steps.push_back(
                enclosure(steps, cs.transient[i], 1, std::numeric_limits<long double>::max()));
        bounds += std::string(bounds.empty() ? "alpha = " : ", ") + scientific(steps.alpha) + " for the expected steps";
    }
    result.method = "a-posteriori M-matrix bound |x - x~| <= alpha t~ (" + bounds +
                    ") on " + approximate.method +
                    "; rows enclosed in long double with left-out tails bounded";
    return result;
}

}  // namespace collapse
