#include <collapse/simulation/check.hpp>

#include <collapse/analysis/analysis.hpp>
#include <collapse/core/error.hpp>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

namespace collapse::simulation {
namespace {

[[noreturn]] void bad(const std::string& file, std::uint64_t line, const std::string& reason) {
    throw InvalidInput(file + ":" + std::to_string(line) + ": " + reason);
}

// One CSV record (RFC 4180, no line breaks inside quotes). nullopt: an unterminated quote.
std::optional<std::vector<std::string>> split_record(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted) {
            if (ch == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    fields.back() += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                fields.back() += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            fields.emplace_back();
        } else {
            fields.back() += ch;
        }
    }
    if (quoted) return std::nullopt;
    return fields;
}

std::optional<std::uint64_t> read_integer(const std::string& text) {
    if (text.empty() || text.size() > 20) return std::nullopt;
    std::uint64_t value = 0;
    for (char ch : text) {
        if (ch < '0' || ch > '9') return std::nullopt;
        const std::uint64_t digit = static_cast<std::uint64_t>(ch - '0');
        if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

double to_double(const Rational& x) { return x.convert_to<double>(); }

// A chi-square goodness-of-fit test of counts against exact probabilities (summing to 1 over
// the cells, or all 0 when no outcome is possible). Cells of probability 0 are dropped, or
// reject outright when observed; the others are pooled, smallest expected counts first, into
// groups of expected count >= 5 (a last group below 5 joins the previous one).
void chi_square_test(CheckTest& test, const std::vector<Rational>& probability,
                     const std::vector<std::uint64_t>& observed) {
    const std::uint64_t n = std::accumulate(observed.begin(), observed.end(), std::uint64_t{0});
    test.statistic_kind = "chi-square";
    test.runs_used = n;
    if (n == 0) {
        test.reason = "no run to compare";
        return;
    }
    struct Cell {
        double expected;
        std::uint64_t observed;
    };
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < probability.size(); ++i) {
        if (probability[i].is_zero()) {
            if (observed[i] > 0) test.impossible_outcome = true;
            continue;
        }
        cells.push_back({static_cast<double>(n) * to_double(probability[i]), observed[i]});
    }
    if (test.impossible_outcome) {
        test.applicable = true;
        test.statistic = std::numeric_limits<double>::infinity();
        test.p_value = 0;
        test.cells = cells.size();
        test.dof = cells.empty() ? 0 : cells.size() - 1;
        return;
    }
    std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.expected < b.expected; });
    std::vector<Cell> groups;
    Cell current{0, 0};
    for (const Cell& c : cells) {
        current.expected += c.expected;
        current.observed += c.observed;
        if (current.expected >= 5) {
            groups.push_back(current);
            current = {0, 0};
        }
    }
    if (current.expected > 0 || current.observed > 0) {
        if (groups.empty()) groups.push_back(current);
        else {
            groups.back().expected += current.expected;
            groups.back().observed += current.observed;
        }
    }
    test.cells = groups.size();
    if (groups.size() < 2) {
        test.reason = "fewer than two cells of expected count >= 5 after pooling (" + std::to_string(n) + " runs)";
        return;
    }
    test.applicable = true;
    double statistic = 0;
    for (const Cell& g : groups) {
        const double d = static_cast<double>(g.observed) - g.expected;
        statistic += d * d / g.expected;
    }
    test.statistic = statistic;
    test.dof = groups.size() - 1;
    test.p_value = chi_square_p_value(statistic, static_cast<double>(test.dof));
}

std::string number(double x) {
    if (std::isinf(x)) return "inf";
    std::ostringstream out;
    out.precision(6);
    out << x;
    return out.str();
}

}  // namespace

