#pragma once
// Test glue between the library's types and the oracle's (which share no code): dense
// matrices from chains, chains from dense matrices, and value conversions.
#include "oracle.hpp"

#include <collapse/chain/chain.hpp>
#include <collapse/models/recursive_model.hpp>
#include <collapse/scalar/rational.hpp>

#include <string>
#include <vector>

namespace bridge {

/// A validated recursive model: K symbols, N samples, external q (uniform when empty),
/// fresh fraction lambda (none when 0), and a fit.
inline collapse::RecursiveModel model(std::size_t k, std::uint64_t n, std::vector<collapse::Rational> q = {},
                                      collapse::Rational lambda = 0, const char* fit = "mle") {
    collapse::RecursiveModel m;
    m.symbols = k;
    m.samples = n;
    m.fit = collapse::parse_fit(fit);
    if (lambda != 0) {
        m.fresh.kind = collapse::FreshData::Kind::fraction;
        m.fresh.fraction = lambda;
    }
    m.external = std::move(q);
    return collapse::validated(m);
}

inline oracle::Q to_oracle(const collapse::Rational& x) { return oracle::Q(x.str()); }
inline collapse::Rational to_lib(const oracle::Q& x) {
    return collapse::parse_rational(x.get_str(), "oracle value");
}

inline oracle::Matrix dense(const collapse::Chain<collapse::Rational>& chain) {
    const std::size_t n = chain.size();
    oracle::Matrix p(n, oracle::Vector(n, 0));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t e = chain.support().row_begin(i); e < chain.support().row_end(i); ++e)
            p[i][chain.support().column(e)] = to_oracle(chain.probability(i, e));
    return p;
}

/// A library chain with the given dense matrix (rows must sum to 1), labels "0".."n-1".
inline collapse::Chain<collapse::Rational> chain_from(const oracle::Matrix& p) {
    std::vector<std::size_t> start{0}, column;
    std::vector<collapse::Rational> weight, total;
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < p.size(); ++i) {
        for (std::size_t j = 0; j < p.size(); ++j)
            if (p[i][j] != 0) {
                column.push_back(j);
                weight.push_back(to_lib(p[i][j]));
            }
        start.push_back(column.size());
        total.emplace_back(1);
        labels.push_back(std::to_string(i));
    }
    return collapse::Chain<collapse::Rational>(collapse::Support(start, column), weight, total, labels);
}

inline oracle::Fit fit_of(const collapse::Fit& f) {
    oracle::Fit o;
    switch (f.kind) {
        case collapse::Fit::Kind::mle: o.kind = oracle::Fit::mle; break;
        case collapse::Fit::Kind::smooth: o.kind = oracle::Fit::smooth; o.alpha = to_oracle(f.alpha); break;
        case collapse::Fit::Kind::temper: o.kind = oracle::Fit::temper; o.beta = static_cast<int>(f.beta.convert_to<long>()); break;
        case collapse::Fit::Kind::topk: o.kind = oracle::Fit::topk; o.k = static_cast<int>(f.k); break;
    }
    return o;
}

inline oracle::Fresh fresh_of(const collapse::FreshData& f) {
    oracle::Fresh o;
    if (f.kind == collapse::FreshData::Kind::fraction) { o.kind = oracle::Fresh::fraction; o.lambda = to_oracle(f.fraction); }
    if (f.kind == collapse::FreshData::Kind::count) { o.kind = oracle::Fresh::count; o.m = static_cast<int>(f.count); }
    return o;
}

inline oracle::Matrix oracle_chain(const collapse::RecursiveModel& m) {
    oracle::Vector q;
    for (const auto& v : m.external) q.push_back(to_oracle(v));
    return oracle::recursive_chain(static_cast<int>(m.symbols), static_cast<int>(m.samples), fit_of(m.fit),
                                   fresh_of(m.fresh), q);
}

}  // namespace bridge
