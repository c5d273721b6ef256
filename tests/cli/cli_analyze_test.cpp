// End-to-end tests of `collapse analyze` and `collapse demo` (docs: /work/shared/spec/cli.md
// and model.md). Every expected value below is derived by hand in the comment next to it,
// or from a closed form of model.md (T2: c_i/N; T5: E_pi[c] = N q); none was copied from the
// program's output.
#include "json_values.hpp"
#include "run_program.hpp"

#include <gmpxx.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using collapse_test::analyze_json;
using collapse_test::command_line;
using collapse_test::decimal_value;
using collapse_test::data_file;
using collapse_test::ProgramResult;
using collapse_test::run_collapse;
using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// An exact value must be a string "p/q" in lowest terms, or "n" for an integer.
mpq_class exact_value(const Json& v) {
    if (!v.is_string()) {
        ADD_FAILURE() << "exact value is not a string: " << v.dump();
        return 0;
    }
    const std::string text = v.get<std::string>();
    static const std::regex shape(R"(-?(0|[1-9][0-9]*)(/[1-9][0-9]*)?)");
    if (!std::regex_match(text, shape)) {
        ADD_FAILURE() << "exact value '" << text << "' is not of the form p/q or n";
        return 0;
    }
    mpq_class q(text, 10);
    q.canonicalize();
    EXPECT_EQ(q.get_str(), text) << "exact value '" << text << "' is not in lowest terms";
    return q;
}

/// The rational n/d in lowest terms (gmpxx leaves a two-argument construction uncanonicalized).
mpq_class ratio(long n, long d) {
    mpq_class q(n, d);
    q.canonicalize();
    return q;
}

/// Index of the closed class that contains `label`, or -1.
int class_of(const Json& j, const std::string& label) {
    const Json& classes = j.at("closed_classes");
    for (std::size_t k = 0; k < classes.size(); ++k)
        for (const Json& member : classes[k])
            if (member == label) return static_cast<int>(k);
    return -1;
}

/// Sorted copy of a JSON array of strings (for comparisons where the order is the program's).
std::vector<std::string> sorted_strings(const Json& a) {
    std::vector<std::string> out = a.get<std::vector<std::string>>();
    std::sort(out.begin(), out.end());
    return out;
}

const Json& theorem(const Json& j, const std::string& id) {
    static const Json missing;
    for (const Json& t : j.at("theorems"))
        if (t.at("id") == id) return t;
    ADD_FAILURE() << "theorem " << id << " missing";
    return missing;
}

std::string status_of(const Json& j, const std::string& id) {
    const Json& t = theorem(j, id);
    return t.is_object() ? t.at("status").get<std::string>() : "";
}

/// cli.md: every theorem entry has id, status, detail, hypotheses; "not-applicable" means its
/// hypotheses do not hold, so a theorem with all hypotheses met gets a verdict, and one with
/// an unmet hypothesis does not.
void check_theorem_entries(const Json& j) {
    ASSERT_TRUE(j.contains("theorems"));
    const Json& all = j.at("theorems");
    ASSERT_TRUE(all.is_array());
    std::vector<std::string> ids;
    for (const Json& t : all) {
        ASSERT_TRUE(t.is_object());
        ASSERT_TRUE(t.contains("id") && t.contains("status") && t.contains("detail") && t.contains("hypotheses"))
            << t.dump();
        ids.push_back(t.at("id").get<std::string>());
        const std::string status = t.at("status").get<std::string>();
        EXPECT_TRUE(status == "holds" || status == "consistent" || status == "fails" || status == "not-applicable")
            << t.dump();
        EXPECT_TRUE(t.at("detail").is_string());
        EXPECT_FALSE(t.at("detail").get<std::string>().empty()) << t.dump();
        bool all_met = true;
        for (const Json& h : t.at("hypotheses")) {
            ASSERT_TRUE(h.at("statement").is_string()) << t.dump();
            ASSERT_TRUE(h.at("met").is_boolean()) << t.dump();
            all_met = all_met && h.at("met").get<bool>();
        }
        if (!all_met) {
            EXPECT_EQ(status, "not-applicable") << t.dump();
        }
        if (status != "not-applicable") {
            EXPECT_TRUE(all_met) << t.dump();
        }
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"T1", "T2", "T3", "T4", "T5"}));
}

/// Structural rules of cli.md that hold for every chain.
void check_structure(const Json& j) {
    ASSERT_TRUE(j.contains("states"));
    ASSERT_TRUE(j.contains("closed_classes"));
    EXPECT_EQ(j.at("arithmetic"), "exact");
    // Every state is either in exactly one closed class or transient.
    std::multiset<std::string> seen;
    for (const Json& c : j.at("closed_classes"))
        for (const Json& s : c) seen.insert(s.get<std::string>());
    if (j.contains("transient_states"))
        for (const Json& s : j.at("transient_states")) seen.insert(s.get<std::string>());
    std::multiset<std::string> states;
    for (const Json& s : j.at("states")) states.insert(s.get<std::string>());
    EXPECT_EQ(seen, states) << "closed classes and transient states must partition the states";
    if (j.contains("periods")) {
        EXPECT_EQ(j.at("periods").size(), j.at("closed_classes").size());
    }
    // Each stationary law is a probability vector on its class.
    if (j.contains("stationary")) {
        ASSERT_EQ(j.at("stationary").size(), j.at("closed_classes").size());
        for (std::size_t k = 0; k < j.at("stationary").size(); ++k) {
            mpq_class sum = 0;
            std::vector<std::string> keys;
            for (const auto& [label, v] : j.at("stationary")[k].items()) {
                const mpq_class p = exact_value(v);
                EXPECT_GT(p, 0) << "stationary mass of a recurrent state is positive";
                sum += p;
                keys.push_back(label);
            }
            EXPECT_EQ(sum, 1);
            std::sort(keys.begin(), keys.end());
            EXPECT_EQ(keys, sorted_strings(j.at("closed_classes")[k]));
        }
    }
    // Absorption probabilities of a transient state form a probability vector.
    if (j.contains("absorption")) {
        for (const auto& [label, row] : j.at("absorption").items()) {
            ASSERT_EQ(row.size(), j.at("closed_classes").size()) << label;
            mpq_class sum = 0;
            for (const Json& v : row) sum += exact_value(v);
            EXPECT_EQ(sum, 1) << label;
        }
    }
    if (j.contains("expected_steps")) {
        for (const auto& [label, v] : j.at("expected_steps").items()) {
            EXPECT_GE(exact_value(v), 1) << label;
        }
    }
    if (j.contains("theorems")) check_theorem_entries(j);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool has_line_matching(const std::string& text, const std::string& pattern) {
    const std::regex re(pattern);
    for (const std::string& line : lines_of(text))
        if (std::regex_search(line, re)) return true;
    return false;
}

// ---------------------------------------------------------------------------------------
// K = 2, N = 2, fit mle, no fresh data: the example of cli.md.
// From 1,1 the fit is (1/2, 1/2) and c' ~ Binomial(2, 1/2): 2,0 / 1,1 / 0,2 with
// probabilities 1/4, 1/2, 1/4. The Dirac states are absorbing. Absorption in 2,0 from 1,1:
// h = 1/4 + h/2, so h = 1/2. Expected steps: t = 1 + t/2, so t = 2.
// ---------------------------------------------------------------------------------------

// THEOREM: T1 — Collapse.Binary.binary_absorbing_iff, Collapse.Binary.binary_transient_law, Collapse.GeneralK.multi_absorbing_iff, Collapse.GeneralK.multi_transient_law
// THEOREM: T2 — Collapse.Binary.binary_martingale, Collapse.Binary.binary_absorption_dirac, Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
// THEOREM: T3 — Collapse.Binary.binary_stationary_iff, Collapse.GeneralK.multi_stationary_iff
TEST(CliAnalyze, BinaryTwoSamplesMleFullJson) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "2"});
    check_structure(j);
    EXPECT_EQ(j.at("states"), Json::parse(R"(["2,0", "1,1", "0,2"])"));
    EXPECT_EQ(j.at("absorbing"), Json::parse(R"(["2,0", "0,2"])"));
    EXPECT_EQ(j.at("transient_states"), Json::parse(R"(["1,1"])"));
    EXPECT_EQ(j.at("closed_classes"), Json::parse(R"([["2,0"], ["0,2"]])"));
    EXPECT_EQ(j.at("periods"), Json::parse("[1, 1]"));
    EXPECT_EQ(j.at("stationary"), Json::parse(R"([{"2,0": "1"}, {"0,2": "1"}])"));
    EXPECT_EQ(j.at("absorption"), Json::parse(R"({"1,1": ["1/2", "1/2"]})"));
    EXPECT_EQ(j.at("expected_steps"), Json::parse(R"({"1,1": "2"})"));
    EXPECT_EQ(j.at("guarantee"), "exact");

    // The model echo: every parameter explicit (defaults filled in).
    const Json& m = j.at("model");
    EXPECT_EQ(m.at("kind"), "recursive-training");
    EXPECT_EQ(m.at("symbols"), 2);
    EXPECT_EQ(m.at("samples"), 2);
    EXPECT_EQ(m.at("fit"), "mle");
    EXPECT_EQ(m.at("fresh").at("kind"), "none");
    EXPECT_EQ(m.at("external"), Json::parse(R"(["1/2", "1/2"])"));
    EXPECT_EQ(m.at("states"), 3);
    EXPECT_EQ(m.at("transitions"), 5);  // 2,0->2,0; 1,1->{2,0, 1,1, 0,2}; 0,2->0,2

    EXPECT_EQ(status_of(j, "T1"), "holds");
    EXPECT_EQ(status_of(j, "T2"), "holds");
    EXPECT_EQ(status_of(j, "T3"), "holds");
    EXPECT_EQ(status_of(j, "T4"), "not-applicable");
    EXPECT_EQ(status_of(j, "T5"), "not-applicable");
    for (const char* id : {"T1", "T2", "T3"})
        for (const Json& h : theorem(j, id).at("hypotheses")) EXPECT_TRUE(h.at("met").get<bool>()) << id;
    // With no transient law asked for, there is no "transient" key.
    EXPECT_FALSE(j.contains("transient"));
}

