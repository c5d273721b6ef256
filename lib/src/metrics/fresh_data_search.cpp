#include <collapse/metrics/fresh_data_search.hpp>

#include <collapse/analysis/analysis.hpp>
#include <collapse/chain/chain.hpp>
#include <collapse/core/error.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/metrics/diversity.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/models/state_space.hpp>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace collapse {
namespace {

constexpr Precision precision_cap = 4096;
constexpr int grid_points = 8;  // lambda = 0, 1/8, ..., 1 before bisecting

std::string without_spaces(std::string_view s) {
    std::string out;
    for (char ch : s)
        if (!std::isspace(static_cast<unsigned char>(ch))) out += ch;
    return out;
}

const char* const accepted_targets =
    "accepted: 'entropy >= H' (H a number, R*H(q) or R*log(M)), 'surviving >= S', 'dirac-mass <= E', 'tv <= D', "
    "'wasserstein <= D'";

InvalidInput bad_target(std::string_view text, const std::string& why) {
    std::string message = "--target '";
    message += text;
    message += "': ";
    message += why;
    message += "; ";
    message += accepted_targets;
    return InvalidInput(message);
}

// Truth of "margin >= 0" for an exact or enclosed margin.
Truth nonnegative(const Rational& margin) { return margin.sign() >= 0 ? Truth::yes : Truth::no; }
Truth nonnegative(const Interval& margin) {
    if (margin.lower_double_down() >= 0) return Truth::yes;  // rounded down: lo >= 0 is proved
    if (margin.upper_double_up() < 0) return Truth::no;
    return Truth::unknown;
}


template <Scalar S>
Chain<S> chain_at(const RecursiveModel& model, Precision bits, const ResourceLimits& limits) {
    if constexpr (std::is_same_v<S, Rational>) return exact_recursive_chain(model, limits);
    else return numeric_recursive_chain<S>(model, bits, limits);
}

// Decides the target at one precision: Truth::unknown when an enclosure is too wide.
template <Scalar S>
Truth evaluate_once(const RecursiveModel& model, const FreshDataTarget& t, Precision bits,
                    const ResourceLimits& limits, TargetEvaluation& out) {
    using M = FreshDataTarget::Measure;
    out.values.clear();
    out.bits = (std::is_same_v<S, Rational> && t.measure != M::entropy) ? 0 : bits;
    const Chain<S> chain = chain_at<S>(model, bits, limits);
    require_memory(limits, LinearSolver<S>::large_answer_memory_estimate(static_cast<double>(chain.size()), 1, largest_row_bits(chain)),
                   "the stationary solve over " + std::to_string(chain.size()) + " states at lambda = " +
                       model.fresh.fraction.str());
    const ClassStructure cs = class_structure(chain.support());
    const StationaryResult<S> stationary = stationary_distributions<S>(chain, cs);
    const StateSpace space(model.symbols, model.samples);
    Truth all = Truth::yes;
    for (const ClassDistribution<S>& d : stationary.per_class) {
        Truth verdict = Truth::unknown;
        if (t.measure == M::entropy) {
            Interval value = Interval::enclose(Rational(0), bits);
            for (std::size_t j = 0; j < d.states.size(); ++j)
                value += as_real(d.probability[j], bits) * entropy_enclosure(space.counts(d.states[j]), bits);
            const Interval bound = entropy_bound_enclosure(t, model.external, bits);
            verdict = nonnegative(value - bound);
            out.values.emplace_back(std::move(value));
        } else {
            S value = from_integer<S>(0);
            for (std::size_t j = 0; j < d.states.size(); ++j) {
                const Counts c = space.counts(d.states[j]);
                switch (t.measure) {
                    case M::surviving:
                        value += d.probability[j] * from_integer<S>(static_cast<long>(surviving_symbols(c)));
                        break;
                    case M::dirac_mass:
                        if (is_dirac(c)) value += d.probability[j];
                        break;
                    case M::total_variation:
                        value += d.probability[j] *
                                 scalar_traits<S>::from_rational(total_variation(c, model.external), bits);
                        break;
                    case M::wasserstein:
                        value += d.probability[j] * scalar_traits<S>::from_rational(wasserstein1(c, model.external), bits);
                        break;
                    case M::entropy: break;
                }
            }
            const S bound = scalar_traits<S>::from_rational(t.factor, bits);
            verdict = nonnegative(t.at_least ? S(value - bound) : S(bound - value));
            out.values.emplace_back(std::move(value));
        }
        if (verdict == Truth::no) all = Truth::no;
        else if (verdict == Truth::unknown && all == Truth::yes) all = Truth::unknown;
    }
    return all;
}

// The search's precision: raised for one evaluation, kept for the next ones.
TargetEvaluation evaluate(const RecursiveModel& base, const FreshDataTarget& t, const Rational& lambda, bool exact,
                          Precision& bits, const ResourceLimits& limits) {
    RecursiveModel model = base;
    model.fresh.kind = FreshData::Kind::fraction;
    model.fresh.fraction = lambda;
    model.fresh.count = 0;
    TargetEvaluation out;
    out.lambda = lambda;
    std::string why;
    for (;; bits = std::min(2 * bits, precision_cap)) {
        Truth verdict = Truth::unknown;
        try {
            verdict = exact ? evaluate_once<Rational>(model, t, bits, limits, out)
                            : evaluate_once<Interval>(model, t, bits, limits, out);
            if (verdict == Truth::unknown) why = "the enclosure of the expectation overlaps the bound";
        } catch (const Unable& e) {
            why = e.what();
        }
        if (verdict != Truth::unknown) {
            out.holds = verdict == Truth::yes;
            return out;
        }
        if (bits >= precision_cap)
            throw Unable("the target '" + t.text + "' at lambda = " + lambda.str() + " cannot be decided up to " +
                         std::to_string(precision_cap) + " bits (" + why +
                         "); the expectation may equal the bound exactly: try a slightly different bound");
    }
}

}  // namespace

