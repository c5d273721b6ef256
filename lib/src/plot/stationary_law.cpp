// The stationary law with fresh data for several fractions lambda: as lambda -> 0 its mass
// moves to the Dirac states, in proportions q (T5b); its mean stays N q (T5a).
#include "figure_support.hpp"
#include "simplex_cells.hpp"

#include <collapse/analysis/stationary.hpp>
#include <collapse/io/report.hpp>

#include <cmath>
#include <cstdio>
#include <optional>

namespace collapse::plot {
namespace {

template <Scalar S>
struct Law {
    Rational lambda;
    std::vector<double> drawn;       // by state
    std::vector<std::string> exact;  // by state, for tooltips
};

std::string q_text(const RecursiveModel& model) {
    std::string s = "q = (";
    for (std::size_t i = 0; i < model.external.size(); ++i) s += std::string(i ? ", " : "") + model.external[i].str();
    return s + ")";
}

std::string short_number(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", x);
    return buffer;
}

// "π(10,0) = 0.011, π(0,10) = 0.305" (K = 2) or "Dirac mass 0.21, 0.21, 0.21" (K = 3).
template <Scalar S>
std::string dirac_mass_text(const Chain<S>& chain, const Law<S>& law, const RecursiveModel& model) {
    std::string s = model.symbols == 3 ? "Dirac mass " : "";
    for (std::size_t i = 0; i < model.symbols; ++i) {
        const std::string label = detail::dirac_label(model.symbols, model.samples, i);
        s += std::string(i ? ", " : "") + (model.symbols == 3 ? "" : "π(" + label + ") = ") +
             short_number(law.drawn[*chain.find(label)]);
    }
    return s;
}

template <Scalar S>
void draw_bars(SvgDocument& doc, const Chain<S>& chain, const std::vector<Law<S>>& laws, const RecursiveModel& model) {
    const double n = static_cast<double>(model.samples);
    for (std::size_t k = 0; k < laws.size(); ++k) {
        const double top = 80 + 150 * static_cast<double>(k);
        const double largest = *std::max_element(laws[k].drawn.begin(), laws[k].drawn.end());
        const Ticks y_ticks = nice_ticks(0, largest, 3);
        const Axes axes({90, top}, 760, 100, -0.5, n + 0.5, 0, y_ticks.values.back());
        axes.draw(doc, k + 1 == laws.size() ? "state: count of symbol 0, c_0" : "", "π(c)", nice_ticks(0, n, 10),
                  y_ticks);
        const double bar = 760 / (n + 1) * 0.8;
        for (std::size_t s = 0; s < chain.size(); ++s) {
            const double c0 = n - static_cast<double>(s);
            const Point base = axes.at(c0, 0), tip = axes.at(c0, laws[k].drawn[s]);
            doc.rect({base.x - bar / 2, tip.y}, bar, base.y - tip.y, categorical_colour(k), "none",
                     "λ = " + laws[k].lambda.str() + ", c = " + chain.label(s) + ": π(c) = " + laws[k].exact[s]);
        }
        doc.text({846, top + 14}, "λ = " + laws[k].lambda.str() + ": " + dirac_mass_text(chain, laws[k], model),
                 Anchor::end, 12, "font-weight=\"bold\"");
    }
}

template <Scalar S>
void draw_heat_maps(SvgDocument& doc, const Chain<S>& chain, const std::vector<Law<S>>& laws,
                    const RecursiveModel& model) {
    // A logarithmic colour scale shared by every panel, over at most twelve decades.
    double lo = 0, hi = -1e300;
    for (const auto& law : laws)
        for (const double p : law.drawn)
            if (p > 0) hi = std::max(hi, std::log10(p));
    hi = std::ceil(hi);
    lo = hi;
    for (const auto& law : laws)
        for (const double p : law.drawn)
            if (p > 0) lo = std::min(lo, std::log10(p));
    lo = std::max(std::floor(lo), hi - 12);
    if (lo >= hi) lo = hi - 1;
    const double n = static_cast<double>(model.samples);
    constexpr double side = 240;
    for (std::size_t k = 0; k < laws.size(); ++k) {
        const double left =
            (doc.width() - 290 * static_cast<double>(laws.size())) / 2 + 25 + 290 * static_cast<double>(k);
        const Triangle triangle({left, 80}, side);
        for (std::size_t s = 0; s < chain.size(); ++s) {
            const double p = laws[k].drawn[s];
            detail::simplex_cell(doc, triangle, n, chain.label(s), p > 0 ? (std::log10(p) - lo) / (hi - lo) : 0.0,
                                 "λ = " + laws[k].lambda.str() + ", c = " + chain.label(s) + ": π(c) = " +
                                     laws[k].exact[s]);
        }
        triangle.draw(doc,
                      {detail::dirac_label(3, model.samples, 0), detail::dirac_label(3, model.samples, 1),
                       detail::dirac_label(3, model.samples, 2)},
                      false, 8 + detail::cell_radius(triangle, n));
        doc.text({left + side / 2, 80 + side + 42}, "λ = " + laws[k].lambda.str(), Anchor::middle, 13,
                 "font-weight=\"bold\"");
        doc.text({left + side / 2, 80 + side + 60}, dirac_mass_text(chain, laws[k], model), Anchor::middle, 11);
    }
    const int decades = static_cast<int>(hi - lo);
    const int every = decades > 6 ? 2 : 1;
    std::vector<std::pair<double, std::string>> ticks;
    for (int d = 0; d <= decades; d += every)
        ticks.push_back({static_cast<double>(d) / decades, "1e" + std::to_string(static_cast<int>(lo) + d)});
    detail::colour_bar(doc, {100, 80 + side + 90}, doc.width() - 200, ticks,
                       "stationary probability π(c) of each state (log scale; lighter = more mass)");
}

}  // namespace

std::string stationary_figure(const RecursiveModel& model, const std::vector<Rational>& lambdas,
                              const Numbers& numbers) {
    if (model.symbols > 3)
        throw InvalidInput("plot stationary: K = " + std::to_string(model.symbols) +
                           " symbols cannot be drawn on the simplex; accepted: K = 2 (bars) or K = 3 (a triangle)");
    const std::size_t most = model.symbols == 2 ? 6 : 4;
    if (lambdas.empty() || lambdas.size() > most)
        throw InvalidInput("--lambdas: " + std::to_string(lambdas.size()) + " fractions given; accepted: 1 to " +
                           std::to_string(most) + " for K = " + std::to_string(model.symbols));
    for (const Rational& lambda : lambdas)
        if (lambda <= 0 || lambda > 1)
            throw InvalidInput("--lambdas: " + lambda.str() + " is not accepted; accepted: 0 < lambda <= 1 (with "
                               "lambda = 0 there is no fresh data and no unique stationary law)");
    return detail::in_numbers(numbers, [&]<Scalar S>(long bits, detail::Provenance& provenance) {
        std::vector<Law<S>> laws;
        std::optional<Chain<S>> last;
        for (const Rational& lambda : lambdas) {
            RecursiveModel m = model;
            m.fresh.kind = FreshData::Kind::fraction;
            m.fresh.fraction = lambda;
            m = validated(m);
            Chain<S> chain = detail::model_chain<S>(m, bits, numbers.limits);
            const ClassStructure cs = class_structure(chain.support());
            if (cs.closed.size() != 1 || cs.closed_class(0).size() != chain.size())
                throw InvalidInput("plot stationary: with fresh fraction " + lambda.str() + " the chain has " +
                                   std::to_string(cs.closed.size()) +
                                   " closed classes, not one holding every state; a unique stationary law needs "
                                   "every q_i > 0 (T4)");
            const StationaryResult<S> stationary = stationary_distributions(chain, cs);
            Law<S> law{lambda, std::vector<double>(chain.size()), std::vector<std::string>(chain.size())};
            const ClassDistribution<S>& dist = stationary.per_class[0];
            for (std::size_t i = 0; i < dist.states.size(); ++i) {
                law.drawn[dist.states[i]] = detail::drawn(dist.probability[i], provenance);
                law.exact[dist.states[i]] = detail::value_text(dist.probability[i]);
            }
            laws.push_back(std::move(law));
            last.emplace(std::move(chain));
        }
        RecursiveModel shown = validated(model);
        const std::string title = "Stationary law with fresh fraction λ: K = " + std::to_string(model.symbols) +
                                  ", N = " + std::to_string(model.samples) + ", fit " + model.fit.to_string() + ", " +
                                  q_text(shown);
        if (model.symbols == 2) {
            SvgDocument doc(900, 80 + 150 * static_cast<double>(laws.size()) + 30);
            doc.heading(title, detail::guarantee_text(provenance));
            draw_bars(doc, *last, laws, shown);
            doc.text({90, doc.height() - 12},
                     "T5: as λ → 0 the mass moves to the Dirac states N,0 and 0,N, in the proportions q; the mean stays N q.",
                     Anchor::start, 12);
            return doc.str();
        }
        SvgDocument doc(std::max(900.0, 40 + 290 * static_cast<double>(laws.size())), 520);
        doc.heading(title, detail::guarantee_text(provenance));
        draw_heat_maps(doc, *last, laws, shown);
        doc.text({doc.width() / 2, 495},
                 "T5: as λ → 0 the mass moves to the three corners (Dirac states), in the proportions q.", Anchor::middle,
                 12);
        doc.text({doc.width() / 2, 512},
                 "Dirac mass: π at " + detail::dirac_label(3, model.samples, 0) + ", " + detail::dirac_label(3, model.samples, 1) +
                     ", " + detail::dirac_label(3, model.samples, 2) + "; hover a cell for its exact probability.",
                 Anchor::middle, 11);
        return doc.str();
    });
}

}  // namespace collapse::plot