// ---------------------------------------------------------------------------------------
// T2 in closed form: binary mle, N = 5: from i,5-i absorption in 5,0 is i/5, in 0,5 (5-i)/5.
// ---------------------------------------------------------------------------------------

// THEOREM: T1 — Collapse.Binary.binary_absorbing_iff, Collapse.Binary.binary_transient_law, Collapse.GeneralK.multi_absorbing_iff, Collapse.GeneralK.multi_transient_law
// THEOREM: T2 — Collapse.Binary.binary_martingale, Collapse.Binary.binary_absorption_dirac, Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
// THEOREM: T3 — Collapse.Binary.binary_stationary_iff, Collapse.GeneralK.multi_stationary_iff
TEST(CliAnalyze, BinaryFiveSamplesAbsorptionIsCountOverN) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "5"});
    check_structure(j);
    EXPECT_EQ(j.at("states"), Json::parse(R"(["5,0", "4,1", "3,2", "2,3", "1,4", "0,5"])"));
    EXPECT_EQ(sorted_strings(j.at("absorbing")), (std::vector<std::string>{"0,5", "5,0"}));
    const int k5 = class_of(j, "5,0"), k0 = class_of(j, "0,5");
    ASSERT_GE(k5, 0);
    ASSERT_GE(k0, 0);
    ASSERT_EQ(j.at("absorption").size(), 4u);
    for (int i = 1; i <= 4; ++i) {
        const std::string label = std::to_string(i) + "," + std::to_string(5 - i);
        ASSERT_TRUE(j.at("absorption").contains(label)) << label;
        EXPECT_EQ(exact_value(j.at("absorption").at(label).at(k5)), ratio(i, 5)) << label;
        EXPECT_EQ(exact_value(j.at("absorption").at(label).at(k0)), ratio(5 - i, 5)) << label;
    }
    EXPECT_EQ(status_of(j, "T1"), "holds");
    EXPECT_EQ(status_of(j, "T2"), "holds");
    EXPECT_EQ(status_of(j, "T3"), "holds");
}

// K = 2, N = 3, mle. From 2,1: Binomial(3, 2/3) gives 3,0 / 2,1 / 1,2 / 0,3 with
// 8/27, 12/27, 6/27, 1/27; by symmetry both transient states have the same expected time t:
// t = 1 + (12/27 + 6/27) t, so t = 3. Absorption in 3,0: 2/3 from 2,1 and 1/3 from 1,2.
TEST(CliAnalyze, BinaryThreeSamplesExpectedStepsAreThree) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "3"});
    check_structure(j);
    EXPECT_EQ(j.at("expected_steps"), Json::parse(R"({"2,1": "3", "1,2": "3"})"));
    const int k3 = class_of(j, "3,0"), k0 = class_of(j, "0,3");
    ASSERT_GE(k3, 0);
    ASSERT_GE(k0, 0);
    EXPECT_EQ(j.at("absorption").at("2,1").at(k3), "2/3");
    EXPECT_EQ(j.at("absorption").at("2,1").at(k0), "1/3");
    EXPECT_EQ(j.at("absorption").at("1,2").at(k3), "1/3");
    EXPECT_EQ(j.at("absorption").at("1,2").at(k0), "2/3");
}

// K = 3, N = 2, mle: states 2,0,0 1,1,0 1,0,1 0,2,0 0,1,1 0,0,2 (descending lexicographic).
// From 1,1,0 the fit is (1/2,1/2,0): 2,0,0 1/4, 1,1,0 1/2, 0,2,0 1/4; so absorption in 2,0,0
// is 1/2, in 0,2,0 1/2, in 0,0,2 0, and the expected time is 2, as for K = 2.
// THEOREM: T1 — Collapse.GeneralK.multi_absorbing_iff, Collapse.GeneralK.multi_transient_law
// THEOREM: T2 — Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
// THEOREM: T3 — Collapse.GeneralK.multi_stationary_iff
TEST(CliAnalyze, ThreeSymbolsTwoSamplesMle) {
    const Json j = analyze_json({"--symbols", "3", "--samples", "2"});
    check_structure(j);
    EXPECT_EQ(j.at("states"), Json::parse(R"(["2,0,0", "1,1,0", "1,0,1", "0,2,0", "0,1,1", "0,0,2"])"));
    EXPECT_EQ(sorted_strings(j.at("absorbing")), (std::vector<std::string>{"0,0,2", "0,2,0", "2,0,0"}));
    EXPECT_EQ(sorted_strings(j.at("transient_states")), (std::vector<std::string>{"0,1,1", "1,0,1", "1,1,0"}));
    const int a = class_of(j, "2,0,0"), b = class_of(j, "0,2,0"), c = class_of(j, "0,0,2");
    ASSERT_TRUE(a >= 0 && b >= 0 && c >= 0);
    const Json& row = j.at("absorption").at("1,1,0");
    EXPECT_EQ(row.at(a), "1/2");
    EXPECT_EQ(row.at(b), "1/2");
    EXPECT_EQ(row.at(c), "0");
    for (const char* s : {"1,1,0", "1,0,1", "0,1,1"}) EXPECT_EQ(j.at("expected_steps").at(s), "2") << s;
    for (const char* id : {"T1", "T2", "T3"}) EXPECT_EQ(status_of(j, id), "holds") << id;
}

