#pragma once
// Internal to the model builders: the sampling law of one generation as integers over a
// common denominator, and the integer pieces of multinomial probabilities.
#include <collapse/models/recursive_model.hpp>
#include <collapse/models/state_space.hpp>
#include <collapse/scalar/rational.hpp>

#include <algorithm>
#include <numeric>
#include <optional>
#include <span>
#include <vector>

namespace collapse::detail {

// Integer numerators a_i over a common denominator d: p_i = a_i / d.
struct IntegerLaw {
    std::vector<Integer> numerator;
    Integer denominator;
};

// Reduce by the common gcd so the powers d^N stay as small as possible.
inline void reduce(IntegerLaw& law) {
    Integer g = law.denominator;
    for (const Integer& a : law.numerator) g = boost::multiprecision::gcd(g, a);
    if (g > 1) {
        for (Integer& a : law.numerator) a /= g;
        law.denominator /= g;
    }
}

inline Integer power(const Integer& base, std::uint64_t e) {
    return boost::multiprecision::pow(base, static_cast<unsigned>(e));
}

inline IntegerLaw fitted_law(const Fit& fit, std::span<const std::uint32_t> c, std::uint64_t n) {
    const std::size_t k = c.size();
    IntegerLaw law{std::vector<Integer>(k), Integer(0)};
    switch (fit.kind) {
        case Fit::Kind::mle:
            for (std::size_t i = 0; i < k; ++i) law.numerator[i] = c[i];
            law.denominator = n;
            break;
        case Fit::Kind::smooth: {  // (c_i + u/v) / (N + K u/v) = (v c_i + u) / (v N + K u)
            const Integer u = boost::multiprecision::numerator(fit.alpha);
            const Integer v = boost::multiprecision::denominator(fit.alpha);
            for (std::size_t i = 0; i < k; ++i) law.numerator[i] = v * c[i] + u;
            law.denominator = v * n + Integer(k) * u;
            break;
        }
        case Fit::Kind::temper: {  // c_i^beta / sum_j c_j^beta; beta >= 1 so 0^beta = 0
            const std::uint64_t beta = boost::multiprecision::numerator(fit.beta).convert_to<std::uint64_t>();
            for (std::size_t i = 0; i < k; ++i) {
                law.numerator[i] = power(Integer(c[i]), beta);
                law.denominator += law.numerator[i];
            }
            break;
        }
        case Fit::Kind::topk: {  // the k largest counts, ties to the smaller index, zeros dropped
            std::vector<std::size_t> order(k);
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return c[a] > c[b]; });
            for (std::size_t r = 0; r < fit.k && r < k; ++r) {
                law.numerator[order[r]] = c[order[r]];
                law.denominator += c[order[r]];
            }
            break;
        }
    }
    reduce(law);
    return law;
}

// (1 - l/L) p + (l/L) q with p = a/d, q = r/e.
inline IntegerLaw mixed_law(const IntegerLaw& p, const IntegerLaw& q, const Rational& lambda) {
    const Integer l = boost::multiprecision::numerator(lambda), big_l = boost::multiprecision::denominator(lambda);
    IntegerLaw out{std::vector<Integer>(p.numerator.size()), big_l * p.denominator * q.denominator};
    for (std::size_t i = 0; i < p.numerator.size(); ++i)
        out.numerator[i] = (big_l - l) * p.numerator[i] * q.denominator + l * q.numerator[i] * p.denominator;
    reduce(out);
    return out;
}

inline IntegerLaw external_law(const std::vector<Rational>& q) {
    IntegerLaw law{std::vector<Integer>(q.size()), Integer(1)};
    for (const Rational& v : q) law.denominator = boost::multiprecision::lcm(law.denominator, boost::multiprecision::denominator(v));
    for (std::size_t i = 0; i < q.size(); ++i)
        law.numerator[i] = boost::multiprecision::numerator(q[i]) * (law.denominator / boost::multiprecision::denominator(q[i]));
    return law;
}

