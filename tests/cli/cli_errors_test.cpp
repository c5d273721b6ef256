// End-to-end tests of bad input (cli.md, "Errors"): every case ends with exit status 2
// (invalid input) or 3 (too large), nothing on standard output, and exactly one line on
// standard error that starts with "collapse: " and names the offending input. Never a
// crash, a hang or a partial JSON object.
#include "run_program.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace {

using collapse_test::command_line;
using collapse_test::data_file;
using collapse_test::ProgramResult;
using collapse_test::run_collapse;

constexpr int invalid_input = 2;
constexpr int too_large = 3;
constexpr int unable = 5;

struct ErrorCase {
    std::string name;                   ///< the test's name
    std::vector<std::string> args;      ///< after the program name
    int exit_status;                    ///< 2 or 3
    std::vector<std::string> mentions;  ///< substrings the one-line message must contain
};

std::ostream& operator<<(std::ostream& out, const ErrorCase& c) { return out << command_line(c.args); }

std::vector<std::string> analyze(std::vector<std::string> args) {
    args.insert(args.begin(), "analyze");
    return args;
}

void expect_one_line_error(const ProgramResult& r, const ErrorCase& c) {
    SCOPED_TRACE(command_line(c.args));
    EXPECT_FALSE(r.timed_out) << "the program hung";
    EXPECT_EQ(r.signal, 0) << "the program was killed by signal " << r.signal;
    EXPECT_EQ(r.exit_status, c.exit_status) << "stderr: " << r.err;
    EXPECT_EQ(r.out, "") << "nothing may reach standard output on an error";
    EXPECT_EQ(r.err.rfind("collapse: ", 0), 0u) << "stderr: " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "exactly one line: " << r.err;
    EXPECT_TRUE(!r.err.empty() && r.err.back() == '\n') << "the line ends with a newline: " << r.err;
    for (const std::string& m : c.mentions)
        EXPECT_NE(r.err.find(m), std::string::npos) << "the message should mention '" << m << "': " << r.err;
}

class CliErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CliErrors, OneClearLineAndAnErrorStatus) {
    const ErrorCase& c = GetParam();
    expect_one_line_error(run_collapse(c.args), c);
}

