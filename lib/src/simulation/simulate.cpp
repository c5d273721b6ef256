// Compiled with -ffp-contract=off (lib/CMakeLists.txt): see distributions.hpp.
#include <collapse/core/error.hpp>
#include <collapse/graph/class_structure.hpp>
#include <collapse/simulation/distributions.hpp>
#include <collapse/simulation/random.hpp>
#include <collapse/simulation/simulate.hpp>

#include "../io/model_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace collapse::simulation {
namespace {

// A rational as a double, the same on every machine: a correctly rounded division when
// numerator and denominator are exact doubles (below 2^53), else GMP's mpq_get_d
// (documented to truncate).
double to_double(const Rational& x) {
    const Integer num = boost::multiprecision::numerator(x), den = boost::multiprecision::denominator(x);
    const Integer limit = Integer(1) << 53;
    if (abs(num) < limit && den < limit) return num.convert_to<double>() / den.convert_to<double>();
    return mpq_get_d(x.backend().data());
}

bool is_smooth_positive(const Fit& fit) { return fit.kind == Fit::Kind::smooth && !fit.alpha.is_zero(); }

// The symbols the fit gives positive probability, decided exactly from the counts.
std::vector<char> fit_support(const Fit& fit, std::span<const std::uint64_t> c) {
    const std::size_t k = c.size();
    std::vector<char> in(k, 0);
    if (is_smooth_positive(fit)) {
        std::fill(in.begin(), in.end(), 1);
        return in;
    }
    if (fit.kind != Fit::Kind::topk) {
        for (std::size_t i = 0; i < k; ++i) in[i] = c[i] > 0;
        return in;
    }
    std::vector<std::size_t> order(k);
    for (std::size_t i = 0; i < k; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return c[a] > c[b]; });
    for (std::size_t r = 0; r < fit.k && r < k; ++r) in[order[r]] = c[order[r]] > 0;
    return in;
}

// Whether c' can follow a state whose fitted law has support `p` (exact), q having support `q`.
bool reachable(const RecursiveModel& m, const std::vector<char>& p, const std::vector<char>& q,
               std::span<const std::uint32_t> next) {
    const std::uint64_t n = m.samples;
    if (m.fresh.kind == FreshData::Kind::count && m.fresh.count > 0) {
        // c' = x + y, x on p with N - m samples, y on q with m: symbols only in q must fit in
        // y, symbols only in p in x; the shared ones can be split freely.
        std::uint64_t only_q = 0, only_p = 0;
        for (std::size_t i = 0; i < next.size(); ++i) {
            if (next[i] == 0) continue;
            if (!p[i] && !q[i]) return false;
            if (q[i] && !p[i]) only_q += next[i];
            if (p[i] && !q[i]) only_p += next[i];
        }
        return only_q <= m.fresh.count && only_p <= n - m.fresh.count;
    }
    const bool fraction = m.fresh.kind == FreshData::Kind::fraction && !m.fresh.fraction.is_zero();
    const bool use_p = !fraction || m.fresh.fraction < 1, use_q = fraction;
    for (std::size_t i = 0; i < next.size(); ++i)
        if (next[i] > 0 && !((use_p && p[i]) || (use_q && q[i]))) return false;
    return true;
}

std::string label_of(std::span<const std::uint64_t> c) {
    std::string out;
    for (std::uint64_t v : c) {
        if (!out.empty()) out += ',';
        out += std::to_string(v);
    }
    return out;
}

std::uint64_t nonzero(std::span<const std::uint64_t> c) {
    return static_cast<std::uint64_t>(std::count_if(c.begin(), c.end(), [](std::uint64_t v) { return v > 0; }));
}

}  // namespace

const char* to_string(ClosedClassRule rule) {
    switch (rule) {
        case ClosedClassRule::dirac: return "dirac";
        case ClosedClassRule::irreducible: return "irreducible";
        case ClosedClassRule::support_graph: return "support-graph";
        case ClosedClassRule::chain_file: return "chain-file";
    }
    return "?";
}