// T2 as a property: with no fresh data and fit mle, absorption in N e_i from c is c_i / N.
// THEOREM: T2 — Collapse.Binary.binary_martingale, Collapse.Binary.binary_absorption_dirac, Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
RC_GTEST_PROP(CliAnalyzeProperty, MleAbsorptionIsCountOverN, ()) {
    const int K = *rc::gen::inRange(2, 4);
    const int N = *rc::gen::inRange(1, K == 2 ? 9 : 5);
    const ProgramResult r = run_collapse({"analyze", "--symbols", std::to_string(K), "--samples", std::to_string(N),
                                          "--what", "absorption,theorems", "--json"});
    RC_ASSERT(r.exit_status == 0);
    RC_ASSERT(r.err.empty());
    const Json j = Json::parse(r.out);
    RC_ASSERT(j.at("absorbing").size() == static_cast<std::size_t>(K));
    std::vector<int> dirac_class(K);
    for (int i = 0; i < K; ++i) {
        std::string label;
        for (int s = 0; s < K; ++s) {
            if (s > 0) label += ',';
            label += std::to_string(s == i ? N : 0);
        }
        dirac_class[i] = class_of(j, label);
        RC_ASSERT(dirac_class[i] >= 0);
    }
    for (const auto& [label, row] : j.at("absorption").items()) {
        std::vector<int> c;
        std::istringstream in(label);
        for (std::string part; std::getline(in, part, ',');) c.push_back(std::stoi(part));
        RC_ASSERT(c.size() == static_cast<std::size_t>(K));
        for (int i = 0; i < K; ++i) {
            mpq_class p(row.at(dirac_class[i]).get<std::string>(), 10);
            p.canonicalize();
            RC_ASSERT(p == ratio(c[i], N));
        }
    }
    for (const Json& t : j.at("theorems"))
        if (t.at("id") == "T2") RC_ASSERT(t.at("status") == "holds");
}

// ---------------------------------------------------------------------------------------
// Fresh data.
// K = 2, N = 1, lambda = 1/2, q = (1/4, 3/4). From 1,0 the fit is (1,0); the sample is
// symbol 0 w.p. 1/2 * 1 + 1/2 * 1/4 = 5/8. From 0,1: 1/2 * 0 + 1/2 * 1/4 = 1/8. So
// P = [[5/8, 3/8], [1/8, 7/8]]; balance pi(1,0) 3/8 = pi(0,1) 1/8 gives pi = (1/4, 3/4).
// ---------------------------------------------------------------------------------------

// THEOREM: T4 — Collapse.Binary.binary_degeneration, Collapse.GeneralK.multi_degeneration
// THEOREM: T5a — Collapse.Binary.binary_stationary_mean, Collapse.GeneralK.multi_stationary_mean
TEST(CliAnalyze, FreshFractionOneSample) {
    const std::vector<std::string> model{"--symbols", "2", "--samples", "1", "--fresh-fraction", "1/2",
                                         "--external", "1/4,3/4"};
    const Json j = analyze_json(model);
    check_structure(j);
    EXPECT_EQ(j.at("states"), Json::parse(R"(["1,0", "0,1"])"));
    EXPECT_EQ(j.at("absorbing"), Json::array());
    EXPECT_EQ(j.at("transient_states"), Json::array());
    ASSERT_EQ(j.at("closed_classes").size(), 1u);
    EXPECT_EQ(sorted_strings(j.at("closed_classes")[0]), (std::vector<std::string>{"0,1", "1,0"}));
    EXPECT_EQ(j.at("periods"), Json::parse("[1]"));
    EXPECT_EQ(j.at("stationary"), Json::parse(R"([{"1,0": "1/4", "0,1": "3/4"}])"));
    EXPECT_EQ(j.at("absorption"), Json::object());  // cli.md: {} when there is no transient state
    EXPECT_EQ(j.at("expected_steps"), Json::object());
    EXPECT_EQ(j.at("model").at("fresh").at("kind"), "fraction");
    EXPECT_EQ(j.at("model").at("fresh").at("fraction"), "1/2");
    EXPECT_EQ(j.at("model").at("external"), Json::parse(R"(["1/4", "3/4"])"));
    EXPECT_EQ(status_of(j, "T1"), "not-applicable");
    EXPECT_EQ(status_of(j, "T2"), "not-applicable");
    EXPECT_EQ(status_of(j, "T3"), "not-applicable");
    EXPECT_EQ(status_of(j, "T4"), "holds");
    EXPECT_EQ(status_of(j, "T5"), "holds");

    // The rows of P, seen through the transient law.
    std::vector<std::string> args = model;
    args.insert(args.end(), {"--start", "1,0", "--steps", "1"});
    Json t = analyze_json(args).at("transient");
    EXPECT_EQ(t.at("law"), Json::parse(R"({"1,0": "5/8", "0,1": "3/8"})"));
    EXPECT_EQ(t.at("in_closed_class"), "1");  // the only closed class is the whole chain
    args = model;
    args.insert(args.end(), {"--start", "0,1", "--steps", "1"});
    EXPECT_EQ(analyze_json(args).at("transient").at("law"), Json::parse(R"({"1,0": "1/8", "0,1": "7/8"})"));
    // Two steps from 1,0: 5/8 * 5/8 + 3/8 * 1/8 = 28/64 = 7/16.
    args = model;
    args.insert(args.end(), {"--start", "1,0", "--steps", "2"});
    EXPECT_EQ(analyze_json(args).at("transient").at("law"), Json::parse(R"({"1,0": "7/16", "0,1": "9/16"})"));
}

// K = 2, N = 2, m = 1, q = (1/2, 1/2), mle: c' = a + b, a ~ Mult(1, p), b ~ Mult(1, q).
// From 2,0: a = e0, b uniform: 2,0 1/2, 1,1 1/2. From 1,1: a and b uniform: 2,0 1/4,
// 1,1 1/2, 0,2 1/4. From 0,2: 1,1 1/2, 0,2 1/2. Balance at 2,0: pi(2,0)/2 = pi(1,1)/4, so
// pi(2,0) = pi(1,1)/2 = pi(0,2) and pi = (1/4, 1/2, 1/4); its mean count of symbol 0 is
// 2/4 + 1/2 = 1 = N q_0 (T5).
// THEOREM: T4 — no Coq statement yet
// THEOREM: T5a — Collapse.Multinomial.count_stationary_mean
TEST(CliAnalyze, FreshCountOneOfTwo) {
    const std::vector<std::string> model{"--symbols", "2", "--samples", "2", "--fresh-count", "1",
                                         "--external", "1/2,1/2"};
    const Json j = analyze_json(model);
    check_structure(j);
    EXPECT_EQ(j.at("absorbing"), Json::array());
    EXPECT_EQ(j.at("transient_states"), Json::array());
    ASSERT_EQ(j.at("closed_classes").size(), 1u);
    EXPECT_EQ(j.at("periods"), Json::parse("[1]"));
    EXPECT_EQ(j.at("stationary"), Json::parse(R"([{"2,0": "1/4", "1,1": "1/2", "0,2": "1/4"}])"));
    EXPECT_EQ(j.at("model").at("fresh").at("kind"), "count");
    EXPECT_EQ(j.at("model").at("fresh").at("count"), 1);
    EXPECT_EQ(status_of(j, "T4"), "holds");
    EXPECT_EQ(status_of(j, "T5"), "holds");
    for (const char* id : {"T1", "T2", "T3"}) EXPECT_EQ(status_of(j, id), "not-applicable") << id;

    std::vector<std::string> args = model;
    args.insert(args.end(), {"--start", "2,0", "--steps", "1"});
    EXPECT_EQ(analyze_json(args).at("transient").at("law"),
              Json::parse(R"({"2,0": "1/2", "1,1": "1/2", "0,2": "0"})"));
}

// fresh fraction 1: every sample is fresh, the next state ~ Binomial(2, 1/2) whatever the
// current one: every row is (1/4, 1/2, 1/4), and so is pi. --fresh-count 2 = N is the same chain.
// THEOREM: T4 — Collapse.Binary.binary_degeneration, Collapse.GeneralK.multi_degeneration
// THEOREM: T5a — Collapse.Binary.binary_stationary_mean, Collapse.GeneralK.multi_stationary_mean
TEST(CliAnalyze, AllFreshForgetsTheState) {
    const Json by_fraction = analyze_json({"--symbols", "2", "--samples", "2", "--fresh-fraction", "1"});
    const Json by_count = analyze_json({"--symbols", "2", "--samples", "2", "--fresh-count", "2"});
    check_structure(by_fraction);
    check_structure(by_count);
    const Json pi = Json::parse(R"([{"2,0": "1/4", "1,1": "1/2", "0,2": "1/4"}])");
    EXPECT_EQ(by_fraction.at("stationary"), pi);
    EXPECT_EQ(by_count.at("stationary"), pi);
    for (const Json* j : {&by_fraction, &by_count}) {
        EXPECT_EQ(status_of(*j, "T4"), "holds");
        EXPECT_EQ(status_of(*j, "T5"), "holds");
    }
    const Json law = analyze_json({"--symbols", "2", "--samples", "2", "--fresh-fraction", "1", "--start", "2,0",
                                   "--steps", "1"});
    EXPECT_EQ(law.at("transient").at("law"), Json::parse(R"({"2,0": "1/4", "1,1": "1/2", "0,2": "1/4"})"));
}

