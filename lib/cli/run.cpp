#include "run.hpp"

#include "metrics_commands.hpp"
#include "model_options.hpp"
#include "stationary_by_rows.hpp"

#include <collapse/analysis/analysis.hpp>
#include <collapse/analysis/certified_absorption.hpp>
#include <collapse/analysis/theorem_checks.hpp>
#include <collapse/chain/rounded_chain.hpp>
#include <collapse/core/error.hpp>
#include <collapse/io/report.hpp>
#include <collapse/io/tra_reader.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/models/state_space.hpp>
#include <collapse/models/two_symbol_rows.hpp>
#include <collapse/simulation/check.hpp>
#include <collapse/simulation/simulate.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <type_traits>
#include <vector>

namespace collapse::cli {

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, sep)) out.push_back(item);
    if (!text.empty() && text.back() == sep) out.emplace_back();
    return out;
}

long precision_from(const std::optional<std::string>& precision) {
    if (!precision) return 128;
    const auto requested = parse_count(*precision, "--precision");
    if (requested < 16 || requested > static_cast<unsigned long long>(precision_cap))
        throw InvalidInput("--precision: " + *precision + " bits is not accepted; accepted: 16 to " +
                           std::to_string(precision_cap));
    return static_cast<long>(requested);
}

// Shared with the other commands (model_options.hpp).
RecursiveModel model_from(const AnalyzeOptions& o) {
    if (!o.symbols || !o.samples)
        throw InvalidInput("a model is needed: --symbols K --samples N (with optional --fit, --fresh-fraction or "
                           "--fresh-count, --external), or --chain FILE");
    RecursiveModel m;
    m.symbols = parse_count(*o.symbols, "--symbols");
    m.samples = parse_count(*o.samples, "--samples");
    if (o.fit) m.fit = parse_fit(*o.fit);
    if (o.fresh_fraction && o.fresh_count)
        throw InvalidInput("--fresh-fraction and --fresh-count exclude each other; give one of them");
    if (o.fresh_fraction) {
        m.fresh.kind = FreshData::Kind::fraction;
        m.fresh.fraction = parse_rational(*o.fresh_fraction, "--fresh-fraction");
    }
    if (o.fresh_count) {
        m.fresh.kind = FreshData::Kind::count;
        m.fresh.count = parse_count(*o.fresh_count, "--fresh-count");
    }
    if (o.external)
        for (const std::string& q : split(*o.external, ',')) m.external.push_back(parse_rational(q, "--external"));
    return validated(m);
}