ClosedClasses::ClosedClasses(const RecursiveModel& m, std::uint64_t max_graph_states, bool force_graph) {
    const bool smooth_positive = is_smooth_positive(m.fit);
    const bool q_positive = std::all_of(m.external.begin(), m.external.end(), [](const Rational& v) { return v.sign() > 0; });
    const bool fraction = m.fresh.kind == FreshData::Kind::fraction && !m.fresh.fraction.is_zero();
    const bool count = m.fresh.kind == FreshData::Kind::count && m.fresh.count > 0;
    if (!force_graph && m.fresh.absent() && !smooth_positive) {
        rule_ = ClosedClassRule::dirac;  // T1
        return;
    }
    if (!force_graph && ((q_positive && (fraction || (count && m.fit.kind != Fit::Kind::topk))) ||
                         (smooth_positive && (m.fresh.absent() || (fraction && m.fresh.fraction < 1))))) {
        rule_ = ClosedClassRule::irreducible;  // T4, or one-step reachability of every state
        return;
    }
    rule_ = ClosedClassRule::support_graph;
    const std::uint64_t states = state_count(m.symbols, m.samples);
    if (states > max_graph_states)
        throw ResourceLimit("the closed classes of this model (" + m.fit.to_string() +
                            ", fresh data and q not covered by theorems T1 or T4) are decided from its support graph, "
                            "which is built for at most " + std::to_string(max_graph_states) + " states; K = " +
                            std::to_string(m.symbols) + ", N = " + std::to_string(m.samples) + " has " +
                            (states == UINT64_MAX ? std::string("more than 2^64") : std::to_string(states)));
    space_.emplace(m.symbols, m.samples);
    std::vector<char> q(m.symbols);
    for (std::size_t i = 0; i < m.symbols; ++i) q[i] = m.external[i].sign() > 0;
    std::vector<std::size_t> row_start{0}, column;
    std::vector<std::uint64_t> c(m.symbols);
    for (std::size_t s = 0; s < space_->size(); ++s) {
        const auto cs = space_->counts(s);
        std::copy(cs.begin(), cs.end(), c.begin());
        const std::vector<char> p = fit_support(m.fit, c);
        for (std::size_t t = 0; t < space_->size(); ++t)
            if (reachable(m, p, q, space_->counts(t))) column.push_back(t);
        row_start.push_back(column.size());
    }
    const Support support(std::move(row_start), std::move(column));
    const ClassStructure cs = class_structure(support);
    closed_.assign(space_->size(), 0);
    absorbing_.assign(space_->size(), 0);
    for (std::size_t s = 0; s < space_->size(); ++s) closed_[s] = !cs.is_transient(s);
    for (std::size_t s : cs.absorbing) absorbing_[s] = 1;
}

std::size_t ClosedClasses::index(std::span<const std::uint64_t> counts) const {
    std::vector<std::uint32_t> c(counts.begin(), counts.end());
    return space_->index_of(c);
}

bool ClosedClasses::contains(std::span<const std::uint64_t> counts) const {
    switch (rule_) {
        case ClosedClassRule::dirac: return nonzero(counts) == 1;
        case ClosedClassRule::irreducible: return true;
        case ClosedClassRule::support_graph: return closed_[index(counts)] != 0;
        case ClosedClassRule::chain_file: break;
    }
    throw std::logic_error("ClosedClasses: a recursive model with the chain-file rule");
}

bool ClosedClasses::absorbing(std::span<const std::uint64_t> counts) const {
    switch (rule_) {
        case ClosedClassRule::dirac: return nonzero(counts) == 1;
        case ClosedClassRule::irreducible: return false;
        case ClosedClassRule::support_graph: return absorbing_[index(counts)] != 0;
        case ClosedClassRule::chain_file: break;
    }
    throw std::logic_error("ClosedClasses: a recursive model with the chain-file rule");
}

