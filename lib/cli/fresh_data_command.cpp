// `collapse fresh-data MODEL --target EXPR [--width W]`: the smallest fresh fraction that
// meets a target on the stationary regime, as a certified bracket (docs/metrics.md).
#include "metrics_commands.hpp"
#include "model_options.hpp"

#include <collapse/core/error.hpp>
#include <collapse/io/metrics_report.hpp>

#include <sstream>

namespace collapse::cli {

void fresh_data_command(const FreshDataOptions& o, std::ostream& out, const ResourceLimits& limits) {
    const AnalyzeOptions& m = o.model;
    if (m.chain)
        throw InvalidInput("--chain: fresh-data varies the fresh fraction of a recursive-training model "
                           "(--symbols K --samples N ...), which a chain file does not have");
    if (!o.target)
        throw InvalidInput("--target EXPR is needed, e.g. 'entropy >= 0.9*H(q)', 'dirac-mass <= 0.01', "
                           "'surviving >= 2.5', 'tv <= 0.2', 'wasserstein <= 0.3'");
    if (m.fresh_fraction || m.fresh_count)
        throw InvalidInput("--fresh-fraction and --fresh-count do not apply: fresh-data searches the fresh fraction "
                           "itself; leave them out");
    if (m.arithmetic != "exact" && m.arithmetic != "interval")
        throw InvalidInput("--arithmetic: '" + m.arithmetic +
                           "' cannot certify a bracket; accepted: exact, interval");
    const long bits = precision_from(m.precision);
    Rational width(1, 1000);
    if (o.width) {
        width = parse_rational(*o.width, "--width");
        if (width.sign() <= 0 || width > 1 || width < Rational(1, 1000000000000))
            throw InvalidInput("--width " + *o.width + ": not accepted; accepted: 1e-12 <= W <= 1");
    }
    const RecursiveModel model = model_from(m);
    FreshDataReport report;
    report.model = model;
    report.precision_requested = bits;
    const FreshDataTarget target = parse_fresh_data_target(*o.target, model, bits);
    report.search = fresh_data_search(model, target, width, m.arithmetic == "exact", bits, limits);
    std::ostringstream buffer;  // nothing reaches `out` unless the search succeeded
    if (o.json) write_fresh_data_json(report, buffer);
    else write_fresh_data_text(report, buffer);
    out << buffer.str();
}

}  // namespace collapse::cli
