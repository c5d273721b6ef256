#include "text_table.hpp"

#include <collapse/core/counted.hpp>
#include <collapse/io/report.hpp>
#include <collapse/scalar/floating.hpp>
#include <collapse/scalar/interval.hpp>
#include <collapse/scalar/rational.hpp>

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace collapse {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

using detail::print_table;

std::string guarantee_sentence(Guarantee g) {
    switch (g) {
        case Guarantee::exact: return " (every number is the exact rational value)";
        case Guarantee::enclosure: return " (every interval [lo, hi] is proved to contain the true value)";
        case Guarantee::approximate: return " (double precision: every number is approximate)";
    }
    return "";
}

}  // namespace

std::string describe(const RecursiveModel& m) {
    std::vector<std::string> q;
    for (const Rational& v : m.external) q.push_back(v.str());
    std::string fresh = "no fresh data";
    if (m.fresh.kind == FreshData::Kind::fraction) fresh = "fresh fraction " + m.fresh.fraction.str();
    if (m.fresh.kind == FreshData::Kind::count) fresh = "fresh count " + std::to_string(m.fresh.count);
    return "K = " + std::to_string(m.symbols) + ", N = " + std::to_string(m.samples) + ", fit " + m.fit.to_string() +
           ", " + fresh + ", q = (" + join(q, ", ") + ")";
}

template <Scalar S>
void write_text(const Report<S>& r, std::ostream& out) {
    const ChainOutline& chain = r.chain;
    const ClassStructure& cs = r.analysis.classes;
    auto str = [](const S& x) { return scalar_traits<S>::to_string(x); };
    out << "chain:      " << (r.model ? "recursive training, " + describe(*r.model) : "file " + r.chain_file) << '\n';
    out << "arithmetic: " << to_string(scalar_traits<S>::guarantee)
        << guarantee_sentence(scalar_traits<S>::guarantee)
        << '\n';
    if (r.precision_used > 0) {
        out << "precision:  " << r.precision_used << " bits";
        if (r.precision_used != r.precision_requested && !r.precision_raised_because.empty())
            out << " (raised from " << r.precision_requested << ": " << r.precision_raised_because << ")";
        if (!r.precision_lowered_because.empty())
            out << " (" << r.precision_requested << " requested: " << r.precision_lowered_because << ")";
        out << '\n';
    }
    out << "states:     " << chain.size() << " (" << counted(chain.transitions, "transition")
        << (chain.transitions_left_out.empty() ? "" : " kept") << "), "
        << cs.transient.size() << " transient, " << cs.absorbing.size() << " absorbing\n";
    if (!chain.transitions_left_out.empty()) out << "left out:   " << chain.transitions_left_out << '\n';
    out << "\nclosed classes (" << cs.closed.size() << "):\n";
    std::vector<std::vector<std::string>> rows{{"class", "period", "size", "states"}};
    for (std::size_t k = 0; k < cs.closed.size(); ++k) {
        std::vector<std::string> labels;
        for (std::size_t s : cs.closed_class(k)) labels.push_back(chain.label(s));
        if (labels.size() > 12) labels = {labels.front(), labels[1], "...", labels.back()};
        rows.push_back({std::to_string(k), std::to_string(cs.period[k]), std::to_string(cs.closed_class(k).size()),
                        join(labels, "  ")});
    }
    print_table(out, rows, "  ");

    if (r.show_stationary && r.analysis.stationary) {
        out << "\nstationary distribution of each closed class:\n";
        for (std::size_t k = 0; k < r.analysis.stationary->per_class.size(); ++k) {
            const auto& d = r.analysis.stationary->per_class[k];
            std::vector<std::vector<std::string>> t;
            for (std::size_t i = 0; i < d.states.size(); ++i)
                t.push_back({i == 0 ? "class " + std::to_string(k) : "", chain.label(d.states[i]), str(d.probability[i])});
            print_table(out, t, "  ");
        }
    }
    if (const auto& a = r.analysis.absorption; a && (r.show_absorption || r.show_steps)) {
        out << "\nfrom each transient state: ";
        if (a->transient.empty()) out << "there is no transient state\n";
        else {
            out << (r.show_absorption ? "probability of ending in each closed class" : "")
                << (r.show_absorption && r.show_steps ? ", and " : "") << (r.show_steps ? "expected steps to reach one" : "")
                << ":\n";
            std::vector<std::string> head{"state"};
            if (r.show_absorption)
                for (std::size_t k = 0; k < cs.closed.size(); ++k) head.push_back("class " + std::to_string(k));
            if (r.show_steps) head.push_back("steps");
            std::vector<std::vector<std::string>> t{head};
            for (std::size_t i = 0; i < a->transient.size(); ++i) {
                std::vector<std::string> row{chain.label(a->transient[i])};
                if (r.show_absorption)
                    for (std::size_t k = 0; k < cs.closed.size(); ++k) row.push_back(str(a->probability(i, k)));
                if (r.show_steps) row.push_back(str(a->expected_steps[i]));
                t.push_back(std::move(row));
            }
            print_table(out, t, "  ");
        }
    }
    if (const auto& t = r.analysis.transient) {
        out << "\nlaw after " << t->steps << " steps from " << chain.label(t->start) << " (states with mass):\n";
        std::vector<std::vector<std::string>> rows2;
        for (std::size_t s = 0; s < chain.size(); ++s)
            if (is_zero(t->law[s]) != Truth::yes) rows2.push_back({chain.label(s), str(t->law[s])});
        print_table(out, rows2, "  ");
        out << "  probability of being in a closed class by then: " << str(t->in_closed_class) << '\n';
    }
    if (r.theorems) {
        out << "\ntheorems (model.md):\n";
        std::vector<std::vector<std::string>> rows3;
        for (const TheoremCheck& th : *r.theorems) {
            std::string detail = th.detail;
            std::vector<std::string> unmet;
            for (const Hypothesis& h : th.hypotheses)
                if (!h.met) unmet.push_back(h.statement);
            if (th.status == TheoremStatus::not_applicable && !unmet.empty()) detail += "; unmet: " + join(unmet, "; ");
            rows3.push_back({th.id, std::string(to_string(th.status)), detail});
        }
        print_table(out, rows3, "  ");
    }
}

template void write_text<Rational>(const Report<Rational>&, std::ostream&);
template void write_text<double>(const Report<double>&, std::ostream&);
template void write_text<Interval>(const Report<Interval>&, std::ostream&);

}  // namespace collapse