std::vector<std::uint64_t> parse_state(const RecursiveModel& m, const std::string& label, const std::string& option) {
    std::string accepted = "; a state is " + std::to_string(m.symbols) + " counts joined by commas, summing to N = " +
                           std::to_string(m.samples) + ", e.g. " + std::to_string(m.samples);
    for (std::size_t i = 1; i < m.symbols && i < 4; ++i) accepted += ",0";
    if (m.symbols > 4) accepted += ",...";
    std::vector<std::uint64_t> c;
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = label.find(',', begin);
        const std::string item = label.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        if (item.empty() || item.size() > 10 || !std::all_of(item.begin(), item.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            throw InvalidInput(option + ": '" + label + "' is not a state of this model" + accepted);
        c.push_back(std::stoull(item));
        if (c.size() > m.symbols) break;
        if (end == std::string::npos) break;
        begin = end + 1;
    }
    std::uint64_t sum = 0;
    for (std::uint64_t v : c) sum += v;
    if (c.size() != m.symbols || sum != m.samples)
        throw InvalidInput(option + ": '" + label + "' is not a state of this model" + accepted);
    return c;
}

double simulation_memory_estimate(std::size_t symbols, std::size_t label_bytes, const SimulationRequest& r) {
    const double runs = static_cast<double>(r.runs);
    double per_run = static_cast<double>(sizeof(RunRecord)) + 32.0 + static_cast<double>(label_bytes) +
                     16.0 * static_cast<double>(symbols);
    if (r.trajectories) per_run += (static_cast<double>(r.generations) + 1.0) * (static_cast<double>(label_bytes) + 32.0);
    return runs * per_run;
}

namespace {

void require_results_memory(std::size_t symbols, std::size_t label_bytes, const SimulationRequest& r) {
    require_memory(r.limits, simulation_memory_estimate(symbols, label_bytes, r),
                   "the results of " + std::to_string(r.runs) + " runs" +
                       (r.trajectories ? " with their trajectories" : ""));
}

}  // namespace

void require_simulation_memory(const RecursiveModel& m, std::span<const std::uint64_t> start,
                               const SimulationRequest& request) {
    require_results_memory(m.symbols, label_of(start).size(), request);
}

void require_simulation_memory(const Chain<Rational>& chain, const SimulationRequest& request) {
    std::size_t label_bytes = 0;
    for (const std::string& l : chain.labels()) label_bytes = std::max(label_bytes, l.size());
    require_results_memory(0, label_bytes, request);
}

namespace {

// The model's parameters as doubles, converted once (see to_double).
struct SamplingModel {
    const RecursiveModel& model;
    std::vector<double> q;
    double lambda = 0.0, alpha = 0.0, beta = 1.0;
    std::uint64_t beta_integer = 0;  // > 0 when beta is an integer
    std::uint64_t model_samples, fresh_samples = 0;
    bool mixed = false;

    explicit SamplingModel(const RecursiveModel& m) : model(m), model_samples(m.samples) {
        for (const Rational& v : m.external) q.push_back(to_double(v));
        alpha = to_double(m.fit.alpha);
        beta = to_double(m.fit.beta);
        if (boost::multiprecision::denominator(m.fit.beta) == 1 &&
            boost::multiprecision::numerator(m.fit.beta) < Integer(1) << 62)
            beta_integer = boost::multiprecision::numerator(m.fit.beta).convert_to<std::uint64_t>();
        if (m.fresh.kind == FreshData::Kind::fraction && !m.fresh.fraction.is_zero()) {
            mixed = true;
            lambda = to_double(m.fresh.fraction);
        }
        if (m.fresh.kind == FreshData::Kind::count) {
            fresh_samples = m.fresh.count;
            model_samples = m.samples - m.fresh.count;
        }
    }

    static double power(double x, std::uint64_t e) {  // binary exponentiation, fixed order
        double result = 1.0;
        while (e > 0) {
            if (e & 1) result *= x;
            x *= x;
            e >>= 1;
        }
        return result;
    }

    // Unnormalised weights of the fitted law; zero exactly where the fit gives probability 0.
    void fit_weights(std::span<const std::uint64_t> c, std::vector<double>& w, std::vector<std::size_t>& order) const {
        const std::size_t k = c.size();
        w.resize(k);
        switch (model.fit.kind) {
            case Fit::Kind::mle:
                for (std::size_t i = 0; i < k; ++i) w[i] = static_cast<double>(c[i]);
                break;
            case Fit::Kind::smooth:
                for (std::size_t i = 0; i < k; ++i) w[i] = static_cast<double>(c[i]) + alpha;
                break;
            case Fit::Kind::temper: {  // (c_i / c_max)^beta: no overflow
                const double top = static_cast<double>(*std::max_element(c.begin(), c.end()));
                for (std::size_t i = 0; i < k; ++i) {
                    const double ratio = static_cast<double>(c[i]) / top;
                    w[i] = c[i] == 0 ? 0.0 : beta_integer > 0 ? power(ratio, beta_integer) : det_exp(beta * det_log(ratio));
                }
                break;
            }
            case Fit::Kind::topk: {  // the k largest counts, ties to the smaller index, zeros dropped
                for (std::size_t i = 0; i < k; ++i) w[i] = static_cast<double>(c[i]);
                if (nonzero(c) <= model.fit.k) break;
                order.resize(k);
                for (std::size_t i = 0; i < k; ++i) order[i] = i;
                const auto before = [&](std::size_t a, std::size_t b) { return c[a] > c[b] || (c[a] == c[b] && a < b); };
                std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(model.fit.k), order.end(), before);
                for (std::size_t r = model.fit.k; r < k; ++r) w[order[r]] = 0.0;
                break;
            }
        }
    }
};

void note_state(RunRecord& rec, std::span<const std::uint64_t> c, std::uint64_t t, bool in_closed, bool record_path,
                bool record_lost) {
    if (record_lost)
        for (std::size_t i = 0; i < c.size(); ++i)
            if (c[i] == 0 && !rec.first_lost[i]) rec.first_lost[i] = t;
    if (in_closed && !rec.collapse_generation) rec.collapse_generation = t;
    if (record_path) rec.trajectory.push_back(label_of(c));
}

void check_request(const SimulationRequest& r) {
    if (r.runs == 0) throw InvalidInput("--runs: 0 runs asked; at least 1 is needed");
    if (r.first_run > std::numeric_limits<std::uint64_t>::max() - r.runs)
        throw InvalidInput("--runs: run numbers would exceed 2^64");
}

}  // namespace

