#pragma once
// Stationary distribution of each closed class, by the regenerative form: with reference
// state s of class C and the other members R, the vector w = (expected visits to each
// r in R per excursion from s) solves w^T (I - P_RR) = P(s, R), and pi = (1, w) / (1 + sum w).
// I - P_RR is a nonsingular M-matrix, periodic or not. Every stationary distribution of
// the chain is a convex combination of these.
#include <collapse/chain/chain.hpp>
#include <collapse/core/error.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <string>
#include <vector>

namespace collapse {

template <Scalar S>
struct ClassDistribution {
    std::vector<std::size_t> states;  ///< the class's members, ascending
    std::vector<S> probability;       ///< aligned with `states`
};

template <Scalar S>
struct StationaryResult {
    static constexpr Guarantee guarantee = scalar_traits<S>::guarantee;
    std::vector<ClassDistribution<S>> per_class;  ///< indexed like ClassStructure::closed
    std::string method;
};

template <Scalar S, class Solver = LinearSolver<S>>
StationaryResult<S> stationary_distributions_regenerative(const Chain<S>& chain, const ClassStructure& cs) {
    StationaryResult<S> result;
    result.method = "regenerative";
    const S zero = from_integer<S>(0), one = from_integer<S>(1);
    std::vector<std::size_t> position(chain.size(), ClassStructure::npos);
    for (std::size_t k = 0; k < cs.closed.size(); ++k) {
        const std::vector<std::size_t>& members = cs.closed_class(k);
        ClassDistribution<S> dist{members, std::vector<S>(members.size(), zero)};
        const std::size_t r = members.size() - 1;  // unknowns: members[1..]
        if (r == 0) {
            dist.probability[0] = one;
            result.per_class.push_back(std::move(dist));
            continue;
        }
        for (std::size_t i = 1; i <= r; ++i) position[members[i]] = i - 1;
        // With P = D^{-1} W (D the row totals, W the weights), write w = D u / total(s):
        // then (D - W)_RR^T u = W(s, R)^T, a system with integer entries in exact arithmetic.
        // Row j of the transposed matrix gathers column j of (D - W)_RR.
        std::vector<std::vector<std::pair<std::size_t, S>>> columns(r);
        for (std::size_t i = 1; i <= r; ++i) {
            const std::size_t from = members[i];
            columns[i - 1].emplace_back(i - 1, chain.row_total(from));
            for (std::size_t e = chain.support().row_begin(from); e < chain.support().row_end(from); ++e) {
                const std::size_t to = chain.support().column(e);
                if (position[to] != ClassStructure::npos)
                    columns[position[to]].emplace_back(i - 1, -chain.weight(e));
            }
        }
        SparseMatrix<S> a(r);
        for (auto& col : columns) {
            std::sort(col.begin(), col.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
            for (std::size_t t = 0; t < col.size(); ++t) {
                if (t + 1 < col.size() && col[t + 1].first == col[t].first) {  // self-loop meets diagonal
                    col[t + 1].second = col[t].second + col[t + 1].second;
                    continue;
                }
                a.add(col[t].first, std::move(col[t].second));
            }
            a.end_row();
        }
        const std::size_t s = members[0];
        DenseMatrix<S> b(r, 1, zero);
        for (std::size_t e = chain.support().row_begin(s); e < chain.support().row_end(s); ++e) {
            const std::size_t to = chain.support().column(e);
            if (position[to] != ClassStructure::npos) b(position[to], 0) = chain.weight(e);
        }
        Solution<S> u = Solver::solve(a, b);
        result.method = "regenerative, " + u.method;
        S total = one;
        for (std::size_t i = 1; i <= r; ++i) {
            dist.probability[i] = chain.row_total(members[i]) * u.x(i - 1, 0) / chain.row_total(s);
            total = total + dist.probability[i];
        }
        dist.probability[0] = one / total;
        for (std::size_t i = 1; i <= r; ++i) dist.probability[i] = dist.probability[i] / total;
        for (std::size_t i = 1; i <= r; ++i) position[members[i]] = ClassStructure::npos;
        result.per_class.push_back(std::move(dist));
    }
    return result;
}

/// Doubles: Grassmann-Taksar-Heyman state reduction on each closed class. Subtraction-free,
/// so tiny stationary probabilities keep their relative accuracy (numerics.md: LU lost all
/// digits on entries of 1e-72 where GTH kept 1e-15). Dense per class: O(m^3).
inline StationaryResult<double> approx_stationary_distributions_gth(const Chain<double>& chain,
                                                                    const ClassStructure& cs) {
    StationaryResult<double> result;
    result.method = "gth (approximate)";
    for (std::size_t k = 0; k < cs.closed.size(); ++k) {
        const std::vector<std::size_t>& members = cs.closed_class(k);
        const std::size_t m = members.size();
        std::vector<std::size_t> position(chain.size(), ClassStructure::npos);
        for (std::size_t i = 0; i < m; ++i) position[members[i]] = i;
        std::vector<double> a(m * m, 0.0);  // the class's transition matrix, row-major
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t e = chain.support().row_begin(members[i]); e < chain.support().row_end(members[i]); ++e)
                if (const std::size_t j = position[chain.support().column(e)]; j != ClassStructure::npos)
                    a[i * m + j] += chain.probability(members[i], e);
        // Censor states m-1, ..., 1 in turn; the exit mass of state n is the sum of its row
        // towards the states left, not 1 - a(n, n) (no cancellation).
        for (std::size_t n = m - 1; n >= 1; --n) {
            double exit = 0.0;
            for (std::size_t j = 0; j < n; ++j) exit += a[n * m + j];
            for (std::size_t i = 0; i < n; ++i) a[i * m + n] /= exit;
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j) a[i * m + j] += a[i * m + n] * a[n * m + j];
        }
        ClassDistribution<double> dist{members, std::vector<double>(m, 0.0)};
        dist.probability[0] = 1.0;
        double total = 1.0;
        for (std::size_t j = 1; j < m; ++j) {
            for (std::size_t i = 0; i < j; ++i) dist.probability[j] += dist.probability[i] * a[i * m + j];
            total += dist.probability[j];
        }
        for (double& p : dist.probability) p /= total;
        if (!std::isfinite(total))  // an exit mass that underflowed to 0
            throw Unable("GTH gave non-finite values in closed class " + std::to_string(k) +
                         ": a probability underflows in double precision; exact or interval arithmetic can decide it");
        result.per_class.push_back(std::move(dist));
    }
    return result;
}

/// The stationary law of each closed class: GTH for doubles, the regenerative linear
/// system otherwise (exact solve for rationals, verified solve for intervals).
template <Scalar S, class Solver = LinearSolver<S>>
StationaryResult<S> stationary_distributions(const Chain<S>& chain, const ClassStructure& cs) {
    if constexpr (std::is_same_v<S, double>) return approx_stationary_distributions_gth(chain, cs);
    else return stationary_distributions_regenerative<S, Solver>(chain, cs);
}

}  // namespace collapse
