// Row enclosures of K-symbol chains with fresh data against the exact multinomial rows of
// model.md computed here with gmpxx: P(c -> x) = N! / prod x_i! * prod p_i^{x_i} with
// p = (1 - lambda) fit(c) + lambda q (the fit from the independent oracle). Every entry is
// enclosed, tightly, and the rows cover every column.
#include <collapse/core/directed_rounding.hpp>
#include <collapse/models/multinomial_rows.hpp>
#include <collapse/models/state_space.hpp>

#include "exact_binomial.hpp"
#include "lib_oracle_bridge.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace collapse;

namespace {

struct Case {
    std::size_t k;
    int n;
    const char* fit;
    oracle::Fit oracle_fit;
    const char* lambda;
    std::vector<const char*> q;
};

mpq_class factorial(int n) {
    mpz_class f = 1;
    for (int j = 2; j <= n; ++j) f *= j;
    return mpq_class(f);
}

// The exact row of state c over oracle::states(K, N), straight from the formula above.
std::vector<mpq_class> exact_row(const Case& k, const std::vector<int>& c, const std::vector<std::vector<int>>& all) {
    const mpq_class lambda(k.lambda);
    const oracle::Vector fitted = oracle::fit(k.oracle_fit, c);
    std::vector<mpq_class> p(k.k);
    for (std::size_t i = 0; i < k.k; ++i) p[i] = (1 - lambda) * fitted[i] + lambda * mpq_class(k.q[i]);
    std::vector<mpq_class> row;
    for (const std::vector<int>& x : all) {
        mpq_class term = factorial(k.n);
        for (std::size_t i = 0; i < k.k; ++i) {
            term /= factorial(x[i]);
            for (int e = 0; e < x[i]; ++e) term *= p[i];
        }
        row.push_back(term);
    }
    return row;
}

void check_rows(const Case& k) {
    SCOPED_TRACE(std::string(k.fit) + " K=" + std::to_string(k.k) + " N=" + std::to_string(k.n) + " lambda=" + k.lambda);
    std::vector<Rational> q;
    for (const char* v : k.q) q.push_back(parse_rational(v, "q"));
    const RecursiveModel model = bridge::model(k.k, static_cast<std::uint64_t>(k.n), q, Rational(k.lambda), k.fit);
    ASSERT_TRUE(has_positive_multinomial_rows(model));
    const RowEnclosureSource rows = multinomial_row_enclosures(model);
    const StateSpace space(k.k, static_cast<std::size_t>(k.n));
    const std::vector<std::vector<int>> all = oracle::states(static_cast<int>(k.k), k.n);
    ASSERT_EQ(all.size(), space.size());
    RowEnclosure row;
    double widest = 0;
    for (std::size_t s = 0; s < all.size(); ++s) {
        for (std::size_t i = 0; i < k.k; ++i) ASSERT_EQ(space.counts(s)[i], static_cast<std::uint32_t>(all[s][i]));
        {
            const detail::UpwardRounding upward;
            rows(s, row);
        }
        ASSERT_EQ(row.first, 0u);
        ASSERT_EQ(row.lo.size(), all.size());
        ASSERT_EQ(row.hi.size(), all.size());
        ASSERT_EQ(row.outside, 0.0L);
        const std::vector<mpq_class> exact = exact_row(k, all[s], all);
        for (std::size_t j = 0; j < all.size(); ++j) {
            const mpq_class lo = exact_binomial::exact(row.lo[j]), hi = exact_binomial::exact(row.hi[j]);
            ASSERT_LE(lo, exact[j]) << "state " << s << " column " << j;
            ASSERT_GE(hi, exact[j]) << "state " << s << " column " << j;
            ASSERT_GT(exact[j], 0);
            widest = std::max(widest, mpq_class((hi - lo) / exact[j]).get_d());
        }
    }
    // Tight: a few dozen long double roundings per factor (relative 2^-64 each).
    EXPECT_LE(widest, 1e-16);
}

TEST(MultinomialRows, EncloseTheExactMultinomialRows) {
    const oracle::Fit mle{};
    const oracle::Fit smooth{oracle::Fit::smooth, mpq_class(1, 2), 1, 1};
    const oracle::Fit temper{oracle::Fit::temper, 0, 2, 1};
    const oracle::Fit top1{oracle::Fit::topk, 0, 1, 1};
    for (const Case& k : {Case{3, 1, "mle", mle, "1/10", {"1/3", "1/3", "1/3"}},
                          Case{3, 5, "mle", mle, "1/10", {"1/3", "1/3", "1/3"}},
                          Case{3, 12, "mle", mle, "1/10", {"1/3", "1/3", "1/3"}},
                          Case{3, 12, "mle", mle, "1/1000", {"1/2", "1/3", "1/6"}},
                          Case{3, 9, "mle", mle, "1", {"1/5", "3/5", "1/5"}},
                          Case{3, 10, "smooth:1/2", smooth, "1/7", {"1/3", "1/3", "1/3"}},
                          Case{3, 8, "temper:2", temper, "1/10", {"1/4", "1/4", "1/2"}},
                          Case{3, 8, "topk:1", top1, "1/3", {"1/3", "1/3", "1/3"}},
                          Case{2, 11, "mle", mle, "1/10", {"1/3", "2/3"}},
                          Case{4, 6, "mle", mle, "1/10", {"1/4", "1/4", "1/4", "1/4"}}})
        check_rows(k);
}

TEST(MultinomialRows, ApplyOnlyWhenEveryTransitionIsPositive) {
    EXPECT_TRUE(has_positive_multinomial_rows(bridge::model(3, 5, {}, Rational(1, 10))));
    EXPECT_FALSE(has_positive_multinomial_rows(bridge::model(3, 5)));  // no fresh data: Dirac states absorb
    const std::vector<Rational> with_zero{Rational(1, 2), Rational(1, 2), Rational(0)};
    EXPECT_FALSE(has_positive_multinomial_rows(bridge::model(3, 5, with_zero, Rational(1, 10))));
    EXPECT_FALSE(has_positive_multinomial_rows(bridge::model(3, 5, {}, Rational(1, 10), "temper:3/2")));
    RecursiveModel by_count = bridge::model(3, 5);
    by_count.fresh.kind = FreshData::Kind::count;
    by_count.fresh.count = 2;
    EXPECT_FALSE(has_positive_multinomial_rows(by_count));
    EXPECT_THROW(multinomial_row_enclosures(bridge::model(3, 5)), std::invalid_argument);
}

TEST(MultinomialRows, ReferenceStateIsTheStateNearestTheMean) {
    // N q = (10/3, 10/3, 10/3): floors (3, 3, 3), the one left over to the first largest remainder.
    const RecursiveModel uniform = bridge::model(3, 10, {}, Rational(1, 10));
    const StateSpace space(3, 10);
    EXPECT_EQ(space.label(state_nearest_mean(uniform, space)), "4,3,3");
    // N q = (5, 3, 2) exactly.
    const RecursiveModel skewed = bridge::model(3, 10, {Rational(1, 2), Rational(3, 10), Rational(1, 5)}, Rational(1, 10));
    EXPECT_EQ(space.label(state_nearest_mean(skewed, space)), "5,3,2");
}

}  // namespace
