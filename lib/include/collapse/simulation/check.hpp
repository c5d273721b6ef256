#pragma once
// `collapse check`: another simulator's runs (the CSV layout of docs/simulate.md) tested
// against the exact predictions of the chain (docs/simulate.md, "Checking a simulator").
//
// Every prediction is computed in exact rational arithmetic on the exact chain (analyze on
// Chain<Rational>, and the exact law after t steps for t = 0..T); only the expected counts
// enter doubles, for the statistics and p-values. The tests:
//  - absorption: the closed class of the final state of the runs that reached a closed class,
//    against the exact law of the closed class given that one was reached by T (or, without
//    T and when every run collapsed, the exact absorption probabilities);
//  - law_at_T: the final states against the exact law after T steps;
//  - collapse_time: the distribution of collapse_generation (0..T, or none) against the exact
//    law of the hitting time of the closed classes, truncated at T;
//  - mean_collapse_time: without T and when every run collapsed, the mean collapse time
//    against the exact expected steps (a z-test with the sample variance: approximate).
// Chi-square tests pool cells of expected count below 5; an outcome of exact probability 0
// that was observed rejects outright (p-value 0). Bonferroni over the tests run.
#include <collapse/chain/chain.hpp>
#include <collapse/core/resource_limits.hpp>
#include <collapse/scalar/rational.hpp>

#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace collapse::simulation {

/// One row of the observed CSV.
struct ObservedRun {
    std::uint64_t line = 0;  ///< line number in the file (1 = header)
    std::uint64_t run = 0;
    std::optional<std::uint64_t> collapse_generation;
    std::size_t final_state = 0;  ///< index in the chain
};

/// Reads the CSV layout of `collapse simulate` (columns run, collapse_generation, final_state
/// required, in any order; first_lost_* and trajectory allowed and only checked for form;
/// other columns refused). Labels are those of `chain`. With `generations`, a
/// collapse_generation above T is refused. Throws InvalidInput "FILE:LINE: reason".
std::vector<ObservedRun> read_observed_csv(std::istream& in, const std::string& file, const Chain<Rational>& chain,
                                           std::optional<std::uint64_t> generations);

/// P(X >= statistic) for X chi-square with `dof` degrees of freedom: Q(dof/2, statistic/2),
/// the regularized upper incomplete gamma function (Boost.Math gamma_q). dof >= 1.
double chi_square_p_value(double statistic, double dof);

/// Two-sided p-value of a standard normal z: erfc(|z| / sqrt 2).
double normal_two_sided_p_value(double z);

struct CheckTest {
    std::string name;         ///< absorption, law_at_T, collapse_time, mean_collapse_time
    std::string description;  ///< what was compared, and the rule of which runs count
    bool applicable = false;  ///< false: not run (see `reason`), not counted in the correction
    std::string reason;       ///< why not applicable
    std::string statistic_kind;  ///< "chi-square" or "z"
    double statistic = 0;
    std::uint64_t dof = 0;    ///< chi-square degrees of freedom (0 for z)
    double p_value = 1;
    std::uint64_t runs_used = 0;
    std::size_t cells = 0;    ///< cells after pooling (chi-square)
    bool impossible_outcome = false;  ///< an outcome of exact probability 0 was observed
    bool rejected = false;
};

struct CheckResult {
    std::string file;
    std::string start;
    std::optional<std::uint64_t> generations;
    std::uint64_t runs = 0;
    double alpha = 0.01;
    std::size_t tests_run = 0;
    double per_test_alpha = 0.01;  ///< alpha / tests_run (Bonferroni)
    std::vector<CheckTest> tests;
    bool consistent = true;
};

/// Runs the tests on `observed` (runs from `start` of `chain`). `generations`: the horizon T of
/// the runs, needed for absorption (unless every run collapsed), law_at_T and collapse_time.
/// `alpha` in (0, 1): the family-wise false-alarm rate.
CheckResult check_observed(const Chain<Rational>& chain, std::size_t start, const std::vector<ObservedRun>& observed,
                           std::optional<std::uint64_t> generations, double alpha, const ResourceLimits& limits);

void write_check_text(const CheckResult& result, std::ostream& out);
void write_check_json(const CheckResult& result, std::ostream& out);

}  // namespace collapse::simulation