// Options and parameters of a recursive-training model.
const std::vector<ErrorCase> option_cases = {
    {"UnknownOption", analyze({"--symbols", "2", "--samples", "2", "--bogus"}), invalid_input, {"--bogus"}},
    {"UnknownOptionBeforeModel", analyze({"--colour", "red", "--symbols", "2", "--samples", "2"}), invalid_input,
     {"--colour"}},
    {"UnknownCommand", {"frobnicate"}, invalid_input, {"frobnicate"}},
    {"NoModel", analyze({"--json"}), invalid_input, {"--symbols", "--chain"}},
    {"OptionWithoutValue", analyze({"--symbols", "2", "--samples"}), invalid_input, {"--samples"}},
    {"OneSymbol", analyze({"--symbols", "1", "--samples", "2"}), invalid_input, {"--symbols"}},
    {"ZeroSymbols", analyze({"--symbols", "0", "--samples", "2"}), invalid_input, {"--symbols"}},
    {"ZeroSamples", analyze({"--symbols", "2", "--samples", "0"}), invalid_input, {"--samples"}},
    {"SymbolsNotANumber", analyze({"--symbols", "abc", "--samples", "2"}), invalid_input, {"--symbols", "abc"}},
    {"SamplesNotAnInteger", analyze({"--symbols", "2", "--samples", "2.5"}), invalid_input, {"--samples", "2.5"}},
    {"SamplesNegative", analyze({"--symbols", "2", "--samples=-3"}), invalid_input, {"--samples"}},
    {"SamplesBeyond64Bits", analyze({"--symbols", "2", "--samples", "123456789012345678901234567890"}),
     invalid_input, {"--samples"}},
    {"FreshFractionAboveOne", analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction", "1.5"}),
     invalid_input, {"--fresh-fraction"}},
    {"FreshFractionNegative", analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction", "-0.1"}),
     invalid_input, {"--fresh-fraction"}},
    {"FreshFractionNegativeEqualsForm", analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction=-0.1"}),
     invalid_input, {"--fresh-fraction"}},
    {"FreshFractionNotANumber", analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction", "half"}),
     invalid_input, {"--fresh-fraction", "half"}},
    {"FreshFractionZeroDenominator", analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction", "1/0"}),
     invalid_input, {"--fresh-fraction", "1/0"}},
    {"FreshFractionAndCount",
     analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction", "1/2", "--fresh-count", "1"}), invalid_input,
     {"--fresh-fraction", "--fresh-count"}},
    {"FreshCountAboveN", analyze({"--symbols", "2", "--samples", "2", "--fresh-count", "3"}), invalid_input,
     {"--fresh-count"}},
    {"ExternalNotSummingToOne",
     analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction", "1/2", "--external", "1/2,1/3"}),
     invalid_input, {"--external"}},
    {"ExternalSumsToOneOnlyInFloatingPoint",
     analyze({"--symbols", "3", "--samples", "1", "--fresh-fraction", "1/2", "--external",
              "0.33333333333333333,0.33333333333333333,0.33333333333333333"}),
     invalid_input, {"--external"}},
    {"ExternalWrongCount",
     analyze({"--symbols", "3", "--samples", "2", "--fresh-fraction", "1/2", "--external", "1/2,1/2"}),
     invalid_input, {"--external"}},
    {"ExternalNegativeEntry",
     analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction", "1/2", "--external", "3/2,-1/2"}),
     invalid_input, {"--external"}},
    {"ExternalNotANumber",
     analyze({"--symbols", "2", "--samples", "2", "--fresh-fraction", "1/2", "--external", "1/2,x"}), invalid_input,
     {"--external"}},
    {"ExternalEmptyEntry",
     analyze({"--symbols", "3", "--samples", "2", "--fresh-fraction", "1/2", "--external", "1/2,,1/2"}),
     invalid_input, {"--external"}},
    {"FitUnknown", analyze({"--symbols", "2", "--samples", "2", "--fit", "foo"}), invalid_input, {"--fit", "foo"}},
    {"FitTopZero", analyze({"--symbols", "2", "--samples", "2", "--fit", "topk:0"}), invalid_input, {"--fit", "topk"}},
    {"FitTopMoreThanK", analyze({"--symbols", "3", "--samples", "2", "--fit", "topk:5"}), invalid_input,
     {"--fit", "topk:5"}},
    {"FitSmoothNegative", analyze({"--symbols", "2", "--samples", "2", "--fit", "smooth:-1"}), invalid_input,
     {"--fit", "smooth"}},
    {"FitSmoothWithoutValue", analyze({"--symbols", "2", "--samples", "2", "--fit", "smooth"}), invalid_input,
     {"--fit", "smooth"}},
    {"FitTemperZero", analyze({"--symbols", "2", "--samples", "2", "--fit", "temper:0"}), invalid_input,
     {"--fit", "temper"}},
    {"FitTemperNonIntegerInExactArithmetic", analyze({"--symbols", "2", "--samples", "2", "--fit", "temper:1.5"}),
     invalid_input, {"--fit", "temper", "interval arithmetic"}},
    {"ArithmeticUnknown", analyze({"--symbols", "2", "--samples", "2", "--arithmetic", "bogus"}), invalid_input,
     {"--arithmetic", "bogus"}},
    {"PrecisionTooLow", analyze({"--symbols", "2", "--samples", "2", "--arithmetic", "interval", "--precision", "8"}),
     invalid_input, {"--precision", "16"}},
    {"PrecisionTooHigh",
     analyze({"--symbols", "2", "--samples", "2", "--arithmetic", "interval", "--precision", "100000"}), invalid_input,
     {"--precision", "4096"}},
    // Staying probability 1 - 2^-5000: no precision up to the cap separates the pivot from 0.
    {"EnclosureBeyondThePrecisionCap",
     analyze({"--chain", std::string(COLLAPSE_TEST_DATA) + "/beyond_precision_cap.tra", "--arithmetic", "interval"}),
     unable, {"unable", "4096 bits"}},
    // The same chain in doubles: 1 - p underflows to 0, and the program must not print inf/NaN.
    {"DoublesSingularToDoublePrecision",
     analyze({"--chain", std::string(COLLAPSE_TEST_DATA) + "/beyond_precision_cap.tra", "--arithmetic", "float"}),
     unable, {"unable", "double"}},
    {"PrecisionWithExactArithmetic", analyze({"--symbols", "2", "--samples", "2", "--precision", "64"}), invalid_input,
     {"--precision", "interval"}},
    {"PrecisionWithFloatArithmetic",
     analyze({"--symbols", "2", "--samples", "2", "--arithmetic", "float", "--precision", "64"}), invalid_input,
     {"--precision", "interval"}},
    {"WhatUnknown", analyze({"--symbols", "2", "--samples", "2", "--what", "bogus"}), invalid_input,
     {"--what", "bogus"}},
    {"WhatUnknownAmongKnown", analyze({"--symbols", "2", "--samples", "2", "--what", "stationary,steady"}),
     invalid_input, {"--what", "steady"}},
    {"StartWithoutSteps", analyze({"--symbols", "2", "--samples", "2", "--start", "1,1"}), invalid_input,
     {"--start", "--steps"}},
    {"StepsWithoutStart", analyze({"--symbols", "2", "--samples", "2", "--steps", "3"}), invalid_input,
     {"--start", "--steps"}},
    {"StartUnknownLabel", analyze({"--symbols", "2", "--samples", "2", "--start", "3,0", "--steps", "1"}),
     invalid_input, {"--start", "3,0"}},
    {"StartLabelOfAnotherK", analyze({"--symbols", "2", "--samples", "2", "--start", "1,1,0", "--steps", "1"}),
     invalid_input, {"--start", "1,1,0"}},
    {"StepsNotANumber", analyze({"--symbols", "2", "--samples", "2", "--start", "1,1", "--steps", "many"}),
     invalid_input, {"--steps", "many"}},
    {"ChainMissingFile", analyze({"--chain", data_file("no_such_file.tra")}), invalid_input,
     {"--chain", "no_such_file.tra"}},
    {"ChainWithSymbols",
     analyze({"--chain", data_file("periodic_and_absorbing.tra"), "--symbols", "2", "--samples", "2"}),
     invalid_input, {"--chain", "--symbols"}},
    {"ChainWithFit", analyze({"--chain", data_file("periodic_and_absorbing.tra"), "--fit", "mle"}), invalid_input,
     {"--chain", "--fit"}},
    {"ChainStartUnknownLabel",
     analyze({"--chain", data_file("periodic_and_absorbing.tra"), "--start", "5", "--steps", "1"}), invalid_input,
     {"--start", "5"}},
};

