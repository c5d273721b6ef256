// The library without the command line: one recursive-training model analysed in exact,
// verified-interval and double arithmetic, plus a chain read from .tra text whose interval
// solve needs more precision than first asked for. See docs/api/README.md.
//
// Build (from the repository root, after the release build), on one line:
//   g++ -std=c++20 -Wall -Wextra -Wpedantic -Ilib/include docs/api/example.cpp
//       build/release/lib/libcollapse.a -lflint -lmpfi -lmpfr -lgmp -o api_example
#include <collapse/analysis/analysis.hpp>        // analyze, AnalysisRequest, Analysis<S>
#include <collapse/analysis/theorem_checks.hpp>  // check_theorems
#include <collapse/chain/rounded_chain.hpp>      // rounded_chain<S>
#include <collapse/core/error.hpp>               // InvalidInput, ResourceLimit, Unable
#include <collapse/io/tra_reader.hpp>            // read_tra, read_tra_file
#include <collapse/models/recursive_chain.hpp>   // exact_recursive_chain, numeric_recursive_chain
#include <collapse/scalar/floating.hpp>          // scalar_traits<double>
#include <collapse/scalar/interval.hpp>          // Interval, scalar_traits<Interval>

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace collapse;

// The guarantee is part of the type: an interval result cannot pass for an exact one.
static_assert(Analysis<Rational>::guarantee == Guarantee::exact);
static_assert(Analysis<Interval>::guarantee == Guarantee::enclosure);
static_assert(Analysis<double>::guarantee == Guarantee::approximate);

namespace {

// The stationary probability of the state labelled `label` (the chain has one closed class
// here), printed with the guarantee its type carries.
template <Scalar S>
void print_stationary(const char* arithmetic, const Chain<S>& chain, const Analysis<S>& analysis,
                      const std::string& label) {
    const ClassDistribution<S>& pi = analysis.stationary->per_class.at(0);
    const std::size_t state = *chain.find(label);
    for (std::size_t r = 0; r < pi.states.size(); ++r)
        if (pi.states[r] == state)
            std::cout << "  " << arithmetic << ": pi(" << label << ") = " << scalar_traits<S>::to_string(pi.probability[r])
                      << "  [" << to_string(Analysis<S>::guarantee) << ", " << analysis.stationary->method << "]\n";
}

void print_theorems(const char* arithmetic, const std::vector<TheoremCheck>& checks) {
    std::cout << "  " << arithmetic << ":";
    for (const TheoremCheck& t : checks) std::cout << ' ' << t.id << ' ' << to_string(t.status) << ';';
    std::cout << '\n';
}

// What the command line does for --arithmetic interval: when a verified solve cannot prove a
// pivot positive (Unable), double the precision, up to a cap. The library leaves this choice
// to its caller.
Analysis<Interval> analyze_verified(const Chain<Rational>& exact, long bits, const AnalysisRequest& request) {
    for (;;) {
        try {
            const Chain<Interval> chain = rounded_chain<Interval>(exact, bits);
            Analysis<Interval> result = analyze(chain, request);
            std::cout << "  enclosed at " << bits << " bits\n";
            return result;
        } catch (const Unable& e) {
            if (bits >= 4096) throw;
            std::cout << "  " << bits << " bits: " << e.what() << '\n';
            bits *= 2;
        }
    }
}

}  // namespace

