// End-to-end tests of the certified stationary route (docs/guarantees.md, "Three or more
// symbols with fresh data: a certified dense solve"): three-symbol chains with fresh data,
// past 500 states, in interval arithmetic. The enclosures are checked against the exact
// stationary law of `--arithmetic exact` (the exact regenerative solve: another engine).
#include "json_values.hpp"
#include "run_program.hpp"

#include <gmpxx.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <string>
#include <vector>

namespace {

using collapse_test::analyze_json;
using collapse_test::command_line;
using collapse_test::decimal_value;
using collapse_test::ProgramResult;
using collapse_test::run_collapse;
using Json = nlohmann::json;

// "p/q", "n", or a decimal string "-1.25e-7", exactly.
mpq_class value_of(const Json& v) {
    const std::string text = v.get<std::string>();
    if (text.find('/') == std::string::npos) return decimal_value(text);
    mpq_class q(text, 10);
    q.canonicalize();
    return q;
}

const std::vector<std::string> model_args{"--symbols", "3", "--samples", "32", "--fresh-fraction", "1/10",
                                          "--what", "stationary"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

TEST(CliStationaryRoute, ThreeSymbolsContainTheExactLaw) {
    // K = 3, N = 32: 561 states, past the 500 where interval elimination stops.
    const Json verified = analyze_json(with(model_args, {"--arithmetic", "interval"}));
    const Json exact = analyze_json(with(model_args, {"--arithmetic", "exact"}));
    ASSERT_TRUE(verified.contains("stationary") && exact.contains("stationary"));
    EXPECT_EQ(verified.at("guarantee"), "enclosure");
    EXPECT_EQ(verified.at("precision").at("requested"), 128);
    EXPECT_EQ(verified.at("precision").at("used"), 64);
    EXPECT_NE(verified.at("precision").at("lowered_because").get<std::string>().find("a-posteriori"), std::string::npos);
    const std::string method = verified.at("methods").at("stationary").get<std::string>();
    EXPECT_NE(method.find("M-matrix"), std::string::npos) << method;
    EXPECT_NE(method.find("regenerative at state 11,11,10"), std::string::npos) << method;  // nearest N q = 32/3 each
    EXPECT_EQ(verified.at("model").at("transitions"), 561 * 561);  // every transition is positive
    ASSERT_EQ(verified.at("stationary").size(), 1u);
    ASSERT_EQ(exact.at("stationary").size(), 1u);
    const Json& boxes = verified.at("stationary")[0];
    const Json& values = exact.at("stationary")[0];
    ASSERT_EQ(boxes.size(), 561u);
    ASSERT_EQ(values.size(), 561u);
    double widest = 0;
    for (const auto& [label, v] : values.items()) {
        ASSERT_TRUE(boxes.contains(label)) << label;
        const mpq_class x = value_of(v), lo = value_of(boxes.at(label)[0]), hi = value_of(boxes.at(label)[1]);
        EXPECT_LE(lo, x) << label;
        EXPECT_LE(x, hi) << label;
        widest = std::max(widest, mpq_class((hi - lo) / x).get_d());
    }
    // Every entry to a relative width near the double solve's accuracy, the smallest included.
    EXPECT_LE(widest, 1e-9);
}

TEST(CliStationaryRoute, TextStatesThePrecision) {
    const ProgramResult r = run_collapse(with(with({"analyze"}, model_args), {"--arithmetic", "interval"}));
    EXPECT_EQ(r.exit_status, 0) << r.err;
    EXPECT_NE(r.out.find("precision:  64 bits (128 requested: more than 500 states, every transition positive"),
              std::string::npos)
        << r.out.substr(0, 2000);
}

}  // namespace
