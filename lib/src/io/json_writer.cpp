#include <collapse/io/report.hpp>

#include "model_json.hpp"
#include <collapse/scalar/floating.hpp>
#include <collapse/scalar/interval.hpp>

#include <algorithm>
#include <collapse/scalar/rational.hpp>

#include <nlohmann/json.hpp>

namespace collapse {
namespace {

using Json = nlohmann::ordered_json;

// Value encoding by arithmetic (cli.md): exact values are strings "p/q" or "n".
Json value(const Rational& x) { return scalar_traits<Rational>::to_string(x); }
// Approximate values are JSON numbers.
Json value(double x) { return x; }
// Enclosures: ["lo", "hi"], decimal strings rounded outward, with about as many digits as
// the precision carries.
Json value(const Interval& x) {
    const int digits = static_cast<int>(std::min(80.0, static_cast<double>(x.precision()) * 0.30103 + 2));
    return Json::array({x.lower_decimal(digits), x.upper_decimal(digits)});
}

using detail::arithmetic_name;

}  // namespace

template <Scalar S>
void write_json(const Report<S>& r, std::ostream& out) {
    const ChainOutline& chain = r.chain;
    const ClassStructure& cs = r.analysis.classes;
    Json j;
    if (r.model) j["model"] = detail::model_json(*r.model);
    else j["model"] = Json{{"kind", "file"}, {"path", r.chain_file}};
    j["model"]["states"] = chain.size();
    j["model"]["transitions"] = chain.transitions;
    if (!chain.transitions_left_out.empty()) j["model"]["transitions_left_out"] = chain.transitions_left_out;
    j["arithmetic"] = arithmetic_name(scalar_traits<S>::guarantee);
    j["guarantee"] = to_string(scalar_traits<S>::guarantee);
    if (r.precision_used > 0) {
        j["precision"] = Json{{"requested", r.precision_requested}, {"used", r.precision_used}};
        if (!r.precision_raised_because.empty()) j["precision"]["raised_because"] = r.precision_raised_because;
        if (!r.precision_lowered_because.empty()) j["precision"]["lowered_because"] = r.precision_lowered_because;
    }
    j["states"] = *chain.labels;
    Json absorbing = Json::array();
    for (std::size_t s : cs.absorbing) absorbing.push_back(chain.label(s));
    j["absorbing"] = absorbing;
    Json transient = Json::array();
    for (std::size_t s : cs.transient) transient.push_back(chain.label(s));
    j["transient_states"] = transient;
    Json closed = Json::array();
    for (std::size_t k = 0; k < cs.closed.size(); ++k) {
        Json members = Json::array();
        for (std::size_t s : cs.closed_class(k)) members.push_back(chain.label(s));
        closed.push_back(members);
    }
    j["closed_classes"] = closed;
    j["periods"] = cs.period;
    Json methods = Json::object();
    if (r.show_stationary && r.analysis.stationary) {
        Json all = Json::array();
        for (const auto& d : r.analysis.stationary->per_class) {
            Json one = Json::object();
            for (std::size_t i = 0; i < d.states.size(); ++i) one[chain.label(d.states[i])] = value(d.probability[i]);
            all.push_back(one);
        }
        j["stationary"] = all;
        methods["stationary"] = r.analysis.stationary->method;
    }
    if (const auto& a = r.analysis.absorption) {
        if (r.show_absorption) {
            Json all = Json::object();
            for (std::size_t i = 0; i < a->transient.size(); ++i) {
                Json row = Json::array();
                for (std::size_t k = 0; k < cs.closed.size(); ++k) row.push_back(value(a->probability(i, k)));
                all[chain.label(a->transient[i])] = row;
            }
            j["absorption"] = all;
        }
        if (r.show_steps) {
            Json all = Json::object();
            for (std::size_t i = 0; i < a->transient.size(); ++i)
                all[chain.label(a->transient[i])] = value(a->expected_steps[i]);
            j["expected_steps"] = all;
        }
        if (r.show_absorption || r.show_steps) methods["absorption"] = a->method;
    }
    if (r.theorems) {
        Json all = Json::array();
        for (const TheoremCheck& t : *r.theorems) {
            Json h = Json::array();
            for (const Hypothesis& x : t.hypotheses) h.push_back(Json{{"statement", x.statement}, {"met", x.met}});
            all.push_back(Json{{"id", t.id}, {"status", to_string(t.status)}, {"detail", t.detail}, {"hypotheses", h}});
        }
        j["theorems"] = all;
    }
    if (const auto& t = r.analysis.transient) {
        Json law = Json::object();
        for (std::size_t s = 0; s < chain.size(); ++s)
            law[chain.label(s)] = value(t->law[s]);
        j["transient"] = Json{{"start", chain.label(t->start)},
                              {"steps", t->steps},
                              {"law", law},
                              {"in_closed_class", value(t->in_closed_class)}};
    }
    j["methods"] = methods;
    out << j.dump(2) << '\n';
}

template void write_json<Rational>(const Report<Rational>&, std::ostream&);
template void write_json<double>(const Report<double>&, std::ostream&);
template void write_json<Interval>(const Report<Interval>&, std::ostream&);

}  // namespace collapse
