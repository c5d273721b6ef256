#include <collapse/core/error.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/scalar/floating.hpp>
#include <collapse/scalar/interval.hpp>

#include "integer_law.hpp"
#include "long_double_rational.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace collapse {
namespace {

using namespace detail;

// x^beta for a rational base >= 0 and a non-integer beta > 0, in each number type.
double real_power(const Rational& base, const Rational& beta, long /*bits*/, const double*) {
    return std::pow(base.convert_to<double>(), beta.convert_to<double>());
}

Interval real_power(const Rational& base, const Rational& beta, long bits, const Interval*) {
    return enclose_power(base, beta, bits);
}

template <Scalar S>
S value_of(const Rational& q, long bits) { return scalar_traits<S>::from_rational(q, bits); }

// One generation's sampling law in S, with the exact knowledge of which entries are positive.
template <Scalar S>
struct Law {
    std::vector<S> p;
    std::vector<bool> positive;
};

template <Scalar S>
Law<S> law_from_integers(const IntegerLaw& l, long bits) {
    Law<S> law;
    for (const Integer& a : l.numerator) {
        law.p.push_back(value_of<S>(Rational(a, l.denominator), bits));
        law.positive.push_back(a > 0);
    }
    return law;
}

// The sampling law as exact rationals, or nothing when it is irrational (temper with a
// non-integer exponent).
std::optional<IntegerLaw> rational_law(const RecursiveModel& m, std::span<const std::uint32_t> c, const IntegerLaw& q) {
    if (m.fit.kind == Fit::Kind::temper && denominator(m.fit.beta) != 1) return std::nullopt;
    IntegerLaw l = fitted_law(m.fit, c, m.samples);
    if (m.fresh.kind == FreshData::Kind::fraction && !m.fresh.fraction.is_zero()) l = mixed_law(l, q, m.fresh.fraction);
    return l;
}

template <Scalar S>
Law<S> sampling_law(const RecursiveModel& m, std::span<const std::uint32_t> c, const IntegerLaw& q, long bits) {
    const bool by_fraction = m.fresh.kind == FreshData::Kind::fraction && !m.fresh.fraction.is_zero();
    // Rational probabilities: exact first, rounded once.
    if (const std::optional<IntegerLaw> exact = rational_law(m, c, q)) return law_from_integers<S>(*exact, bits);
    // temper:beta with non-integer beta: p_i = c_i^beta / sum_j c_j^beta (0^beta = 0).
    Law<S> law;
    S total = from_integer<S>(0);
    for (std::uint32_t ci : c) {
        law.p.push_back(ci == 0 ? from_integer<S>(0) : real_power(Rational(ci), m.fit.beta, bits, static_cast<const S*>(nullptr)));
        law.positive.push_back(ci > 0);
        total = total + law.p.back();
    }
    for (S& p : law.p) p = p / total;
    if (by_fraction) {
        const S lambda = value_of<S>(m.fresh.fraction, bits), keep = value_of<S>(1 - m.fresh.fraction, bits);
        for (std::size_t i = 0; i < c.size(); ++i) {
            law.p[i] = keep * law.p[i] + lambda * value_of<S>(m.external[i], bits);
            law.positive[i] = law.positive[i] || m.external[i] > 0;
        }
    }
    return law;
}

// multinomial(n; x) prod_i p_i^{x_i} for every x of `space`; nonzero[x] is exact.
template <Scalar S>
void multinomial_pmf(const StateSpace& space, const Law<S>& law, const std::vector<Integer>& coefficient, long bits,
                     std::vector<S>& term, std::vector<bool>& nonzero) {
    const std::size_t k = space.symbols(), n = space.samples();
    term.assign(space.size(), from_integer<S>(0));
    nonzero.assign(space.size(), false);
    // Doubles beyond a few hundred samples: coefficients overflow and powers underflow, so
    // work with logarithms (relative error about n * 1e-16).
    const bool logarithms = std::is_same_v<S, double> && n > 300;
    std::vector<std::vector<S>> powers;
    if (!logarithms) {
        powers.assign(k, std::vector<S>(n + 1, from_integer<S>(1)));
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 1; j <= n; ++j) powers[i][j] = powers[i][j - 1] * law.p[i];
    }
    for (std::size_t s = 0; s < space.size(); ++s) {
        const auto x = space.counts(s);
        bool possible = true;
        for (std::size_t i = 0; i < k; ++i) possible = possible && (x[i] == 0 || law.positive[i]);
        if (!possible) continue;
        nonzero[s] = true;
        if constexpr (std::is_same_v<S, double>) {
            if (logarithms) {
                double log_term = std::lgamma(static_cast<double>(n) + 1);
                for (std::size_t i = 0; i < k; ++i)
                    if (x[i] > 0) log_term += x[i] * std::log(law.p[i]) - std::lgamma(x[i] + 1.0);
                term[s] = std::exp(log_term);
                continue;
            }
        }
        S t = value_of<S>(Rational(coefficient[s]), bits);
        for (std::size_t i = 0; i < k; ++i) t = t * powers[i][x[i]];
        term[s] = t;
    }
}

