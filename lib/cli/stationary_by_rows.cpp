#include "stationary_by_rows.hpp"

#include <collapse/analysis/certified_stationary.hpp>
#include <collapse/io/report.hpp>
#include <collapse/models/multinomial_rows.hpp>
#include <collapse/models/state_space.hpp>

#include <sstream>
#include <vector>

namespace collapse::cli {
namespace {

// Interval elimination is dense and cubic (about 20 s at 500 states); above that, this route.
// Its dense double LU is cubic too, but in hardware: about 10 s at 5151 states (K = 3,
// N = 100); the bound keeps the matrix under 1 GB.
constexpr std::uint64_t route_min_states = 500;
constexpr std::uint64_t route_max_states = 10000;

}  // namespace

bool stationary_route_applies(const AnalyzeOptions& o, const RecursiveModel& model) {
    if (o.arithmetic != "interval" || o.precision || model.symbols < 3 || !has_positive_multinomial_rows(model))
        return false;
    const std::uint64_t states = state_count(model.symbols, model.samples);  // saturates, never wraps
    return states > route_min_states && states <= route_max_states;
}

std::string analyze_stationary_by_rows(const AnalyzeOptions& o, const RecursiveModel& model, long requested,
                                       const ResourceLimits& limits) {
    const std::size_t states = state_count(model.symbols, model.samples);
    require_certified_stationary_memory(states, limits);
    const StateSpace space(model.symbols, model.samples);
    CertifiedStationary certified =
        certified_stationary(multinomial_row_enclosures(model), states, state_nearest_mean(model, space),
                             [&space](std::size_t s) { return space.label(s); }, limits);
    std::vector<std::string> labels;
    labels.reserve(states);
    for (std::size_t s = 0; s < states; ++s) labels.push_back(space.label(s));
    Report<Interval> report;
    report.model = model;
    report.chain = ChainOutline{&labels, states * states, {}};
    report.analysis.classes = std::move(certified.classes);
    report.analysis.stationary = std::move(certified.stationary);
    report.show_stationary = true;
    report.show_absorption = false;
    report.show_steps = false;
    report.precision_requested = requested;
    report.precision_used = 64;
    report.precision_lowered_because =
        "more than " + std::to_string(route_min_states) +
        " states, every transition positive and no --precision: a double solve certified by an a-posteriori bound, "
        "with long double endpoints";
    std::ostringstream buffer;
    if (o.json) write_json(report, buffer);
    else write_text(report, buffer);
    return buffer.str();
}

}  // namespace collapse::cli
