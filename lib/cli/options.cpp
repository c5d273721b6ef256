#include "options.hpp"

#include <collapse/core/error.hpp>

#include <CLI/CLI.hpp>

namespace collapse::cli {

namespace {

// The options that name a model (model.md) or a chain file: the same for every command.
void add_model_options(CLI::App* app, AnalyzeOptions& o) {
    app->add_option("--symbols", o.symbols, "K, the number of symbols (>= 2)")->type_name("K");
    app->add_option("--samples", o.samples, "N, the number of samples per generation (>= 1)")->type_name("N");
    app->add_option("--fit", o.fit, "mle | smooth:A | temper:B | topk:M (default mle)")->type_name("FIT");
    app->add_option("--fresh-fraction", o.fresh_fraction, "lambda in [0,1]: each sample is fresh with this probability")
        ->type_name("L");
    app->add_option("--fresh-count", o.fresh_count, "m in [0,N]: exactly m fresh samples per generation")->type_name("M");
    app->add_option("--external", o.external, "q1,...,qK: the external distribution (default uniform)")->type_name("Q");
    app->add_option("--chain", o.chain, "a chain in PRISM explicit .tra format, instead of a recursive model")
        ->type_name("FILE");
}

void add_metrics_options(CLI::App* app, MetricsOptions& o) {
    app->add_option("--start", o.start, "label of the start state (required)")->type_name("LABEL");
    app->add_option("--generations", o.generations, "T: report generations 0..T (required)")->type_name("T");
    app->add_option("--arithmetic", o.model.arithmetic, "exact (default) | interval | float")->type_name("KIND");
    app->add_option("--precision", o.model.precision, "bits, 16 to 4096, of the enclosures (default 128)")->type_name("BITS");
    app->add_flag("--json", o.json, "print one JSON object");
}

void add_fresh_data_options(CLI::App* app, FreshDataOptions& o) {
    app->add_option("--target", o.target, "e.g. 'entropy >= 0.9*H(q)', 'dirac-mass <= 0.01', 'surviving >= 2.5', 'tv <= 0.2' (required)")->type_name("EXPR");
    app->add_option("--width", o.width, "width of the certified bracket, 0 < W <= 1 (default 1/1000)")->type_name("W");
    app->add_option("--arithmetic", o.model.arithmetic, "exact (default) | interval")->type_name("KIND");
    app->add_option("--precision", o.model.precision, "bits, 16 to 4096, of the enclosures (default 128)")->type_name("BITS");
    app->add_flag("--json", o.json, "print one JSON object");
}

}  // namespace

Command parse_command_line(int argc, const char* const* argv) {
    CLI::App app{"collapse: exact analysis of finite recursive-training chains and of any finite Markov chain"};
    app.name("collapse");
    app.get_formatter()->column_width(34);
    app.require_subcommand(0, 1);
    Command command;

    CLI::App* analyze = app.add_subcommand("analyze", "analyze a recursive-training chain or a chain file");
    AnalyzeOptions& o = command.analyze;
    add_model_options(analyze, o);
    analyze->add_option("--arithmetic", o.arithmetic, "exact (rationals, default) | interval (verified enclosures) | float (doubles, approximate)")->type_name("KIND");
    analyze->add_option("--precision", o.precision, "bits, 16 to 4096, for interval arithmetic only (default 128; raised automatically when needed)")->type_name("BITS");
    analyze->add_option("--what", o.what, "comma-separated parts: classes,stationary,absorption,steps,theorems")->type_name("LIST");
    analyze->add_option("--start", o.start, "label of the start state of the transient law")->type_name("LABEL");
    analyze->add_option("--steps", o.steps, "number of generations T of the transient law")->type_name("T");
    analyze->add_flag("--json", o.json, "print one JSON object");

    CLI::App* simulate = app.add_subcommand("simulate", "simulate runs of a recursive-training chain or a chain file");
    SimulateOptions& so = command.simulate;
    AnalyzeOptions& sm = so.model;
    add_model_options(simulate, sm);
    simulate->add_option("--start", so.start, "label of the start state (required)")->type_name("LABEL");
    simulate->add_option("--generations", so.generations, "T, the most generations per run (required)")->type_name("T");
    simulate->add_option("--runs", so.runs, "R >= 1, the number of independent runs (required)")->type_name("R");
    simulate->add_option("--seed", so.seed, "S, a 64-bit seed (default 0): same seed, same output")->type_name("S");
    simulate->add_flag("--json", so.json, "print one JSON object instead of CSV");
    simulate->add_flag("--trajectories", so.trajectories, "also print each run's whole path");
    simulate->add_flag("--quiet", so.quiet, "no progress bar on standard error");

    CLI::App* check = app.add_subcommand("check", "test another simulator's runs (simulate's CSV) against the exact predictions");
    CheckOptions& co = command.check;
    AnalyzeOptions& cm = co.model;
    add_model_options(check, cm);
    check->add_option("--observed", co.observed, "the runs to check: CSV in the layout of 'collapse simulate' (required)")->type_name("FILE");
    check->add_option("--start", co.start, "label of the start state of the runs (required)")->type_name("LABEL");
    check->add_option("--generations", co.generations, "T, the generations per run (needed for the law at T and the collapse-time law)")->type_name("T");
    check->add_option("--alpha", co.alpha, "family-wise false-alarm rate, 0 < A < 1 (default 0.01)")->type_name("A");
    check->add_flag("--json", co.json, "print one JSON object");

    CLI::App* plot = app.add_subcommand("plot", "draw a figure as a standalone SVG file (docs/tutorial.md)");
    PlotOptions& po = command.plot;
    add_model_options(plot, po.model);
    plot->add_option("kind", po.kind, "trajectories | absorption | stationary | collapse-time")->type_name("KIND")->required();
    plot->add_option("--output", po.output, "the SVG file to write (required)")->type_name("FILE");
    plot->add_option("--start", po.start, "start state (trajectories, collapse-time; several for collapse-time: L1;L2)")->type_name("LABEL");
    plot->add_option("--generations", po.generations, "T, the generations drawn (trajectories, collapse-time)")->type_name("T");
    plot->add_option("--runs", po.runs, "R, 1 to 50 simulated runs (trajectories; default 10)")->type_name("R");
    plot->add_option("--seed", po.seed, "S, the simulation seed (trajectories; default 0)")->type_name("S");
    plot->add_option("--lambdas", po.lambdas, "fresh fractions, comma-separated (stationary; default 1/10,1/100,1/1000)")->type_name("L1,L2");
    plot->add_option("--arithmetic", po.model.arithmetic, "exact (default) | interval: the numbers behind the figure")->type_name("KIND");
    plot->add_option("--precision", po.model.precision, "bits, 16 to 4096, for interval arithmetic (default 128)")->type_name("BITS");
    CLI::App* metrics = app.add_subcommand("metrics", "expected diversity (surviving symbols, entropy, TV, W1, KL) over generations");
    add_model_options(metrics, command.metrics.model);
    add_metrics_options(metrics, command.metrics);
    CLI::App* fresh = app.add_subcommand("fresh-data", "the smallest fresh-data fraction that meets a diversity target");
    add_model_options(fresh, command.fresh_data.model);
    add_fresh_data_options(fresh, command.fresh_data);

    app.add_subcommand("demo", "the built-in example: one chain without and with fresh data");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        command.kind = Command::Kind::help;
        command.help_text = app.help();
        for (CLI::App* sub : app.get_subcommands()) command.help_text = sub->help();
        return command;
    } catch (const CLI::ParseError& e) {
        const std::string sub = simulate->parsed()  ? "simulate"
                                : check->parsed()   ? "check"
                                : plot->parsed()    ? "plot"
                                : metrics->parsed() ? "metrics"
                                : fresh->parsed()   ? "fresh-data"
                                                    : "analyze";
        throw InvalidInput(std::string(e.what()) + " (see 'collapse --help' and 'collapse " + sub + " --help')");
    }
    if (analyze->parsed()) command.kind = Command::Kind::analyze;
    else if (simulate->parsed()) command.kind = Command::Kind::simulate;
    else if (check->parsed()) command.kind = Command::Kind::check;
    else if (plot->parsed()) command.kind = Command::Kind::plot;
    else if (metrics->parsed()) command.kind = Command::Kind::metrics;
    else if (fresh->parsed()) command.kind = Command::Kind::fresh_data;
    else if (app.got_subcommand("demo")) command.kind = Command::Kind::demo;
    else command.help_text = app.help();
    return command;
}

}  // namespace collapse::cli