// Double chains too large to store densely keep only the transitions of at least this
// fraction of their row's largest (docs/guarantees.md, "Doubles"): a relative change of at
// most N * 1e-30 per row, far below the rounding of a double.
constexpr double negligible_transition = 1e-30;
constexpr double dense_transitions = 1e7;

// Transitions kept per row of a truncated two-symbol chain, at most: a binomial term at
// distance d from the mean is below 2 exp(-2 d^2 / N) (Hoeffding) and the mode's is at
// least 1/(N + 1), so kept terms lie within d = sqrt(N/2 ln(2 (N + 1) / 1e-30)) of it.
double truncated_row_width(double n) {
    return 2.0 * std::floor(std::sqrt(n / 2.0 * std::log(2.0 * (n + 1.0) / negligible_transition))) + 3.0;
}

// The row of a two-symbol chain without fresh count, from a mode outward by the ratio
// recurrence t(j+1) = t(j) (N - j)/(j + 1) p0/p1, in long double from the odds p0/p1 rounded
// once (from the exact rational when there is one): relative errors of about 1e-17 after
// hundreds of steps, where powers or lgamma differences in doubles lose N * 1e-16 (enough to
// cost stationary laws with little fresh data three digits). Terms are relative to the
// mode's (the chain normalises each row by its sum). With `truncate` a side stops once its
// terms fall below negligible_transition of the mode's (O(width) work instead of O(N));
// otherwise every term is kept, the support being exact.
void binomial_row(const StateSpace& space, const Law<double>& law, long double odds, bool truncate,
                  std::vector<double>& row, std::vector<bool>& row_nonzero, std::vector<std::size_t>& touched,
                  bool& truncated) {
    const std::size_t n = space.samples();
    std::uint32_t counts[2];
    auto put = [&](std::size_t j, long double value) {
        counts[0] = static_cast<std::uint32_t>(j);
        counts[1] = static_cast<std::uint32_t>(n - j);
        const std::size_t t = space.index_of(std::span<const std::uint32_t>(counts, 2));
        row[t] = static_cast<double>(value);
        row_nonzero[t] = true;
        touched.push_back(t);
    };
    if (!law.positive[0] || !law.positive[1]) {  // one symbol only: the row is a Dirac mass
        put(law.positive[0] ? n : 0, 1.0L);
        return;
    }
    const long double cut = truncate ? negligible_transition : 0;
    const auto mode = static_cast<std::size_t>(std::min(static_cast<double>(n), std::floor((static_cast<double>(n) + 1) * law.p[0])));
    put(mode, 1.0L);
    long double t = 1;
    std::size_t j = mode;
    for (; j < n; ++j) {
        t *= static_cast<long double>(n - j) / static_cast<long double>(j + 1) * odds;
        if (truncate && !(t >= cut)) break;
        put(j + 1, t);
    }
    truncated = truncated || j < n;
    t = 1;
    for (j = mode; j > 0; --j) {
        t *= static_cast<long double>(j) / static_cast<long double>(n - j + 1) / odds;
        if (truncate && !(t >= cut)) break;
        put(j - 1, t);
    }
    truncated = truncated || j > 0;
}

