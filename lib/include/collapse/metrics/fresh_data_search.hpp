#pragma once
// The smallest fresh-data fraction lambda that meets a target on the stationary regime
// (docs/metrics.md). A target is a bound on a stationary expectation:
//   entropy >= h      E_pi[H(mu)] >= h        (h a number, or r*H(q))
//   surviving >= s    E_pi[#{i : c_i > 0}] >= s
//   dirac-mass <= e   pi(Dirac states) <= e
//   tv <= d           E_pi[TV(mu, q)] <= d
//   wasserstein <= d  E_pi[W1(mu, q)] <= d
// When the chain has several closed classes (lambda = 0), a target holds only if it holds
// for every stationary law; the expectations are linear in pi, so it is enough to check the
// stationary law of each closed class.
//
// The search evaluates the target at lambda = 0, 1/8, ..., 1, then bisects (dyadic
// rationals, each evaluation exact or by intervals) between the last grid point where the
// target fails and the first where it holds, until the bracket is no wider than requested.
// Every evaluation decides "holds" or "fails" with proof; the bracket is certified at both
// ends. Minimality relies on monotonicity in lambda, which is checked on the evaluated points.
#include <collapse/core/resource_limits.hpp>
#include <collapse/models/recursive_model.hpp>
#include <collapse/scalar/interval.hpp>
#include <collapse/scalar/rational.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace collapse {

struct FreshDataTarget {
    enum class Measure { entropy, surviving, dirac_mass, total_variation, wasserstein };
    Measure measure = Measure::entropy;
    bool at_least = true;  ///< ">=" (entropy, surviving) or "<=" (the others)
    /// The bound is `factor` times `unit`: 1, H(q) (the entropy of the external
    /// distribution) or log(log_argument), the last two for entropy only.
    enum class Unit { one, entropy_of_q, log };
    Rational factor;
    Unit unit = Unit::one;
    Rational log_argument = 1;
    std::string text;      ///< normalised, e.g. "entropy >= 9/10*H(q)"
};

/// The bound of an entropy target, enclosed at `bits` (q: the model's external distribution).
Interval entropy_bound_enclosure(const FreshDataTarget& target, const std::vector<Rational>& q, Precision bits);

/// Parses "MEASURE OP VALUE" (spaces optional; numbers exact: 0.9, 9/10, 1e-3; for entropy
/// also "R*H(q)", "H(q)", "R*log(M)", "log(M)"). Throws InvalidInput with one line for a malformed target, an
/// unknown measure, the wrong direction, or a value no chain of `model`'s size can reach
/// (entropy above log K, more than min(K, N) surviving symbols, a negative bound).
FreshDataTarget parse_fresh_data_target(std::string_view text, const RecursiveModel& model, Precision bits = 128);

/// One evaluation of the target at a fresh fraction lambda.
struct TargetEvaluation {
    Rational lambda;
    /// The stationary expectation, one per closed class (one when the stationary law is
    /// unique): exact when rational, else an enclosure.
    std::vector<std::variant<Rational, Interval>> values;
    bool holds = false;
    Precision bits = 0;  ///< precision of the enclosures (0: everything exact)
};

struct FreshDataSearch {
    enum class Outcome { met_without_fresh_data, bracketed, not_met };
    FreshDataTarget target;
    std::string arithmetic;  ///< "exact" or "interval"
    Rational width;
    Outcome outcome = Outcome::not_met;
    Rational lambda_lo, lambda_hi;  ///< target proved to fail at lambda_lo, hold at lambda_hi
    std::optional<Interval> bound;  ///< the bound as enclosed, when it is not rational
    std::vector<TargetEvaluation> evaluations;  ///< in the order done
    bool monotone_on_evaluated_points = true;
    std::string note;
};

std::string_view to_string(FreshDataSearch::Outcome o);

/// Evaluates the target at one lambda in exact arithmetic (log-quantities enclosed at
/// `bits`, raised when undecided) or in interval arithmetic (raised likewise up to 4096
/// bits). `model` gives K, N, the fit and q; its fresh-data setting is replaced by lambda.
/// Throws Unable when the target cannot be decided below the precision cap.
TargetEvaluation evaluate_fresh_data_target(const RecursiveModel& model, const FreshDataTarget& target,
                                            const Rational& lambda, bool exact, Precision bits,
                                            const ResourceLimits& limits);

/// The search described above. `width` in (0, 1].
FreshDataSearch fresh_data_search(const RecursiveModel& model, const FreshDataTarget& target, const Rational& width,
                                  bool exact, Precision bits, const ResourceLimits& limits);

}  // namespace collapse
