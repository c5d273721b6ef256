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

}  // namespace collapse
