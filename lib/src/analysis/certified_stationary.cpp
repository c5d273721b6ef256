// Compiled with -frounding-math -ffp-contract=off (see collapse/core/directed_rounding.hpp).
#include <collapse/analysis/certified_stationary.hpp>
#include <collapse/core/error.hpp>

#include <collapse/core/directed_rounding.hpp>
#include "long_double_bounds.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace collapse {
namespace {

using detail::add_down;
using detail::div_down;
using detail::mul_down;
using detail::sub_down;

void require_full_row(const RowEnclosure& row, std::size_t states) {
    if (row.first != 0 || row.lo.size() != states || row.hi.size() != states || row.outside != 0)
        throw std::logic_error("certified stationary law: a row enclosure does not cover every column");
}

// Index in R (every state but the reference).
std::size_t position(std::size_t state, std::size_t reference) { return state < reference ? state : state - 1; }

ClassStructure one_aperiodic_class(std::size_t states) {
    ClassStructure cs;
    cs.classes.emplace_back(states);
    std::iota(cs.classes[0].begin(), cs.classes[0].end(), std::size_t{0});
    cs.class_of.assign(states, 0);
    cs.closed = {0};
    cs.period = {1};
    cs.closed_index.assign(states, 0);
    if (states == 1) cs.absorbing = {0};
    return cs;
}

}  // namespace

void require_certified_stationary_memory(std::size_t states, const ResourceLimits& limits) {
    // The dense matrix of A^T (factored in place) and a few vectors per state.
    const double n = static_cast<double>(states);
    require_memory(limits, n * n * 8.0 + n * 200.0,
                   "the dense solve of the stationary law of a chain of " + std::to_string(states) + " states");
}

ApproximateStationary approximate_stationary(const RowEnclosureSource& rows, std::size_t states,
                                             std::size_t reference) {
    if (states < 2 || reference >= states) throw std::invalid_argument("approximate_stationary: no unknowns");
    const auto r = static_cast<Eigen::Index>(states - 1);
    Eigen::MatrixXd at = Eigen::MatrixXd::Identity(r, r);  // A^T = I - P_RR^T, column i from row i
    Eigen::VectorXd b = Eigen::VectorXd::Zero(r);
    {
        const detail::UpwardRounding upward;
        RowEnclosure row;
        for (std::size_t i = 0; i < states; ++i) {
            rows(i, row);
            require_full_row(row, states);
            for (std::size_t j = 0; j < states; ++j) {
                if (j == reference) continue;
                // Midpoints far below double's range only slow the LU down (subnormals).
                const auto mid = static_cast<double>((row.lo[j] + row.hi[j]) / 2);
                const double entry = mid < 1e-290 ? 0.0 : mid;
                const auto pj = static_cast<Eigen::Index>(position(j, reference));
                if (i == reference) b(pj) = entry;
                else at(pj, static_cast<Eigen::Index>(position(i, reference))) -= entry;
            }
        }
    }
    // A^T is column diagonally dominant (A's rows sum to P(i, s) >= 0): no pivoting happens,
    // and Gaussian elimination on an M-matrix keeps residuals small entry by entry.
    const Eigen::PartialPivLU<Eigen::Ref<Eigen::MatrixXd>> lu(at);
    const Eigen::VectorXd w = lu.solve(b);
    const Eigen::VectorXd u = lu.solve(w);
    if (!w.allFinite() || !u.allFinite())
        throw Unable("certified stationary law: the double solve gave non-finite values");
    ApproximateStationary out{reference, std::vector<long double>(states, 1), std::vector<long double>(states, 0)};
    for (std::size_t j = 0; j < states; ++j) {
        if (j == reference) continue;
        const auto pj = static_cast<Eigen::Index>(position(j, reference));
        out.w[j] = w(pj);
        out.u[j] = u(pj);
    }
    return out;
}