SimulationResult simulate_recursive(const RecursiveModel& m, const ClosedClasses& closed,
                                    std::span<const std::uint64_t> start, const SimulationRequest& request) {
    check_request(request);
    if (start.size() != m.symbols) throw std::logic_error("simulate_recursive: start state has the wrong size");
    const std::string start_label = label_of(start);
    require_simulation_memory(m, start, request);
    SimulationResult result;
    result.model = m;
    result.start = start_label;
    result.request = request;
    result.request.progress = nullptr;
    result.rule = closed.rule();
    result.runs.reserve(request.runs);

    const SamplingModel sm(m);
    const std::size_t k = m.symbols;
    std::vector<std::uint64_t> c(k), next(k);
    std::vector<double> w(k), mix(k), scratch;
    std::vector<std::size_t> order;
    for (std::uint64_t j = 0; j < request.runs; ++j) {
        RunRecord rec;
        rec.run = request.first_run + j;
        rec.first_lost.assign(k, std::nullopt);
        Xoshiro256StarStar rng = stream_for_run(request.seed, rec.run);
        std::copy(start.begin(), start.end(), c.begin());
        std::uint64_t t = 0;
        note_state(rec, c, t, closed.contains(c), request.trajectories, true);
        while (t < request.generations && !closed.absorbing(c)) {
            sm.fit_weights(c, w, order);
            std::fill(next.begin(), next.end(), 0);
            if (sm.mixed) {
                double total = 0.0;
                for (double v : w) total += v;
                for (std::size_t i = 0; i < k; ++i) mix[i] = (1.0 - sm.lambda) * (w[i] / total) + sm.lambda * sm.q[i];
                result.draws += add_multinomial(rng, m.samples, mix, next, scratch);
            } else {
                result.draws += add_multinomial(rng, sm.model_samples, w, next, scratch);
                result.draws += add_multinomial(rng, sm.fresh_samples, sm.q, next, scratch);
            }
            c.swap(next);
            ++t;
            note_state(rec, c, t, !rec.collapse_generation && closed.contains(c), request.trajectories, true);
        }
        rec.stop_generation = t;
        rec.final_state = label_of(c);
        result.runs.push_back(std::move(rec));
        if (request.progress) request.progress(j + 1, request.runs);
    }
    return result;
}

