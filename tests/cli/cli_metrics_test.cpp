// End-to-end tests of `collapse metrics` and `collapse fresh-data`. Expected values come from
// the independent oracle (tests/support/oracle.hpp) with the measures recomputed here, from
// closed forms (T2: P(symbol i forgotten) = 1 - c_i/N; T5a: E_pi[mu] = q), or from a 1000-bit
// MPFR reference; brackets are re-checked at both ends with the oracle.
#include "mpfr_reference.hpp"
#include "oracle.hpp"
#include "json_values.hpp"
#include "run_program.hpp"

#include <gmpxx.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using collapse_test::command_line;
using collapse_test::decimal_value;
using collapse_test::ProgramResult;
using collapse_test::run_collapse;
using Json = nlohmann::json;

Json run_json(const std::vector<std::string>& args) {
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 0) << command_line(args) << "\nstderr: " << r.err;
    EXPECT_EQ(r.err, "") << command_line(args);
    if (r.exit_status != 0) return Json::object();
    try {
        return Json::parse(r.out);
    } catch (const Json::parse_error& e) {
        ADD_FAILURE() << command_line(args) << ": not one JSON value: " << e.what();
        return Json::object();
    }
}

mpq_class exact(const Json& v) {
    EXPECT_TRUE(v.is_string()) << v.dump();
    if (!v.is_string()) return 0;
    mpq_class q(v.get<std::string>(), 10);
    q.canonicalize();
    EXPECT_EQ(q.get_str(), v.get<std::string>()) << "not in lowest terms";
    return q;
}


// An enclosure ["lo", "hi"] contains x.
bool encloses(const Json& v, const mpq_class& x) {
    EXPECT_TRUE(v.is_array() && v.size() == 2) << v.dump();
    if (!v.is_array() || v.size() != 2) return false;
    return decimal_value(v[0].get<std::string>()) <= x && x <= decimal_value(v[1].get<std::string>());
}

int oracle_index(const std::vector<std::vector<int>>& states, const std::string& label) {
    for (std::size_t s = 0; s < states.size(); ++s)
        if (oracle::label(states[s]) == label) return static_cast<int>(s);
    return -1;
}

oracle::Fresh fraction(const mpq_class& lambda) {
    oracle::Fresh f;
    f.kind = oracle::Fresh::fraction;
    f.lambda = lambda;
    return f;
}

void expect_one_line_error(const std::vector<std::string>& args, const std::string& mentions) {
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 2) << command_line(args) << "\n" << r.err;
    EXPECT_EQ(r.out, "") << command_line(args);
    ASSERT_FALSE(r.err.empty()) << command_line(args);
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
    EXPECT_EQ(r.err.rfind("collapse: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(mentions), std::string::npos) << r.err;
}

}  // namespace

