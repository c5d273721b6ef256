#pragma once
// Stationary distribution of each closed class, by the regenerative form: with reference
// state s of class C and the other members R, the vector w = (expected visits to each
// r in R per excursion from s) solves w^T (I - P_RR) = P(s, R), and pi = (1, w) / (1 + sum w).
// I - P_RR is a nonsingular M-matrix, periodic or not. Every stationary distribution of
// the chain is a convex combination of these.
#include <collapse/chain/chain.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <algorithm>
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
StationaryResult<S> stationary_distributions(const Chain<S>& chain, const ClassStructure& cs) {
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

}  // namespace collapse
