// Row enclosures of two-symbol chains against exact binomial rows computed independently
// (tests/support/exact_binomial.hpp): every entry enclosed, the left-out mass bounded, the
// enclosures tight, and the window missing nothing but negligible mass.
#include <collapse/core/directed_rounding.hpp>
#include <collapse/models/two_symbol_rows.hpp>

#include "exact_binomial.hpp"
#include "lib_oracle_bridge.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

using namespace collapse;

namespace {

struct Case {
    const char* fit;
    unsigned n;
    const char* lambda;  // fresh fraction, "0" for none
    const char* q1;      // q of the second symbol
};

// p_c of the second symbol, from model.md's definitions (not from the library).
mpq_class second_symbol_probability(const Case& k, unsigned c) {
    const std::string fit = k.fit;
    const unsigned n = k.n;
    mpq_class p;
    if (fit == "mle") p = mpq_class(c, n);
    else if (fit == "smooth:1/2") p = (mpq_class(c) + mpq_class(1, 2)) / (mpq_class(n) + 1);
    else if (fit == "temper:2") p = mpq_class(c * c, c * c + (n - c) * (n - c));
    else if (fit == "topk:1") p = c > n - c ? 1 : 0;  // ties go to the first symbol
    else throw std::logic_error("unknown fit in test");
    p.canonicalize();
    const mpq_class lambda(k.lambda), q1(k.q1);
    return (1 - lambda) * p + lambda * q1;
}

void check_rows(const Case& k) {
    SCOPED_TRACE(std::string(k.fit) + " N=" + std::to_string(k.n) + " lambda=" + k.lambda);
    const RecursiveModel model = bridge::model(2, k.n, {1 - Rational(k.q1), Rational(k.q1)}, Rational(k.lambda), k.fit);
    ASSERT_TRUE(has_two_symbol_row_enclosures(model));
    const RowEnclosureSource rows = two_symbol_row_enclosures(model);
    RowEnclosure row;
    for (unsigned c = 0; c <= k.n; ++c) {
        {
            const detail::UpwardRounding upward;
            rows(c, row);
        }
        const std::vector<mpq_class> exact = exact_binomial::pmf(k.n, second_symbol_probability(k, c));
        ASSERT_EQ(row.lo.size(), row.hi.size());
        ASSERT_LE(row.first + row.lo.size(), k.n + 1u);
        mpq_class largest = 0, left_out = 0;
        for (const mpq_class& v : exact) largest = std::max(largest, v);
        for (unsigned j = 0; j <= k.n; ++j) {
            if (j < row.first || j >= row.first + row.lo.size()) {
                left_out += exact[j];
                continue;
            }
            const std::size_t e = j - row.first;
            const mpq_class lo = exact_binomial::exact(row.lo[e]), hi = exact_binomial::exact(row.hi[e]);
            ASSERT_LE(lo, exact[j]) << "state " << c << " column " << j;
            ASSERT_GE(hi, exact[j]) << "state " << c << " column " << j;
            // Tight: a few dozen long double roundings at most (relative 2^-64 each).
            if (exact[j] > 0) {
                EXPECT_LE(mpq_class((hi - lo) / exact[j]).get_d(), 1e-15) << "state " << c << " column " << j;
            }
        }
        EXPECT_LE(left_out, exact_binomial::exact(row.outside)) << "state " << c;
        // Nothing but negligible mass left out.
        EXPECT_LE(mpq_class(left_out / largest).get_d(), 1e-29) << "state " << c;
        EXPECT_LE(static_cast<double>(row.outside), 1e-28) << "state " << c;
    }
}

TEST(TwoSymbolRows, EncloseTheExactBinomialRows) {
    for (const Case& k : {Case{"mle", 1, "0", "1/2"}, Case{"mle", 2, "0", "1/2"}, Case{"mle", 7, "0", "1/2"},
                          Case{"mle", 300, "0", "1/2"}, Case{"smooth:1/2", 40, "0", "1/2"},
                          Case{"temper:2", 60, "0", "1/2"}, Case{"topk:1", 9, "0", "1/2"},
                          Case{"mle", 50, "1/10", "1/3"}, Case{"mle", 200, "1/1000000000", "1/2"}})
        check_rows(k);
}

TEST(TwoSymbolRows, WindowsStayNarrowAtLargeN) {
    // N = 10^4 from the middle state: the window is a few hundred columns wide, well inside
    // the estimate used for memory checks, and its mass is one up to the left-out tail.
    const std::uint64_t n = 10000;
    const RowEnclosureSource rows = two_symbol_row_enclosures(bridge::model(2, n));
    RowEnclosure row;
    {
        const detail::UpwardRounding upward;
        rows(n / 2, row);
    }
    EXPECT_LT(static_cast<double>(row.lo.size()), two_symbol_row_width(n));
    EXPECT_LT(row.lo.size(), 2000u);
    long double lo = 0, hi = row.outside;
    for (std::size_t e = 0; e < row.lo.size(); ++e) {
        lo += row.lo[e];
        hi += row.hi[e];
    }
    EXPECT_LE(static_cast<double>(lo), 1.0 + 1e-16);  // summed in the default rounding here
    EXPECT_GE(static_cast<double>(hi), 1.0);
    EXPECT_GT(static_cast<double>(lo), 1.0 - 1e-15);
}

TEST(TwoSymbolRows, RefuseModelsWhoseRowsAreNotBinomialsOfRationals) {
    EXPECT_FALSE(has_two_symbol_row_enclosures(bridge::model(3, 5)));
    EXPECT_FALSE(has_two_symbol_row_enclosures(bridge::model(2, 5, {}, 0, "temper:1/2")));
    RecursiveModel counted = bridge::model(2, 5);
    counted.fresh.kind = FreshData::Kind::count;
    counted.fresh.count = 1;
    EXPECT_FALSE(has_two_symbol_row_enclosures(counted));
    EXPECT_THROW(two_symbol_row_enclosures(counted), std::invalid_argument);
}

}  // namespace
