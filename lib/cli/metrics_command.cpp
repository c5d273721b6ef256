// `collapse metrics MODEL --start LABEL --generations T`: expected diversity measures at each
// generation, under the stationary law when it is unique, and the time to forget each symbol.
#include "metrics_commands.hpp"
#include "model_options.hpp"

#include <collapse/analysis/analysis.hpp>
#include <collapse/core/error.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/io/metrics_report.hpp>
#include <collapse/models/recursive_chain.hpp>

#include <algorithm>
#include <sstream>
#include <type_traits>

namespace collapse::cli {
namespace {

template <Scalar S>
Chain<S> chain_of(const RecursiveModel& model, long bits, const ResourceLimits& limits) {
    if constexpr (std::is_same_v<S, Rational>) return exact_recursive_chain(model, limits);
    else return numeric_recursive_chain<S>(model, bits, limits);
}

template <Scalar S>
MetricsReport<S> compute(const RecursiveModel& model, const std::string& start_label, std::uint64_t generations,
                         long bits, const ResourceLimits& limits) {
    const Chain<S> chain = chain_of<S>(model, bits, limits);
    const auto start = chain.find(start_label);
    if (!start)
        throw InvalidInput("--start: '" + start_label + "' is not a state of this chain; labels are counts joined by "
                           "commas that add up to N, e.g. " + chain.label(0));
    // Same budget as analyze's transient law: generations x transitions, exact numbers growing.
    const double t = static_cast<double>(generations);
    const double growth = scalar_traits<S>::guarantee == Guarantee::exact ? t * largest_row_bits(chain) / 64.0 : 0.0;
    const double work = (t + 1) * static_cast<double>(chain.support().entries() + chain.size()) * (1.0 + growth);
    if (work > 2e10)
        throw ResourceLimit("--generations " + std::to_string(generations) + " on a chain with " +
                            std::to_string(chain.support().entries()) +
                            " transitions would take more than about 60 s: ask for fewer generations, or use "
                            "--arithmetic interval or float");
    const double n = static_cast<double>(chain.size());
    require_memory(limits, LinearSolver<S>::large_answer_memory_estimate(n, 2, largest_row_bits(chain)),
                   "the stationary and forgetting solves over " + std::to_string(chain.size()) + " states");

    const StateSpace space(model.symbols, model.samples);
    const StateMeasures<S> measures(space, model.external, bits);
    MetricsReport<S> r;
    r.model = model;
    r.start = start_label;
    r.by_generation = expected_metrics_over_generations(chain, space, measures, *start, generations, bits);
    const ClassStructure cs = class_structure(chain.support());
    r.closed_classes = cs.closed.size();
    if (cs.closed.size() == 1) {
        const StationaryResult<S> st = stationary_distributions<S>(chain, cs);
        std::vector<S> law(chain.size(), from_integer<S>(0));
        const ClassDistribution<S>& d = st.per_class.front();
        for (std::size_t i = 0; i < d.states.size(); ++i) law[d.states[i]] = d.probability[i];
        r.stationary = expected_metrics(space, measures, law, bits);
    }
    r.forgetting = forgetting_times(chain, space, *start);
    return r;
}

template <Scalar S>
std::string printed(const MetricsReport<S>& r, bool json) {
    std::ostringstream buffer;  // nothing reaches `out` unless everything succeeded
    if (json) write_metrics_json(r, buffer);
    else write_metrics_text(r, buffer);
    return buffer.str();
}

}  // namespace

void metrics_command(const MetricsOptions& o, std::ostream& out, const ResourceLimits& limits) {
    const AnalyzeOptions& m = o.model;
    if (m.chain)
        throw InvalidInput("--chain: metrics are measured on count vectors, so they need a recursive-training model "
                           "(--symbols K --samples N ...), not a chain file");
    if (!o.start) throw InvalidInput("--start LABEL is needed: the state generation 0 starts from, e.g. 2,1,1");
    if (!o.generations) throw InvalidInput("--generations T is needed: the metrics are reported for generations 0..T");
    if (m.arithmetic != "exact" && m.arithmetic != "float" && m.arithmetic != "interval")
        throw InvalidInput("--arithmetic: '" + m.arithmetic + "' is not an arithmetic; accepted: exact, interval, float");
    if (m.precision && m.arithmetic == "float")
        throw InvalidInput("--precision " + *m.precision + ": precision applies to exact (its entropy and KL "
                           "enclosures) and interval arithmetic, not to float");
    const long bits = precision_from(m.precision);
    const std::uint64_t generations = parse_count(*o.generations, "--generations");
    const RecursiveModel model = model_from(m);
    if (m.arithmetic == "float") {
        out << printed(compute<double>(model, *o.start, generations, 53, limits), o.json);
        return;
    }
    if (m.arithmetic == "exact") {
        MetricsReport<Rational> r = compute<Rational>(model, *o.start, generations, bits, limits);
        r.precision_requested = r.precision_used = bits;
        out << printed(r, o.json);
        return;
    }
    // Interval arithmetic: double the precision when an enclosure cannot be established.
    std::string reason;
    for (long used = bits;; used = std::min(2 * used, precision_cap)) {
        try {
            MetricsReport<Interval> r = compute<Interval>(model, *o.start, generations, used, limits);
            r.precision_requested = bits;
            r.precision_used = used;
            r.precision_raised_because = reason;
            out << printed(r, o.json);
            return;
        } catch (const Unable& e) {
            if (used >= precision_cap)
                throw Unable(std::string(e.what()) + "; no enclosure up to the cap of " +
                             std::to_string(precision_cap) + " bits");
            if (reason.empty()) reason = std::string(e.what()) + " (at " + std::to_string(used) + " bits)";
        }
    }
}

}  // namespace collapse::cli
