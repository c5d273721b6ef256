// The theorems of model.md as properties of the computed results, on random models. The
// predictions come from the theorems (closed forms such as c_i/N and N q), not from the code.
#include "random_chains.hpp"

#include <collapse/analysis/theorem_checks.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/models/state_space.hpp>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

using namespace collapse;

namespace {
struct Computed {
    RecursiveModel model;
    Chain<Rational> chain;
    Analysis<Rational> analysis;
    std::vector<TheoremCheck> checks;
};

Computed compute(RecursiveModel m) {
    m = validated(m);
    Chain<Rational> chain = exact_recursive_chain(m, ResourceLimits{});
    Analysis<Rational> a = analyze(chain, AnalysisRequest{});
    std::vector<TheoremCheck> checks = check_theorems(m, chain, a, 0);
    return {m, std::move(chain), std::move(a), std::move(checks)};
}

RecursiveModel model(std::size_t k, std::uint64_t n, Fit fit) {
    RecursiveModel m;
    m.symbols = k;
    m.samples = n;
    m.fit = fit;
    return m;
}

TheoremStatus status(const Computed& c, const std::string& id) {
    for (const auto& t : c.checks)
        if (t.id == id) return t.status;
    return TheoremStatus::fails;
}

// Absorption probability from transient state s into the closed class {N e_i}.
Rational absorbed(const Computed& c, std::size_t s, std::size_t dirac) {
    const auto& cs = c.analysis.classes;
    const auto row = std::lower_bound(cs.transient.begin(), cs.transient.end(), s) - cs.transient.begin();
    return c.analysis.absorption->probability(static_cast<std::size_t>(row), cs.closed_index[dirac]);
}

rc::Gen<Fit> collapsing_fit(std::size_t k) {
    return rc::gen::exec([k] {
        Fit f;
        switch (*rc::gen::inRange(0, 3)) {
            case 0: break;
            case 1: f.kind = Fit::Kind::temper; f.beta = *rc::gen::inRange(1, 4); break;
            default: f.kind = Fit::Kind::topk; f.k = *rc::gen::inRange<std::uint64_t>(1, k + 1);
        }
        return f;
    });
}
}  // namespace

// T1: no fresh data, fit mle/temper/topk: absorbing states = Dirac states, all others transient.
// T3: the stationary laws are the Dirac point masses (so every stationary law is a mixture).
// THEOREM: T1 — Collapse.Binary.binary_absorbing_iff, Collapse.Binary.binary_transient_law, Collapse.GeneralK.multi_absorbing_iff, Collapse.GeneralK.multi_transient_law
// THEOREM: T3 — Collapse.Binary.binary_stationary_iff, Collapse.GeneralK.multi_stationary_iff
RC_GTEST_PROP(TheoremsProp, T1_T3_CollapseWithoutFreshData, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(2, 4);
    const std::uint64_t n = *rc::gen::inRange<std::uint64_t>(1, k == 2 ? 16 : 7);
    const Computed c = compute(model(k, n, *collapsing_fit(k)));
    const StateSpace space(k, n);
    std::vector<std::size_t> diracs;
    for (std::size_t i = 0; i < k; ++i) diracs.push_back(space.dirac(i));
    std::sort(diracs.begin(), diracs.end());
    RC_ASSERT(c.analysis.classes.absorbing == diracs);
    RC_ASSERT(c.analysis.classes.transient.size() == c.chain.size() - k);
    for (const auto& d : c.analysis.stationary->per_class) {
        RC_ASSERT(d.states.size() == 1u);
        RC_ASSERT(d.probability[0] == 1);
    }
    // Absorption is certain: each transient row of absorption probabilities sums to 1.
    for (std::size_t r = 0; r < c.analysis.absorption->transient.size(); ++r) {
        Rational sum = 0;
        for (std::size_t j = 0; j < k; ++j) sum += c.analysis.absorption->probability(r, j);
        RC_ASSERT(sum == 1);
    }
    RC_ASSERT(status(c, "T1") == TheoremStatus::holds);
    RC_ASSERT(status(c, "T3") == TheoremStatus::holds);
}

// T2: no fresh data, fit mle: absorption in N e_i from c is exactly c_i / N.
// THEOREM: T2 — Collapse.Binary.binary_martingale, Collapse.Binary.binary_absorption_dirac, Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
RC_GTEST_PROP(TheoremsProp, T2_AbsorptionIsCountOverN, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(2, 4);
    const std::uint64_t n = *rc::gen::inRange<std::uint64_t>(1, k == 2 ? 20 : 8);
    const Computed c = compute(model(k, n, Fit{}));
    const StateSpace space(k, n);
    for (std::size_t s : c.analysis.classes.transient)
        for (std::size_t i = 0; i < k; ++i)
            RC_ASSERT(absorbed(c, s, space.dirac(i)) == Rational(space.counts(s)[i], static_cast<long>(n)));
    RC_ASSERT(status(c, "T2") == TheoremStatus::holds);
}

