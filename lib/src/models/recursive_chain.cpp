#include <collapse/core/error.hpp>
#include <collapse/linalg/linear_solver.hpp>
#include <collapse/models/recursive_chain.hpp>

#include "integer_law.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>

namespace collapse {
namespace {

using namespace detail;

double log2_of(const Integer& x) {
    const std::size_t bits = x.is_zero() ? 0 : boost::multiprecision::msb(x) + 1;
    return static_cast<double>(bits);
}

}  // namespace

double exact_row_bits_estimate(const RecursiveModel& m) {
    const double n = static_cast<double>(m.samples), k = static_cast<double>(m.symbols);
    // Bits of the fitted denominator d for the largest state, then of the mixed one. An mle
    // law is c / N, reduced: d <= N, and the row total d^N has at most N log2 N + 1 bits.
    double d_bits = m.fit.is_mle_equivalent(m.symbols) ? std::log2(n) : std::log2(n + 1) + 1;
    if (m.fit.kind == Fit::Kind::smooth)
        d_bits = log2_of(boost::multiprecision::denominator(m.fit.alpha)) + std::log2(n + 1) +
                 log2_of(boost::multiprecision::numerator(m.fit.alpha)) + std::log2(k) + 2;
    if (m.fit.kind == Fit::Kind::temper)
        d_bits = log2_of(boost::multiprecision::numerator(m.fit.beta)) > 40
                     ? 1e12
                     : boost::multiprecision::numerator(m.fit.beta).convert_to<double>() * std::log2(n + 1) + 1;
    if (m.fresh.kind == FreshData::Kind::fraction && !m.fresh.fraction.is_zero()) {
        d_bits += log2_of(boost::multiprecision::denominator(m.fresh.fraction));
        for (const Rational& q : m.external) d_bits += log2_of(boost::multiprecision::denominator(q));
    }
    // Fresh count m: the total is d^(N-m) e^m, e the external law's common denominator.
    if (m.fresh.kind == FreshData::Kind::count && m.fresh.count > 0) {
        double e_bits = 0;
        for (const Rational& q : m.external) e_bits += log2_of(boost::multiprecision::denominator(q));
        d_bits = std::max(d_bits, e_bits);
    }
    return n * d_bits + 1;
}

double exact_memory_estimate(const RecursiveModel& m) {
    const double states = static_cast<double>(state_count(m.symbols, m.samples));
    // Every weight is at most its row total: an upper bound (for mle at K = 2 the average
    // weight has about 0.93 of the total's bits before the reduction of c / N).
    const double entry_bytes = LinearSolver<Rational>::integer_bytes(exact_row_bits_estimate(m));
    // The chain is dense at worst (every state reachable in one step). The solves that may
    // follow are estimated by `analyze`, which knows which parts are asked for.
    return states * states * entry_bytes;
}

Chain<Rational> exact_recursive_chain(const RecursiveModel& m, const ResourceLimits& limits) {
    if (m.fit.kind == Fit::Kind::temper && boost::multiprecision::denominator(m.fit.beta) != 1)
        throw InvalidInput("--fit temper:" + m.fit.beta.str() +
                           ": a non-integer exponent makes the probabilities irrational, which exact "
                           "arithmetic cannot represent; interval arithmetic (--arithmetic interval) is the way to enclose them, "
                           "--arithmetic float approximates them");
    const std::uint64_t states = state_count(m.symbols, m.samples);
    require_memory(limits, exact_memory_estimate(m),
                   "the exact chain with K = " + std::to_string(m.symbols) + ", N = " + std::to_string(m.samples) +
                       " (" + (states == UINT64_MAX ? std::string("more than 2^64") : std::to_string(states)) + " states)");

    const std::size_t n = m.samples;
    const StateSpace space(m.symbols, n);
    const IntegerLaw q = external_law(m.external);
    const std::uint64_t fresh_count = m.fresh.kind == FreshData::Kind::count ? m.fresh.count : 0;
    const bool by_fraction = m.fresh.kind == FreshData::Kind::fraction && !m.fresh.fraction.is_zero();

    // Terms shared by every row: multinomial coefficients of the model part, and for fresh
    // counts the whole external part, which does not depend on the current state.
    const StateSpace model_space(m.symbols, n - fresh_count);
    const std::vector<Integer> model_multinomial = multinomial_coefficients(model_space);
    std::vector<Integer> external_terms;
    std::optional<StateSpace> external_space;
    Integer external_denominator = 1;
    if (fresh_count > 0) {
        external_space.emplace(m.symbols, fresh_count);
        external_terms = multinomial_terms(*external_space, power_table(q, fresh_count),
                                           multinomial_coefficients(*external_space));
        external_denominator = power(q.denominator, fresh_count);
    }

    std::vector<std::size_t> row_start{0}, column;
    std::vector<Rational> weights, totals;
    std::vector<std::string> labels;
    labels.reserve(space.size());
    std::vector<Integer> row(space.size());
    std::vector<std::uint32_t> sum(m.symbols);
    for (std::size_t s = 0; s < space.size(); ++s) {
        labels.push_back(space.label(s));
        IntegerLaw law = fitted_law(m.fit, space.counts(s), n);
        if (by_fraction) law = mixed_law(law, q, m.fresh.fraction);
        std::optional<std::vector<Integer>> fast_terms = binary_terms(model_space, law);
        std::vector<Integer> model_terms =
            fast_terms ? std::move(*fast_terms)
                       : multinomial_terms(model_space, power_table(law, n - fresh_count), model_multinomial);
        Integer total = power(law.denominator, n - fresh_count) * external_denominator;
        if (fresh_count == 0) {
            row = std::move(model_terms);
        } else {  // convolution: c' = x + y
            std::fill(row.begin(), row.end(), Integer(0));
            for (std::size_t x = 0; x < model_space.size(); ++x) {
                if (model_terms[x].is_zero()) continue;
                const auto cx = model_space.counts(x);
                for (std::size_t y = 0; y < external_space->size(); ++y) {
                    if (external_terms[y].is_zero()) continue;
                    const auto cy = external_space->counts(y);
                    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] = cx[i] + cy[i];
                    row[space.index_of(sum)] += model_terms[x] * external_terms[y];
                }
            }
        }
        Integer check = 0;
        for (std::size_t t = 0; t < space.size(); ++t) {
            if (row[t].is_zero()) continue;
            column.push_back(t);
            check += row[t];
            // Moved, not copied (an mpq's numerator is an mpz, its denominator stays 1).
            weights.emplace_back();
            mpz_swap(mpq_numref(weights.back().backend().data()), row[t].backend().data());
        }
        if (check != total) throw std::logic_error("exact_recursive_chain: a row does not sum to its total");
        totals.emplace_back(std::move(total));
        row_start.push_back(column.size());
    }
    return Chain<Rational>(Support(std::move(row_start), std::move(column)), std::move(weights),
                           std::move(totals), std::move(labels));
}

}  // namespace collapse