namespace {

template <Scalar S>
InvalidInput unknown_start(const std::string& label, bool recursive, const Chain<S>& chain) {
    return InvalidInput("--start: '" + label + "' is not a state of this chain; labels are " +
                        (recursive ? "counts joined by commas, e.g. " + chain.label(0)
                                   : "state numbers 0.." + std::to_string(chain.size() - 1)));
}

struct Parts {
    bool stationary = true, absorption = true, steps = true, theorems = true;
};

Parts parts_from(const std::optional<std::string>& what) {
    if (!what) return {};
    Parts p{false, false, false, false};
    for (const std::string& part : split(*what, ',')) {
        if (part == "classes") continue;
        else if (part == "stationary") p.stationary = true;
        else if (part == "absorption") p.absorption = true;
        else if (part == "steps") p.steps = true;
        else if (part == "theorems") p.theorems = true;
        else
            throw InvalidInput("--what: '" + part + "' is not a part; accepted: classes,stationary,absorption,steps,theorems");
    }
    return p;
}

// What the user asked to analyse: a recursive model, or a chain file read exactly.
struct Source {
    std::optional<RecursiveModel> model;
    std::optional<Chain<Rational>> file_chain;
    std::string file;
};

template <Scalar S>
Chain<S> chain_in(const Source& source, long bits, const ResourceLimits& limits) {
    if constexpr (std::is_same_v<S, Rational>) {
        return source.model ? exact_recursive_chain(*source.model, limits) : *source.file_chain;
    } else {
        return source.model ? numeric_recursive_chain<S>(*source.model, bits, limits)
                            : rounded_chain<S>(*source.file_chain, bits);
    }
}


// An exact recursive chain and the solves that follow are held in memory together: refuse
// before building anything when both cannot fit (every state counted as transient, the
// worst case), instead of after minutes of building the chain. The solves read the chain's
// integers in place; they need little more unless their answers are large and Dixon's
// lifting runs: always for expected steps, and for probabilities except where T2 (mle
// without fresh data: absorption probabilities c_k / N, closed classes single states)
// says the multimodular route certifies them.
// T2: mle without fresh data has absorption probabilities c_k / N, of small height.
bool absorption_answers_small(const RecursiveModel& model) {
    return model.fit.is_mle_equivalent(model.symbols) && model.fresh.absent();
}

void require_exact_plan_fits(const RecursiveModel& model, const Parts& parts, const ResourceLimits& limits) {
    const bool probabilities = parts.stationary || parts.absorption || parts.theorems;
    if (!probabilities && !parts.steps) return;
    const double states = static_cast<double>(state_count(model.symbols, model.samples));
    const double closed = static_cast<double>(model.symbols), bits = exact_row_bits_estimate(model);
    const bool large_probabilities = probabilities && !absorption_answers_small(model);
    const bool dixon = parts.steps || large_probabilities;
    const double chain = exact_memory_estimate(model);
    // The solves run one after the other: the larger one counts (expected steps: one column).
    const double solve = dixon ? LinearSolver<Rational>::large_answer_memory_estimate(
                                     states, large_probabilities ? closed : 1.0, bits)
                               : LinearSolver<Rational>::memory_estimate(states, closed, bits);
    require_memory(limits, chain + solve,
                   "the exact chain with K = " + std::to_string(model.symbols) + ", N = " +
                       std::to_string(model.samples) + " (" + format_bytes(chain) + ") and its linear solves (" +
                       format_bytes(solve) + (dixon ? ", answers of large height" : "") + ")");
}

template <Scalar S>
std::string analyze_in(const AnalyzeOptions& o, const Parts& parts, const Source& source, long bits,
                       const ResourceLimits& limits, Report<S>&& report = {}) {
    if constexpr (std::is_same_v<S, Rational>)
        if (source.model && state_count(source.model->symbols, source.model->samples) != UINT64_MAX)
            require_exact_plan_fits(*source.model, parts, limits);
    const Chain<S> chain = chain_in<S>(source, bits, limits);
    report.model = source.model;
    report.chain_file = source.file;
    AnalysisRequest request;
    request.limits = limits;
    // Theorem checks of a recursive chain need the stationary laws and absorption probabilities.
    const bool theorems_need = parts.theorems && source.model.has_value();
    request.stationary = parts.stationary || theorems_need;
    request.absorption = parts.absorption || theorems_need;
    request.expected_steps = parts.steps;
    request.absorption_answers_small = source.model && absorption_answers_small(*source.model);
    if (o.start) {
        const auto start = chain.find(*o.start);
        if (!start) throw unknown_start(*o.start, source.model.has_value(), chain);
        request.transient = AnalysisRequest::Transient{*start, parse_count(*o.steps, "--steps")};
    }
    report.chain = outline_of(chain);
    report.analysis = analyze(chain, request);
    report.show_stationary = parts.stationary;
    report.show_absorption = parts.absorption;
    report.show_steps = parts.steps;
    if (parts.theorems)
        report.theorems = source.model ? check_theorems(*source.model, chain, report.analysis, bits)
                                       : theorems_not_applicable_to_file_chain();
    std::ostringstream buffer;  // nothing reaches `out` unless everything succeeded
    if (o.json) write_json(report, buffer);
    else write_text(report, buffer);
    return buffer.str();
}

// Interval arithmetic: when an enclosure cannot be established at the requested precision,
// double it (up to the cap) and say so in the output; past the cap, fail.
std::string analyze_verified(const AnalyzeOptions& o, const Parts& parts, const Source& source, long requested,
                             const ResourceLimits& limits) {
    std::string reason;
    for (long bits = requested;; bits = std::min(2 * bits, precision_cap)) {
        try {
            Report<Interval> report;
            report.precision_requested = requested;
            report.precision_used = bits;
            report.precision_raised_because = reason;
            return analyze_in<Interval>(o, parts, source, bits, limits, std::move(report));
        } catch (const Unable& e) {
            if (bits >= precision_cap)
                throw Unable(std::string(e.what()) + "; no enclosure up to the cap of " + std::to_string(precision_cap) +
                             " bits");
            if (reason.empty()) reason = std::string(e.what()) + " (at " + std::to_string(bits) + " bits)";
        }
    }
}

// Large two-symbol chains asked only for absorption and expected steps take the row route
// (certified_absorption.hpp): the chain is never stored, one band factorization is refined
// in long double. Interval elimination is dense and cubic (about 20 s at 500 states): past
// that, intervals take this route and certify it, unless a precision was asked for (the
// certificate's endpoints are long doubles). Doubles take it where their chain would
// otherwise be truncated (more than 10^7 transitions), and report the refined solve.
constexpr std::uint64_t certified_route_states = 500;
constexpr std::uint64_t refined_float_route_states = 3163;

bool row_route_applies(const AnalyzeOptions& o, const Parts& parts, const Source& source) {
    if (!source.model || !has_two_symbol_row_enclosures(*source.model) || !(parts.absorption || parts.steps) ||
        parts.stationary || parts.theorems || o.start)
        return false;
    const std::uint64_t states = state_count(2, source.model->samples);  // saturates, never wraps
    if (o.arithmetic == "interval") return !o.precision && states > certified_route_states;
    return o.arithmetic == "float" && states > refined_float_route_states;
}

std::string analyze_by_rows(const AnalyzeOptions& o, const Parts& parts, const RecursiveModel& model,
                            long requested, const ResourceLimits& limits) {
    const std::size_t states = model.samples + 1;
    const RowEnclosureSource rows = two_symbol_row_enclosures(model);
    std::vector<std::string> labels;
    // Called after the route's memory check: the labels are built only then.
    auto write = [&](auto& report, const auto& by_rows) {
        const StateSpace space(2, model.samples);
        labels.reserve(states);
        for (std::size_t s = 0; s < states; ++s) labels.push_back(space.label(s));
        report.model = model;
        report.chain = ChainOutline{&labels, by_rows.structure.support.entries(),
                                    "the transitions beyond each row's window, of probability at most 2e-30 per row" +
                                        std::string(o.arithmetic == "interval" ? ", bounded in the certificate" : "")};
        report.analysis.classes = by_rows.structure.classes;
        report.analysis.absorption = by_rows.absorption;
        report.show_stationary = false;
        report.show_absorption = parts.absorption;
        report.show_steps = parts.steps;
        std::ostringstream buffer;
        if (o.json) write_json(report, buffer);
        else write_text(report, buffer);
        return buffer.str();
    };
    const double row_width = two_symbol_row_width(model.samples);
    if (o.arithmetic == "interval") {
        Report<Interval> report;
        report.precision_requested = requested;
        report.precision_used = 64;
        report.precision_lowered_because =
            "more than " + std::to_string(certified_route_states) +
            " states and no --precision: a double solve certified by an a-posteriori bound, with long double endpoints";
        return write(report, certified_absorption(rows, states, row_width, parts.absorption, parts.steps, limits));
    }
    Report<double> report;
    return write(report, approximate_absorption_by_rows(rows, states, row_width, parts.absorption, parts.steps, limits));
}

void analyze(const AnalyzeOptions& o, std::ostream& out, const ResourceLimits& limits) {
    if (o.arithmetic != "exact" && o.arithmetic != "float" && o.arithmetic != "interval")
        throw InvalidInput("--arithmetic: '" + o.arithmetic + "' is not an arithmetic; accepted: exact, interval, float");
    if (o.precision && o.arithmetic != "interval")
        throw InvalidInput("--precision " + *o.precision + ": precision applies to --arithmetic interval only (here " +
                           o.arithmetic + ")");
    const long bits = precision_from(o.precision);
    const Parts parts = parts_from(o.what);
    if (o.start.has_value() != o.steps.has_value())
        throw InvalidInput("--start and --steps go together: the transient law needs a start state and a number of steps");

    Source source;
    if (o.chain) {
        if (o.symbols || o.samples || o.fit || o.fresh_fraction || o.fresh_count || o.external)
            throw InvalidInput("--chain FILE excludes the recursive-model options (--symbols, --samples, --fit, "
                               "--fresh-fraction, --fresh-count, --external)");
        source.file_chain.emplace(read_tra_file(*o.chain, limits));
        source.file = *o.chain;
    } else {
        source.model = model_from(o);
    }
    // The number type is chosen here, once; everything below is the same code for each.
    if (row_route_applies(o, parts, source)) out << analyze_by_rows(o, parts, *source.model, bits, limits);
    else if (source.model && parts.stationary && !parts.absorption && !parts.steps && !parts.theorems && !o.start &&
             stationary_route_applies(o, *source.model))
        out << analyze_stationary_by_rows(o, *source.model, bits, limits);
    else if (o.arithmetic == "float") out << analyze_in<double>(o, parts, source, 53, limits);
    else if (o.arithmetic == "exact") out << analyze_in<Rational>(o, parts, source, 0, limits);
    else out << analyze_verified(o, parts, source, bits, limits);
}

// A progress bar on standard error: drawn only when allowed (a terminal, no --quiet) and once
// the work has taken more than two seconds; at most ten times a second; erased at the end.
class ProgressBar {
public:
    ProgressBar(std::ostream& err, bool enabled) : err_(err), enabled_(enabled), begin_(Clock::now()) {}
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    ~ProgressBar() {
        if (drawn_) err_ << '\r' << std::string(line_, ' ') << '\r' << std::flush;
    }
    void update(std::uint64_t done, std::uint64_t total) {
        if (!enabled_) return;
        const auto now = Clock::now();
        if (now - begin_ < std::chrono::seconds(2)) return;
        if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done != total) return;
        last_ = now;
        constexpr int width = 30;
        const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
        const int filled = static_cast<int>(fraction * width);
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now - begin_).count();
        std::string text = "simulate [" + std::string(static_cast<std::size_t>(filled), '#') +
                           std::string(static_cast<std::size_t>(width - filled), '.') + "] " +
                           std::to_string(static_cast<int>(fraction * 100)) + "% " + std::to_string(done) + "/" +
                           std::to_string(total) + " runs, " + std::to_string(seconds) + " s";
        line_ = std::max(line_, text.size());
        err_ << '\r' << text << std::flush;
        drawn_ = true;
    }

