// The certified route (a refined double solve plus an a-posteriori bound) against exact
// answers: T2's c/N for mle, and the oracle's exact solves of the closed-form chains for
// expected steps and for other fits. Also: the bound stays valid for poor approximations
// and weight vectors, and refuses what it cannot certify.
#include <collapse/analysis/certified_absorption.hpp>
#include <collapse/core/error.hpp>
#include <collapse/models/two_symbol_rows.hpp>

#include "exact_binomial.hpp"
#include "lib_oracle_bridge.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace collapse;

namespace {

ResourceLimits generous() {
    ResourceLimits limits;
    limits.memory_bytes = std::uint64_t{1} << 30;
    return limits;
}

// The chain of `model` built from model.md's closed form in the test (not by the library).
oracle::Matrix closed_form(unsigned n, const std::vector<mpq_class>& p) { return exact_binomial::chain(n, p); }

std::vector<mpq_class> mle_probabilities(unsigned n) {
    std::vector<mpq_class> p;
    for (unsigned c = 0; c <= n; ++c) p.emplace_back(c, n);
    for (mpq_class& v : p) v.canonicalize();
    return p;
}

double relative_width(const Interval& x) { return x.relative_width_upper_bound(); }

// The bound is |x - x~| <= alpha t~: absolute for the probabilities (tiny ones, as under
// temper:2, are not relatively accurate), relative for the expected steps; and for mle, whose
// smallest probability is 1/N, relative too.
void expect_encloses_the_oracle(const RecursiveModel& model, const oracle::Matrix& exact, double max_width,
                                bool relative_probabilities) {
    const std::size_t states = exact.size();
    const AbsorptionByRows<Interval> got =
        certified_absorption(two_symbol_row_enclosures(model), states, two_symbol_row_width(model.samples), true, true,
                             generous());
    const auto transient = oracle::transient_states(exact);
    const auto closed = oracle::closed_classes(exact);
    ASSERT_EQ(got.structure.classes.transient.size(), transient.size());
    ASSERT_EQ(got.structure.classes.closed.size(), closed.size());
    const std::vector<oracle::Vector> probability = oracle::absorption(exact);
    const oracle::Vector steps = oracle::expected_steps(exact);
    for (std::size_t i = 0; i < transient.size(); ++i) {
        ASSERT_EQ(got.structure.classes.transient[i], static_cast<std::size_t>(transient[i]));
        for (std::size_t c = 0; c < closed.size(); ++c) {
            const Interval& x = got.absorption.probability(i, c);
            EXPECT_TRUE(x.contains(bridge::to_lib(probability[i][c]))) << "state " << transient[i] << " class " << c;
            EXPECT_LE(x.width_upper_bound(), max_width);
            if (relative_probabilities && probability[i][c] > 0) {
                EXPECT_LE(relative_width(x), max_width);
            }
        }
        EXPECT_TRUE(got.absorption.expected_steps[i].contains(bridge::to_lib(steps[i]))) << "state " << transient[i];
        EXPECT_LE(relative_width(got.absorption.expected_steps[i]), max_width);
    }
}

TEST(CertifiedAbsorption, MleMatchesCOverNAndTheOraclesExpectedSteps) {
    for (unsigned n : {2u, 3u, 10u, 40u}) {
        SCOPED_TRACE("N=" + std::to_string(n));
        expect_encloses_the_oracle(bridge::model(2, n), closed_form(n, mle_probabilities(n)), 1e-12, true);
    }
}

TEST(CertifiedAbsorption, OtherFitsMatchTheOracle) {
    const unsigned n = 24;
    std::vector<mpq_class> temper, topk;
    for (unsigned c = 0; c <= n; ++c) {
        temper.emplace_back(c * c, c * c + (n - c) * (n - c));
        temper.back().canonicalize();
        topk.emplace_back(c > n - c ? 1 : 0);
    }
    expect_encloses_the_oracle(bridge::model(2, n, {}, 0, "temper:2"), closed_form(n, temper), 1e-12, false);
    expect_encloses_the_oracle(bridge::model(2, n, {}, 0, "topk:1"), closed_form(n, topk), 1e-12, false);
}

TEST(CertifiedAbsorption, TheDoubleRouteIsTheRefinedSolveWithoutItsCertificate) {
    // mle, N = 40: within a few ulps of c/N and of the oracle's expected steps.
    const unsigned n = 40;
    const AbsorptionByRows<double> got = approximate_absorption_by_rows(
        two_symbol_row_enclosures(bridge::model(2, n)), n + 1, two_symbol_row_width(n), true, true, generous());
    const oracle::Vector steps = oracle::expected_steps(closed_form(n, mle_probabilities(n)));
    ASSERT_EQ(got.absorption.transient.size(), n - 1);
    EXPECT_NE(got.absorption.method.find("(approximate)"), std::string::npos);
    for (std::size_t i = 0; i < n - 1; ++i) {
        const double c = static_cast<double>(got.absorption.transient[i]);
        EXPECT_NEAR(got.absorption.probability(i, 1), c / n, 1e-15 * (c / n));
        EXPECT_NEAR(got.absorption.expected_steps[i], steps[i].get_d(), 1e-14 * steps[i].get_d());
    }
}

TEST(CertifiedAbsorption, IrreducibleChainsNeedNothing) {
    for (const RecursiveModel& model : {bridge::model(2, 30, {}, 0, "smooth:1/2"), bridge::model(2, 30, {}, Rational(1, 10))}) {
        const AbsorptionByRows<Interval> got =
            certified_absorption(two_symbol_row_enclosures(model), 31, two_symbol_row_width(30), true, true, generous());
        EXPECT_TRUE(got.structure.classes.transient.empty());
        EXPECT_EQ(got.structure.classes.closed.size(), 1u);
        EXPECT_EQ(got.absorption.method, "none needed");
    }
}

TEST(CertifiedAbsorption, PoorApproximationsGiveWiderButValidEnclosures) {
    const unsigned n = 30;
    const RecursiveModel model = bridge::model(2, n);
    const RowEnclosureSource rows = two_symbol_row_enclosures(model);
    const WindowedStructure structure = windowed_structure(rows, n + 1);
    ApproximateAbsorption approximate = refined_absorption(rows, structure, true);
    const oracle::Vector steps = oracle::expected_steps(closed_form(n, mle_probabilities(n)));
    // Off by 1e-6 everywhere, and a weight vector of ones instead of the expected steps
    // (still positive with (I - Q) v > 0: every state can be absorbed in one step).
    for (auto& column : approximate.probability)
        for (long double& x : column) x += 1e-6L;
    for (long double& t : approximate.expected_steps) t = 1;
    const AbsorptionResult<Interval> got = certify_absorption(rows, structure.classes, approximate, true, true);
    for (std::size_t i = 0; i < structure.classes.transient.size(); ++i) {
        const std::size_t c = structure.classes.transient[i];
        EXPECT_TRUE(got.probability(i, 1).contains(Rational(c, n))) << c;
        EXPECT_GE(got.probability(i, 1).width_upper_bound(), 1e-6);
        EXPECT_TRUE(got.expected_steps[i].contains(bridge::to_lib(steps[i]))) << c;
    }
}

TEST(CertifiedAbsorption, RefusesWhatItCannotCertify) {
    const unsigned n = 12;
    const RowEnclosureSource rows = two_symbol_row_enclosures(bridge::model(2, n));
    const WindowedStructure structure = windowed_structure(rows, n + 1);
    ApproximateAbsorption approximate = refined_absorption(rows, structure, true);
    // A weight vector v with (I - Q) v <= 0 somewhere proves nothing.
    ApproximateAbsorption flat = approximate;
    for (long double& t : flat.expected_steps) t = 1;
    flat.expected_steps[n / 2 - 1] = 100;  // (I - Q) v < 0 at the neighbours of the middle state
    EXPECT_THROW(certify_absorption(rows, structure.classes, flat, true, true), Unable);
    ApproximateAbsorption negative = approximate;
    negative.expected_steps[0] = -1;
    EXPECT_THROW(certify_absorption(rows, structure.classes, negative, true, true), Unable);
    // Memory is checked before anything is built.
    ResourceLimits small;
    small.memory_bytes = 1 << 20;
    EXPECT_THROW(certified_absorption(two_symbol_row_enclosures(bridge::model(2, 100000)), 100001,
                                      two_symbol_row_width(100000), true, true, small),
                 ResourceLimit);
}

}  // namespace
