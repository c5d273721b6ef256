#pragma once
// The command line, parsed into plain values. Parsing only reads strings; every number is
// then read exactly by the library, which also validates it.
#include <optional>
#include <string>
#include <vector>

namespace collapse::cli {

struct AnalyzeOptions {
    std::optional<std::string> symbols, samples, fit, fresh_fraction, fresh_count, external, chain;
    std::string arithmetic = "exact";
    std::optional<std::string> precision;  ///< interval arithmetic only; 128 bits when absent
    std::optional<std::string> what, start, steps;
    bool json = false;
};

/// `collapse simulate`: the model options are those of analyze (model.symbols, ..., model.chain).
struct SimulateOptions {
    AnalyzeOptions model;
    std::optional<std::string> start, generations, runs, seed;
    bool json = false, trajectories = false, quiet = false;
};

/// `collapse check`: the model options are those of analyze (model.symbols, ..., model.chain).
struct CheckOptions {
    AnalyzeOptions model;
    std::optional<std::string> start, generations, observed, alpha;
    bool json = false;
};

/// `collapse plot KIND`: the model options are those of analyze (model.symbols, ..., model.chain).
struct PlotOptions {
    std::string kind;
    AnalyzeOptions model;  ///< also model.arithmetic and model.precision
    std::optional<std::string> output, start, generations, runs, seed, lambdas;
};

/// `collapse metrics`: expected diversity over generations (model.arithmetic, model.precision apply).
struct MetricsOptions {
    AnalyzeOptions model;
    std::optional<std::string> start, generations;
    bool json = false;
};

/// `collapse fresh-data`: the smallest fresh fraction meeting a target (docs/metrics.md).
struct FreshDataOptions {
    AnalyzeOptions model;
    std::optional<std::string> target, width;
    bool json = false;
};

struct Command {
    enum class Kind { analyze, simulate, check, plot, metrics, fresh_data, demo, help } kind = Kind::help;
    AnalyzeOptions analyze;
    SimulateOptions simulate;
    CheckOptions check;
    PlotOptions plot;
    MetricsOptions metrics;
    FreshDataOptions fresh_data;
    std::string help_text;
};

/// Parses argv; throws collapse::InvalidInput with one line on a usage error.
Command parse_command_line(int argc, const char* const* argv);

}  // namespace collapse::cli
