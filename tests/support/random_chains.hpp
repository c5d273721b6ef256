#pragma once
// RapidCheck generators: random small chains with exact rational probabilities on random
// supports, and random recursive-training models.
#include "oracle.hpp"

#include <collapse/models/recursive_model.hpp>

#include <rapidcheck.h>

namespace gen_chain {

/// A random row-stochastic n x n matrix (1 <= n <= max_n): each row has a random support
/// and random positive integer weights, normalised exactly.
inline rc::Gen<oracle::Matrix> stochastic_matrix(int max_n) {
    return rc::gen::exec([max_n] {
        const int n = *rc::gen::inRange(1, max_n + 1);
        oracle::Matrix p(n, oracle::Vector(n, 0));
        for (int i = 0; i < n; ++i) {
            std::vector<long> w(n, 0);
            long total = 0;
            // Sparse supports make several classes, transient states and periodicity likely.
            const int degree = *rc::gen::inRange(1, std::min(n, 3) + 1);
            for (int d = 0; d < degree; ++d) {
                const int j = *rc::gen::inRange(0, n);
                const long add = *rc::gen::inRange(1, 6);
                w[j] += add;
                total += add;
            }
            for (int j = 0; j < n; ++j) p[i][j] = oracle::Q(w[j], total);
            for (int j = 0; j < n; ++j) p[i][j].canonicalize();
        }
        return p;
    });
}

inline rc::Gen<collapse::Rational> small_fraction(long max_den) {
    return rc::gen::exec([max_den] {
        const long den = *rc::gen::inRange<long>(1, max_den + 1);
        const long num = *rc::gen::inRange<long>(0, den + 1);
        return collapse::Rational(num, den);
    });
}

/// A probability vector of K entries, each a multiple of 1/den; `positive` keeps all > 0.
inline rc::Gen<std::vector<collapse::Rational>> probability_vector(std::size_t k, bool positive) {
    return rc::gen::exec([k, positive] {
        std::vector<long> w(k);
        long total = 0;
        for (auto& x : w) {
            x = *rc::gen::inRange<long>(positive ? 1 : 0, 5);
            total += x;
        }
        if (total == 0) { w[0] = 1; total = 1; }
        std::vector<collapse::Rational> q;
        for (long x : w) q.emplace_back(x, total);
        return q;
    });
}

/// A validated recursive model small enough for the brute-force oracle (K^N <= 3^6).
inline rc::Gen<collapse::RecursiveModel> small_model(bool with_fresh) {
    return rc::gen::exec([with_fresh] {
        collapse::RecursiveModel m;
        m.symbols = *rc::gen::inRange<std::size_t>(2, 4);
        m.samples = *rc::gen::inRange<std::uint64_t>(1, m.symbols == 2 ? 8 : 6);
        switch (*rc::gen::inRange(0, 4)) {
            case 0: m.fit.kind = collapse::Fit::Kind::mle; break;
            case 1: m.fit.kind = collapse::Fit::Kind::smooth; m.fit.alpha = *small_fraction(3) * 2; break;
            case 2: m.fit.kind = collapse::Fit::Kind::temper; m.fit.beta = *rc::gen::inRange(1, 4); break;
            default: m.fit.kind = collapse::Fit::Kind::topk; m.fit.k = *rc::gen::inRange<std::uint64_t>(1, m.symbols + 1);
        }
        if (with_fresh) {
            if (*rc::gen::arbitrary<bool>()) {
                m.fresh.kind = collapse::FreshData::Kind::fraction;
                m.fresh.fraction = *small_fraction(10);
            } else {
                m.fresh.kind = collapse::FreshData::Kind::count;
                m.fresh.count = *rc::gen::inRange<std::uint64_t>(0, m.samples + 1);
            }
            m.external = *probability_vector(m.symbols, false);
        }
        return collapse::validated(m);
    });
}

}  // namespace gen_chain