std::vector<ObservedRun> read_observed_csv(std::istream& in, const std::string& file, const Chain<Rational>& chain,
                                           std::optional<std::uint64_t> generations) {
    std::string line;
    std::uint64_t line_no = 0;
    auto next_line = [&]() -> bool {
        if (!std::getline(in, line)) return false;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    };
    if (!next_line() || line.empty())
        bad(file, 1, "empty file: a header line run,collapse_generation,final_state,... is needed (docs/simulate.md)");
    const auto header = split_record(line);
    if (!header) bad(file, 1, "a quote is not closed in the header");
    std::optional<std::size_t> run_col, collapse_col, final_col;
    std::vector<std::size_t> integer_cols;  // first_lost_*: empty or an integer
    for (std::size_t i = 0; i < header->size(); ++i) {
        const std::string& name = (*header)[i];
        std::optional<std::size_t>* slot = name == "run"                   ? &run_col
                                           : name == "collapse_generation" ? &collapse_col
                                           : name == "final_state"         ? &final_col
                                                                           : nullptr;
        if (slot) {
            if (*slot) bad(file, 1, "column '" + name + "' appears twice");
            *slot = i;
        } else if (name.rfind("first_lost_", 0) == 0) {
            integer_cols.push_back(i);
        }
    }
    for (const auto& [col, name] : {std::pair{run_col, "run"}, std::pair{collapse_col, "collapse_generation"},
                                    std::pair{final_col, "final_state"}})
        if (!col)
            bad(file, 1, std::string("missing column '") + name +
                             "'; the header must hold run,collapse_generation,final_state (docs/simulate.md)");

    std::vector<ObservedRun> runs;
    while (next_line()) {
        if (line.empty()) continue;  // a blank line (e.g. at the end) holds no run
        const auto fields = split_record(line);
        if (!fields) bad(file, line_no, "a quote is not closed");
        if (fields->size() != header->size())
            bad(file, line_no, std::to_string(fields->size()) + " fields, but the header has " +
                                   std::to_string(header->size()));
        ObservedRun r;
        r.line = line_no;
        const std::string& run = (*fields)[*run_col];
        const auto run_value = read_integer(run);
        if (!run_value) bad(file, line_no, "run: '" + run + "' is not a non-negative integer");
        r.run = *run_value;
        const std::string& collapse = (*fields)[*collapse_col];
        if (!collapse.empty()) {
            const auto value = read_integer(collapse);
            if (!value)
                bad(file, line_no, "collapse_generation: '" + collapse +
                                       "' is not a non-negative integer (or empty: never collapsed)");
            if (generations && *value > *generations)
                bad(file, line_no, "collapse_generation: " + collapse + " is above --generations " +
                                       std::to_string(*generations));
            r.collapse_generation = *value;
        }
        const std::string& label = (*fields)[*final_col];
        const auto state = chain.find(label);
        if (!state)
            bad(file, line_no, "final_state: '" + label + "' is not a state of this chain (labels look like '" +
                                   chain.label(0) + "')");
        r.final_state = *state;
        for (std::size_t col : integer_cols) {
            const std::string& v = (*fields)[col];
            if (!v.empty() && !read_integer(v))
                bad(file, line_no, (*header)[col] + ": '" + v + "' is not a non-negative integer (or empty)");
        }
        runs.push_back(r);
    }
    if (runs.empty()) bad(file, line_no + 1, "no runs: the file has a header but no rows");
    return runs;
}

double chi_square_p_value(double statistic, double dof) {
    if (!(dof > 0)) throw std::invalid_argument("chi_square_p_value: dof must be positive");
    if (std::isinf(statistic)) return 0;
    if (statistic <= 0) return 1;
    return boost::math::gamma_q(dof / 2, statistic / 2);
}

double normal_two_sided_p_value(double z) {
    if (std::isinf(z)) return 0;
    return boost::math::erfc(std::fabs(z) / std::sqrt(2.0));
}