private:
    using Clock = std::chrono::steady_clock;
    std::ostream& err_;
    bool enabled_, drawn_ = false;
    Clock::time_point begin_, last_;
    std::size_t line_ = 0;
};

void simulate(const SimulateOptions& o, std::ostream& out, std::ostream& err, bool err_is_terminal,
              const ResourceLimits& limits) {
    const SimulationJob job(o, limits);
    const simulation::SimulationResult result = job.simulate(0, job.runs(), err, err_is_terminal);
    std::ostringstream buffer;  // nothing reaches `out` unless every run succeeded
    job.write(result, buffer);
    out << buffer.str();
}

// `collapse check`: exit_ok when consistent, exit_check_disagrees otherwise.
int check(const CheckOptions& o, std::ostream& out, const ResourceLimits& limits) {
    if (!o.observed) throw InvalidInput("--observed FILE is needed: the runs to check (CSV, docs/simulate.md)");
    if (!o.start) throw InvalidInput("--start LABEL is needed: the state every observed run started from");
    std::optional<std::uint64_t> generations;
    if (o.generations) generations = parse_count(*o.generations, "--generations");
    double alpha = 0.01;
    if (o.alpha) {
        const Rational a = parse_rational(*o.alpha, "--alpha");
        if (a <= 0 || a >= 1) throw InvalidInput("--alpha: " + *o.alpha + " is not accepted; accepted: 0 < A < 1");
        alpha = a.convert_to<double>();
    }
    const AnalyzeOptions& m = o.model;
    Chain<Rational> chain = [&] {
        if (m.chain) {
            if (m.symbols || m.samples || m.fit || m.fresh_fraction || m.fresh_count || m.external)
                throw InvalidInput("--chain FILE excludes the recursive-model options (--symbols, --samples, --fit, "
                                   "--fresh-fraction, --fresh-count, --external)");
            return read_tra_file(*m.chain, limits);
        }
        return exact_recursive_chain(model_from(m), limits);
    }();
    const auto start = chain.find(*o.start);
    if (!start) throw unknown_start(*o.start, !m.chain.has_value(), chain);
    std::ifstream file(*o.observed);
    if (!file) throw InvalidInput("--observed: cannot open '" + *o.observed + "'");
    const auto observed = simulation::read_observed_csv(file, *o.observed, chain, generations);
    simulation::CheckResult result = simulation::check_observed(chain, *start, observed, generations, alpha, limits);
    result.file = *o.observed;
    std::ostringstream buffer;
    if (o.json) simulation::write_check_json(result, buffer);
    else simulation::write_check_text(result, buffer);
    out << buffer.str();
    return result.consistent ? exit_ok : exit_check_disagrees;
}