Interval entropy_bound_enclosure(const FreshDataTarget& t, const std::vector<Rational>& q, Precision bits) {
    const Interval factor = Interval::enclose(t.factor, bits);
    switch (t.unit) {
        case FreshDataTarget::Unit::one: return factor;
        case FreshDataTarget::Unit::entropy_of_q: return factor * entropy_enclosure(q, bits);
        case FreshDataTarget::Unit::log: return factor * enclose_log(t.log_argument, bits);
    }
    throw std::logic_error("entropy_bound_enclosure: unknown unit");
}

std::string_view to_string(FreshDataSearch::Outcome o) {
    switch (o) {
        case FreshDataSearch::Outcome::met_without_fresh_data: return "met-without-fresh-data";
        case FreshDataSearch::Outcome::bracketed: return "bracketed";
        case FreshDataSearch::Outcome::not_met: return "not-met";
    }
    return "?";
}

FreshDataTarget parse_fresh_data_target(std::string_view text, const RecursiveModel& model, Precision bits) {
    using M = FreshDataTarget::Measure;
    const std::string compact = without_spaces(text);
    std::size_t op = compact.find(">=");
    bool at_least = true;
    if (op == std::string::npos) {
        op = compact.find("<=");
        at_least = false;
    }
    if (op == std::string::npos || op == 0 || op + 2 >= compact.size())
        throw bad_target(text, "does not parse as MEASURE >= VALUE or MEASURE <= VALUE");
    const std::string name = compact.substr(0, op), value = compact.substr(op + 2);
    FreshDataTarget t;
    t.at_least = at_least;
    if (name == "entropy") t.measure = M::entropy;
    else if (name == "surviving") t.measure = M::surviving;
    else if (name == "dirac-mass") t.measure = M::dirac_mass;
    else if (name == "tv") t.measure = M::total_variation;
    else if (name == "wasserstein") t.measure = M::wasserstein;
    else throw bad_target(text, "'" + name + "' is not a measure");
    const bool wants_at_least = t.measure == M::entropy || t.measure == M::surviving;
    if (at_least != wants_at_least)
        throw bad_target(text, "'" + name + (wants_at_least ? " <=' " : " >=' ") +
                                   "is not a fresh-data target (fresh data is meant to raise entropy and surviving "
                                   "symbols, lower the other measures)");
    // R*H(q), H(q), R*log(M), log(M): entropy bounds in units of H(q) or of a logarithm.
    std::string number = value;
    const std::string hq = "H(q)";
    const std::size_t log_at = value.find("log(");
    std::string unit_text;
    if (value.size() >= hq.size() && value.compare(value.size() - hq.size(), hq.size(), hq) == 0) {
        t.unit = FreshDataTarget::Unit::entropy_of_q;
        number = value.substr(0, value.size() - hq.size());
        unit_text = "H(q)";
    } else if (log_at != std::string::npos) {
        if (value.back() != ')') throw bad_target(text, "write a logarithm as log(M) or R*log(M)");
        const std::string argument = value.substr(log_at + 4, value.size() - log_at - 5);
        try {
            t.log_argument = parse_rational(argument, "log argument");
        } catch (const InvalidInput&) {
            throw bad_target(text, "'" + argument + "' in log(...) is not a number");
        }
        if (t.log_argument.sign() <= 0) throw bad_target(text, "log(" + argument + ") is undefined");
        t.unit = FreshDataTarget::Unit::log;
        number = value.substr(0, log_at);
        unit_text = "log(" + t.log_argument.str() + ")";
    }
    if (t.unit != FreshDataTarget::Unit::one) {
        if (t.measure != M::entropy) throw bad_target(text, unit_text + " is a bound for entropy only");
        if (number.empty()) number = "1";
        else if (number.back() == '*') number.pop_back();
        else throw bad_target(text, "write a multiple of " + unit_text + " as R*" + unit_text);
    }
    try {
        t.factor = parse_rational(number, "--target value");
    } catch (const InvalidInput&) {
        throw bad_target(text, "'" + number + "' is not a number (decimals such as 0.9 or fractions such as 9/10)");
    }
    if (t.factor.sign() < 0) throw bad_target(text, "a negative bound is impossible for this measure");
    t.text = name + (at_least ? " >= " : " <= ") + t.factor.str() + (unit_text.empty() ? "" : "*" + unit_text);

    const std::uint64_t most = std::min<std::uint64_t>(model.symbols, model.samples);
    if (t.measure == M::surviving && t.factor > Rational(most))
        throw bad_target(text, "impossible: at most min(K, N) = " + std::to_string(most) +
                                   " symbols can be present in N = " + std::to_string(model.samples) + " samples");
    if (t.measure == M::entropy) {
        // The entropy of c / N is at most log(number of symbols present) <= log min(K, N).
        const Interval ceiling = enclose_log(Rational(most), bits);
        const Interval bound = entropy_bound_enclosure(t, model.external, bits);
        if (nonnegative(ceiling - bound) == Truth::no)
            throw bad_target(text, "impossible: the entropy of an empirical distribution of N = " +
                                       std::to_string(model.samples) + " samples over K = " +
                                       std::to_string(model.symbols) + " symbols is at most log " +
                                       std::to_string(most) + " = " + ceiling.upper_decimal(6) + " nats");
    }
    return t;
}

