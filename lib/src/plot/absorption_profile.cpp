// Where a run is absorbed and how long it takes, against the start state, with T2's
// prediction c_0/N (exact for fit mle without fresh data; tempering or top-k bend it).
// K = 2: curves against c_0; K = 3: cells on the triangle.
#include "figure_support.hpp"
#include "simplex_cells.hpp"

#include <collapse/analysis/absorption.hpp>
#include <collapse/io/report.hpp>

namespace collapse::plot {

namespace {

// Absorption in N e_0 and expected steps from every state, exact or enclosed, drawn and as text.
struct Profile {
    std::vector<double> probability, steps;
    std::vector<std::string> probability_text, steps_text;
    std::string target;  // the label of N e_0
};

template <Scalar S>
Profile profile_of(const Chain<S>& chain, const RecursiveModel& model, detail::Provenance& provenance) {
    const ClassStructure cs = class_structure(chain.support());
    Profile p;
    p.target = detail::dirac_label(model.symbols, model.samples, 0);
    const std::size_t dirac0 = *chain.find(p.target);
    if (cs.closed.size() != model.symbols || cs.absorbing.size() != model.symbols || cs.is_transient(dirac0))
        throw InvalidInput("plot absorption: in this model (fit " + model.fit.to_string() + ", " +
                           (model.fresh.absent() ? "no fresh data" : "fresh data") +
                           ") the Dirac states are not the only closed classes, so runs are not absorbed in them; "
                           "its long run is drawn by 'collapse plot stationary'");
    const AbsorptionResult<S> absorption = absorption_analysis(chain, cs, true, true);
    const std::size_t target = cs.closed_index[dirac0];
    p.probability.assign(chain.size(), 0.0);
    p.steps.assign(chain.size(), 0.0);
    p.probability_text.assign(chain.size(), "0");
    p.steps_text.assign(chain.size(), "0");
    p.probability[dirac0] = 1.0;
    p.probability_text[dirac0] = "1";
    for (std::size_t i = 0; i < absorption.transient.size(); ++i) {
        const std::size_t s = absorption.transient[i];
        p.probability[s] = detail::drawn(absorption.probability(i, target), provenance);
        p.probability_text[s] = detail::value_text(absorption.probability(i, target));
        p.steps[s] = detail::drawn(absorption.expected_steps[i], provenance);
        p.steps_text[s] = detail::value_text(absorption.expected_steps[i]);
    }
    return p;
}

std::string count_over_n(const std::string& label, std::uint64_t samples) {
    return Rational(static_cast<long>(std::stoul(label.substr(0, label.find(',')))), static_cast<long>(samples)).str();
}

template <Scalar S>
std::string binary_figure(const Chain<S>& chain, const RecursiveModel& model, const Profile& p,
                          const detail::Provenance& provenance) {
    const std::uint64_t n = model.samples;
    const double largest_steps = *std::max_element(p.steps.begin(), p.steps.end());
    SvgDocument doc(920, 470);
    doc.heading("Absorption against the start state: " + describe(model), detail::guarantee_text(provenance));
    const double x_hi = static_cast<double>(n);
    const Axes left({80, 80}, 340, 300, 0, x_hi, 0, 1);
    left.draw(doc, "start state: count of symbol 0, c_0", "P(absorbed in the Dirac state N,0)", nice_ticks(0, x_hi, 6),
              nice_ticks(0, 1, 5));
    const Ticks step_ticks = nice_ticks(0, largest_steps > 0 ? largest_steps : 1, 5);
    const Axes right({530, 80}, 340, 300, 0, x_hi, 0, step_ticks.values.back());
    right.draw(doc, "start state: count of symbol 0, c_0", "expected generations to absorption", nice_ticks(0, x_hi, 6),
               step_ticks);
    // States in chain order: c_0 = N, N-1, ..., 0 (state s has c_0 = N - s); drawn left to right.
    std::vector<Point> p_points, t_points;
    for (std::size_t s = chain.size(); s-- > 0;) {
        const double c0 = static_cast<double>(n - s);
        p_points.push_back(left.at(c0, p.probability[s]));
        t_points.push_back(right.at(c0, p.steps[s]));
    }
    doc.polyline(p_points, categorical_colour(0), 1.5);
    doc.polyline(t_points, categorical_colour(1), 1.5);
    // On top of the computed curve, so it stays visible where the two coincide (fit mle).
    doc.line(left.at(0, 0), left.at(x_hi, 1), "#555555", 1.5, "6 4");
    for (std::size_t s = 0; s < chain.size(); ++s) {
        const std::string from = "from " + chain.label(s) + ": ";
        const std::size_t k = chain.size() - 1 - s;
        doc.circle(p_points[k], 3.5, categorical_colour(0),
                   from + "P(absorbed in " + p.target + ") = " + p.probability_text[s] +
                       "; T2 line c_0/N = " + count_over_n(chain.label(s), n));
        doc.circle(t_points[k], 3.5, categorical_colour(1), from + "expected generations = " + p.steps_text[s]);
    }
    doc.legend({90, 90}, {{categorical_colour(0), "computed"}, {"#555555", "T2: c_0/N (dashed; fit mle, no fresh data)"}});
    doc.text({80, 445},
             "T2: with fit mle and no fresh data the points lie on the dashed line exactly; another fit may bend it.",
             Anchor::start, 12);
    return doc.str();
}

template <Scalar S>
std::string triangle_figure(const Chain<S>& chain, const RecursiveModel& model, const Profile& p,
                            const detail::Provenance& provenance) {
    const double n = static_cast<double>(model.samples);
    const double largest_steps = std::max(1e-300, *std::max_element(p.steps.begin(), p.steps.end()));
    const Ticks step_ticks = nice_ticks(0, largest_steps, 4);
    const double steps_top = step_ticks.values.back();
    SvgDocument doc(920, 470);
    doc.heading("Absorption against the start state: " + describe(model), detail::guarantee_text(provenance));
    constexpr double side = 240;
    const std::vector<std::string> titles = {"P(absorbed in " + p.target + ")", "T2's prediction c_0/N",
                                             "expected generations to absorption"};
    std::vector<std::pair<double, std::string>> probability_ticks, steps_ticks;
    for (int i = 0; i <= 4; ++i) probability_ticks.push_back({i / 4.0, format_fixed(i / 4.0, 2)});
    for (const double v : step_ticks.values) steps_ticks.push_back({v / steps_top, format_fixed(v, step_ticks.decimals)});
    for (std::size_t panel = 0; panel < 3; ++panel) {
        const double left = 30 + 300 * static_cast<double>(panel);
        const Triangle triangle({left, 90}, side);
        for (std::size_t s = 0; s < chain.size(); ++s) {
            const std::string& label = chain.label(s);
            const std::string line = count_over_n(label, model.samples);
            if (panel == 0)
                detail::simplex_cell(doc, triangle, n, label, p.probability[s],
                                     "from " + label + ": P(absorbed in " + p.target + ") = " + p.probability_text[s] +
                                         "; T2: c_0/N = " + line);
            else if (panel == 1)
                detail::simplex_cell(doc, triangle, n, label, detail::shares_of(label, n)[0],
                                     "from " + label + ": c_0/N = " + line);
            else
                detail::simplex_cell(doc, triangle, n, label, p.steps[s] / steps_top,
                                     "from " + label + ": expected generations = " + p.steps_text[s]);
        }
        triangle.draw(doc,
                      {detail::dirac_label(3, model.samples, 0), detail::dirac_label(3, model.samples, 1),
                       detail::dirac_label(3, model.samples, 2)},
                      false, 8 + detail::cell_radius(triangle, n));
        doc.text({left + side / 2, 90 + side + 40}, titles[panel], Anchor::middle, 13, "font-weight=\"bold\"");
        detail::colour_bar(doc, {left + 10, 90 + side + 60}, side - 20, panel < 2 ? probability_ticks : steps_ticks,
                           panel < 2 ? "probability" : "generations");
    }
    doc.text({doc.width() / 2, 455},
             "T2: with fit mle and no fresh data the first two triangles are identical; another fit may differ.",
             Anchor::middle, 12);
    return doc.str();
}

}  // namespace

std::string absorption_figure(const RecursiveModel& model, const Numbers& numbers) {
    if (model.symbols > 3)
        throw InvalidInput("plot absorption: K = " + std::to_string(model.symbols) +
                           " symbols cannot be drawn against the start state; accepted: K = 2 (curves) or K = 3 (a "
                           "triangle); for larger K use 'collapse analyze --what absorption,steps'");
    return detail::in_numbers(numbers, [&]<Scalar S>(long bits, detail::Provenance& provenance) {
        const Chain<S> chain = detail::model_chain<S>(model, bits, numbers.limits);
        const Profile p = profile_of(chain, model, provenance);
        return model.symbols == 2 ? binary_figure(chain, model, p, provenance)
                                  : triangle_figure(chain, model, p, provenance);
    });
}

}  // namespace collapse::plot