// T2 (negative side): temper:2 and topk:1 are not martingales: some state's
// absorption probability differs from c_i/N. Found by search, not assumed.
// THEOREM: T2 — no Coq statement yet
TEST(TheoremsNegative, TemperAndTopkBreakCountOverN) {
    for (const char* fit : {"temper:2", "topk:1"})
        for (std::uint64_t n : {3u, 5u, 8u}) {
            const Computed c = compute(model(2, n, parse_fit(fit)));
            const StateSpace space(2, n);
            bool found = false;
            for (std::size_t s : c.analysis.classes.transient)
                found = found || absorbed(c, s, space.dirac(0)) != Rational(space.counts(s)[0], static_cast<long>(n));
            EXPECT_TRUE(found) << fit << " N=" << n;
            EXPECT_EQ(status(c, "T2"), TheoremStatus::not_applicable);
        }
}

// T4: fresh fraction > 0 (any fit) or fresh count > 0 (mle/smooth/temper), q > 0:
// irreducible, aperiodic, no absorbing state, unique and positive stationary law.
// THEOREM: T4 — Collapse.Binary.binary_degeneration, Collapse.GeneralK.multi_degeneration
RC_GTEST_PROP(TheoremsProp, T4_DegenerationWithFreshData, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(2, 4);
    const std::uint64_t n = *rc::gen::inRange<std::uint64_t>(1, k == 2 ? 10 : 5);
    RecursiveModel m = model(k, n, Fit{});
    const bool by_count = *rc::gen::arbitrary<bool>();
    switch (*rc::gen::inRange(0, by_count ? 3 : 4)) {
        case 0: break;
        case 1: m.fit.kind = Fit::Kind::smooth; m.fit.alpha = *gen_chain::small_fraction(4); break;
        case 2: m.fit.kind = Fit::Kind::temper; m.fit.beta = *rc::gen::inRange(1, 4); break;
        default: m.fit.kind = Fit::Kind::topk; m.fit.k = *rc::gen::inRange<std::uint64_t>(1, k + 1);
    }
    if (by_count) m.fresh = {FreshData::Kind::count, 0, *rc::gen::inRange<std::uint64_t>(1, n + 1)};
    else m.fresh = {FreshData::Kind::fraction, Rational(*rc::gen::inRange(1, 11), 10), 0};
    m.external = *gen_chain::probability_vector(k, true);
    const Computed c = compute(m);
    RC_ASSERT(c.analysis.classes.absorbing.empty());
    RC_ASSERT(c.analysis.classes.closed.size() == 1u);
    RC_ASSERT(c.analysis.classes.transient.empty());
    RC_ASSERT(c.analysis.classes.period[0] == 1u);
    for (const Rational& p : c.analysis.stationary->per_class[0].probability) RC_ASSERT(p > 0);
    RC_ASSERT(status(c, "T4") == TheoremStatus::holds);
}

// T5a: fit mle with fresh data: E_pi[c] = N q exactly.
// THEOREM: T5a — Collapse.Binary.binary_stationary_mean, Collapse.GeneralK.multi_stationary_mean
RC_GTEST_PROP(TheoremsProp, T5_StationaryMeanIsNq, ()) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(2, 4);
    const std::uint64_t n = *rc::gen::inRange<std::uint64_t>(1, k == 2 ? 12 : 6);
    RecursiveModel m = model(k, n, Fit{});
    if (*rc::gen::arbitrary<bool>()) m.fresh = {FreshData::Kind::count, 0, *rc::gen::inRange<std::uint64_t>(1, n + 1)};
    else m.fresh = {FreshData::Kind::fraction, *gen_chain::small_fraction(12), 0};
    RC_PRE(!m.fresh.absent());
    m.external = *gen_chain::probability_vector(k, false);
    const Computed c = compute(m);
    const StateSpace space(k, n);
    for (const auto& d : c.analysis.stationary->per_class)
        for (std::size_t i = 0; i < k; ++i) {
            Rational mean = 0;
            for (std::size_t r = 0; r < d.states.size(); ++r) mean += d.probability[r] * space.counts(d.states[r])[i];
            RC_ASSERT(mean == Rational(static_cast<long>(n)) * c.model.external[i]);
        }
    RC_ASSERT(status(c, "T5") == TheoremStatus::holds);
}

// T5b: the Dirac masses approach q as lambda -> 0 (model.md's example values).
// THEOREM: T5b — Collapse.Binary.binary_dirac_mass_bound, Collapse.Binary.binary_stationary_interior_mass, Collapse.GeneralK.multi_dirac_mass_bound, Collapse.GeneralK.multi_stationary_nondirac_mass
TEST(TheoremsT5b, DiracMassTendsToQ) {
    RecursiveModel m = model(2, 10, Fit{});
    m.external = {Rational(1, 4), Rational(3, 4)};
    Rational previous_gap = 2;
    for (long inverse : {10L, 100L, 10000L}) {
        m.fresh = {FreshData::Kind::fraction, Rational(1, inverse), 0};
        const Computed c = compute(m);
        const auto& pi = c.analysis.stationary->per_class[0].probability;
        const Rational gap = abs(pi.front() - m.external[0]) + abs(pi.back() - m.external[1]);
        EXPECT_LT(gap, previous_gap) << "lambda = 1/" << inverse;
        previous_gap = gap;
    }
    // model.md: about (0.249, 0.749) at lambda = 1/10000.
    EXPECT_LT(previous_gap, Rational(1, 200));
}