TEST(CliMetrics, ExpectedMeasuresOverGenerationsMatchOracle) {
    const Json j = run_json({"metrics", "--symbols", "3", "--samples", "3", "--start", "2,1,0", "--generations", "4",
                             "--external", "1/6,1/3,1/2", "--json"});
    ASSERT_TRUE(j.contains("by_generation"));
    EXPECT_EQ(j["arithmetic"], "exact");
    EXPECT_EQ(j["log_guarantee"], "enclosure");
    const std::vector<mpq_class> q{mpq_class(1, 6), mpq_class(1, 3), mpq_class(1, 2)};
    const oracle::Matrix p = oracle::recursive_chain(3, 3, oracle::Fit{}, oracle::Fresh{}, q);
    const auto states = oracle::states(3, 3);
    const int start = oracle_index(states, "2,1,0");
    ASSERT_EQ(j["by_generation"].size(), 5u);
    for (int t = 0; t <= 4; ++t) {
        const Json& g = j["by_generation"][t];
        EXPECT_EQ(g["t"], t);
        const oracle::Vector law = oracle::law_after(p, start, t);
        mpq_class surviving = 0, tv = 0, dirac = 0, kl_inf = 0;
        std::vector<mpq_class> present(3, 0);
        std::vector<std::pair<mpq_class, mpq_class>> logs;
        for (std::size_t s = 0; s < states.size(); ++s) {
            int alive = 0;
            mpq_class d = 0;
            for (int i = 0; i < 3; ++i) {
                alive += states[s][i] > 0 ? 1 : 0;
                const mpq_class diff = mpq_class(states[s][i]) / 3 - q[i];  // canonical, unlike mpq_class(n, d)
                d += diff < 0 ? mpq_class(-diff) : diff;
                if (states[s][i] > 0) present[i] += law[s];
            }
            surviving += law[s] * alive;
            tv += law[s] * d / 2;
            if (alive == 1) dirac += law[s];
            if (alive < 3) kl_inf += law[s];  // every q_i > 0
            reference::add_entropy_terms(states[s], law[s], logs);
        }
        EXPECT_EQ(exact(g["surviving"]), surviving) << t;
        EXPECT_EQ(exact(g["total_variation"]), tv) << t;
        EXPECT_EQ(exact(g["dirac_mass"]), dirac) << t;
        EXPECT_EQ(exact(g["kl_infinite_probability"]), kl_inf) << t;
        for (int i = 0; i < 3; ++i) EXPECT_EQ(exact(g["present"][i]), present[i]) << t;
        EXPECT_TRUE(encloses(g["entropy"], reference::sum_of_logs(logs))) << t << ": " << g["entropy"].dump();
    }
    // From 2,1,0 symbol 2 is absent: E[KL | finite] is undefined at every generation.
    EXPECT_TRUE(j["by_generation"][0]["kl_given_finite"].is_null());
    // No fresh data: three closed classes, no stationary expectation.
    EXPECT_EQ(j["closed_classes"], 3);
    EXPECT_TRUE(j["stationary"].is_null());
    // T2 in K symbols: symbol i is forgotten with probability 1 - c_i/N; E[generation] is
    // infinite (null) unless the symbol is absent at the start.
    const std::vector<mpq_class> forgotten{mpq_class(1, 3), mpq_class(2, 3), mpq_class(1)};
    for (int i = 0; i < 3; ++i) {
        const Json& f = j["forgetting"][i];
        EXPECT_EQ(exact(f["probability"]), forgotten[i]) << i;
        EXPECT_EQ(f["certain"], i == 2) << i;
        if (i == 2) EXPECT_EQ(exact(f["expected"]), 0);
        else EXPECT_TRUE(f["expected"].is_null()) << i;
    }
}

TEST(CliMetrics, StationaryMeanIsQAndForgettingIsCertainWithFreshData) {
    const std::vector<mpq_class> q{mpq_class(1, 4), mpq_class(3, 4)};
    // The first-disappearance time of symbol 1 from 4,1 by the oracle: (I - Q) h = 1 over
    // {c_1 > 0}, the states 4,1 3,2 2,3 1,4 0,5 (indices 1..5 in descending order).
    const oracle::Matrix p = oracle::recursive_chain(2, 5, oracle::Fit{}, fraction(mpq_class(1, 10)), q);
    oracle::Matrix a(5, oracle::Vector(5, 0)), b(5, oracle::Vector(1, 1));
    for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y) a[x][y] = (x == y ? 1 : 0) - p[x + 1][y + 1];
    const mpq_class h = oracle::detail::solve(a, b)[0][0];
    for (const std::string arithmetic : {"exact", "interval"}) {
        const Json j = run_json({"metrics", "--symbols", "2", "--samples", "5", "--start", "4,1", "--generations",
                                 "2", "--fresh-fraction", "1/10", "--external", "1/4,3/4", "--arithmetic", arithmetic,
                                 "--json"});
        ASSERT_TRUE(j.contains("stationary")) << arithmetic;
        ASSERT_FALSE(j["stationary"].is_null()) << arithmetic;
        const Json& f = j["forgetting"][1];
        EXPECT_EQ(f["certain"], true);
        if (arithmetic == "exact") {
            for (int i = 0; i < 2; ++i) EXPECT_EQ(exact(j["stationary"]["mean"][i]), q[i]);  // T5a
            EXPECT_EQ(exact(f["expected"]), h);
        } else {
            for (int i = 0; i < 2; ++i) EXPECT_TRUE(encloses(j["stationary"]["mean"][i], q[i]));
            EXPECT_TRUE(encloses(f["expected"], h));
        }
    }
    const Json d = run_json({"metrics", "--symbols", "2", "--samples", "4", "--start", "2,2", "--generations", "1",
                             "--arithmetic", "float", "--json"});
    ASSERT_TRUE(d.contains("by_generation"));
    EXPECT_TRUE(d["by_generation"][0]["surviving"].is_number());
    EXPECT_DOUBLE_EQ(d["by_generation"][0]["surviving"].get<double>(), 2.0);
}

