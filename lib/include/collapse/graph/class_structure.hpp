#pragma once
// Communicating classes, closed classes and their periods, transient and absorbing
// states: everything decided by the support graph alone.
#include <collapse/graph/support.hpp>

#include <cstddef>
#include <vector>

namespace collapse {

struct ClassStructure {
    /// Communicating classes, members ascending, classes ordered by smallest member.
    std::vector<std::vector<std::size_t>> classes;
    /// class_of[state] = index into `classes`.
    std::vector<std::size_t> class_of;
    /// Indices into `classes` of the closed (recurrent) classes, in `classes` order.
    /// Position in this list is the closed class's index everywhere else.
    std::vector<std::size_t> closed;
    /// period[k] of closed class k (1 = aperiodic).
    std::vector<std::size_t> period;
    /// closed_index[state] = k if the state lies in closed class k, else npos.
    std::vector<std::size_t> closed_index;
    /// States in no closed class, ascending.
    std::vector<std::size_t> transient;
    /// States whose only transition is to themselves, ascending.
    std::vector<std::size_t> absorbing;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    const std::vector<std::size_t>& closed_class(std::size_t k) const { return classes[closed[k]]; }
    bool is_transient(std::size_t state) const { return closed_index[state] == npos; }
};

/// Tarjan's strongly connected components (iterative, so deep chains cannot overflow the
/// stack), then closedness and periods (breadth-first levels: the period is the gcd of
/// level[u] + 1 - level[v] over the class's edges u -> v). O(states + transitions).
ClassStructure class_structure(const Support& support);

/// Whether the class structure computed on a *truncated* support (some rows lost
/// transitions, marked in `truncated_rows`) is that of the full support, which contains it.
/// True when every closed class either lost nothing from its rows (then it is closed in the
/// full graph too, with the same edges and period) or is the whole state space and
/// aperiodic (then the full graph is irreducible and aperiodic as well). In both cases the
/// closed classes coincide and every other state stays transient.
bool truncation_keeps_class_structure(const ClassStructure& truncated, const std::vector<bool>& truncated_rows);

}  // namespace collapse