CheckResult check_observed(const Chain<Rational>& chain, std::size_t start, const std::vector<ObservedRun>& observed,
                           std::optional<std::uint64_t> generations, double alpha, const ResourceLimits& limits) {
    if (!(alpha > 0 && alpha < 1)) throw InvalidInput("--alpha: accepted: 0 < A < 1");
    CheckResult result;
    result.start = chain.label(start);
    result.generations = generations;
    result.runs = observed.size();
    result.alpha = alpha;

    AnalysisRequest request;
    request.stationary = false;
    request.absorption = !generations;
    request.expected_steps = !generations;
    request.limits = limits;
    const Analysis<Rational> analysis = analyze(chain, request);
    const ClassStructure& cs = analysis.classes;
    const std::size_t classes = cs.closed.size();
    const Rational zero = 0, one = 1;

    // The exact law after t steps for t = 0..T: P(tau <= t) is its mass on closed classes
    // (closed classes are never left), and the law at T itself.
    std::vector<Rational> law, closed_by;  // closed_by[t] = P(tau <= t)
    if (generations) {
        const double t = static_cast<double>(*generations);
        const double bits = largest_row_bits(chain);
        const double work = t * static_cast<double>(chain.support().entries() + chain.size()) * (1.0 + t * bits / 64.0);
        if (work > 2e10)
            throw ResourceLimit("--generations " + std::to_string(*generations) + " on a chain with " +
                                std::to_string(chain.support().entries()) +
                                " transitions: the exact law at every generation would take more than about 60 s "
                                "(exact numbers grow with each step)");
        law.assign(chain.size(), zero);
        law[start] = one;
        std::vector<Rational> next(chain.size(), zero);
        auto closed_mass = [&] {
            Rational m = zero;
            for (std::size_t i = 0; i < chain.size(); ++i)
                if (!cs.is_transient(i)) m += law[i];
            return m;
        };
        closed_by.push_back(closed_mass());
        for (std::uint64_t step = 0; step < *generations; ++step) {
            std::fill(next.begin(), next.end(), zero);
            for (std::size_t i = 0; i < chain.size(); ++i) {
                if (law[i].is_zero()) continue;
                const Rational scaled = law[i] / chain.row_total(i);
                for (std::size_t e = chain.support().row_begin(i); e < chain.support().row_end(i); ++e)
                    next[chain.support().column(e)] += scaled * chain.weight(e);
            }
            law.swap(next);
            closed_by.push_back(closed_mass());
        }
    }
    const bool all_collapsed = std::all_of(observed.begin(), observed.end(),
                                           [](const ObservedRun& r) { return r.collapse_generation.has_value(); });

    // (1) absorption into each closed class.
    {
        CheckTest test;
        test.name = "absorption";
        if (classes < 2) {
            test.reason = "the chain has " + std::to_string(classes) + " closed class: nothing to compare";
        } else if (!generations && !all_collapsed) {
            test.reason = "some runs never collapsed: give --generations T to compare the runs that did";
        } else {
            // Cells: the closed classes, then "a transient final state after collapse" (probability 0).
            std::vector<Rational> p(classes + 1, zero);
            std::vector<std::uint64_t> o(classes + 1, 0);
            if (generations) {
                test.description = "closed class of final_state, runs with a collapse_generation, vs the exact law "
                                   "of the closed class given that one was reached by generation T";
                const Rational& reached = closed_by.back();
                if (!reached.is_zero())
                    for (std::size_t i = 0; i < chain.size(); ++i)
                        if (!cs.is_transient(i)) p[cs.closed_index[i]] += law[i] / reached;
            } else {
                test.description = "closed class of final_state vs the exact absorption probabilities (every run "
                                   "collapsed)";
                if (!cs.is_transient(start)) {
                    p[cs.closed_index[start]] = one;
                } else {
                    const auto& a = *analysis.absorption;
                    const std::size_t row = static_cast<std::size_t>(
                        std::lower_bound(a.transient.begin(), a.transient.end(), start) - a.transient.begin());
                    for (std::size_t k = 0; k < classes; ++k) p[k] = a.probability(row, k);
                }
            }
            for (const ObservedRun& r : observed) {
                if (!r.collapse_generation) continue;
                const std::size_t k = cs.closed_index[r.final_state];
                ++o[k == ClassStructure::npos ? classes : k];
            }
            chi_square_test(test, p, o);
        }
        result.tests.push_back(std::move(test));
    }
    // (2) the law at generation T.
    {
        CheckTest test;
        test.name = "law_at_T";
        if (!generations) {
            test.reason = "needs --generations T";
        } else {
            test.description = "final_state of every run (the state at generation T: an absorbed run stays in its "
                               "absorbing state) vs the exact law after T steps";
            std::vector<std::uint64_t> o(chain.size(), 0);
            for (const ObservedRun& r : observed) ++o[r.final_state];
            chi_square_test(test, law, o);
        }
        result.tests.push_back(std::move(test));
    }
    // (3) the distribution of the collapse time, truncated at T.
    {
        CheckTest test;
        test.name = "collapse_time";
        if (!generations) {
            test.reason = "needs --generations T";
        } else {
            test.description = "collapse_generation (0..T, or none) of every run vs the exact law of the first "
                               "generation in a closed class";
            const std::size_t cells = closed_by.size() + 1;  // t = 0..T, then "none"
            std::vector<Rational> p(cells, zero);
            for (std::size_t t = 0; t < closed_by.size(); ++t) p[t] = closed_by[t] - (t == 0 ? zero : closed_by[t - 1]);
            p.back() = one - closed_by.back();
            std::vector<std::uint64_t> o(cells, 0);
            for (const ObservedRun& r : observed)
                ++o[r.collapse_generation ? static_cast<std::size_t>(*r.collapse_generation) : cells - 1];
            chi_square_test(test, p, o);
        }
        result.tests.push_back(std::move(test));
    }
    // (4) without T: the mean collapse time vs the exact expected steps (approximate z-test).
    if (!generations) {
        CheckTest test;
        test.name = "mean_collapse_time";
        test.statistic_kind = "z";
        if (!all_collapsed) {
            test.reason = "some runs never collapsed";
        } else if (observed.size() < 30) {
            test.reason = "fewer than 30 runs: the normal approximation of the z-test is not trusted";
        } else {
            test.description = "mean collapse_generation vs the exact expected steps to a closed class; a z-test with "
                               "the sample variance (normal approximation: approximate false-alarm rate)";
            Rational expected = zero;
            if (cs.is_transient(start)) {
                const auto& a = *analysis.absorption;
                const std::size_t row = static_cast<std::size_t>(
                    std::lower_bound(a.transient.begin(), a.transient.end(), start) - a.transient.begin());
                expected = a.expected_steps[row];
            }
            const double n = static_cast<double>(observed.size());
            double mean = 0, var = 0;
            for (const ObservedRun& r : observed) mean += static_cast<double>(*r.collapse_generation);
            mean /= n;
            for (const ObservedRun& r : observed) {
                const double d = static_cast<double>(*r.collapse_generation) - mean;
                var += d * d;
            }
            var /= n - 1;
            const double e = to_double(expected);
            test.applicable = true;
            test.runs_used = observed.size();
            if (var == 0) {
                test.statistic = mean == e ? 0 : std::numeric_limits<double>::infinity();
                test.p_value = mean == e ? 1 : 0;
            } else {
                test.statistic = (mean - e) / std::sqrt(var / n);
                test.p_value = normal_two_sided_p_value(test.statistic);
            }
        }
        result.tests.push_back(std::move(test));
    }

    for (const CheckTest& t : result.tests) result.tests_run += t.applicable ? 1 : 0;
    result.per_test_alpha = result.tests_run == 0 ? alpha : alpha / static_cast<double>(result.tests_run);
    for (CheckTest& t : result.tests) {
        t.rejected = t.applicable && (t.impossible_outcome || t.p_value < result.per_test_alpha);
        if (t.rejected) result.consistent = false;
    }
    return result;
}

