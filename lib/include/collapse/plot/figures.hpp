#pragma once
// The figures of `collapse plot`, each returned as a complete standalone SVG document whose
// title states the model and whose subtitle states the guarantee of the numbers drawn.
// Computed numbers are exact rationals or verified enclosures (rounded to doubles only for
// drawing; every marker's tooltip carries the exact value or the enclosure); trajectories
// come from the simulator and say so, with their seed. Nothing is drawn that the model
// cannot show: each function throws InvalidInput (one line) first.
#include <collapse/chain/chain.hpp>
#include <collapse/core/resource_limits.hpp>
#include <collapse/models/recursive_model.hpp>
#include <collapse/scalar/rational.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace collapse::plot {

/// The numbers behind a computed figure: exact rationals, or intervals at `bits` bits.
struct Numbers {
    enum class Kind { exact, interval } kind = Kind::exact;
    long bits = 128;
    ResourceLimits limits;
};

/// Sample paths of the empirical distribution c/N over generations, simulated: K = 2, the
/// frequency of symbol 0 against the generation; K = 3, paths on the triangle.
std::string trajectories_figure(const RecursiveModel& model, const std::string& start, std::uint64_t generations,
                                std::uint64_t runs, std::uint64_t seed, const ResourceLimits& limits);

/// The probability of absorption in the Dirac state N e_0 and the expected number of
/// generations to absorption, against the start state, with T2's prediction c_0/N: K = 2,
/// curves against c_0; K = 3, cells on the triangle.
std::string absorption_figure(const RecursiveModel& model, const Numbers& numbers);

/// The stationary law of `model` with fresh fraction lambda, for each lambda (each in
/// (0, 1]): K = 2 bars, K = 3 heat maps on the triangle (logarithmic colour scale).
std::string stationary_figure(const RecursiveModel& model, const std::vector<Rational>& lambdas,
                              const Numbers& numbers);

/// The probability of having reached a closed class (collapsed, when the closed classes are
/// the Dirac states) by generation t = 0..generations, one curve per start state (1 to 8),
/// with the expected number of generations to get there.
std::string collapse_time_figure(const RecursiveModel& model, const std::vector<std::string>& starts,
                                 std::uint64_t generations, const Numbers& numbers);
/// The same for a chain read from a file, `file` naming it in the title.
std::string collapse_time_figure(const Chain<Rational>& chain, const std::string& file,
                                 const std::vector<std::string>& starts, std::uint64_t generations,
                                 const Numbers& numbers);

}  // namespace collapse::plot