SimulationResult simulate_chain(const Chain<Rational>& chain, std::size_t start, const SimulationRequest& request) {
    check_request(request);
    require_simulation_memory(chain, request);
    const Support& support = chain.support();
    const ClassStructure cs = class_structure(support);
    std::vector<char> absorbing(chain.size(), 0);
    for (std::size_t s : cs.absorbing) absorbing[s] = 1;
    std::vector<std::size_t> row_start{0}, target;
    std::vector<double> probability;
    for (std::size_t s = 0; s < chain.size(); ++s) {
        for (std::size_t e = support.row_begin(s); e < support.row_end(s); ++e) {
            target.push_back(support.column(e));
            probability.push_back(to_double(chain.probability(s, e)));
        }
        row_start.push_back(target.size());
    }
    const RowSampler sampler(std::move(row_start), std::move(target), std::move(probability));

    SimulationResult result;
    result.start = chain.label(start);
    result.request = request;
    result.request.progress = nullptr;
    result.rule = ClosedClassRule::chain_file;
    result.runs.reserve(request.runs);
    for (std::uint64_t j = 0; j < request.runs; ++j) {
        RunRecord rec;
        rec.run = request.first_run + j;
        Xoshiro256StarStar rng = stream_for_run(request.seed, rec.run);
        std::size_t s = start;
        std::uint64_t t = 0;
        if (!cs.is_transient(s)) rec.collapse_generation = 0;
        if (request.trajectories) rec.trajectory.push_back(chain.label(s));
        while (t < request.generations && !absorbing[s]) {
            s = sampler.next(rng, s);
            ++result.draws;
            ++t;
            if (!rec.collapse_generation && !cs.is_transient(s)) rec.collapse_generation = t;
            if (request.trajectories) rec.trajectory.push_back(chain.label(s));
        }
        rec.stop_generation = t;
        rec.final_state = chain.label(s);
        result.runs.push_back(std::move(rec));
        if (request.progress) request.progress(j + 1, request.runs);
    }
    return result;
}

namespace {

void csv_field(std::ostream& out, const std::string& field) {
    if (field.find_first_of(",\"\n") == std::string::npos) {
        out << field;
        return;
    }
    out << '"';
    for (char ch : field) {
        if (ch == '"') out << '"';
        out << ch;
    }
    out << '"';
}

std::string optional_text(const std::optional<std::uint64_t>& v) { return v ? std::to_string(*v) : std::string(); }

nlohmann::ordered_json optional_json(const std::optional<std::uint64_t>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

void write_csv(const SimulationResult& r, std::ostream& out) {
    const std::size_t k = r.model ? r.model->symbols : 0;
    out << "run,collapse_generation,final_state";
    for (std::size_t i = 0; i < k; ++i) out << ",first_lost_" << i;
    if (r.request.trajectories) out << ",trajectory";
    out << '\n';
    for (const RunRecord& rec : r.runs) {
        out << rec.run << ',' << optional_text(rec.collapse_generation) << ',';
        csv_field(out, rec.final_state);
        for (const auto& lost : rec.first_lost) out << ',' << optional_text(lost);
        if (r.request.trajectories) {
            std::string path;
            for (const std::string& label : rec.trajectory) {
                if (!path.empty()) path += ';';
                path += label;
            }
            out << ',';
            csv_field(out, path);
        }
        out << '\n';
    }
}

void write_json(const SimulationResult& r, std::ostream& out) {
    using Json = nlohmann::ordered_json;
    Json j;
    if (r.model) {
        j["model"] = detail::model_json(*r.model);
    } else {
        j["model"] = Json{{"kind", "chain-file"}, {"file", r.chain_file}};
    }
    j["start"] = r.start;
    j["generations"] = r.request.generations;
    j["runs"] = r.request.runs;
    j["seed"] = r.request.seed;
    j["generator"] = "xoshiro256**, one stream per run seeded by splitmix64 (docs/simulate.md)";
    j["closed_classes"] = to_string(r.rule);
    j["draws"] = r.draws;
    Json runs = Json::array();
    for (const RunRecord& rec : r.runs) {
        Json one;
        one["run"] = rec.run;
        one["collapse_generation"] = optional_json(rec.collapse_generation);
        one["stop_generation"] = rec.stop_generation;
        one["final_state"] = rec.final_state;
        if (r.model) {
            Json lost = Json::array();
            for (const auto& v : rec.first_lost) lost.push_back(optional_json(v));
            one["first_lost"] = lost;
        }
        if (r.request.trajectories) one["trajectory"] = rec.trajectory;
        runs.push_back(std::move(one));
    }
    j["results"] = std::move(runs);
    out << j.dump(2) << '\n';
}

}  // namespace collapse::simulation
