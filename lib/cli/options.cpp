#include "options.hpp"

#include <collapse/core/error.hpp>

#include <CLI/CLI.hpp>

namespace collapse::cli {

Command parse_command_line(int argc, const char* const* argv) {
    CLI::App app{"collapse: exact analysis of finite recursive-training chains and of any finite Markov chain"};
    app.name("collapse");
    app.get_formatter()->column_width(34);
    app.require_subcommand(0, 1);
    Command command;

    CLI::App* analyze = app.add_subcommand("analyze", "analyze a recursive-training chain or a chain file");
    AnalyzeOptions& o = command.analyze;
    analyze->add_option("--symbols", o.symbols, "K, the number of symbols (>= 2)")->type_name("K");
    analyze->add_option("--samples", o.samples, "N, the number of samples per generation (>= 1)")->type_name("N");
    analyze->add_option("--fit", o.fit, "mle | smooth:A | temper:B | topk:M (default mle)")->type_name("FIT");
    analyze->add_option("--fresh-fraction", o.fresh_fraction, "lambda in [0,1]: each sample is fresh with this probability")->type_name("L");
    analyze->add_option("--fresh-count", o.fresh_count, "m in [0,N]: exactly m fresh samples per generation")->type_name("M");
    analyze->add_option("--external", o.external, "q1,...,qK: the external distribution (default uniform)")->type_name("Q");
    analyze->add_option("--chain", o.chain, "a chain in PRISM explicit .tra format, instead of a recursive model")->type_name("FILE");
    analyze->add_option("--arithmetic", o.arithmetic, "exact (rationals, default) | interval (verified enclosures) | float (doubles, approximate)")->type_name("KIND");
    analyze->add_option("--precision", o.precision, "bits, 16 to 4096, for interval arithmetic only (default 128; raised automatically when needed)")->type_name("BITS");
    analyze->add_option("--what", o.what, "comma-separated parts: classes,stationary,absorption,steps,theorems")->type_name("LIST");
    analyze->add_option("--start", o.start, "label of the start state of the transient law")->type_name("LABEL");
    analyze->add_option("--steps", o.steps, "number of generations T of the transient law")->type_name("T");
    analyze->add_flag("--json", o.json, "print one JSON object");

    CLI::App* simulate = app.add_subcommand("simulate", "simulate runs of a recursive-training chain or a chain file");
    SimulateOptions& so = command.simulate;
    AnalyzeOptions& sm = so.model;
    simulate->add_option("--symbols", sm.symbols, "K, the number of symbols (>= 2)")->type_name("K");
    simulate->add_option("--samples", sm.samples, "N, the number of samples per generation (>= 1)")->type_name("N");
    simulate->add_option("--fit", sm.fit, "mle | smooth:A | temper:B | topk:M (default mle)")->type_name("FIT");
    simulate->add_option("--fresh-fraction", sm.fresh_fraction, "lambda in [0,1]: each sample is fresh with this probability")->type_name("L");
    simulate->add_option("--fresh-count", sm.fresh_count, "m in [0,N]: exactly m fresh samples per generation")->type_name("M");
    simulate->add_option("--external", sm.external, "q1,...,qK: the external distribution (default uniform)")->type_name("Q");
    simulate->add_option("--chain", sm.chain, "a chain in PRISM explicit .tra format, instead of a recursive model")->type_name("FILE");
    simulate->add_option("--start", so.start, "label of the start state (required)")->type_name("LABEL");
    simulate->add_option("--generations", so.generations, "T, the most generations per run (required)")->type_name("T");
    simulate->add_option("--runs", so.runs, "R >= 1, the number of independent runs (required)")->type_name("R");
    simulate->add_option("--seed", so.seed, "S, a 64-bit seed (default 0): same seed, same output")->type_name("S");
    simulate->add_flag("--json", so.json, "print one JSON object instead of CSV");
    simulate->add_flag("--trajectories", so.trajectories, "also print each run's whole path");
    simulate->add_flag("--quiet", so.quiet, "no progress bar on standard error");

    app.add_subcommand("demo", "the built-in example: one chain without and with fresh data");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        command.kind = Command::Kind::help;
        command.help_text = app.help();
        for (CLI::App* sub : app.get_subcommands()) command.help_text = sub->help();
        return command;
    } catch (const CLI::ParseError& e) {
        const std::string sub = simulate->parsed() ? "simulate" : "analyze";
        throw InvalidInput(std::string(e.what()) + " (see 'collapse --help' and 'collapse " + sub + " --help')");
    }
    if (analyze->parsed()) command.kind = Command::Kind::analyze;
    else if (simulate->parsed()) command.kind = Command::Kind::simulate;
    else if (app.got_subcommand("demo")) command.kind = Command::Kind::demo;
    else command.help_text = app.help();
    return command;
}

}  // namespace collapse::cli
