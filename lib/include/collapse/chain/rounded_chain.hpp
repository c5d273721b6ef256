#pragma once
// An exact chain carried into another arithmetic: the same exact support and labels, each
// probability rounded once (to nearest for doubles, outward for intervals).
#include <collapse/chain/chain.hpp>
#include <collapse/scalar/rational.hpp>

namespace collapse {

template <Scalar S>
Chain<S> rounded_chain(const Chain<Rational>& exact, long bits) {
    const Support& support = exact.support();
    std::vector<S> weights;
    std::vector<S> totals;
    weights.reserve(support.entries());
    for (std::size_t i = 0; i < exact.size(); ++i) {
        S total = from_integer<S>(0);
        for (std::size_t e = support.row_begin(i); e < support.row_end(i); ++e) {
            weights.push_back(scalar_traits<S>::from_rational(exact.probability(i, e), bits));
            total = total + weights.back();
        }
        // Doubles renormalise by the computed sum; for enclosures the true total is 1.
        totals.push_back(scalar_traits<S>::guarantee == Guarantee::approximate ? total : from_integer<S>(1));
    }
    return Chain<S>(support, std::move(weights), std::move(totals), exact.labels());
}

}  // namespace collapse
