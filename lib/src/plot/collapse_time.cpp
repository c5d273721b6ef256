// The probability of having collapsed by generation t: the mass of the closed classes in the
// law after t steps, for t = 0..T (the law is pushed forward once per generation).
#include "figure_support.hpp"

#include <collapse/analysis/absorption.hpp>
#include <collapse/analysis/analysis.hpp>
#include <collapse/analysis/transient_law.hpp>
#include <collapse/io/report.hpp>

namespace collapse::plot {
namespace {

struct Curve {
    std::string start;
    std::vector<double> drawn;        // t = 0..T
    std::vector<std::string> exact;   // t = 0..T
    double expected = 0;              // generations to reach a closed class
    std::string expected_text;
};

// As analyze does for the transient law: refuse what would take more than about a minute.
template <Scalar S>
void require_affordable(const Chain<S>& chain, std::uint64_t generations, std::size_t curves) {
    const double t = static_cast<double>(generations);
    // Exact numbers grow by about one row total's size per generation.
    const double growth = scalar_traits<S>::guarantee == Guarantee::exact ? t * largest_row_bits(chain) / 64.0 : 0.0;
    const double work = static_cast<double>(curves) * t *
                        static_cast<double>(chain.support().entries() + chain.size()) * (1.0 + growth);
    if (work > 2e10)
        throw ResourceLimit("--generations " + std::to_string(generations) + " on a chain with " +
                            std::to_string(chain.support().entries()) +
                            " transitions would take a minute or more; ask for fewer generations or use "
                            "--arithmetic interval");
}

template <Scalar S>
Curve curve_from(const Chain<S>& chain, const ClassStructure& cs, const AbsorptionResult<S>& absorption,
                 std::size_t start, std::uint64_t generations, detail::Provenance& provenance) {
    Curve curve;
    curve.start = chain.label(start);
    std::vector<S> mu(chain.size(), from_integer<S>(0)), next;
    mu[start] = from_integer<S>(1);
    for (std::uint64_t t = 0;; ++t) {
        const S closed = mass_in_closed_classes(cs, mu);
        curve.drawn.push_back(detail::drawn(closed, provenance));
        curve.exact.push_back(detail::value_text(closed));
        if (t == generations) break;
        step_law(chain, mu, next);
        mu.swap(next);
    }
    curve.expected_text = "0";
    for (std::size_t i = 0; i < absorption.transient.size(); ++i)
        if (absorption.transient[i] == start) {
            curve.expected = detail::drawn(absorption.expected_steps[i], provenance);
            curve.expected_text = detail::value_text(absorption.expected_steps[i]);
        }
    return curve;
}

template <Scalar S>
std::string figure(const Chain<S>& chain, const std::string& what, bool recursive, bool dirac_rule,
                   const std::vector<std::string>& starts, std::uint64_t generations, detail::Provenance& provenance) {
    require_affordable(chain, generations, starts.size());
    const ClassStructure cs = class_structure(chain.support());
    const AbsorptionResult<S> absorption = absorption_analysis(chain, cs, false, true);
    std::vector<Curve> curves;
    for (const std::string& label : starts)
        curves.push_back(curve_from(chain, cs, absorption, detail::state_of(chain, label, recursive), generations,
                                    provenance));
    const std::string event = dirac_rule ? "collapsed (in a Dirac state)" : "in a closed class";
    SvgDocument doc(900, 470 + 18 * static_cast<double>(curves.size()));
    doc.heading((dirac_rule ? "Time to collapse: " : "Time to reach a closed class: ") + what, detail::guarantee_text(provenance));
    const double horizon = static_cast<double>(generations);
    const Axes axes({80, 70}, 780, 330, 0, horizon, 0, 1);
    axes.draw(doc, "generation t", "P(" + event + " by t)", nice_ticks(0, horizon), nice_ticks(0, 1, 5));
    std::vector<std::pair<std::string, std::string>> legend;
    for (std::size_t k = 0; k < curves.size(); ++k) {
        const Curve& c = curves[k];
        std::vector<Point> points;
        for (std::size_t t = 0; t < c.drawn.size(); ++t) points.push_back(axes.at(static_cast<double>(t), c.drawn[t]));
        doc.polyline(points, categorical_colour(k), 2);
        // Markers carry the exact values; on long horizons only every few generations get one.
        const std::size_t every = std::max<std::size_t>(1, c.drawn.size() / 60);
        for (std::size_t t = 0; t < c.drawn.size(); t += every)
            doc.circle(points[t], 2.5, categorical_colour(k),
                       "from " + c.start + ", t = " + std::to_string(t) + ": " + c.exact[t]);
        const bool shown = c.expected > 0 && c.expected <= horizon;
        if (shown) doc.line(axes.at(c.expected, 0), axes.at(c.expected, 1), categorical_colour(k), 1, "5 4");
        std::string where = shown ? " (dashed line)" : "";
        if (!shown && c.expected > 0) where = " (beyond t = " + std::to_string(generations) + ")";
        legend.push_back(
            {categorical_colour(k), "from " + c.start + ": expected generations " + format_fixed(c.expected, 2) + where});
    }
    doc.legend({90, 450}, legend);
    return doc.str();
}

std::vector<std::string> checked(const std::vector<std::string>& starts) {
    if (starts.empty() || starts.size() > 8)
        throw InvalidInput("--start: " + std::to_string(starts.size()) +
                           " start states given; accepted: 1 to 8, separated by ';'");
    return starts;
}

}  // namespace

std::string collapse_time_figure(const RecursiveModel& model, const std::vector<std::string>& starts,
                                 std::uint64_t generations, const Numbers& numbers) {
    checked(starts);
    return detail::in_numbers(numbers, [&]<Scalar S>(long bits, detail::Provenance& provenance) {
        const Chain<S> chain = detail::model_chain<S>(model, bits, numbers.limits);
        // T1: without fresh data (fit other than smoothing) the closed classes are the Dirac states.
        const bool dirac = model.fresh.absent() && !(model.fit.kind == Fit::Kind::smooth && model.fit.alpha > 0);
        return figure(chain, describe(model), true, dirac, starts, generations, provenance);
    });
}

std::string collapse_time_figure(const Chain<Rational>& chain, const std::string& file,
                                 const std::vector<std::string>& starts, std::uint64_t generations,
                                 const Numbers& numbers) {
    checked(starts);
    return detail::in_numbers(numbers, [&]<Scalar S>(long bits, detail::Provenance& provenance) {
        return figure(detail::file_chain<S>(chain, bits), "chain file " + file, false, false, starts, generations,
                      provenance);
    });
}

}  // namespace collapse::plot