void demo(std::ostream& out, const ResourceLimits& limits) {
    out << "collapse demo: the same three-symbol chain (N = 3 samples, fit mle) without and with fresh data.\n"
           "Without fresh data it collapses: every run ends in a Dirac state (T1-T3).\n"
           "With a fresh fraction of 1/10 it degenerates instead: one stationary law, positive everywhere and\n"
           "centred on q (T4, T5). Equivalent commands:\n"
           "  collapse analyze --symbols 3 --samples 3\n"
           "  collapse analyze --symbols 3 --samples 3 --fresh-fraction 1/10\n";
    AnalyzeOptions o;
    o.symbols = "3";
    o.samples = "3";
    out << "\n=== without fresh data: collapse ===\n";
    analyze(o, out, limits);
    o.fresh_fraction = "1/10";
    out << "\n=== with fresh fraction 1/10: degeneration ===\n";
    analyze(o, out, limits);
}

}  // namespace

RecursiveModel model_from_options(const AnalyzeOptions& o) { return model_from(o); }

struct SimulationJob::Checked {
    SimulateOptions options;
    simulation::SimulationRequest request;  // every run
    std::optional<RecursiveModel> model;    // a recursive model: model, start, closed
    std::vector<std::uint64_t> start;
    std::optional<simulation::ClosedClasses> closed;
    std::optional<Chain<Rational>> chain;   // or a chain file: chain, chain_start
    std::size_t chain_start = 0;
};