// Valid requests whose answer would not fit: refused before any allocation.
const std::vector<ErrorCase> size_cases = {
    {"HugeModel", analyze({"--symbols", "3", "--samples", "100000"}), too_large, {"too large", "100000"}},
    {"HugeModelJson", analyze({"--symbols", "3", "--samples", "100000", "--json"}), too_large, {"too large"}},
    {"HugeSampleCount", analyze({"--symbols", "2", "--samples", "4294967295"}), too_large, {"too large"}},
    {"HugeAlphabet", analyze({"--symbols", "100000000", "--samples", "1"}), too_large, {"too large", "--symbols"}},
    {"HugeStateCountOverflowing64Bits", analyze({"--symbols", "1000", "--samples", "1000"}), too_large,
     {"too large"}},
    {"HugeStepCount", analyze({"--symbols", "2", "--samples", "2", "--start", "1,1", "--steps", "10000000000000"}),
     too_large, {"too large", "--steps"}},
};

// Malformed or non-stochastic .tra files: "FILE:LINE: reason".
ErrorCase tra_case(const std::string& name, const std::string& file, int line, std::vector<std::string> more = {}) {
    const std::string path = data_file(file);
    std::vector<std::string> mentions{path + ":" + std::to_string(line) + ": "};
    mentions.insert(mentions.end(), more.begin(), more.end());
    return {name, analyze({"--chain", path, "--json"}), invalid_input, mentions};
}

const std::vector<ErrorCase> tra_cases = {
    tra_case("TraEmptyFile", "bad_empty.tra", 1),
    tra_case("TraHeaderWithOneField", "bad_header.tra", 1),
    tra_case("TraHeaderNotNumbers", "bad_header_not_numbers.tra", 1, {"two"}),
    tra_case("TraFewerTransitionsThanHeader", "bad_count_too_few.tra", 3, {"3"}),
    tra_case("TraMoreTransitionsThanHeader", "bad_count_too_many.tra", 3, {"1"}),
    tra_case("TraStateOutOfRange", "bad_state_out_of_range.tra", 3, {"5"}),
    tra_case("TraNegativeProbability", "bad_negative_probability.tra", 3, {"-1/2"}),
    tra_case("TraProbabilityAboveOne", "bad_probability_above_one.tra", 3),
    tra_case("TraNonNumericProbability", "bad_non_numeric_probability.tra", 3, {"one"}),
    tra_case("TraDuplicateTransition", "bad_duplicate.tra", 4, {"0", "1"}),
    tra_case("TraRowNotSummingToOne", "bad_row_sum.tra", 3, {"9/10"}),
    tra_case("TraRowSummingToOneOnlyInFloatingPoint", "bad_row_sum_only_in_floating_point.tra", 4),
};

