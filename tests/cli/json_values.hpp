#pragma once
// Reading the program's JSON in the CLI tests: one `collapse analyze --json` run, and the
// decimal strings of interval endpoints as the exact rationals they are (independently of
// lib/, with gmpxx).
#include "run_program.hpp"

#include <gmpxx.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

namespace collapse_test {

/// Runs `collapse analyze ARGS --json`, requires success (exit 0, nothing on standard error,
/// exactly one JSON object on standard output) and returns the object.
inline nlohmann::json analyze_json(std::vector<std::string> args) {
    args.insert(args.begin(), "analyze");
    args.emplace_back("--json");
    const ProgramResult r = run_collapse(args);
    EXPECT_EQ(r.exit_status, 0) << command_line(args) << "\nstderr: " << r.err;
    EXPECT_EQ(r.signal, 0) << command_line(args);
    EXPECT_FALSE(r.timed_out) << command_line(args);
    EXPECT_EQ(r.err, "") << command_line(args);
    if (r.exit_status != 0) return nlohmann::json::object();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(r.out);  // exactly one JSON value, nothing else but white space
    } catch (const nlohmann::json::parse_error& e) {
        ADD_FAILURE() << command_line(args) << ": stdout is not one JSON value: " << e.what() << "\n" << r.out;
        return nlohmann::json::object();
    }
    EXPECT_TRUE(j.is_object()) << command_line(args);
    return j;
}

/// A decimal string such as "0.3333", "-2.5e-3" or "12", read exactly.
inline mpq_class decimal_value(const std::string& text) {
    static const std::regex shape(R"((-?)([0-9]+)(?:\.([0-9]*))?(?:e([-+]?[0-9]+))?)");
    std::smatch m;
    if (!std::regex_match(text, m, shape)) {
        ADD_FAILURE() << "'" << text << "' is not a decimal string";
        return 0;
    }
    const std::string digits = m[2].str() + m[3].str();
    const long exponent = (m[4].matched ? std::stol(m[4].str()) : 0) - static_cast<long>(m[3].length());
    mpz_class value(digits, 10), scale = 1;
    for (long i = 0; i < std::labs(exponent); ++i) scale *= 10;
    mpq_class q = exponent >= 0 ? mpq_class(value * scale) : mpq_class(value, scale);
    q.canonicalize();
    return m[1].length() ? mpq_class(-q) : q;
}

}  // namespace collapse_test
