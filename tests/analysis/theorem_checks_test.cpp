// Theorem statuses on concrete models: applicability decided by the hypotheses of
// model.md, and the verdict by the exact results.
#include <collapse/analysis/theorem_checks.hpp>
#include <collapse/models/recursive_chain.hpp>

#include <gtest/gtest.h>

#include <map>

using namespace collapse;

namespace {
std::map<std::string, TheoremCheck> checks(std::size_t k, std::uint64_t n, const std::string& fit,
                                            FreshData fresh = {}, std::vector<Rational> q = {}) {
    RecursiveModel m;
    m.symbols = k;
    m.samples = n;
    m.fit = parse_fit(fit);
    m.fresh = fresh;
    m.external = std::move(q);
    m = validated(m);
    const Chain<Rational> chain = exact_recursive_chain(m, ResourceLimits{});
    const Analysis<Rational> a = analyze(chain, AnalysisRequest{});
    std::map<std::string, TheoremCheck> out;
    for (TheoremCheck& t : check_theorems(m, chain, a, 0)) out.emplace(t.id, std::move(t));
    return out;
}
constexpr auto holds = TheoremStatus::holds;
constexpr auto na = TheoremStatus::not_applicable;
}  // namespace

// T1, T2, T3 (no fresh data, fit mle)
// THEOREM: T1 — Collapse.GeneralK.multi_absorbing_iff, Collapse.GeneralK.multi_transient_law
// THEOREM: T2 — Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
// THEOREM: T3 — Collapse.GeneralK.multi_stationary_iff
TEST(TheoremChecks, CollapseWithoutFreshData) {
    auto t = checks(3, 4, "mle");
    EXPECT_EQ(t["T1"].status, holds);
    EXPECT_EQ(t["T2"].status, holds);
    EXPECT_EQ(t["T3"].status, holds);
    EXPECT_EQ(t["T4"].status, na);
    EXPECT_EQ(t["T5"].status, na);
}

// T4, T5 (fresh data)
// THEOREM: T4 — Collapse.Binary.binary_degeneration, Collapse.GeneralK.multi_degeneration
// THEOREM: T5a — Collapse.Binary.binary_stationary_mean, Collapse.GeneralK.multi_stationary_mean, Collapse.Multinomial.count_stationary_mean
TEST(TheoremChecks, DegenerationWithFreshData) {
    auto t = checks(2, 6, "mle", {FreshData::Kind::fraction, Rational(1, 10), 0}, {Rational(1, 4), Rational(3, 4)});
    EXPECT_EQ(t["T1"].status, na);
    EXPECT_EQ(t["T4"].status, holds);
    EXPECT_EQ(t["T5"].status, holds);
    EXPECT_NE(t["T5"].detail.find("E_pi[c] = N q = (3/2, 9/2)"), std::string::npos) << t["T5"].detail;
    auto c = checks(3, 3, "mle", {FreshData::Kind::count, 0, 1}, {});
    EXPECT_EQ(c["T4"].status, holds);
    EXPECT_EQ(c["T5"].status, holds);
}

// T2 needs fit mle: temper:2 and topk:1 break c_i/N, and the check finds it.
// THEOREM: T1 — no Coq statement yet
// THEOREM: T2 — no Coq statement yet
// THEOREM: T3 — no Coq statement yet
TEST(TheoremChecks, TemperAndTopkCollapseButAreNotMartingales) {
    for (const char* fit : {"temper:2", "topk:1"}) {
        auto t = checks(3, 3, fit);
        EXPECT_EQ(t["T1"].status, holds) << fit;
        EXPECT_EQ(t["T3"].status, holds) << fit;
        EXPECT_EQ(t["T2"].status, na) << fit;
        EXPECT_NE(t["T2"].detail.find("indeed fails"), std::string::npos) << fit << ": " << t["T2"].detail;
    }
}

// T4 needs a fit that keeps every present symbol: topk:1 with one fresh sample
// has no absorbing state yet several closed classes (model.md).
// THEOREM: T4 — no Coq statement yet
TEST(TheoremChecks, TopkWithFreshCountIsNotCoveredByT4) {
    auto t = checks(3, 3, "topk:1", {FreshData::Kind::count, 0, 1}, {});
    EXPECT_EQ(t["T4"].status, na);
    RecursiveModel m;
    m.symbols = 3;
    m.samples = 3;
    m.fit = parse_fit("topk:1");
    m.fresh = {FreshData::Kind::count, 0, 1};
    m = validated(m);
    const Chain<Rational> chain = exact_recursive_chain(m, ResourceLimits{});
    const ClassStructure cs = class_structure(chain.support());
    EXPECT_TRUE(cs.absorbing.empty());
    EXPECT_GT(cs.closed.size(), 1u);
}

// THEOREM: T4 — no Coq statement yet
TEST(TheoremChecks, SmoothingDegeneratesWithoutFreshData) {
    auto t = checks(2, 4, "smooth:1");
    EXPECT_EQ(t["T1"].status, na);
    EXPECT_EQ(t["T4"].status, holds);
}

// THEOREM: T4 — no Coq statement yet
// THEOREM: T5a — Collapse.GeneralK.multi_stationary_mean
TEST(TheoremChecks, ZeroInExternalBlocksT4) {
    auto t = checks(3, 3, "mle", {FreshData::Kind::fraction, Rational(1, 2), 0}, {Rational(0), Rational(1, 2), Rational(1, 2)});
    EXPECT_EQ(t["T4"].status, na);
    EXPECT_EQ(t["T5"].status, holds);  // E_pi[c] = N q still holds on the closed class
}