int main() {
    try {
        // The model of model.md's T5b example: K = 2, N = 10, fit mle, fresh fraction 1/10,
        // q = (1/4, 3/4). Numbers are read exactly ("0.1" would be 1/10, too).
        RecursiveModel spec;
        spec.symbols = 2;
        spec.samples = 10;
        spec.fit = parse_fit("mle");
        spec.fresh.kind = FreshData::Kind::fraction;
        spec.fresh.fraction = parse_rational("1/10", "fresh fraction");
        spec.external = {parse_rational("1/4", "q_0"), parse_rational("3/4", "q_1")};
        const RecursiveModel model = validated(spec);  // throws InvalidInput on a bad parameter

        const ResourceLimits limits;  // 8 GiB by default; the program uses 80% of the memory
        const long bits = 128;        // interval precision

        // The same model in three arithmetics. The support (and so the class structure) is
        // decided exactly in all three.
        const Chain<Rational> exact_chain = exact_recursive_chain(model, limits);
        const Chain<Interval> interval_chain = numeric_recursive_chain<Interval>(model, bits, limits);
        const Chain<double> double_chain = numeric_recursive_chain<double>(model, 53, limits);

        AnalysisRequest request;  // everything but a transient law
        request.limits = limits;
        const Analysis<Rational> exact = analyze(exact_chain, request);
        const Analysis<Interval> verified = analyze(interval_chain, request);
        const Analysis<double> approx = analyze(double_chain, request);

        std::cout << "stationary mass on the Dirac state 10,0 (K = 2, N = 10, lambda = 1/10, q = (1/4, 3/4)):\n";
        print_stationary("exact   ", exact_chain, exact, "10,0");
        print_stationary("interval", interval_chain, verified, "10,0");
        print_stationary("double  ", double_chain, approx, "10,0");

        // The enclosure contains the exact value (an exact test, no rounding). State 10,0 is
        // state 0, the first member of the one closed class.
        const Rational& exact_mass = exact.stationary->per_class[0].probability[0];
        const Interval& enclosure = verified.stationary->per_class[0].probability[0];
        const bool inside = enclosure.contains(exact_mass);
        std::cout << "  the interval contains the exact value: " << (inside ? "yes" : "no")
                  << "; width <= " << enclosure.width_upper_bound() << '\n';
        if (!inside) return 1;  // cannot happen: an enclosure is a proof

        // Theorem checks need the stationary and absorption parts. Pass the interval precision:
        // T5's predictions N q_i are enclosed at it (the default, 0, is not a valid precision).
        std::cout << "theorem checks:\n";
        print_theorems("exact   ", check_theorems(model, exact_chain, exact, 0));
        print_theorems("interval", check_theorems(model, interval_chain, verified, bits));
        print_theorems("double  ", check_theorems(model, double_chain, approx, 53));

        // A chain from PRISM .tra text (read exactly), carried into interval arithmetic. At 16
        // bits the transient state's pivot 1 - (1 - 2^-40) encloses 0, so the solve is Unable.
        std::istringstream tra("2 3\n0 0 1099511627775/1099511627776\n0 1 1/1099511627776\n1 1 1\n");
        const Chain<Rational> file_chain = read_tra(tra, "nearly_absorbing", limits);
        std::cout << "expected steps to absorption from state 0 of a nearly absorbing chain:\n";
        const Analysis<Interval> steps = analyze_verified(file_chain, 16, request);
        std::cout << "  E[steps] = " << scalar_traits<Interval>::to_string(steps.absorption->expected_steps[0]) << "  ["
                  << to_string(Analysis<Interval>::guarantee) << ", " << steps.absorption->method << "]\n";

        // A non-integer temper exponent makes the probabilities irrational: exact arithmetic
        // refuses the model (InvalidInput), intervals enclose it.
        RecursiveModel tempered_spec = model;
        tempered_spec.fit = parse_fit("temper:1.5");
        const RecursiveModel tempered = validated(tempered_spec);
        try {
            (void)exact_recursive_chain(tempered, limits);
        } catch (const InvalidInput& e) {
            std::cout << "exact arithmetic refuses temper:1.5: " << e.what() << '\n';
        }
        const Chain<Interval> tempered_chain = numeric_recursive_chain<Interval>(tempered, bits, limits);
        print_stationary("interval", tempered_chain, analyze(tempered_chain, request), "10,0");
        return 0;
    } catch (const InvalidInput& e) {
        std::cerr << "invalid input: " << e.what() << '\n';
    } catch (const ResourceLimit& e) {
        std::cerr << "too large: " << e.what() << '\n';
    } catch (const Unable& e) {
        std::cerr << "unable: " << e.what() << '\n';
    }
    return 1;
}