TargetEvaluation evaluate_fresh_data_target(const RecursiveModel& model, const FreshDataTarget& target,
                                            const Rational& lambda, bool exact, Precision bits,
                                            const ResourceLimits& limits) {
    return evaluate(model, target, lambda, exact, bits, limits);
}

FreshDataSearch fresh_data_search(const RecursiveModel& model, const FreshDataTarget& target, const Rational& width,
                                  bool exact, Precision bits, const ResourceLimits& limits) {
    if (width.sign() <= 0 || width > 1)
        throw InvalidInput("--width " + width.str() + ": the bracket width must be in (0, 1]");
    FreshDataSearch s;
    s.target = target;
    s.arithmetic = exact ? "exact" : "interval";
    s.width = width;
    if (target.unit != FreshDataTarget::Unit::one) s.bound = entropy_bound_enclosure(target, model.external, bits);
    auto run = [&](const Rational& lambda) -> bool {
        s.evaluations.push_back(evaluate(model, target, lambda, exact, bits, limits));
        return s.evaluations.back().holds;
    };
    std::optional<int> first_hold;
    for (int k = 0; k <= grid_points; ++k)
        if (run(Rational(k, grid_points)) && !first_hold) first_hold = k;
    if (!first_hold) {
        s.outcome = FreshDataSearch::Outcome::not_met;
        s.note = "the target fails at every evaluated lambda, lambda = 1 (only fresh data) included: no lambda in "
                 "[0, 1] is known to meet it";
    } else if (*first_hold == 0) {
        s.outcome = FreshDataSearch::Outcome::met_without_fresh_data;
        s.lambda_lo = s.lambda_hi = 0;
        s.note = "the target already holds without fresh data (lambda = 0)";
    } else {
        s.outcome = FreshDataSearch::Outcome::bracketed;
        s.lambda_lo = Rational(*first_hold - 1, grid_points);
        s.lambda_hi = Rational(*first_hold, grid_points);
        while (s.lambda_hi - s.lambda_lo > width) {
            const Rational mid = (s.lambda_lo + s.lambda_hi) / 2;
            if (run(mid)) s.lambda_hi = mid;
            else s.lambda_lo = mid;
        }
    }
    // Monotone on the evaluated points: once the target holds, it holds at every larger lambda.
    std::vector<const TargetEvaluation*> sorted;
    for (const TargetEvaluation& e : s.evaluations) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->lambda < b->lambda; });
    const TargetEvaluation* held = nullptr;
    for (const TargetEvaluation* e : sorted) {
        if (e->holds && !held) held = e;
        if (!e->holds && held) {
            s.monotone_on_evaluated_points = false;
            std::string text = "not monotone in lambda on the evaluated points: the target holds at lambda = ";
            text += held->lambda.str();
            text += " but fails at lambda = ";
            text += e->lambda.str();
            text += "; the bracket surrounds the first change from failing to holding on the grid";
            s.note += s.note.empty() ? text : "; " + text;
            break;
        }
    }
    return s;
}

}  // namespace collapse