// A fresh fraction 0 or a fresh count 0 is no fresh data: the K = 2, N = 2 mle results and
// T1-T3 apply; the echo keeps what the user gave.
// THEOREM: T1 — Collapse.Binary.binary_absorbing_iff, Collapse.Binary.binary_transient_law, Collapse.GeneralK.multi_absorbing_iff, Collapse.GeneralK.multi_transient_law
// THEOREM: T2 — Collapse.Binary.binary_martingale, Collapse.Binary.binary_absorption_dirac, Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
// THEOREM: T3 — Collapse.Binary.binary_stationary_iff, Collapse.GeneralK.multi_stationary_iff
TEST(CliAnalyze, ZeroFreshDataIsNoFreshData) {
    for (const std::vector<std::string>& fresh :
         {std::vector<std::string>{"--fresh-fraction", "0"}, std::vector<std::string>{"--fresh-count", "0"}}) {
        std::vector<std::string> args{"--symbols", "2", "--samples", "2"};
        args.insert(args.end(), fresh.begin(), fresh.end());
        const Json j = analyze_json(args);
        check_structure(j);
        EXPECT_EQ(j.at("absorbing"), Json::parse(R"(["2,0", "0,2"])")) << fresh[0];
        EXPECT_EQ(j.at("absorption"), Json::parse(R"({"1,1": ["1/2", "1/2"]})")) << fresh[0];
        EXPECT_EQ(j.at("expected_steps"), Json::parse(R"({"1,1": "2"})")) << fresh[0];
        for (const char* id : {"T1", "T2", "T3"}) EXPECT_EQ(status_of(j, id), "holds") << fresh[0] << " " << id;
        for (const char* id : {"T4", "T5"}) EXPECT_EQ(status_of(j, id), "not-applicable") << fresh[0] << " " << id;
    }
}

// q = (1, 0), lambda = 1/2, K = 2, N = 1: from 1,0 the sample is symbol 0 surely (absorbing);
// from 0,1 it is symbol 0 w.p. 1/2 * 0 + 1/2 * 1 = 1/2. So 0,1 is transient, absorbed in 1,0
// surely after 2 steps on average. T4 needs every q_i > 0; T5's mean N q = (1, 0) holds.
// THEOREM: T4 — no Coq statement yet
// THEOREM: T5a — Collapse.Binary.binary_stationary_mean, Collapse.GeneralK.multi_stationary_mean
TEST(CliAnalyze, ExternalWithAZeroEntry) {
    const Json j =
        analyze_json({"--symbols", "2", "--samples", "1", "--fresh-fraction", "1/2", "--external", "1,0"});
    check_structure(j);
    EXPECT_EQ(j.at("model").at("external"), Json::parse(R"(["1", "0"])"));
    EXPECT_EQ(j.at("absorbing"), Json::parse(R"(["1,0"])"));
    EXPECT_EQ(j.at("transient_states"), Json::parse(R"(["0,1"])"));
    EXPECT_EQ(j.at("closed_classes"), Json::parse(R"([["1,0"]])"));
    EXPECT_EQ(j.at("stationary"), Json::parse(R"([{"1,0": "1"}])"));
    EXPECT_EQ(j.at("absorption"), Json::parse(R"({"0,1": ["1"]})"));
    EXPECT_EQ(j.at("expected_steps"), Json::parse(R"({"0,1": "2"})"));
    EXPECT_EQ(status_of(j, "T4"), "not-applicable");
    EXPECT_EQ(status_of(j, "T5"), "holds");
}

// model.md's counterexample to T4 without its hypothesis on the fit: topk:1 with a fresh count.
// K = 2, N = 3, m = 1, q uniform: from 3,0 and 2,1 the fit is (1, 0), the two model samples
// are symbol 0, the fresh one either: 3,0 or 2,1 with 1/2 each. From 1,2 and 0,3, mirrored.
// Two closed classes {3,0; 2,1} and {1,2; 0,3}, each with stationary law (1/2, 1/2); no
// absorbing state, no transient state.
// THEOREM: T4 — no Coq statement yet
TEST(CliAnalyze, TopOneWithFreshCountSplitsIntoTwoClosedClasses) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "3", "--fit", "topk:1", "--fresh-count", "1"});
    check_structure(j);
    EXPECT_EQ(j.at("absorbing"), Json::array());
    EXPECT_EQ(j.at("transient_states"), Json::array());
    ASSERT_EQ(j.at("closed_classes").size(), 2u);
    const int upper = class_of(j, "3,0"), lower = class_of(j, "0,3");
    ASSERT_GE(upper, 0);
    ASSERT_GE(lower, 0);
    EXPECT_EQ(sorted_strings(j.at("closed_classes")[upper]), (std::vector<std::string>{"2,1", "3,0"}));
    EXPECT_EQ(sorted_strings(j.at("closed_classes")[lower]), (std::vector<std::string>{"0,3", "1,2"}));
    EXPECT_EQ(j.at("periods"), Json::parse("[1, 1]"));
    EXPECT_EQ(j.at("stationary")[upper], Json::parse(R"({"3,0": "1/2", "2,1": "1/2"})"));
    EXPECT_EQ(j.at("stationary")[lower], Json::parse(R"({"1,2": "1/2", "0,3": "1/2"})"));
    EXPECT_EQ(status_of(j, "T4"), "not-applicable");
    EXPECT_EQ(status_of(j, "T1"), "not-applicable");
    EXPECT_EQ(status_of(j, "T5"), "not-applicable");
}

// T5 (a) as a property: fit mle, fresh fraction lambda > 0, q > 0: the chain has one closed
// class (T4) and its stationary mean is exactly N q.
// THEOREM: T4 — Collapse.Binary.binary_degeneration, Collapse.GeneralK.multi_degeneration
// THEOREM: T5a — Collapse.Binary.binary_stationary_mean, Collapse.GeneralK.multi_stationary_mean
RC_GTEST_PROP(CliAnalyzeProperty, FreshFractionStationaryMeanIsNq, ()) {
    const int N = *rc::gen::inRange(1, 5);
    const int lambda_den = *rc::gen::inRange(1, 8);
    const int lambda_num = *rc::gen::inRange(1, lambda_den + 1);
    const int q_den = *rc::gen::inRange(2, 9);
    const int q_num = *rc::gen::inRange(1, q_den);
    const mpq_class q0 = ratio(q_num, q_den), q1 = 1 - q0;
    const std::string external = q0.get_str() + "," + q1.get_str();
    const bool by_count = *rc::gen::arbitrary<bool>();
    std::vector<std::string> args{"analyze", "--symbols", "2", "--samples", std::to_string(N), "--external", external,
                                  "--json"};
    if (by_count) {
        const int m = *rc::gen::inRange(1, N + 1);
        args.insert(args.end(), {"--fresh-count", std::to_string(m)});
    } else {
        args.insert(args.end(), {"--fresh-fraction", std::to_string(lambda_num) + "/" + std::to_string(lambda_den)});
    }
    const ProgramResult r = run_collapse(args);
    RC_ASSERT(r.exit_status == 0);
    const Json j = Json::parse(r.out);
    RC_ASSERT(j.at("closed_classes").size() == 1u);
    RC_ASSERT(j.at("closed_classes")[0].size() == static_cast<std::size_t>(N + 1));
    mpq_class mean0 = 0, total = 0;
    for (const auto& [label, v] : j.at("stationary")[0].items()) {
        mpq_class p(v.get<std::string>(), 10);
        p.canonicalize();
        RC_ASSERT(p > 0);
        total += p;
        mean0 += p * std::stoi(label.substr(0, label.find(',')));
    }
    RC_ASSERT(total == 1);
    RC_ASSERT(mean0 == N * q0);
    for (const Json& t : j.at("theorems"))
        if (t.at("id") == "T4" || t.at("id") == "T5") RC_ASSERT(t.at("status") == "holds");
}