// multinomial(n; x) * prod_i a_i^{x_i} for every x in `space`, given the power table
// powers[i][j] = a_i^j. 0^0 = 1 falls out of pow(0, 0) = 1.
inline std::vector<Integer> multinomial_terms(const StateSpace& space, const std::vector<std::vector<Integer>>& powers,
                                       const std::vector<Integer>& multinomial) {
    std::vector<Integer> out(space.size());
    for (std::size_t s = 0; s < space.size(); ++s) {
        Integer term = multinomial[s];
        const auto x = space.counts(s);
        for (std::size_t i = 0; i < x.size() && !term.is_zero(); ++i) term *= powers[i][x[i]];
        out[s] = std::move(term);
    }
    return out;
}

// The same terms for two symbols with a_0, a_1 and n below 2^32 (mle: counts): the
// binomial row t_j = C(n, j) a_0^(n-j) a_1^j by t_{j+1} = t_j (n - j) a_1 / ((j + 1) a_0),
// an exact division, from t_0 = a_0^n. Products and quotients by one word cost linear
// time, where multinomial_terms multiplies big by big numbers (numerics.md: building the
// N = 2000 chain took 87 s). Nothing when a number is too large: use multinomial_terms.
inline std::optional<std::vector<Integer>> binary_terms(const StateSpace& space, const IntegerLaw& law) {
    constexpr std::uint64_t half_word = std::uint64_t{1} << 32;  // products of two stay in a word
    const std::uint64_t n = space.samples();
    if (space.symbols() != 2 || n >= half_word || law.numerator[0] >= half_word || law.numerator[1] >= half_word)
        return std::nullopt;
    const auto a0 = law.numerator[0].convert_to<std::uint64_t>(), a1 = law.numerator[1].convert_to<std::uint64_t>();
    static_assert(sizeof(unsigned long) >= sizeof(std::uint64_t), "GMP's word must hold the products");
    std::vector<Integer> by_j(n + 1);  // by the count of symbol 1
    if (a0 == 0) {
        by_j[n] = power(Integer(a1), n);  // every draw is symbol 1
    } else {
        Integer t = power(Integer(a0), n);
        mpz_ptr v = t.backend().data();
        for (std::uint64_t j = 0;; ++j) {
            by_j[j] = t;  // a copy sized to the value: t's buffer carries slack
            if (j == n || a1 == 0) break;
            mpz_mul_ui(v, v, (n - j) * a1);
            mpz_divexact_ui(v, v, (j + 1) * a0);
        }
    }
    std::vector<Integer> out(space.size());
    for (std::size_t s = 0; s < space.size(); ++s) out[s] = std::move(by_j[space.counts(s)[1]]);
    return out;
}

inline std::vector<std::vector<Integer>> power_table(const IntegerLaw& law, std::size_t n) {
    std::vector<std::vector<Integer>> table(law.numerator.size(), std::vector<Integer>(n + 1));
    for (std::size_t i = 0; i < law.numerator.size(); ++i) {
        table[i][0] = 1;
        for (std::size_t j = 1; j <= n; ++j) table[i][j] = table[i][j - 1] * law.numerator[i];
    }
    return table;
}

inline std::vector<Integer> multinomial_coefficients(const StateSpace& space) {
    std::vector<Integer> factorial(space.samples() + 1);
    factorial[0] = 1;
    for (std::size_t j = 1; j <= space.samples(); ++j) factorial[j] = factorial[j - 1] * j;
    std::vector<Integer> out(space.size());
    for (std::size_t s = 0; s < space.size(); ++s) {
        Integer denominator = 1;
        for (std::uint32_t v : space.counts(s)) denominator *= factorial[v];
        out[s] = factorial[space.samples()] / denominator;
    }
    return out;
}

}  // namespace collapse::detail