// The chain, with negligible transitions left out if `truncate` (doubles only); nothing
// when that could change the class structure (see the end).
template <Scalar S>
std::optional<Chain<S>> build_chain(const RecursiveModel& m, long bits, const ResourceLimits& limits, bool truncate) {
    const std::uint64_t states = state_count(m.symbols, m.samples);
    const double value_bytes = std::is_same_v<S, double> ? 8.0 : 2.0 * (static_cast<double>(bits) / 8.0 + 32.0);
    const double dense = static_cast<double>(states) * static_cast<double>(states);
    // Two-symbol rows of a truncated chain are computed over their window only.
    // Two-symbol rows without fresh count (binomials) are computed by their ratio recurrence;
    // truncated, over their window only.
    const bool by_ratio = std::is_same_v<S, double> && m.symbols == 2 &&
                          !(m.fresh.kind == FreshData::Kind::count && m.fresh.count > 0);
    const bool windowed = truncate && by_ratio;
    const double stored = windowed ? static_cast<double>(states) * std::min(static_cast<double>(states),
                                                                            truncated_row_width(static_cast<double>(m.samples)))
                                   : dense;
    require_memory(limits, stored * (value_bytes + 8.0),
                   "the chain with K = " + std::to_string(m.symbols) + ", N = " + std::to_string(m.samples) + " (" +
                       (states == UINT64_MAX ? std::string("more than 2^64") : std::to_string(states)) + " states" +
                       (windowed ? std::string(", negligible transitions left out") : std::string()) + ")");
    const std::size_t n = m.samples;
    const StateSpace space(m.symbols, n);
    const IntegerLaw q = external_law(m.external);
    const std::uint64_t fresh_count = m.fresh.kind == FreshData::Kind::count ? m.fresh.count : 0;
    const StateSpace model_space(m.symbols, n - fresh_count);
    const std::vector<Integer> model_coefficient = multinomial_coefficients(model_space);

    std::optional<StateSpace> external_space;
    std::vector<S> external_term;
    std::vector<bool> external_nonzero;
    if (fresh_count > 0) {
        external_space.emplace(m.symbols, fresh_count);
        multinomial_pmf<S>(*external_space, law_from_integers<S>(q, bits), multinomial_coefficients(*external_space),
                           bits, external_term, external_nonzero);
    }

    std::vector<std::size_t> row_start{0}, column;
    std::vector<S> weights, totals;
    std::vector<std::string> labels;
    std::vector<S> term, row(space.size());
    std::vector<bool> nonzero, row_nonzero(space.size());
    std::vector<std::uint32_t> sum(m.symbols);
    std::vector<bool> truncated_rows(truncate ? space.size() : 0, false);
    std::vector<std::size_t> touched;
    for (std::size_t s = 0; s < space.size(); ++s) {
        labels.push_back(space.label(s));
        if constexpr (std::is_same_v<S, double>) {
            if (by_ratio) {
                touched.clear();
                bool cut = false;
                const std::optional<IntegerLaw> exact = rational_law(m, space.counts(s), q);
                const Law<double> law = exact ? law_from_integers<double>(*exact, bits)
                                              : sampling_law<double>(m, space.counts(s), q, bits);
                const long double odds =
                    !law.positive[0] || !law.positive[1] ? 0.0L
                    : exact ? to_long_double(Rational(exact->numerator[0], exact->numerator[1]), MPFR_RNDN)
                            : static_cast<long double>(law.p[0]) / static_cast<long double>(law.p[1]);
                binomial_row(space, law, odds, truncate, row, row_nonzero, touched, cut);
                if (truncate) truncated_rows[s] = cut;
                std::sort(touched.begin(), touched.end());
                double total = 0.0;
                for (std::size_t t : touched) {
                    column.push_back(t);
                    weights.push_back(row[t]);
                    total += row[t];
                    row_nonzero[t] = false;  // reset for the next row
                }
                totals.push_back(total);
                row_start.push_back(column.size());
                continue;
            }
        }
        multinomial_pmf<S>(model_space, sampling_law<S>(m, space.counts(s), q, bits), model_coefficient, bits, term,
                           nonzero);
        if (fresh_count == 0) {
            row.swap(term);
            row_nonzero.swap(nonzero);
        } else {  // convolution: c' = x + y
            std::fill(row.begin(), row.end(), from_integer<S>(0));
            std::fill(row_nonzero.begin(), row_nonzero.end(), false);
            for (std::size_t x = 0; x < model_space.size(); ++x) {
                if (!nonzero[x]) continue;
                const auto cx = model_space.counts(x);
                for (std::size_t y = 0; y < external_space->size(); ++y) {
                    if (!external_nonzero[y]) continue;
                    const auto cy = external_space->counts(y);
                    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] = cx[i] + cy[i];
                    const std::size_t t = space.index_of(sum);
                    row[t] = row[t] + term[x] * external_term[y];
                    row_nonzero[t] = true;
                }
            }
        }
        S total = from_integer<S>(0);
        S largest = from_integer<S>(0);
        if constexpr (std::is_same_v<S, double>)
            if (truncate)
                for (std::size_t t = 0; t < space.size(); ++t)
                    if (row_nonzero[t]) largest = std::max(largest, row[t]);
        for (std::size_t t = 0; t < space.size(); ++t) {
            if (!row_nonzero[t]) continue;
            if constexpr (std::is_same_v<S, double>) {
                if (truncate && row[t] < negligible_transition * largest) {
                    truncated_rows[s] = true;
                    continue;
                }
            }
            column.push_back(t);
            weights.push_back(row[t]);
            total = total + row[t];
        }
        // Doubles: normalise by the computed sum. Enclosures: the true total is exactly 1.
        totals.push_back(scalar_traits<S>::guarantee == Guarantee::approximate ? total : from_integer<S>(1));
        row_start.push_back(column.size());
    }
    Support support(std::move(row_start), std::move(column));
    // The analyses read the class structure off the support: a truncated support must have
    // the same one as the full chain, which is checked, not assumed. With fresh data it
    // usually fails (the unlikely states far from q can no longer be reached).
    if (truncate && std::find(truncated_rows.begin(), truncated_rows.end(), true) != truncated_rows.end() &&
        !truncation_keeps_class_structure(class_structure(support), truncated_rows))
        return std::nullopt;
    return Chain<S>(std::move(support), std::move(weights), std::move(totals), std::move(labels));
}

}  // namespace

template <Scalar S>
Chain<S> numeric_recursive_chain(const RecursiveModel& m, long bits, const ResourceLimits& limits) {
    // Doubles: a chain too large to store densely is first built without its negligible
    // transitions; if that could change the class structure, it is built in full.
    const double states = static_cast<double>(state_count(m.symbols, m.samples));
    if (std::is_same_v<S, double> && states * states > dense_transitions)
        if (std::optional<Chain<S>> truncated = build_chain<S>(m, bits, limits, true)) return std::move(*truncated);
    return std::move(*build_chain<S>(m, bits, limits, false));
}

template Chain<double> numeric_recursive_chain<double>(const RecursiveModel&, long, const ResourceLimits&);
template Chain<Interval> numeric_recursive_chain<Interval>(const RecursiveModel&, long, const ResourceLimits&);

}  // namespace collapse