// Numbers are read exactly: 0.1 is 1/10, 2.5e-1 is 1/4, never the nearest double.
TEST(CliAnalyze, DecimalsAreReadExactly) {
    const Json by_fraction =
        analyze_json({"--symbols", "3", "--samples", "2", "--fresh-fraction", "1/10", "--external", "1/4,1/4,1/2"});
    const Json by_decimal =
        analyze_json({"--symbols", "3", "--samples", "2", "--fresh-fraction", "0.1", "--external", "0.25,2.5e-1,0.50"});
    const Json by_exponent =
        analyze_json({"--symbols", "3", "--samples", "2", "--fresh-fraction", "1e-1", "--external", "25e-2,0.25,.5"});
    // Leading zeros are decimal digits, never an octal prefix.
    const Json by_leading_zeros =
        analyze_json({"--symbols", "3", "--samples", "2", "--fresh-fraction", "010/100", "--external", "025/100,0.250,05/10"});
    check_structure(by_fraction);
    EXPECT_EQ(by_fraction.at("model").at("fresh").at("fraction"), "1/10");
    EXPECT_EQ(by_fraction.at("model").at("external"), Json::parse(R"(["1/4", "1/4", "1/2"])"));
    EXPECT_EQ(by_decimal, by_fraction);
    EXPECT_EQ(by_exponent, by_fraction);
    EXPECT_EQ(by_leading_zeros, by_fraction);
}

// --what: only the parts asked for appear; the class structure always does.
TEST(CliAnalyze, WhatSelectsParts) {
    const std::vector<std::string> model{"--symbols", "2", "--samples", "2"};
    auto with = [&](const std::string& what) {
        std::vector<std::string> args = model;
        args.insert(args.end(), {"--what", what});
        return analyze_json(args);
    };
    const Json stationary = with("stationary");
    EXPECT_TRUE(stationary.contains("stationary"));
    EXPECT_EQ(stationary.at("stationary"), Json::parse(R"([{"2,0": "1"}, {"0,2": "1"}])"));
    EXPECT_FALSE(stationary.contains("absorption"));
    EXPECT_FALSE(stationary.contains("expected_steps"));
    EXPECT_FALSE(stationary.contains("theorems"));
    EXPECT_EQ(stationary.at("closed_classes"), Json::parse(R"([["2,0"], ["0,2"]])"));
    EXPECT_EQ(stationary.at("states"), Json::parse(R"(["2,0", "1,1", "0,2"])"));

    const Json absorption = with("absorption,steps");
    EXPECT_FALSE(absorption.contains("stationary"));
    EXPECT_FALSE(absorption.contains("theorems"));
    EXPECT_EQ(absorption.at("absorption"), Json::parse(R"({"1,1": ["1/2", "1/2"]})"));
    EXPECT_EQ(absorption.at("expected_steps"), Json::parse(R"({"1,1": "2"})"));

    const Json only_absorption = with("absorption");
    EXPECT_TRUE(only_absorption.contains("absorption"));
    EXPECT_FALSE(only_absorption.contains("expected_steps"));
    EXPECT_FALSE(only_absorption.contains("stationary"));

    const Json only_steps = with("steps");
    EXPECT_TRUE(only_steps.contains("expected_steps"));
    EXPECT_FALSE(only_steps.contains("absorption"));

    const Json classes = with("classes");
    EXPECT_EQ(classes.at("closed_classes"), Json::parse(R"([["2,0"], ["0,2"]])"));
    for (const char* key : {"stationary", "absorption", "expected_steps", "theorems"})
        EXPECT_FALSE(classes.contains(key)) << key;

    const Json theorems = with("theorems");
    check_structure(theorems);
    EXPECT_FALSE(theorems.contains("stationary"));
    EXPECT_FALSE(theorems.contains("absorption"));
    EXPECT_FALSE(theorems.contains("expected_steps"));
    EXPECT_EQ(status_of(theorems, "T2"), "holds");  // the checks still see the absorption probabilities
}

// The law after T steps from 1,1 (K = 2, N = 2, mle). T = 0: the start state. T = 1: the
// binomial row (1/4, 1/2, 1/4), closed-class mass 1/2. T = 2: 1,1 stays w.p. (1/2)^2 = 1/4,
// each Dirac state has 1/4 + 1/2 * 1/4 = 3/8, closed-class mass 3/4.
TEST(CliAnalyze, TransientLaw) {
    auto law_after = [](const std::string& steps) {
        return analyze_json({"--symbols", "2", "--samples", "2", "--start", "1,1", "--steps", steps});
    };
    const Json zero = law_after("0");
    check_structure(zero);
    ASSERT_TRUE(zero.contains("transient"));
    EXPECT_EQ(zero.at("transient").at("start"), "1,1");
    EXPECT_EQ(zero.at("transient").at("steps"), 0);
    EXPECT_EQ(zero.at("transient").at("law"), Json::parse(R"({"2,0": "0", "1,1": "1", "0,2": "0"})"));
    EXPECT_EQ(zero.at("transient").at("in_closed_class"), "0");

    const Json one = law_after("1");
    EXPECT_EQ(one.at("transient").at("steps"), 1);
    EXPECT_EQ(one.at("transient").at("law"), Json::parse(R"({"2,0": "1/4", "1,1": "1/2", "0,2": "1/4"})"));
    EXPECT_EQ(one.at("transient").at("in_closed_class"), "1/2");

    const Json two = law_after("2");
    EXPECT_EQ(two.at("transient").at("law"), Json::parse(R"({"2,0": "3/8", "1,1": "1/4", "0,2": "3/8"})"));
    EXPECT_EQ(two.at("transient").at("in_closed_class"), "3/4");

    // Started in a Dirac state, the chain is in a closed class from the start.
    const Json dirac = analyze_json({"--symbols", "2", "--samples", "2", "--start", "2,0", "--steps", "0"});
    EXPECT_EQ(dirac.at("transient").at("law"), Json::parse(R"({"2,0": "1", "1,1": "0", "0,2": "0"})"));
    EXPECT_EQ(dirac.at("transient").at("in_closed_class"), "1");
}

// ---------------------------------------------------------------------------------------
// Fits for which T2's identity is not promised.
// temper:2, K = 2, N = 3: from 2,1 the fit is (4, 1)/5 and c' ~ Binomial(3, 4/5):
// 3,0 / 2,1 / 1,2 / 0,3 with 64, 48, 12, 1 (/125); from 1,2 the mirror image. With
// a = P(absorbed in 3,0 | 2,1) and 1 - a the same from 1,2 (symmetry):
// 125 a = 64 + 48 a + 12 (1 - a), so 89 a = 76, a = 76/89 (not 2/3).
// Expected time t (the same from both): t = 1 + 60/125 t, t = 125/65 = 25/13.
// ---------------------------------------------------------------------------------------

// THEOREM: T1 — no Coq statement yet
// THEOREM: T2 — no Coq statement yet
// THEOREM: T3 — no Coq statement yet
TEST(CliAnalyze, TemperTwoBreaksTheMartingaleIdentity) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "3", "--fit", "temper:2"});
    check_structure(j);
    EXPECT_EQ(j.at("model").at("fit"), "temper:2");
    const int k3 = class_of(j, "3,0"), k0 = class_of(j, "0,3");
    ASSERT_GE(k3, 0);
    ASSERT_GE(k0, 0);
    EXPECT_EQ(j.at("absorption").at("2,1").at(k3), "76/89");
    EXPECT_EQ(j.at("absorption").at("2,1").at(k0), "13/89");
    EXPECT_EQ(j.at("absorption").at("1,2").at(k3), "13/89");
    EXPECT_EQ(j.at("absorption").at("1,2").at(k0), "76/89");
    EXPECT_EQ(j.at("expected_steps"), Json::parse(R"({"2,1": "25/13", "1,2": "25/13"})"));

    EXPECT_EQ(status_of(j, "T1"), "holds");
    EXPECT_EQ(status_of(j, "T3"), "holds");
    const Json& t2 = theorem(j, "T2");
    EXPECT_EQ(t2.at("status"), "not-applicable");
    const std::string detail = t2.at("detail").get<std::string>();
    EXPECT_NE(detail.find("fail"), std::string::npos) << "T2 detail should say the identity fails: " << detail;
    EXPECT_NE(detail.find("/89"), std::string::npos) << "T2 detail should show the counterexample: " << detail;
}

