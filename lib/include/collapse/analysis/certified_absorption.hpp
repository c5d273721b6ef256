#pragma once
// Verified absorption probabilities and expected steps for chains too large for interval
// elimination: an approximate solve made into enclosures by an a-posteriori bound
// (numerics.md, "Very large"; Ogita, Oishi and Ushiro 2001; Rump, Acta Numerica 2010).
//
// With A = I - Q (Q the transient block) and any v > 0 with A v > 0, A is a nonsingular
// M-matrix, A^-1 >= 0, and for the residual r = b - A x~ of an approximate solution
//     |x - x~| = |A^-1 r| <= A^-1 |r| <= alpha A^-1 A v = alpha v,  alpha = max_i |r_i| / (A v)_i.
// v is the approximate expected-steps vector (A v is then close to 1). The residuals and A v
// are bounded from row enclosures (RowEnclosure) under directed rounding, the mass of left-out
// transitions included, so the chain is never stored: each pass regenerates its rows.
//
// The bound is only as small as the residual: a plain double solve leaves residuals of the
// double chain's own error (about 1e-14 at N = 10^4), so the solution is first refined in
// long double against the rows' midpoints, reusing one band factorization.
#include <collapse/analysis/absorption.hpp>
#include <collapse/chain/row_enclosure.hpp>
#include <collapse/core/resource_limits.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/graph/support.hpp>
#include <collapse/scalar/interval.hpp>

#include <string>
#include <vector>

namespace collapse {

/// An approximate solution of the absorption systems, in long double.
struct ApproximateAbsorption {
    std::vector<std::size_t> transient;                  ///< as ClassStructure::transient
    std::vector<std::vector<long double>> probability;   ///< [closed class][transient index]; empty if not asked
    std::vector<long double> expected_steps;             ///< per transient state (always: it is v)
    std::string method;
};

/// The support read off the rows' windows (entries with a positive lower bound) and its class
/// structure, which is the full chain's: rows with mass outside their window count as
/// truncated and truncation_keeps_class_structure must hold (Unable otherwise), and a window
/// entry that may or may not be zero makes the support undecidable (Unable).
struct WindowedStructure {
    Support support;
    ClassStructure classes;
};
WindowedStructure windowed_structure(const RowEnclosureSource& rows, std::size_t states);

/// A double band LU of the rows' midpoints (its band read off `structure.support`), then
/// `refinements` steps of iterative refinement with long double residuals. Throws Unable
/// when the band LU meets a pivot that is not positive.
ApproximateAbsorption refined_absorption(const RowEnclosureSource& rows, const WindowedStructure& structure,
                                         bool want_probabilities, int refinements = 2);

/// Enclosures of the absorption probabilities (if asked) and expected steps (if asked) of the
/// chain whose rows `rows` encloses and whose class structure is `cs` (the true one).
/// Endpoints are long doubles (64-bit significands) widened outward. Throws Unable when A v > 0
/// cannot be proved (an approximation too poor to certify).
AbsorptionResult<Interval> certify_absorption(const RowEnclosureSource& rows, const ClassStructure& cs,
                                              const ApproximateAbsorption& approximate, bool want_probabilities,
                                              bool want_steps);

/// Refuses (ResourceLimit) a route whose support, system and band would not fit in `limits`.
void require_certified_absorption_memory(std::size_t states, double row_width, const ResourceLimits& limits);

/// A route's results: the structure read off the windows and the absorption analysis.
template <Scalar S>
struct AbsorptionByRows {
    WindowedStructure structure;
    AbsorptionResult<S> absorption;
};

/// The whole route: structure, refined solve, certificate. `row_width` bounds the number of
/// columns in a window (for the memory estimate, checked against `limits` before allocating).
AbsorptionByRows<Interval> certified_absorption(const RowEnclosureSource& rows, std::size_t states,
                                                double row_width, bool want_probabilities, bool want_steps,
                                                const ResourceLimits& limits);

/// The same route for doubles, without the certificate: the refined solve rounded to double
/// (approximate; the method says so).
AbsorptionByRows<double> approximate_absorption_by_rows(const RowEnclosureSource& rows, std::size_t states,
                                                        double row_width, bool want_probabilities, bool want_steps,
                                                        const ResourceLimits& limits);

}  // namespace collapse