INSTANTIATE_TEST_SUITE_P(Options, CliErrors, ::testing::ValuesIn(option_cases),
                         [](const auto& info) { return info.param.name; });
INSTANTIATE_TEST_SUITE_P(TooLarge, CliErrors, ::testing::ValuesIn(size_cases),
                         [](const auto& info) { return info.param.name; });
INSTANTIATE_TEST_SUITE_P(TraFiles, CliErrors, ::testing::ValuesIn(tra_cases),
                         [](const auto& info) { return info.param.name; });

// A state without any outgoing transition: the file ends before state 2's row; the message
// names the file, a line and the state.
TEST(CliTraErrors, StateWithoutOutgoingTransition) {
    const std::string path = data_file("bad_no_outgoing.tra");
    const ErrorCase c{"TraNoOutgoing", analyze({"--chain", path}), invalid_input, {path + ":", "2"}};
    const ProgramResult r = run_collapse(c.args);
    expect_one_line_error(r, c);
    // FILE:LINE: with LINE a positive line number of the file (it has 3 lines).
    const auto at = r.err.find(path + ":");
    ASSERT_NE(at, std::string::npos);
    const std::string rest = r.err.substr(at + path.size() + 1);
    const auto colon = rest.find(':');
    ASSERT_NE(colon, std::string::npos) << r.err;
    const std::string line = rest.substr(0, colon);
    ASSERT_FALSE(line.empty()) << r.err;
    EXPECT_TRUE(std::all_of(line.begin(), line.end(), [](unsigned char ch) { return ch >= '0' && ch <= '9'; }))
        << r.err;
    EXPECT_GE(std::stoi(line), 1);
    EXPECT_LE(std::stoi(line), 3);
}

// A header announcing 10^15 states: refused as too large before anything is allocated,
// naming the file and the offending line (the header, line 1) like every other .tra error;
// never a crash.
TEST(CliTraErrors, HeaderWithAQuadrillionStates) {
    const std::string path = data_file("bad_huge_states.tra");
    const ErrorCase c{"TraHugeStates", analyze({"--chain", path, "--json"}), too_large, {"too large", path + ":1: "}};
    expect_one_line_error(run_collapse(c.args), c);
}

// A header announcing 10^15 transitions on a 2-state file: refused (as too large, or as a
// count that does not match the file), never a crash or an attempt to allocate them.
TEST(CliTraErrors, HeaderWithAQuadrillionTransitions) {
    const std::string path = data_file("bad_huge_transitions.tra");
    const ProgramResult r = run_collapse(analyze({"--chain", path, "--json"}));
    const int status = r.exit_status == too_large ? too_large : invalid_input;
    const ErrorCase c{"TraHugeTransitions", analyze({"--chain", path, "--json"}), status, {path}};
    expect_one_line_error(r, c);
}

// The transient law is computed exactly, so its numbers grow with every step: a step count
// the program accepts must also finish in reasonable time, or be refused as too large.
// K = 2, N = 2 has 5 transitions + 3 states, so 12,000,000 steps are 9.6e7 "transition
// updates", within the program's stated budget of 1e8.
TEST(CliTooLarge, AcceptedStepCountFinishesOrIsRefused) {
    const std::vector<std::string> args =
        analyze({"--symbols", "2", "--samples", "2", "--start", "1,1", "--steps", "12000000", "--json"});
    const ProgramResult r = collapse_test::run_program(COLLAPSE_EXECUTABLE, args, std::chrono::seconds(30));
    EXPECT_FALSE(r.timed_out) << command_line(args) << " neither finished nor was refused within 30 s";
    if (!r.timed_out && r.exit_status != 0) {
        expect_one_line_error(r, {"StepsBudget", args, too_large, {"too large", "--steps"}});
    }
}

// Asked for JSON, the program still prints no partial object on an error.
TEST(CliErrorsJson, ErrorsNeverReachStandardOutputWithJson) {
    const ErrorCase c{"JsonThenError", analyze({"--json", "--symbols", "2", "--samples", "2", "--what", "x"}),
                      invalid_input, {"--what"}};
    expect_one_line_error(run_collapse(c.args), c);
}

}  // namespace