TEST(CliMetrics, TextOutputStatesGuarantees) {
    const ProgramResult r = run_collapse({"metrics", "--symbols", "2", "--samples", "3", "--start", "2,1",
                                          "--generations", "2"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_NE(r.out.find("exact"), std::string::npos);
    EXPECT_NE(r.out.find("enclosures"), std::string::npos);
    EXPECT_NE(r.out.find("time to forget"), std::string::npos);
    EXPECT_NE(r.out.find("infinite"), std::string::npos);
}

TEST(CliFreshData, BracketHoldsAtItsEndsByOracle) {
    const Json j = run_json({"fresh-data", "--symbols", "2", "--samples", "6", "--external", "1/4,3/4", "--target",
                             "dirac-mass <= 0.2", "--width", "1/50", "--json"});
    ASSERT_EQ(j["outcome"], "bracketed");
    const mpq_class lo = exact(j["bracket"][0]), hi = exact(j["bracket"][1]);
    EXPECT_LT(lo, hi);
    EXPECT_LE(hi - lo, mpq_class(1, 50));
    const std::vector<mpq_class> q{mpq_class(1, 4), mpq_class(3, 4)};
    auto dirac_mass = [&](const mpq_class& lambda) {  // the largest over the stationary laws
        const oracle::Matrix p = oracle::recursive_chain(2, 6, oracle::Fit{}, fraction(lambda), q);
        std::vector<mpq_class> mass;
        for (const auto& cls : oracle::closed_classes(p)) {
            const oracle::Vector pi = oracle::stationary(p, cls);
            mass.push_back(pi.front() + pi.back());  // 6,0 and 0,6
        }
        return *std::max_element(mass.begin(), mass.end());
    };
    EXPECT_GT(dirac_mass(lo), mpq_class(1, 5)) << "the target must fail at lambda_lo = " << lo;
    EXPECT_LE(dirac_mass(hi), mpq_class(1, 5)) << "the target must hold at lambda_hi = " << hi;
    bool saw_lo = false, saw_hi = false;  // both ends are among the reported evaluations
    for (const Json& e : j["evaluations"]) {
        if (exact(e["lambda"]) == lo) saw_lo = !e["holds"].get<bool>();
        if (exact(e["lambda"]) == hi) saw_hi = e["holds"].get<bool>();
    }
    EXPECT_TRUE(saw_lo && saw_hi);
}

TEST(CliFreshData, BadInputGetsOneLine) {
    const std::vector<std::string> model{"fresh-data", "--symbols", "3", "--samples", "4"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = model;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    expect_one_line_error(with({"--target", "entropy"}), "does not parse");
    expect_one_line_error(with({"--target", "diversity >= 1"}), "not a measure");
    expect_one_line_error(with({"--target", "entropy >= 2*log(3)"}), "impossible");
    expect_one_line_error(with({"--target", "entropy >= 2.2"}), "impossible");
    expect_one_line_error(with({"--target", "surviving >= 4"}), "impossible");
    expect_one_line_error(with({"--target", "tv <= -1"}), "negative");
    expect_one_line_error(with({}), "--target");
    expect_one_line_error(with({"--target", "tv <= 0.5", "--arithmetic", "float"}), "--arithmetic");
    expect_one_line_error(with({"--target", "tv <= 0.5", "--fresh-fraction", "1/2"}), "--fresh-fraction");
    expect_one_line_error(with({"--target", "tv <= 0.5", "--width", "0"}), "--width");
    expect_one_line_error({"metrics", "--symbols", "3", "--samples", "4", "--generations", "2"}, "--start");
    expect_one_line_error({"metrics", "--symbols", "3", "--samples", "4", "--start", "1,1,1", "--generations", "2"},
                          "1,1,1");
    expect_one_line_error({"metrics", "--chain", collapse_test::data_file("periodic_and_absorbing.tra"), "--start", "0",
                           "--generations", "2"},
                          "--chain");
}