SimulationJob::SimulationJob(const SimulateOptions& o, const ResourceLimits& limits) {
    if (!o.start) throw InvalidInput("--start LABEL is needed: the state every run starts from");
    if (!o.generations) throw InvalidInput("--generations T is needed: the most generations a run lasts");
    if (!o.runs) throw InvalidInput("--runs R is needed: the number of independent runs (R >= 1)");
    auto c = std::make_unique<Checked>();
    c->options = o;
    simulation::SimulationRequest& request = c->request;
    request.generations = parse_count(*o.generations, "--generations");
    request.runs = parse_count(*o.runs, "--runs");
    if (request.runs == 0) throw InvalidInput("--runs: 0 runs asked; accepted: R >= 1");
    if (o.seed) request.seed = parse_count(*o.seed, "--seed");
    request.trajectories = o.trajectories;
    request.limits = limits;
    const AnalyzeOptions& m = o.model;
    if (m.chain) {
        if (m.symbols || m.samples || m.fit || m.fresh_fraction || m.fresh_count || m.external)
            throw InvalidInput("--chain FILE excludes the recursive-model options (--symbols, --samples, --fit, "
                               "--fresh-fraction, --fresh-count, --external)");
        c->chain.emplace(read_tra_file(*m.chain, limits));
        const auto start = c->chain->find(*o.start);
        if (!start) throw unknown_start(*o.start, false, *c->chain);
        c->chain_start = *start;
        simulation::require_simulation_memory(*c->chain, request);
    } else {
        c->model = model_from(m);
        c->start = simulation::parse_state(*c->model, *o.start, "--start");
        c->closed.emplace(*c->model, simulation::default_max_graph_states);
        simulation::require_simulation_memory(*c->model, c->start, request);
    }
    checked_ = std::move(c);
}

