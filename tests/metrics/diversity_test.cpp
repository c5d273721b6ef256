// Measures of one state: values computed by hand in the comments, or (entropy, KL) against
// an independent 1000-bit MPFR reference.
#include "lib_oracle_bridge.hpp"
#include "mpfr_reference.hpp"

#include <collapse/metrics/diversity.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

using collapse::Rational;

namespace {

std::vector<Rational> uniform(int k) { return std::vector<Rational>(k, Rational(1, k)); }
collapse::Counts counts(const std::vector<std::uint32_t>& c) { return c; }

}  // namespace

TEST(Diversity, HandComputedRationalMeasures) {
    const std::vector<std::uint32_t> c{2, 1, 1};  // mu = (1/2, 1/4, 1/4)
    EXPECT_EQ(collapse::surviving_symbols(counts(c)), 3u);
    EXPECT_FALSE(collapse::is_dirac(counts(c)));
    // TV = (1/2)(1/6 + 1/12 + 1/12) = 1/6.
    EXPECT_EQ(collapse::total_variation(counts(c), uniform(3)), Rational(1, 6));
    // F_mu = (1/2, 3/4), F_q = (1/3, 2/3): W1 = 1/6 + 1/12 = 1/4.
    EXPECT_EQ(collapse::wasserstein1(counts(c), uniform(3)), Rational(1, 4));
    EXPECT_FALSE(collapse::kl_is_infinite(counts(c), uniform(3)));

    const std::vector<std::uint32_t> d{0, 0, 4};  // a Dirac state at symbol 2
    EXPECT_EQ(collapse::surviving_symbols(counts(d)), 1u);
    EXPECT_TRUE(collapse::is_dirac(counts(d)));
    EXPECT_EQ(collapse::total_variation(counts(d), uniform(3)), Rational(2, 3));
    // F_mu = (0, 0), F_q = (1/3, 2/3): W1 = 1; against q = (1/4, 3/4, 0) the mass 1/4 at 0
    // moves 2 steps and 3/4 at 1 moves 1 step: 1/2 + 3/4 = 5/4.
    EXPECT_EQ(collapse::wasserstein1(counts(d), uniform(3)), Rational(1));
    EXPECT_EQ(collapse::wasserstein1(counts(d), {Rational(1, 4), Rational(3, 4), Rational(0)}), Rational(5, 4));
    EXPECT_TRUE(collapse::kl_is_infinite(counts(d), uniform(3)));
    // q puts no mass where mu vanished: KL(q || mu) is finite (here 0).
    EXPECT_FALSE(collapse::kl_is_infinite(counts(d), {Rational(0), Rational(0), Rational(1)}));
    EXPECT_TRUE(collapse::kl_enclosure(counts(d), {Rational(0), Rational(0), Rational(1)}, 64).contains(Rational(0)));
}

TEST(Diversity, EntropyEnclosuresContainReference) {
    const std::vector<std::vector<int>> states{{2, 1, 1}, {1, 1}, {5, 0}, {3, 0, 7, 1}, {1, 2, 3, 4, 5}, {999, 1}};
    for (const auto& s : states) {
        std::vector<std::uint32_t> c(s.begin(), s.end());
        const mpq_class ref = reference::entropy(s);
        for (long bits : {64L, 128L, 256L}) {
            const collapse::Interval h = collapse::entropy_enclosure(counts(c), bits);
            EXPECT_TRUE(h.contains(bridge::to_lib(ref))) << oracle::label(s) << " at " << bits << " bits";
            EXPECT_LT(h.width_upper_bound(), std::ldexp(1.0, static_cast<int>(-bits + 8))) << oracle::label(s);
        }
        EXPECT_NEAR(collapse::approx_entropy(counts(c)), ref.get_d(), 1e-14) << oracle::label(s);
    }
    // H(2,1,1) = (1/2) ln 2 + 2 (1/4) ln 4 = (3/2) ln 2 = 1.03972077083991796412584818218726485211...
    // Both decimals below lie within 1e-40 of it, far inside a 128-bit enclosure's width.
    const collapse::Interval h = collapse::entropy_enclosure(counts({2, 1, 1}), 128);
    EXPECT_TRUE(h.contains(collapse::parse_rational("1.0397207708399179641258481821872648521132", "x")));
    EXPECT_TRUE(h.contains(collapse::parse_rational("1.0397207708399179641258481821872648521133", "x")));
    EXPECT_TRUE(collapse::entropy_enclosure(counts({4, 0, 0}), 64).contains(Rational(0)));
}

TEST(Diversity, KlEnclosuresContainReference) {
    const std::vector<Rational> q{Rational(1, 6), Rational(1, 3), Rational(1, 2)};
    const std::vector<std::vector<int>> states{{2, 1, 1}, {1, 1, 4}, {5, 3, 1}};
    for (const auto& s : states) {
        std::vector<std::uint32_t> c(s.begin(), s.end());
        int n = 0;
        for (int x : s) n += x;
        std::vector<std::pair<mpq_class, mpq_class>> terms;  // q_i log(q_i N / c_i)
        for (std::size_t i = 0; i < s.size(); ++i) {
            const mpq_class qi = bridge::to_oracle(q[i]);
            mpq_class arg = qi * n / s[i];
            arg.canonicalize();
            terms.emplace_back(qi, arg);
        }
        const mpq_class ref = reference::sum_of_logs(terms);
        EXPECT_TRUE(collapse::kl_enclosure(counts(c), q, 128).contains(bridge::to_lib(ref))) << oracle::label(s);
        EXPECT_NEAR(collapse::approx_kl(counts(c), q), ref.get_d(), 1e-14) << oracle::label(s);
    }
    // KL((1/3,1/3,1/3) || (1/2,1/4,1/4)) = (1/3) ln(32/27).
    const mpq_class ref = reference::sum_of_logs({{mpq_class(1, 3), mpq_class(32, 27)}});
    EXPECT_TRUE(collapse::kl_enclosure(counts({2, 1, 1}), uniform(3), 128).contains(bridge::to_lib(ref)));
    EXPECT_THROW(collapse::kl_enclosure(counts({4, 0, 0}), uniform(3), 64), std::invalid_argument);
    EXPECT_THROW(collapse::approx_kl(counts({4, 0, 0}), uniform(3)), std::invalid_argument);
}

TEST(Diversity, EntropyOfQ) {
    const std::vector<Rational> q{Rational(1, 4), Rational(3, 4), Rational(0)};
    const mpq_class ref = reference::sum_of_logs({{mpq_class(1, 4), 4}, {mpq_class(3, 4), mpq_class(4, 3)}});
    EXPECT_TRUE(collapse::entropy_enclosure(q, 128).contains(bridge::to_lib(ref)));
}