CertifiedStationary certify_stationary(const RowEnclosureSource& rows, const ApproximateStationary& approximate,
                                       const std::string& reference_name) {
    const std::size_t states = approximate.w.size(), s = approximate.reference;
    if (states < 2 || s >= states || approximate.u.size() != states)
        throw std::logic_error("certify_stationary: the approximation does not match the chain");
    // v = (1, w~) over all states and u with u_s = 0: then for j in R
    //   r_j = sum_i v_i P_ij - v_j  and  (u^T A)_j = u_j - sum_i u_i P_ij,
    // one scatter pass over all rows, column sums accumulated in both directions.
    std::vector<long double> v = approximate.w, u = approximate.u;
    v[s] = 1;
    u[s] = 0;
    for (std::size_t j = 0; j < states; ++j) {
        if (!std::isfinite(v[j]) || !std::isfinite(u[j]))
            throw Unable("certified stationary law: the approximate solution is not finite at state " +
                         std::to_string(j));
        if (j != s && !(u[j] > 0))
            throw Unable("certified stationary law: the certificate's weight is not positive at state " +
                         std::to_string(j) + "; nothing to certify with");
    }
    std::vector<long double> flow_lo(states, 0), flow_hi(states, 0), pushed_hi(states, 0);
    std::vector<long double> lo(states), hi(states);
    long double alpha = 0;
    {
        const detail::UpwardRounding upward;
        RowEnclosure row;
        for (std::size_t i = 0; i < states; ++i) {
            rows(i, row);
            require_full_row(row, states);
            const long double vi = v[i], ui = u[i];
            for (std::size_t j = 0; j < states; ++j) {
                const long double plo = row.lo[j], phi = row.hi[j];
                if (!(plo > 0))
                    throw Unable("certified stationary law: the transition from state " + std::to_string(i) +
                                 " to state " + std::to_string(j) + " is not proved positive");
                if (vi >= 0) {
                    flow_hi[j] = flow_hi[j] + vi * phi;
                    flow_lo[j] = add_down(flow_lo[j], mul_down(vi, plo));
                } else {
                    flow_hi[j] = flow_hi[j] + vi * plo;
                    flow_lo[j] = add_down(flow_lo[j], mul_down(vi, phi));
                }
                pushed_hi[j] = pushed_hi[j] + ui * phi;
            }
        }
        for (std::size_t j = 0; j < states; ++j) {
            if (j == s) continue;
            const long double r_hi = flow_hi[j] - v[j], r_lo = sub_down(flow_lo[j], v[j]);
            const long double ua = sub_down(u[j], pushed_hi[j]);
            if (!(ua > 0))
                throw Unable("certified stationary law: u^T (I - P_RR) > 0 is not proved at state " +
                             std::to_string(j) + " (lower bound " + detail::scientific(ua) +
                             "); the double solve is too inaccurate here");
            alpha = std::max(alpha, std::max(std::fabs(r_lo), std::fabs(r_hi)) / ua);
        }
        // w in [w~ - alpha u, w~ + alpha u], and w >= 0; w_s = 1.
        for (std::size_t j = 0; j < states; ++j) {
            if (j == s) {
                lo[j] = hi[j] = 1;
                continue;
            }
            const long double radius = alpha * u[j];
            lo[j] = std::max<long double>(0, sub_down(v[j], radius));
            hi[j] = v[j] + radius;
        }
        // pi_j = w_j / (w_j + sum of the others): increasing in w_j, decreasing in the others.
        long double total_lo = 0, total_hi = 0;
        for (std::size_t j = 0; j < states; ++j) {
            total_lo = add_down(total_lo, lo[j]);
            total_hi = total_hi + hi[j];
        }
        for (std::size_t j = 0; j < states; ++j) {
            const long double others_hi = total_hi - hi[j], others_lo = std::max<long double>(0, sub_down(total_lo, lo[j]));
            const long double p_lo = div_down(lo[j], lo[j] + others_hi);
            const long double p_hi = std::min<long double>(1, hi[j] / add_down(hi[j], others_lo));
            lo[j] = p_lo;
            hi[j] = p_hi;
        }
    }
    CertifiedStationary out;
    out.classes = one_aperiodic_class(states);
    out.alpha = alpha;
    ClassDistribution<Interval> dist;
    dist.states.resize(states);
    std::iota(dist.states.begin(), dist.states.end(), std::size_t{0});
    dist.probability.reserve(states);
    for (std::size_t j = 0; j < states; ++j) dist.probability.push_back(detail::between(lo[j], hi[j]));
    out.stationary.per_class.push_back(std::move(dist));
    out.stationary.method = "regenerative at state " + reference_name +
                            ": dense double LU certified by an a-posteriori M-matrix bound |w - w~| <= alpha u "
                            "(alpha = " + detail::scientific(alpha) +
                            "); rows enclosed in long double, every transition proved positive";
    return out;
}

CertifiedStationary certified_stationary(const RowEnclosureSource& rows, std::size_t states, std::size_t reference,
                                         const std::function<std::string(std::size_t)>& label,
                                         const ResourceLimits& limits, long double move_reference_above) {
    require_certified_stationary_memory(states, limits);
    ApproximateStationary approximate = approximate_stationary(rows, states, reference);
    const auto heaviest = static_cast<std::size_t>(
        std::max_element(approximate.w.begin(), approximate.w.end()) - approximate.w.begin());
    if (approximate.w[heaviest] > move_reference_above) approximate = approximate_stationary(rows, states, heaviest);
    return certify_stationary(rows, approximate, label(approximate.reference));
}

}  // namespace collapse
