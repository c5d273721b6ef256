// Exact identities the analyses must satisfy on random chains, and agreement with the
// independent dense oracle.
#include "lib_oracle_bridge.hpp"
#include "random_chains.hpp"

#include <collapse/analysis/analysis.hpp>
#include <collapse/models/recursive_chain.hpp>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

using namespace collapse;
using oracle::Q;

RC_GTEST_PROP(AnalysisProp, StationaryLawsAreExactlyInvariant, ()) {
    const oracle::Matrix p = *gen_chain::stochastic_matrix(8);
    const Analysis<Rational> a = analyze(bridge::chain_from(p), AnalysisRequest{});
    for (const auto& d : a.stationary->per_class) {
        // pi P = pi and sum pi = 1, exactly, with pi extended by zero.
        oracle::Vector pi(p.size(), 0);
        Q sum = 0;
        for (std::size_t i = 0; i < d.states.size(); ++i) {
            pi[d.states[i]] = bridge::to_oracle(d.probability[i]);
            sum += pi[d.states[i]];
        }
        RC_ASSERT(sum == 1);
        for (std::size_t j = 0; j < p.size(); ++j) {
            Q flow = 0;
            for (std::size_t i = 0; i < p.size(); ++i) flow += pi[i] * p[i][j];
            RC_ASSERT(flow == pi[j]);
        }
    }
}

RC_GTEST_PROP(AnalysisProp, AbsorptionSolvesItsSystemsExactly, ()) {
    const oracle::Matrix p = *gen_chain::stochastic_matrix(8);
    const Analysis<Rational> a = analyze(bridge::chain_from(p), AnalysisRequest{});
    const auto& t = a.absorption->transient;
    const std::size_t k = a.classes.closed.size();
    // (I - Q) B = R and (I - Q) t = 1, row by row.
    for (std::size_t r = 0; r < t.size(); ++r) {
        const std::size_t i = t[r];
        for (std::size_t c = 0; c < k; ++c) {
            Q lhs = bridge::to_oracle(a.absorption->probability(r, c)), rhs = 0;
            for (std::size_t s = 0; s < t.size(); ++s) lhs -= p[i][t[s]] * bridge::to_oracle(a.absorption->probability(s, c));
            for (std::size_t j : a.classes.closed_class(c)) rhs += p[i][j];
            RC_ASSERT(lhs == rhs);
        }
        Q lhs = bridge::to_oracle(a.absorption->expected_steps[r]);
        for (std::size_t s = 0; s < t.size(); ++s) lhs -= p[i][t[s]] * bridge::to_oracle(a.absorption->expected_steps[s]);
        RC_ASSERT(lhs == 1);
    }
}

RC_GTEST_PROP(AnalysisProp, AgreesWithTheDenseOracle, ()) {
    const oracle::Matrix p = *gen_chain::stochastic_matrix(8);
    AnalysisRequest request;
    const int start = *rc::gen::inRange<int>(0, static_cast<int>(p.size()));
    const int steps = *rc::gen::inRange(0, 6);
    request.transient = AnalysisRequest::Transient{static_cast<std::size_t>(start), static_cast<std::uint64_t>(steps)};
    const Analysis<Rational> a = analyze(bridge::chain_from(p), request);

    const auto closed = oracle::closed_classes(p);
    for (std::size_t k = 0; k < closed.size(); ++k) {
        const oracle::Vector pi = oracle::stationary(p, closed[k]);
        const auto& d = a.stationary->per_class[k];
        for (std::size_t i = 0; i < d.states.size(); ++i) RC_ASSERT(bridge::to_oracle(d.probability[i]) == pi[d.states[i]]);
    }
    const auto b = oracle::absorption(p);
    const auto steps_expected = oracle::expected_steps(p);
    for (std::size_t r = 0; r < b.size(); ++r) {
        for (std::size_t c = 0; c < closed.size(); ++c) RC_ASSERT(bridge::to_oracle(a.absorption->probability(r, c)) == b[r][c]);
        RC_ASSERT(bridge::to_oracle(a.absorption->expected_steps[r]) == steps_expected[r]);
    }
    const oracle::Vector law = oracle::law_after(p, start, steps);
    for (std::size_t s = 0; s < p.size(); ++s) RC_ASSERT(bridge::to_oracle(a.transient->law[s]) == law[s]);
}

RC_GTEST_PROP(AnalysisProp, RecursiveChainsAgreeWithBruteForce, ()) {
    const RecursiveModel m = *gen_chain::small_model(*rc::gen::arbitrary<bool>());
    const Chain<Rational> chain = exact_recursive_chain(m, ResourceLimits{});
    RC_ASSERT(bridge::dense(chain) == bridge::oracle_chain(m));
}
