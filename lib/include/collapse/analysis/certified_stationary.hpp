#pragma once
// A verified stationary law for chains too large for interval elimination whose transitions
// are all positive (fresh data): a dense double solve made into enclosures by an
// a-posteriori M-matrix bound (numerics.md, "Stationary distributions"; the absorption
// counterpart is certified_absorption.hpp).
//
// Regenerative form at a reference state s (R the other states): w^T A = b^T with
// A = I - P_RR and b = P(s, R), pi = (1, w) / (1 + sum w). For any u > 0 on R with u^T A > 0,
// A is a nonsingular M-matrix (A^-1 >= 0), and for the residual r^T = b^T - w~^T A
//     |w - w~|^T = |r^T A^-1| <= |r|^T A^-1 <= alpha u^T A A^-1 = alpha u^T,
//     alpha = max_j |r_j| / (u^T A)_j.
// u solves A^T u = w~ (same LU factors), so u^T A is close to w~^T and alpha is close to the
// residual's relative size, a few units of double rounding even for tiny entries; the bound
// alpha u_j is relative to w_j by u_j / w_j (about a mean return time). Residuals and u^T A
// are bounded from row enclosures under directed rounding; the chain is never stored.
#include <collapse/analysis/stationary.hpp>
#include <collapse/chain/row_enclosure.hpp>
#include <collapse/core/resource_limits.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/scalar/interval.hpp>

#include <functional>
#include <string>
#include <vector>

namespace collapse {

/// An approximate regenerative solution over all states: w[reference] = 1 and w elsewhere
/// the expected visits per excursion from the reference (the unnormalised law), and the
/// certificate's weights u (u[reference] is not used).
struct ApproximateStationary {
    std::size_t reference = 0;
    std::vector<long double> w, u;
};

/// Refuses (ResourceLimit) a dense solve of a chain of `states` states that would not fit.
void require_certified_stationary_memory(std::size_t states, const ResourceLimits& limits);

/// Solves for w~ and u with one dense double LU (Eigen, partial pivoting) of the midpoints of
/// A^T. The rows must cover every column (first = 0, outside = 0). Throws Unable when the
/// solve gives non-finite values.
ApproximateStationary approximate_stationary(const RowEnclosureSource& rows, std::size_t states,
                                             std::size_t reference);

/// The certificate: the stationary law as enclosures with long double endpoints, one class
/// holding every state. Requires every entry of every row to be proved positive (then the
/// chain is irreducible and aperiodic, and this is its only stationary law), u > 0 off the
/// reference and each (u^T A)_j > 0 proved; throws Unable otherwise. `reference_name` is
/// the reference state's label for the method string.
struct CertifiedStationary {
    StationaryResult<Interval> stationary;
    ClassStructure classes;  ///< one closed aperiodic class of every state
    long double alpha = 0;
};
CertifiedStationary certify_stationary(const RowEnclosureSource& rows, const ApproximateStationary& approximate,
                                       const std::string& reference_name);

/// The whole route: memory check, approximate solve, certificate. The bound is relative to
/// each w_j by about a mean return time to the reference, so the reference should carry much
/// mass: when the solve at `reference` finds a state with more than `move_reference_above`
/// times its mass, it is solved again at that state (one more LU). `label` names states.
CertifiedStationary certified_stationary(const RowEnclosureSource& rows, std::size_t states, std::size_t reference,
                                         const std::function<std::string(std::size_t)>& label,
                                         const ResourceLimits& limits, long double move_reference_above = 4);

}  // namespace collapse