// topk:1, K = 2, N = 2: from 1,1 the tie goes to symbol 0, the fit is (1, 0) and the next
// state is 2,0 surely: absorption (1, 0) instead of (1/2, 1/2), one step.
// THEOREM: T1 — no Coq statement yet
// THEOREM: T2 — no Coq statement yet
TEST(CliAnalyze, TopOneBreaksTheMartingaleIdentity) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "2", "--fit", "topk:1"});
    check_structure(j);
    const int a = class_of(j, "2,0"), b = class_of(j, "0,2");
    ASSERT_GE(a, 0);
    ASSERT_GE(b, 0);
    EXPECT_EQ(j.at("absorption").at("1,1").at(a), "1");
    EXPECT_EQ(j.at("absorption").at("1,1").at(b), "0");
    EXPECT_EQ(j.at("expected_steps"), Json::parse(R"({"1,1": "1"})"));
    EXPECT_EQ(status_of(j, "T1"), "holds");
    EXPECT_EQ(status_of(j, "T2"), "not-applicable");
    EXPECT_NE(theorem(j, "T2").at("detail").get<std::string>().find("fail"), std::string::npos);
}

// smooth:1, K = 2, N = 1, no fresh data: from 1,0 the fit is (2/3, 1/3), from 0,1 (1/3, 2/3);
// a symmetric irreducible chain, pi = (1/2, 1/2); T4 covers smooth:A with A > 0.
// THEOREM: T4 — no Coq statement yet
TEST(CliAnalyze, SmoothingAloneDegenerates) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "1", "--fit", "smooth:1"});
    check_structure(j);
    EXPECT_EQ(j.at("model").at("fit"), "smooth:1");
    EXPECT_EQ(j.at("absorbing"), Json::array());
    EXPECT_EQ(j.at("stationary"), Json::parse(R"([{"1,0": "1/2", "0,1": "1/2"}])"));
    EXPECT_EQ(status_of(j, "T4"), "holds");
    EXPECT_EQ(status_of(j, "T1"), "not-applicable");
    const Json step = analyze_json({"--symbols", "2", "--samples", "1", "--fit", "smooth:1", "--start", "1,0",
                                    "--steps", "1"});
    EXPECT_EQ(step.at("transient").at("law"), Json::parse(R"({"1,0": "2/3", "0,1": "1/3"})"));
}

// ---------------------------------------------------------------------------------------
// Chains read from .tra files.
// periodic_and_absorbing.tra: 0 <-> 1 deterministically (closed, period 2, stationary
// (1/2, 1/2)); 2 absorbing; 3 -> 0 (1/2), 2 (1/4), 4 (1/4); 4 -> 1, 3, 4 (1/3 each).
// Absorption in A = {0,1}: h3 = 1/2 + h4/4, h4 = (h3 + 1 + h4)/3, so h4 = (h3 + 1)/2,
// 7 h3 = 5: h3 = 5/7, h4 = 6/7; in {2}: 2/7, 1/7.
// Expected steps: t3 = 1 + t4/4, t4 = 1 + (t3 + t4)/3, so t4 = (3 + t3)/2, 7 t3 = 11:
// t3 = 11/7, t4 = 16/7.
// ---------------------------------------------------------------------------------------

TEST(CliAnalyzeFile, PeriodicAndAbsorbingClasses) {
    const std::string file = data_file("periodic_and_absorbing.tra");
    const Json j = analyze_json({"--chain", file});
    check_structure(j);
    EXPECT_EQ(j.at("model").at("kind"), "file");
    EXPECT_EQ(j.at("model").at("path"), file);
    EXPECT_EQ(j.at("model").at("states"), 5);
    EXPECT_EQ(j.at("model").at("transitions"), 9);
    EXPECT_EQ(j.at("states"), Json::parse(R"(["0", "1", "2", "3", "4"])"));
    EXPECT_EQ(j.at("absorbing"), Json::parse(R"(["2"])"));
    EXPECT_EQ(sorted_strings(j.at("transient_states")), (std::vector<std::string>{"3", "4"}));
    ASSERT_EQ(j.at("closed_classes").size(), 2u);
    const int periodic = class_of(j, "0"), absorbing = class_of(j, "2");
    ASSERT_GE(periodic, 0);
    ASSERT_GE(absorbing, 0);
    EXPECT_EQ(class_of(j, "1"), periodic);
    EXPECT_EQ(sorted_strings(j.at("closed_classes")[periodic]), (std::vector<std::string>{"0", "1"}));
    EXPECT_EQ(j.at("closed_classes")[absorbing], Json::parse(R"(["2"])"));
    EXPECT_EQ(j.at("periods").at(periodic), 2);
    EXPECT_EQ(j.at("periods").at(absorbing), 1);
    EXPECT_EQ(j.at("stationary").at(periodic), Json::parse(R"({"0": "1/2", "1": "1/2"})"));
    EXPECT_EQ(j.at("stationary").at(absorbing), Json::parse(R"({"2": "1"})"));
    ASSERT_EQ(j.at("absorption").size(), 2u);
    EXPECT_EQ(j.at("absorption").at("3").at(periodic), "5/7");
    EXPECT_EQ(j.at("absorption").at("3").at(absorbing), "2/7");
    EXPECT_EQ(j.at("absorption").at("4").at(periodic), "6/7");
    EXPECT_EQ(j.at("absorption").at("4").at(absorbing), "1/7");
    EXPECT_EQ(j.at("expected_steps"), Json::parse(R"({"3": "11/7", "4": "16/7"})"));
    // The theorems are about recursive-training chains.
    for (const char* id : {"T1", "T2", "T3", "T4", "T5"}) EXPECT_EQ(status_of(j, id), "not-applicable") << id;
}

// From 3: one step gives 0 (1/2), 2 (1/4), 4 (1/4); a second step moves 0 -> 1, keeps 2,
// and spreads 4's 1/4 over 1, 3, 4 (1/12 each): law 1: 1/2 + 1/12 = 7/12, 2: 1/4, 3: 1/12,
// 4: 1/12; in a closed class: 7/12 + 1/4 = 5/6. The periodic class keeps alternating.
TEST(CliAnalyzeFile, TransientLawOnAFileChain) {
    const std::string file = data_file("periodic_and_absorbing.tra");
    const Json two = analyze_json({"--chain", file, "--start", "3", "--steps", "2"});
    EXPECT_EQ(two.at("transient").at("start"), "3");
    EXPECT_EQ(two.at("transient").at("law"),
              Json::parse(R"({"0": "0", "1": "7/12", "2": "1/4", "3": "1/12", "4": "1/12"})"));
    EXPECT_EQ(two.at("transient").at("in_closed_class"), "5/6");
    const Json odd = analyze_json({"--chain", file, "--start", "0", "--steps", "7"});
    EXPECT_EQ(odd.at("transient").at("law"), Json::parse(R"({"0": "0", "1": "1", "2": "0", "3": "0", "4": "0"})"));
    EXPECT_EQ(odd.at("transient").at("in_closed_class"), "1");
}

