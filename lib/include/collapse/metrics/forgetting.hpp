#pragma once
// "Time to forget a symbol": tau_i = the first generation at which c_i = 0, from a start
// state. An absorption-type quantity over the states with c_i > 0 (docs/metrics.md):
//   u(x) = P_x(tau_i < inf)       solves (I - Q) u = P(x, {c_i = 0}),
//   w(x) = E_x[tau_i ; tau_i < inf] solves (I - Q) w = u,
// with Q the chain restricted to the states R' that are reachable from the start without
// forgetting i and from which forgetting i is possible (I - Q is then a nonsingular
// M-matrix). E[tau_i] is finite exactly when forgetting is certain, which is decided on the
// exact support (every state reachable from the start inside {c_i > 0} lies in R').
#include <collapse/chain/chain.hpp>
#include <collapse/core/error.hpp>
#include <collapse/linalg/linear_solver.hpp>
#include <collapse/models/state_space.hpp>

#include <optional>
#include <string>
#include <vector>

namespace collapse {

template <Scalar S>
struct SymbolForgetting {
    std::size_t symbol = 0;
    bool present_at_start = true;
    /// Forgetting is certain (probability exactly 1, decided on the support): E[tau] is finite.
    bool certain = false;
    S probability;  ///< P(tau_i < inf): the symbol disappears at some generation
    /// E[tau_i | tau_i < inf]; empty when the symbol can never disappear. Equal to E[tau_i]
    /// when `certain`; otherwise E[tau_i] is infinite.
    std::optional<S> expected_given_forgotten;
};

template <Scalar S, class Solver = LinearSolver<S>>
SymbolForgetting<S> forgetting_time(const Chain<S>& chain, const StateSpace& space, std::size_t start,
                                    std::size_t symbol) {
    SymbolForgetting<S> out;
    out.symbol = symbol;
    const S zero = from_integer<S>(0), one = from_integer<S>(1);
    out.probability = zero;
    auto forgotten = [&](std::size_t s) { return space.counts(s)[symbol] == 0; };
    if (forgotten(start)) {
        out.present_at_start = false;
        out.certain = true;
        out.probability = one;
        out.expected_given_forgotten = zero;
        return out;
    }
    const std::size_t n = chain.size();
    const Support& sup = chain.support();
    // R: reachable from the start without passing through {c_i = 0}.
    std::vector<bool> in_r(n, false);
    std::vector<std::size_t> stack{start};
    in_r[start] = true;
    while (!stack.empty()) {
        const std::size_t x = stack.back();
        stack.pop_back();
        for (std::size_t y : sup.targets(x))
            if (!forgotten(y) && !in_r[y]) {
                in_r[y] = true;
                stack.push_back(y);
            }
    }
    // R' within R: states with a path to {c_i = 0}, found backwards from those with an edge there.
    std::vector<std::vector<std::size_t>> predecessors(n);
    std::vector<bool> can_forget(n, false);
    for (std::size_t x = 0; x < n; ++x) {
        if (!in_r[x]) continue;
        for (std::size_t y : sup.targets(x)) {
            if (forgotten(y)) can_forget[x] = true;
            else predecessors[y].push_back(x);
        }
    }
    for (std::size_t x = 0; x < n; ++x)
        if (can_forget[x]) stack.push_back(x);
    while (!stack.empty()) {
        const std::size_t y = stack.back();
        stack.pop_back();
        for (std::size_t x : predecessors[y])
            if (!can_forget[x]) {
                can_forget[x] = true;
                stack.push_back(x);
            }
    }
    if (!can_forget[start]) {
        out.certain = false;
        return out;  // never forgotten: probability 0, no conditional time
    }
    out.certain = true;
    std::vector<std::size_t> members, position(n, static_cast<std::size_t>(-1));
    for (std::size_t x = 0; x < n; ++x) {
        if (in_r[x] && !can_forget[x]) out.certain = false;
        if (can_forget[x]) {
            position[x] = members.size();
            members.push_back(x);
        }
    }
    // Rows scaled by their totals (integers in exact arithmetic, as in absorption.hpp):
    // (D - W) u = W(x, {c_i = 0}) 1, then (D - W) w = D u.
    const std::size_t m = members.size();
    SparseMatrix<S> a(m);
    DenseMatrix<S> exit(m, 1, zero);
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t x = members[i];
        bool diagonal_done = false;
        for (std::size_t e = sup.row_begin(x); e < sup.row_end(x); ++e) {
            const std::size_t y = sup.column(e);
            if (forgotten(y)) {
                exit(i, 0) += chain.weight(e);
                continue;
            }
            if (position[y] == static_cast<std::size_t>(-1)) continue;  // never forgets from there
            if (!diagonal_done && y > x) {  // columns must increase: place the diagonal in order
                a.add(i, chain.row_total(x));
                diagonal_done = true;
            }
            if (y == x) {
                a.add(i, chain.row_total(x) - chain.weight(e));
                diagonal_done = true;
            } else {
                a.add(position[y], -chain.weight(e));
            }
        }
        if (!diagonal_done) a.add(i, chain.row_total(x));
        a.end_row();
    }
    const Solution<S> u = Solver::solve(a, exit);
    DenseMatrix<S> scaled_u(m, 1, zero);
    for (std::size_t i = 0; i < m; ++i) scaled_u(i, 0) = chain.row_total(members[i]) * u.x(i, 0);
    const Solution<S> w = Solver::solve(a, scaled_u);
    const std::size_t s = position[start];
    if (out.certain) {
        // u(start) is exactly 1 here; using it rather than its enclosure keeps intervals tight.
        out.probability = one;
        out.expected_given_forgotten = w.x(s, 0);
    } else {
        // u(start) > 0 (the start can forget); an enclosure must show it before dividing.
        if (is_positive(u.x(s, 0)) != Truth::yes)
            throw Unable("the probability of forgetting symbol " + std::to_string(symbol) +
                         " cannot be separated from 0 at this precision");
        out.probability = u.x(s, 0);
        out.expected_given_forgotten = w.x(s, 0) / u.x(s, 0);
    }
    return out;
}

/// forgetting_time for every symbol.
template <Scalar S, class Solver = LinearSolver<S>>
std::vector<SymbolForgetting<S>> forgetting_times(const Chain<S>& chain, const StateSpace& space, std::size_t start) {
    std::vector<SymbolForgetting<S>> out;
    for (std::size_t i = 0; i < space.symbols(); ++i) out.push_back(forgetting_time<S, Solver>(chain, space, start, i));
    return out;
}

}  // namespace collapse