SimulationJob::~SimulationJob() = default;

std::uint64_t SimulationJob::runs() const { return checked_->request.runs; }

simulation::SimulationResult SimulationJob::simulate(std::uint64_t first, std::uint64_t count, std::ostream& err,
                                                     bool err_is_terminal) const {
    const Checked& c = *checked_;
    simulation::SimulationResult result;
    if (count > 0) {
        simulation::SimulationRequest block = c.request;
        block.first_run = first;
        block.runs = count;
        ProgressBar bar(err, err_is_terminal && !c.options.quiet);
        block.progress = [&bar](std::uint64_t done, std::uint64_t total) { bar.update(done, total); };
        result = c.chain ? simulation::simulate_chain(*c.chain, c.chain_start, block)
                         : simulation::simulate_recursive(*c.model, *c.closed, c.start, block);
    }
    // The block is part of the whole job: its output describes every run.
    result.request = c.request;
    if (c.chain) result.chain_file = *c.options.model.chain;
    return result;
}

void SimulationJob::write(const simulation::SimulationResult& all, std::ostream& out) const {
    if (checked_->options.json) simulation::write_json(all, out);
    else simulation::write_csv(all, out);
}

int report_current_exception(std::ostream& err) {
    try {
        throw;
    } catch (const InvalidInput& e) {
        err << "collapse: error: " << e.what() << '\n';
        return exit_invalid_input;
    } catch (const Unable& e) {
        err << "collapse: unable: " << e.what() << '\n';
        return exit_unable;
    } catch (const ResourceLimit& e) {
        err << "collapse: too large: " << e.what() << '\n';
        return exit_too_large;
    } catch (const std::bad_alloc&) {
        err << "collapse: out of memory (the estimate before allocating was too low; please report it)\n";
        return exit_too_large;
    } catch (const std::exception& e) {
        err << "collapse: internal error (a bug; please report it): " << e.what() << '\n';
        return exit_internal_error;
    } catch (...) {
        err << "collapse: internal error (a bug; please report it): an exception of unknown type\n";
        return exit_internal_error;
    }
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const ResourceLimits& limits,
        bool err_is_terminal) {
    try {
        const Command command = parse_command_line(argc, argv);
        switch (command.kind) {
            case Command::Kind::help: out << command.help_text; break;
            case Command::Kind::demo: {
                std::ostringstream buffer;
                demo(buffer, limits);
                out << buffer.str();
                break;
            }
            case Command::Kind::analyze: analyze(command.analyze, out, limits); break;
            case Command::Kind::simulate: simulate(command.simulate, out, err, err_is_terminal, limits); break;
            case Command::Kind::check: return check(command.check, out, limits);
            case Command::Kind::plot: plot(command.plot, out, limits); break;
            case Command::Kind::metrics: metrics_command(command.metrics, out, limits); break;
            case Command::Kind::fresh_data: fresh_data_command(command.fresh_data, out, limits); break;
        }
        return exit_ok;
    } catch (...) {
        return report_current_exception(err);
    }
}

}  // namespace collapse::cli
