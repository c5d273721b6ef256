// Writers of `collapse metrics` and `collapse fresh-data` (docs/cli.md).
#include "text_table.hpp"

#include <collapse/io/metrics_report.hpp>
#include <collapse/io/report.hpp>

#include "model_json.hpp"
#include <collapse/scalar/floating.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <variant>

namespace collapse {
namespace {

using Json = nlohmann::ordered_json;

// Value encoding of `analyze` (cli.md): exact "p/q", enclosures ["lo", "hi"] rounded
// outward with about as many digits as the precision carries, doubles as numbers.
Json value(const Rational& x) { return x.str(); }
Json value(double x) { return x; }
Json value(const Interval& x) {
    const int digits = static_cast<int>(std::min(80.0, static_cast<double>(x.precision()) * 0.30103 + 2));
    return Json::array({x.lower_decimal(digits), x.upper_decimal(digits)});
}
template <class T>
Json value(const std::optional<T>& x) { return x ? value(*x) : Json(nullptr); }

// For a person: short exact values as they are; long fractions as a 10-digit enclosure.
std::string text(const Interval& x) {
    std::string out = "[";
    out += x.lower_decimal(10);
    out += ", ";
    out += x.upper_decimal(10);
    out += ']';
    return out;
}
std::string text(const Rational& x) {
    const std::string exact = x.str();
    return exact.size() <= 16 ? exact : text(Interval::enclose(x, 64));
}
std::string text(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", x);
    return buffer;
}

using detail::print_table;

using detail::arithmetic_name;

template <Scalar S>
Json metrics_json(const ExpectedMetrics<S>& e) {
    Json j;
    j["surviving"] = value(e.surviving);
    j["entropy"] = value(e.entropy);
    j["total_variation"] = value(e.total_variation);
    j["wasserstein"] = value(e.wasserstein);
    j["dirac_mass"] = value(e.dirac_mass);
    j["kl_infinite_probability"] = value(e.kl_infinite);
    j["kl_given_finite"] = value(e.kl_given_finite);
    Json present = Json::array();
    for (const S& p : e.present) present.push_back(value(p));
    j["present"] = present;
    Json mean = Json::array();
    for (const S& p : e.mean) mean.push_back(value(p));
    j["mean"] = mean;
    return j;
}

template <Scalar S>
std::vector<std::string> metrics_row(std::string first, const ExpectedMetrics<S>& e) {
    std::vector<std::string> row{std::move(first), text(e.surviving), text(e.entropy), text(e.total_variation),
                                 text(e.wasserstein), text(e.dirac_mass), text(e.kl_infinite),
                                 e.kl_given_finite ? text(*e.kl_given_finite) : std::string("undefined")};
    for (const S& p : e.present) row.push_back(text(p));
    return row;
}

std::vector<std::string> metrics_header(std::string first, std::size_t symbols) {
    std::vector<std::string> row{std::move(first), "E[surviving]", "E[entropy]", "E[TV]", "E[W1]", "P(Dirac)",
                                 "P(KL=inf)", "E[KL|finite]"};
    for (std::size_t i = 0; i < symbols; ++i) row.push_back("P(" + std::to_string(i) + " present)");
    return row;
}

std::string guarantee_line(Guarantee g, long bits) {
    switch (g) {
        case Guarantee::exact:
            return "exact: surviving, TV, W1, Dirac mass and presence are exact rationals; entropy and KL "
                   "(logarithms, not rational) are enclosures [lo, hi] at " +
                   std::to_string(bits) + " bits";
        case Guarantee::enclosure:
            return "interval: every [lo, hi] is proved to contain the true value (" + std::to_string(bits) + " bits)";
        case Guarantee::approximate: return "float: every number is approximate (double precision)";
    }
    return "";
}

}  // namespace

template <Scalar S>
void write_metrics_json(const MetricsReport<S>& r, std::ostream& out) {
    Json j;
    j["model"] = detail::model_json(r.model);
    j["arithmetic"] = arithmetic_name(scalar_traits<S>::guarantee);
    j["guarantee"] = to_string(scalar_traits<S>::guarantee);
    j["log_guarantee"] = to_string(scalar_traits<RealOf<S>>::guarantee);
    if (r.precision_used > 0) {
        j["precision"] = Json{{"requested", r.precision_requested}, {"used", r.precision_used}};
        if (!r.precision_raised_because.empty()) j["precision"]["raised_because"] = r.precision_raised_because;
    }
    j["start"] = r.start;
    j["generations"] = r.by_generation.empty() ? 0 : r.by_generation.size() - 1;
    Json rows = Json::array();
    for (std::size_t t = 0; t < r.by_generation.size(); ++t) {
        Json row = Json{{"t", t}};
        row.update(metrics_json(r.by_generation[t]));
        rows.push_back(row);
    }
    j["by_generation"] = rows;
    j["closed_classes"] = r.closed_classes;
    j["stationary"] = r.stationary ? metrics_json(*r.stationary) : Json(nullptr);
    Json forget = Json::array();
    for (const SymbolForgetting<S>& f : r.forgetting) {
        Json one;
        one["symbol"] = f.symbol;
        one["present_at_start"] = f.present_at_start;
        one["probability"] = value(f.probability);
        one["certain"] = f.certain;
        one["expected_given_forgotten"] = value(f.expected_given_forgotten);
        // E[tau] is finite exactly when forgetting is certain; null means infinite.
        one["expected"] = f.certain ? value(f.expected_given_forgotten) : Json(nullptr);
        forget.push_back(one);
    }
    j["forgetting"] = forget;
    out << j.dump(2) << '\n';
}

template <Scalar S>
void write_metrics_text(const MetricsReport<S>& r, std::ostream& out) {
    const std::size_t k = r.model.symbols;
    out << "chain:      recursive training, " << describe(r.model) << '\n';
    out << "arithmetic: " << guarantee_line(scalar_traits<S>::guarantee, r.precision_used) << '\n';
    if (r.precision_used != r.precision_requested && !r.precision_raised_because.empty())
        out << "precision:  raised from " << r.precision_requested << " to " << r.precision_used << " bits ("
            << r.precision_raised_because << ")\n";
    if (scalar_traits<S>::guarantee == Guarantee::exact)
        out << "            (fractions longer than 16 characters are shown as 10-digit enclosures; --json gives them "
               "exactly)\n";
    out << "start:      " << r.start << "\n";
    out << "measures:   mu = c/N against q; entropy and KL(q || mu) in nats; W1 on the ordered alphabet\n";
    out << "\nexpected diversity by generation:\n";
    std::vector<std::vector<std::string>> rows{metrics_header("t", k)};
    for (std::size_t t = 0; t < r.by_generation.size(); ++t) rows.push_back(metrics_row(std::to_string(t), r.by_generation[t]));
    print_table(out, rows);
    out << "\nstationary law: ";
    if (r.stationary) {
        out << "unique\n";
        print_table(out, {metrics_header("", k), metrics_row("pi", *r.stationary)});
    } else {
        out << "not unique (" << r.closed_classes
            << " closed classes): the long run depends on the start; no stationary expectation is reported\n";
    }
    out << "\ntime to forget a symbol (first generation with c_i = 0), from " << r.start << ":\n";
    std::vector<std::vector<std::string>> f{{"symbol", "P(forgotten)", "E[generation | forgotten]", "E[generation]"}};
    for (const SymbolForgetting<S>& s : r.forgetting) {
        const std::string given = s.expected_given_forgotten ? text(*s.expected_given_forgotten) : "undefined";
        std::string expected = s.certain ? given : "infinite";
        if (!s.present_at_start) expected = "0 (absent at the start)";
        else if (!s.certain && !s.expected_given_forgotten) expected = "infinite (never forgotten)";
        else if (!s.certain) expected = "infinite (kept forever with positive probability)";
        f.push_back({std::to_string(s.symbol), text(s.probability), given, expected});
    }
    print_table(out, f);
}

template void write_metrics_json<Rational>(const MetricsReport<Rational>&, std::ostream&);
template void write_metrics_json<Interval>(const MetricsReport<Interval>&, std::ostream&);
template void write_metrics_json<double>(const MetricsReport<double>&, std::ostream&);
template void write_metrics_text<Rational>(const MetricsReport<Rational>&, std::ostream&);
template void write_metrics_text<Interval>(const MetricsReport<Interval>&, std::ostream&);
template void write_metrics_text<double>(const MetricsReport<double>&, std::ostream&);

// ---------------------------------------------------------------------------------------
// fresh-data

namespace {

Json variant_value(const std::variant<Rational, Interval>& v) {
    return std::visit([](const auto& x) { return value(x); }, v);
}
std::string variant_text(const std::variant<Rational, Interval>& v) {
    return std::visit([](const auto& x) { return text(x); }, v);
}

RecursiveModel without_fresh_data(RecursiveModel m) {
    m.fresh = FreshData{};
    return m;
}

}  // namespace

void write_fresh_data_json(const FreshDataReport& r, std::ostream& out) {
    const FreshDataSearch& s = r.search;
    Json j;
    Json model = detail::model_json(without_fresh_data(r.model));
    model.erase("fresh");
    j["model"] = model;
    j["target"] = s.target.text;
    j["arithmetic"] = s.arithmetic;
    if (s.bound) j["bound"] = value(*s.bound);
    j["outcome"] = to_string(s.outcome);
    if (s.outcome != FreshDataSearch::Outcome::not_met)
        j["bracket"] = Json::array({s.lambda_lo.str(), s.lambda_hi.str()});
    else
        j["bracket"] = nullptr;
    j["width"] = s.width.str();
    j["monotone_on_evaluated_points"] = s.monotone_on_evaluated_points;
    j["note"] = s.note;
    Json evals = Json::array();
    for (const TargetEvaluation& e : s.evaluations) {
        Json values = Json::array();
        for (const auto& v : e.values) values.push_back(variant_value(v));
        Json one{{"lambda", e.lambda.str()}, {"values", values}, {"holds", e.holds}};
        if (e.bits > 0) one["precision"] = e.bits;
        evals.push_back(one);
    }
    j["evaluations"] = evals;
    out << j.dump(2) << '\n';
}

void write_fresh_data_text(const FreshDataReport& r, std::ostream& out) {
    const FreshDataSearch& s = r.search;
    std::string model = describe(without_fresh_data(r.model));
    const std::string none = ", no fresh data";
    if (const auto at = model.find(none); at != std::string::npos) model.replace(at, none.size(), ", fresh fraction searched");
    out << "chain:      recursive training, " << model << '\n';
    out << "target:     " << s.target.text << " (stationary expectation";
    if (s.bound) out << "; bound " << text(*s.bound);
    out << ")\n";
    out << "arithmetic: " << s.arithmetic
        << (s.arithmetic == "exact" ? " (rational values exact; entropy enclosed)" : " (enclosures)") << '\n';
    switch (s.outcome) {
        case FreshDataSearch::Outcome::bracketed:
            out << "result:     smallest lambda in [" << s.lambda_lo.str() << ", " << s.lambda_hi.str()
                << "]: the target is proved to fail at " << s.lambda_lo.str() << " and to hold at "
                << s.lambda_hi.str() << '\n';
            break;
        case FreshDataSearch::Outcome::met_without_fresh_data:
            out << "result:     lambda = 0: the target holds without fresh data\n";
            break;
        case FreshDataSearch::Outcome::not_met:
            out << "result:     cannot be met: the target fails at every evaluated lambda, including lambda = 1\n";
            break;
    }
    if (!s.monotone_on_evaluated_points) out << "warning:    " << s.note << '\n';
    else if (s.outcome == FreshDataSearch::Outcome::bracketed)
        out << "            (monotone on the " << s.evaluations.size() << " evaluated points)\n";
    out << "\nevaluations (in the order done):\n";
    std::vector<std::vector<std::string>> rows{{"lambda", "stationary expectation", "target"}};
    for (const TargetEvaluation& e : s.evaluations) {
        std::string values;
        for (std::size_t i = 0; i < e.values.size(); ++i) {
            if (i) values += "; ";
            values += variant_text(e.values[i]);
        }
        if (e.values.size() > 1) values = std::to_string(e.values.size()) + " closed classes: " + values;
        rows.push_back({e.lambda.str(), values, e.holds ? "holds" : "fails"});
    }
    print_table(out, rows);
}

}  // namespace collapse
