// `collapse plot KIND ... --output FILE.svg`: checks that the figure can be drawn for this
// model, computes it whole, and only then writes the file (an error leaves nothing behind).
#include "model_options.hpp"
#include "run.hpp"

#include <collapse/core/error.hpp>
#include <collapse/io/tra_reader.hpp>
#include <collapse/plot/figures.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace collapse::cli {
namespace {

// An option given to a kind of figure that does not use it is a mistake worth a clear line.
void refuse(const std::optional<std::string>& option, const char* name, const std::string& kind,
            const char* used_by) {
    if (option)
        throw InvalidInput(std::string(name) + " does not apply to 'plot " + kind + "'; it is used by " + used_by);
}

plot::Numbers numbers_from(const AnalyzeOptions& m, const ResourceLimits& limits) {
    plot::Numbers numbers;
    numbers.limits = limits;
    if (m.arithmetic == "interval") numbers.kind = plot::Numbers::Kind::interval;
    else if (m.arithmetic != "exact")
        throw InvalidInput("--arithmetic: '" + m.arithmetic +
                           "' is not accepted by plot, which draws exact or verified numbers only; accepted: exact, "
                           "interval");
    if (m.precision) {
        if (numbers.kind != plot::Numbers::Kind::interval)
            throw InvalidInput("--precision " + *m.precision + ": precision applies to --arithmetic interval only");
        numbers.bits = precision_from(m.precision);
    }
    return numbers;
}

std::uint64_t required_count(const std::optional<std::string>& option, const char* name, const char* meaning) {
    if (!option) throw InvalidInput(std::string(name) + " is needed: " + meaning);
    return parse_count(*option, name);
}

std::string figure(const PlotOptions& o, const ResourceLimits& limits) {
    const AnalyzeOptions& m = o.model;
    const std::string& kind = o.kind;
    if (kind != "trajectories" && kind != "absorption" && kind != "stationary" && kind != "collapse-time")
        throw InvalidInput("plot: '" + kind + "' is not a kind of figure; accepted: trajectories, absorption, "
                           "stationary, collapse-time");
    if (kind != "trajectories") {
        refuse(o.runs, "--runs", kind, "plot trajectories");
        refuse(o.seed, "--seed", kind, "plot trajectories");
    }
    if (kind != "stationary") refuse(o.lambdas, "--lambdas", kind, "plot stationary");
    if (kind == "absorption" || kind == "stationary") {
        refuse(o.start, "--start", kind, "plot trajectories and plot collapse-time");
        refuse(o.generations, "--generations", kind, "plot trajectories and plot collapse-time");
    }
    if (m.chain) {
        if (m.symbols || m.samples || m.fit || m.fresh_fraction || m.fresh_count || m.external)
            throw InvalidInput("--chain FILE excludes the recursive-model options (--symbols, --samples, --fit, "
                               "--fresh-fraction, --fresh-count, --external)");
        if (kind != "collapse-time")
            throw InvalidInput("plot " + kind + ": a chain file (" + *m.chain +
                               ") has no simplex to draw on; this figure needs a recursive model with --symbols 2 "
                               "or 3 (a chain file can be drawn by 'plot collapse-time')");
    }
    if (kind == "trajectories") {
        if (m.arithmetic != "exact" || m.precision)
            throw InvalidInput("--arithmetic/--precision do not apply to 'plot trajectories', which is simulated");
        if (!o.start) throw InvalidInput("--start LABEL is needed: the state every run starts from, e.g. 5,5");
        const std::uint64_t generations =
            required_count(o.generations, "--generations", "the generations each run is drawn for (T >= 1)");
        const std::uint64_t runs = o.runs ? parse_count(*o.runs, "--runs") : 10;
        const std::uint64_t seed = o.seed ? parse_count(*o.seed, "--seed") : 0;
        return plot::trajectories_figure(model_from_options(m), *o.start, generations, runs, seed, limits);
    }
    const plot::Numbers numbers = numbers_from(m, limits);
    if (kind == "absorption") return plot::absorption_figure(model_from_options(m), numbers);
    if (kind == "stationary") {
        if (m.fresh_fraction || m.fresh_count)
            throw InvalidInput("plot stationary draws one law per fresh fraction of --lambdas; --fresh-fraction and "
                               "--fresh-count do not apply");
        std::vector<Rational> lambdas;
        for (const std::string& l : split(o.lambdas.value_or("1/10,1/100,1/1000"), ','))
            lambdas.push_back(parse_rational(l, "--lambdas"));
        return plot::stationary_figure(model_from_options(m), lambdas, numbers);
    }
    if (!o.start) throw InvalidInput("--start LABEL is needed: the state (or states, L1;L2) the runs start from");
    const std::uint64_t generations =
        required_count(o.generations, "--generations", "the last generation drawn (T >= 1)");
    if (generations == 0) throw InvalidInput("--generations: 0 generations asked; accepted: T >= 1");
    const std::vector<std::string> starts = split(*o.start, ';');
    if (m.chain) return plot::collapse_time_figure(read_tra_file(*m.chain, limits), *m.chain, starts, generations, numbers);
    return plot::collapse_time_figure(model_from_options(m), starts, generations, numbers);
}

}  // namespace

void plot(const PlotOptions& o, std::ostream& out, const ResourceLimits& limits) {
    if (!o.output) throw InvalidInput("--output FILE.svg is needed: the file the figure is written to");
    const std::string svg = figure(o, limits);
    std::ofstream file(*o.output, std::ios::binary | std::ios::trunc);
    if (!file) throw InvalidInput("--output: cannot write '" + *o.output + "': " + std::strerror(errno));
    file << svg;
    file.close();
    if (!file) {
        std::remove(o.output->c_str());
        throw InvalidInput("--output: writing '" + *o.output + "' failed");
    }
    out << "wrote " << *o.output << '\n';
}

}  // namespace collapse::cli