// decimals_and_fractions.tra: 0 -> 0, 1, 2 with 0.1, 0.2, 0.7 (a row that sums to 1 only when
// the decimals are read exactly); 1 -> each with 1/3; 2 -> 0, 2 with 0.5, 1/2.
// Balance: pi1 = 0.2 pi0 + pi1/3, so pi1 = 3/10 pi0; pi2 = 0.7 pi0 + pi1/3 + pi2/2, so
// pi2 = 2 (7/10 + 1/10) pi0 = 8/5 pi0; total 29/10 pi0: pi = (10, 3, 16)/29.
TEST(CliAnalyzeFile, DecimalsAndFractions) {
    const Json j = analyze_json({"--chain", data_file("decimals_and_fractions.tra")});
    check_structure(j);
    EXPECT_EQ(j.at("states"), Json::parse(R"(["0", "1", "2"])"));
    EXPECT_EQ(j.at("absorbing"), Json::array());
    EXPECT_EQ(j.at("transient_states"), Json::array());
    ASSERT_EQ(j.at("closed_classes").size(), 1u);
    EXPECT_EQ(j.at("periods"), Json::parse("[1]"));
    EXPECT_EQ(j.at("stationary"), Json::parse(R"([{"0": "10/29", "1": "3/29", "2": "16/29"}])"));
    EXPECT_EQ(j.at("absorption"), Json::object());
    EXPECT_EQ(j.at("expected_steps"), Json::object());
    const Json step = analyze_json({"--chain", data_file("decimals_and_fractions.tra"), "--start", "0", "--steps", "1"});
    EXPECT_EQ(step.at("transient").at("law"), Json::parse(R"({"0": "1/10", "1": "1/5", "2": "7/10"})"));
}

// ---------------------------------------------------------------------------------------
// Text output and the demo.
// ---------------------------------------------------------------------------------------

TEST(CliText, StatesTheGuaranteeAndTheTheorems) {
    const std::vector<std::string> args{"analyze", "--symbols", "2", "--samples", "2"};
    const ProgramResult r = run_collapse(args);
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_FALSE(r.out.empty());
    EXPECT_NE(r.out.front(), '{') << "without --json the output is for a person";
    EXPECT_TRUE(has_line_matching(r.out, "(arithmetic|guarantee).*exact")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, "theorems")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, R"(^\s*T1\s+holds)")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, R"(^\s*T2\s+holds)")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, R"(^\s*T4\s+not-applicable)")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, R"(1,1.*1/2.*1/2)")) << "the absorption row of 1,1:\n" << r.out;
}

TEST(CliText, FileChainTextNamesTheFile) {
    const std::string file = data_file("periodic_and_absorbing.tra");
    const ProgramResult r = run_collapse({"analyze", "--chain", file});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find(file), std::string::npos) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, "(arithmetic|guarantee).*exact")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, "11/7")) << r.out;
}

TEST(CliDemo, RunsAndShowsCollapseThenDegeneration) {
    const ProgramResult r = run_collapse({"demo"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(has_line_matching(r.out, R"(^\s*T1\s+holds)")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, R"(^\s*T2\s+holds)")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, R"(^\s*T3\s+holds)")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, R"(^\s*T4\s+holds)")) << r.out;
    EXPECT_TRUE(has_line_matching(r.out, R"(^\s*T5\s+holds)")) << r.out;
    EXPECT_FALSE(has_line_matching(r.out, R"(^\s*T[1-5]\s+fails)")) << r.out;
}

}  // namespace

namespace {

// --arithmetic float: numbers are JSON numbers, labelled approximate; values agree with
// the closed forms within a tolerance (here c_i/N, T2, and N q, T5a).
// THEOREM: T1 — Collapse.Binary.binary_absorbing_iff, Collapse.Binary.binary_transient_law, Collapse.GeneralK.multi_absorbing_iff, Collapse.GeneralK.multi_transient_law
// THEOREM: T2 — Collapse.Binary.binary_martingale, Collapse.Binary.binary_absorption_dirac, Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
TEST(CliFloat, BinaryAbsorptionIsCountOverNApproximately) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "6", "--arithmetic", "float"});
    EXPECT_EQ(j.at("arithmetic"), "float");
    EXPECT_EQ(j.at("guarantee"), "approximate");
    const int k6 = class_of(j, "6,0");
    ASSERT_GE(k6, 0);
    for (int i = 1; i < 6; ++i) {
        const Json& v = j.at("absorption").at(std::to_string(i) + "," + std::to_string(6 - i)).at(k6);
        ASSERT_TRUE(v.is_number()) << v;
        EXPECT_NEAR(v.get<double>(), i / 6.0, 1e-12);
    }
    EXPECT_EQ(status_of(j, "T1"), "holds");       // decided by the exact support
    EXPECT_EQ(status_of(j, "T2"), "consistent");  // a double can only agree, not prove
}

// N = 4000 in doubles: the chain leaves out negligible transitions (more than 10^7 in
// full) and the band solver runs; the absorption probabilities still match c/N closely.
TEST(CliFloat, LargeBinaryChainKeepsTheClosedFormThroughTheTruncatedChain) {
    // With stationary laws asked for too, the chain itself is built (truncated) and analysed.
    const Json j = analyze_json({"--symbols", "2", "--samples", "4000", "--arithmetic", "float", "--what",
                                 "absorption,stationary"});
    EXPECT_EQ(j.at("methods").at("absorption").get<std::string>().find("refined"), std::string::npos);
    EXPECT_FALSE(j.at("model").contains("transitions_left_out"));
    const int k = class_of(j, "4000,0");
    ASSERT_GE(k, 0);
    for (int i = 1; i < 4000; i += 37) {
        const double v = j.at("absorption").at(std::to_string(i) + "," + std::to_string(4000 - i)).at(k).get<double>();
        EXPECT_NEAR(v, i / 4000.0, 1e-10 * (i / 4000.0)) << "from " << i;
    }
}

TEST(CliFloat, LargeBinaryChainKeepsTheClosedFormThroughTruncationAndBand) {
    // Absorption alone past 3163 states: by rows, with the refined band solve.
    const Json j = analyze_json({"--symbols", "2", "--samples", "4000", "--arithmetic", "float", "--what", "absorption"});
    EXPECT_NE(j.at("methods").at("absorption").get<std::string>().find("band LU"), std::string::npos);
    EXPECT_NE(j.at("methods").at("absorption").get<std::string>().find("refined 2 times"), std::string::npos);
    EXPECT_NE(j.at("methods").at("absorption").get<std::string>().find("(approximate)"), std::string::npos);
    EXPECT_EQ(j.at("absorbing").size(), 2u);
    const int k = class_of(j, "4000,0");
    ASSERT_GE(k, 0);
    for (int i = 1; i < 4000; i += 37) {
        const double v = j.at("absorption").at(std::to_string(i) + "," + std::to_string(4000 - i)).at(k).get<double>();
        EXPECT_NEAR(v, i / 4000.0, 1e-10 * (i / 4000.0)) << "from " << i;
    }
}

// THEOREM: T4 — Collapse.Binary.binary_degeneration, Collapse.GeneralK.multi_degeneration
// THEOREM: T5a — Collapse.Binary.binary_stationary_mean, Collapse.GeneralK.multi_stationary_mean
TEST(CliFloat, StationaryMeanIsNqApproximately) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "8", "--fresh-fraction", "1/5", "--external",
                                 "1/4,3/4", "--arithmetic", "float", "--what", "stationary,theorems"});
    double mean = 0;  // E_pi[c_0] = N q_0 = 2
    for (const auto& [label, p] : j.at("stationary").at(0).items()) mean += std::stoi(label) * p.get<double>();
    EXPECT_NEAR(mean, 2.0, 1e-12);
    EXPECT_EQ(status_of(j, "T4"), "consistent");
    EXPECT_EQ(status_of(j, "T5"), "consistent");
}

TEST(CliFloat, NonIntegerTemperIsAccepted) {
    // temper:1.5 from 1,1 (N = 2) is symmetric: absorption 1/2 into each Dirac state.
    const Json j = analyze_json({"--symbols", "2", "--samples", "2", "--fit", "temper:1.5", "--arithmetic", "float"});
    EXPECT_NEAR(j.at("absorption").at("1,1").at(0).get<double>(), 0.5, 1e-15);
    EXPECT_EQ(j.at("model").at("fit"), "temper:3/2");
}

}  // namespace