namespace {
std::string verdict(const CheckTest& t) {
    if (!t.applicable) return "not applicable";
    return t.rejected ? "disagrees" : "consistent";
}
}  // namespace

void write_check_text(const CheckResult& r, std::ostream& out) {
    out << "collapse check: " << r.runs << " runs from " << r.file << ", start " << r.start;
    if (r.generations) out << ", T = " << *r.generations;
    out << "\nfamily-wise alpha " << number(r.alpha) << ", Bonferroni over " << r.tests_run
        << " test(s): each test at " << number(r.per_test_alpha) << "\n\n";
    for (const CheckTest& t : r.tests) {
        out << t.name << ": " << verdict(t) << '\n';
        if (!t.applicable) {
            out << "  " << t.reason << '\n';
            continue;
        }
        out << "  " << t.description << '\n';
        out << "  " << t.statistic_kind << " = " << number(t.statistic);
        if (t.statistic_kind == "chi-square") out << ", df = " << t.dof << " (" << t.cells << " cells after pooling)";
        out << ", p-value = " << number(t.p_value) << ", runs used = " << t.runs_used << '\n';
        if (t.impossible_outcome) out << "  an outcome of exact probability 0 was observed\n";
    }
    out << "\noverall: " << (r.consistent ? "consistent" : "disagrees");
    if (r.tests_run == 0) out << " (no test was applicable)";
    out << '\n';
}

void write_check_json(const CheckResult& r, std::ostream& out) {
    nlohmann::ordered_json j;
    j["file"] = r.file;
    j["start"] = r.start;
    j["generations"] = r.generations ? nlohmann::ordered_json(*r.generations) : nlohmann::ordered_json(nullptr);
    j["runs"] = r.runs;
    j["alpha"] = r.alpha;
    j["correction"] = "bonferroni";
    j["tests_run"] = r.tests_run;
    j["per_test_alpha"] = r.per_test_alpha;
    nlohmann::ordered_json tests = nlohmann::ordered_json::array();
    for (const CheckTest& t : r.tests) {
        nlohmann::ordered_json x;
        x["name"] = t.name;
        x["verdict"] = verdict(t);
        if (!t.applicable) {
            x["reason"] = t.reason;
        } else {
            x["description"] = t.description;
            x["statistic_kind"] = t.statistic_kind;
            x["statistic"] = std::isinf(t.statistic) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.statistic);
            if (t.statistic_kind == "chi-square") {
                x["df"] = t.dof;
                x["cells"] = t.cells;
            }
            x["p_value"] = t.p_value;
            x["runs_used"] = t.runs_used;
            x["impossible_outcome"] = t.impossible_outcome;
        }
        tests.push_back(std::move(x));
    }
    j["tests"] = std::move(tests);
    j["verdict"] = r.consistent ? "consistent" : "disagrees";
    out << j.dump(2) << '\n';
}

}  // namespace collapse::simulation
