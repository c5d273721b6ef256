#pragma once
// Absorption probabilities into each closed class and expected steps to reach one, for
// every transient state: (I - Q) B = R and (I - Q) t = 1, with Q the transient block.
// Scaling row i by its total d_i gives (D - W)_TT [B | t] = [W_T,closed summed per class | d],
// integers in exact arithmetic; one solve serves both right-hand sides.
#include <collapse/chain/chain.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/linalg/linear_solver.hpp>

#include <string>
#include <vector>

namespace collapse {

template <Scalar S>
struct AbsorptionResult {
    static constexpr Guarantee guarantee = scalar_traits<S>::guarantee;
    std::vector<std::size_t> transient;     ///< transient states, ascending (rows below)
    DenseMatrix<S> probability;             ///< [transient index][closed class]; empty if not asked
    std::vector<S> expected_steps;          ///< per transient state; empty if not asked
    std::string method;
};

template <Scalar S, class Solver = LinearSolver<S>>
AbsorptionResult<S> absorption_analysis(const Chain<S>& chain, const ClassStructure& cs,
                                        bool want_probabilities, bool want_steps) {
    AbsorptionResult<S> result;
    result.transient = cs.transient;
    const std::size_t n = cs.transient.size(), k = cs.closed.size();
    const S zero = from_integer<S>(0);
    if (n == 0 || (!want_probabilities && !want_steps)) {
        result.method = "none needed";
        return result;
    }
    std::vector<std::size_t> position(chain.size(), ClassStructure::npos);
    for (std::size_t i = 0; i < n; ++i) position[cs.transient[i]] = i;

    SparseMatrix<S> a(n);
    DenseMatrix<S> to_closed(n, want_probabilities ? k : 0, zero), totals(n, want_steps ? 1 : 0, zero);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t from = cs.transient[i];
        bool diagonal_done = false;
        for (std::size_t e = chain.support().row_begin(from); e < chain.support().row_end(from); ++e) {
            const std::size_t to = chain.support().column(e);
            if (position[to] != ClassStructure::npos) {
                // Columns of a sparse row must increase: transient positions follow state order.
                if (!diagonal_done && to > from) {
                    a.add(i, chain.row_total(from));
                    diagonal_done = true;
                }
                if (to == from) {
                    a.add(i, chain.row_total(from) - chain.weight(e));
                    diagonal_done = true;
                } else {
                    a.add_negated(position[to], chain.weight(e));  // refers to the chain's weight: no copy
                }
            } else if (want_probabilities) {
                S& cell = to_closed(i, cs.closed_index[to]);
                cell = cell + chain.weight(e);
            }
        }
        if (!diagonal_done) a.add(i, chain.row_total(from));
        a.end_row();
        if (want_steps) totals(i, 0) = chain.row_total(from);
    }
    // Two solves, not one: absorption probabilities are small numbers, expected steps huge
    // ones, and an exact solve of both at once would lift every column to the larger size.
    if (want_probabilities) {
        Solution<S> solution = Solver::solve(a, to_closed);
        result.probability = std::move(solution.x);
        result.method = solution.method;
    }
    if (want_steps) {
        Solution<S> solution = Solver::solve(a, totals);
        result.expected_steps.reserve(n);
        for (std::size_t i = 0; i < n; ++i) result.expected_steps.push_back(solution.x(i, 0));
        if (result.method.empty()) result.method = solution.method;
    }
    return result;
}

}  // namespace collapse