namespace {


// An interval value is ["lo", "hi"] (cli.md); true when it contains `exact`.
bool encloses(const Json& v, const mpq_class& exact) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_string() || !v[1].is_string()) {
        ADD_FAILURE() << "not an interval value: " << v.dump();
        return false;
    }
    return decimal_value(v[0]) <= exact && exact <= decimal_value(v[1]);
}

// THEOREM: T1 — Collapse.Binary.binary_absorbing_iff, Collapse.Binary.binary_transient_law, Collapse.GeneralK.multi_absorbing_iff, Collapse.GeneralK.multi_transient_law
// THEOREM: T2 — Collapse.Binary.binary_martingale, Collapse.Binary.binary_absorption_dirac, Collapse.GeneralK.multi_martingale, Collapse.GeneralK.multi_absorption_dirac
TEST(CliInterval, EnclosuresContainTheClosedForms) {
    const Json j = analyze_json({"--symbols", "2", "--samples", "6", "--arithmetic", "interval"});
    EXPECT_EQ(j.at("arithmetic"), "interval");
    EXPECT_EQ(j.at("guarantee"), "enclosure");
    EXPECT_EQ(j.at("precision"), Json::parse(R"({"requested": 128, "used": 128})"));
    const int k6 = class_of(j, "6,0");
    ASSERT_GE(k6, 0);
    for (int i = 1; i < 6; ++i) {
        const std::string label = std::to_string(i) + "," + std::to_string(6 - i);
        EXPECT_TRUE(encloses(j.at("absorption").at(label).at(k6), ratio(i, 6))) << label;  // T2: c_i/N
        const Json& v = j.at("absorption").at(label).at(k6);
        EXPECT_LT(mpq_class(decimal_value(v[1]) - decimal_value(v[0])), mpq_class(1, 1000000) * mpq_class(1, 1000000) *
                                                                            mpq_class(1, 1000000) * mpq_class(1, 1000000) *
                                                                            mpq_class(1, 1000000));  // width < 1e-30
    }
    EXPECT_EQ(status_of(j, "T1"), "holds");
    EXPECT_EQ(status_of(j, "T2"), "consistent");
}

TEST(CliInterval, AgreesWithTheExactRunOnAPeriodicFile) {
    const std::string file = std::string(COLLAPSE_TEST_DATA) + "/periodic_and_absorbing.tra";
    const Json exact = analyze_json({"--chain", file});
    const Json verified = analyze_json({"--chain", file, "--arithmetic", "interval", "--precision", "64"});
    for (const auto& [label, row] : exact.at("absorption").items())
        for (std::size_t k = 0; k < row.size(); ++k)
            EXPECT_TRUE(encloses(verified.at("absorption").at(label).at(k), exact_value(row[k]))) << label;
    for (const auto& [label, v] : exact.at("expected_steps").items())
        EXPECT_TRUE(encloses(verified.at("expected_steps").at(label), exact_value(v))) << label;
    for (std::size_t k = 0; k < exact.at("stationary").size(); ++k)
        for (const auto& [label, v] : exact.at("stationary").at(k).items())
            EXPECT_TRUE(encloses(verified.at("stationary").at(k).at(label), exact_value(v))) << label;
}

TEST(CliInterval, PrecisionIsRaisedWhenAPivotCannotBeProvedPositive) {
    // Staying probability 1 - 2^-40: at 16 or 32 bits it encloses 1; the expected time to
    // leave is 2^40, which needs more bits to separate 1 - p from 0.
    const std::string file = std::string(COLLAPSE_TEST_DATA) + "/nearly_absorbing.tra";
    const Json j = analyze_json({"--chain", file, "--arithmetic", "interval", "--precision", "16"});
    EXPECT_EQ(j.at("precision").at("requested"), 16);
    EXPECT_GE(j.at("precision").at("used").get<int>(), 64);
    EXPECT_TRUE(j.at("precision").at("raised_because").get<std::string>().find("pivot") != std::string::npos);
    EXPECT_TRUE(encloses(j.at("expected_steps").at("0"), mpq_class(mpz_class(1) << 40)));
}

TEST(CliInterval, NonIntegerTemperIsEnclosed) {
    // temper:1.5 from 1,1 (N = 2) is symmetric: absorption exactly 1/2.
    const Json j = analyze_json({"--symbols", "2", "--samples", "2", "--fit", "temper:1.5", "--arithmetic", "interval"});
    EXPECT_TRUE(encloses(j.at("absorption").at("1,1").at(0), ratio(1, 2)));
}

}  // namespace

namespace {

// THEOREM: T2 — Collapse.Binary.binary_martingale, Collapse.Binary.binary_absorption_dirac
TEST(CliInterval, LargeTwoSymbolChainsAreCertifiedAPosteriori) {
    // Past 500 states, absorption and steps alone take the certified route: enclosures around
    // a refined double solve, with long double endpoints.
    const int n = 2000;
    const Json j = analyze_json({"--symbols", "2", "--samples", std::to_string(n), "--arithmetic", "interval", "--what",
                                 "absorption,steps"});
    EXPECT_EQ(j.at("guarantee"), "enclosure");
    EXPECT_EQ(j.at("precision").at("requested"), 128);
    EXPECT_EQ(j.at("precision").at("used"), 64);
    EXPECT_NE(j.at("precision").at("lowered_because").get<std::string>().find("a-posteriori"), std::string::npos);
    EXPECT_NE(j.at("methods").at("absorption").get<std::string>().find("a-posteriori"), std::string::npos);
    // Only the transitions inside the rows' windows are counted; the others are bounded.
    EXPECT_LT(j.at("model").at("transitions").get<double>(), 2001.0 * 2001.0 / 4);
    EXPECT_NE(j.at("model").at("transitions_left_out").get<std::string>().find("bounded"), std::string::npos);
    const int all_second = class_of(j, "0," + std::to_string(n));
    ASSERT_GE(all_second, 0);
    ASSERT_EQ(j.at("absorption").size(), static_cast<std::size_t>(n - 1));
    for (int c = 1; c < n; ++c) {
        const std::string label = std::to_string(n - c) + "," + std::to_string(c);
        const Json& x = j.at("absorption").at(label).at(all_second);
        ASSERT_TRUE(encloses(x, ratio(c, n))) << label;  // T2: c/N
        // Issue 4's target: relative width at most 1e-9, the smallest probability 1/N included.
        EXPECT_LE(mpq_class((decimal_value(x[1]) - decimal_value(x[0])) / ratio(c, n)).get_d(), 1e-9) << label;
        // Expected steps: symmetric in the two symbols (q plays no part without fresh data), so
        // the enclosures at c and N - c must overlap; and relatively narrow.
        const Json& t = j.at("expected_steps").at(label);
        const Json& mirror = j.at("expected_steps").at(std::to_string(c) + "," + std::to_string(n - c));
        EXPECT_LE(decimal_value(t[0]), decimal_value(mirror[1])) << label;
        EXPECT_LE(decimal_value(mirror[0]), decimal_value(t[1])) << label;
        EXPECT_LE(mpq_class((decimal_value(t[1]) - decimal_value(t[0])) / decimal_value(t[0])).get_d(), 1e-9) << label;
    }
}

TEST(CliInterval, CertifiedRouteStatesItsPrecisionInText) {
    const ProgramResult r = run_collapse({"analyze", "--symbols", "2", "--samples", "600", "--arithmetic", "interval",
                                          "--what", "absorption"});
    EXPECT_EQ(r.exit_status, 0) << r.err;
    EXPECT_NE(r.out.find("precision:  64 bits (128 requested: more than 500 states and no --precision: a double "
                         "solve certified by an a-posteriori bound"),
              std::string::npos)
        << r.out;
}

TEST(CliInterval, CertifiedRouteRefusesWhatDoesNotFitBeforeAllocating) {
    const ProgramResult r = run_collapse({"analyze", "--symbols", "2", "--samples", "1000000000", "--arithmetic",
                                          "interval", "--what", "absorption"});
    EXPECT_EQ(r.exit_status, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("the absorption analysis by rows of a chain of 1000000001 states"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
