#pragma once
// Forward simulation of a recursive-training chain or of a chain read from a file:
// R independent runs of up to T generations from one start state (docs/simulate.md).
//
// Recursive-training chains are simulated generation by generation from the model itself
// (fit -> sampling law p as doubles -> multinomial draws of the model part and of the fresh
// part), never through the transition matrix, so N may be large. Chains from a file are
// simulated from the rows of the exact chain, rounded once to doubles.
//
// A run stops at generation T, or earlier when it reaches an absorbing state (from there
// nothing can change, so its final state is its state at generation T either way). It records
// the first generation at which it was in a closed class (its collapse time), decided exactly
// from the state (ClosedClasses), never from rounded probabilities.
#include <collapse/chain/chain.hpp>
#include <collapse/core/resource_limits.hpp>
#include <collapse/models/recursive_model.hpp>
#include <collapse/models/state_space.hpp>
#include <collapse/scalar/rational.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace collapse::simulation {

/// How the closed classes of a recursive-training chain are decided, from the state alone.
enum class ClosedClassRule {
    dirac,          ///< T1: no fresh data and fit mle/temper/topk/smooth:0: closed = Dirac states
    irreducible,    ///< one closed class holding every state (T4, or every state reachable in one step)
    support_graph,  ///< class structure of the exact support graph, built for a small state space
    chain_file,     ///< a chain read from a file: its class structure
};
const char* to_string(ClosedClassRule rule);

/// The closed classes of a validated recursive-training model, decided exactly:
///  - no fresh data and a fit other than smooth:A with A > 0 (T1): the Dirac states, each
///    absorbing;
///  - q positive everywhere with lambda > 0 (any fit), or with m > 0 and fit mle, smooth or
///    temper (T4); or smooth:A, A > 0, without fresh data or with lambda < 1 (every state
///    reaches every state in one step): one closed class, every state, none absorbing;
///  - otherwise the class structure of the support graph, which is computed from the supports
///    of the fitted law and of q (exact, from counts and rationals) when the state space has
///    at most `max_graph_states` states; beyond that, ResourceLimit.
class ClosedClasses {
public:
    ClosedClasses(const RecursiveModel& model, std::uint64_t max_graph_states, bool force_graph = false);
    ClosedClassRule rule() const { return rule_; }
    bool contains(std::span<const std::uint64_t> counts) const;
    bool absorbing(std::span<const std::uint64_t> counts) const;

private:
    ClosedClassRule rule_;
    std::optional<StateSpace> space_;
    std::vector<char> closed_, absorbing_;  // by state index, support_graph only
    std::size_t index(std::span<const std::uint64_t> counts) const;
};

/// Largest state space whose support graph ClosedClasses builds by default.
inline constexpr std::uint64_t default_max_graph_states = 3000;

/// Reads a recursive-model state label ("3,0,2": K counts summing to N). Throws InvalidInput
/// naming `option` and the accepted form.
std::vector<std::uint64_t> parse_state(const RecursiveModel& model, const std::string& label, const std::string& option);

struct SimulationRequest {
    std::uint64_t generations = 0;  ///< T
    std::uint64_t runs = 1;         ///< R >= 1
    std::uint64_t first_run = 0;    ///< runs first_run .. first_run + R - 1 (a share of a larger job)
    std::uint64_t seed = 0;
    bool trajectories = false;
    ResourceLimits limits;
    /// Called after each run with (runs done, runs asked); may be empty.
    std::function<void(std::uint64_t, std::uint64_t)> progress;
};

struct RunRecord {
    std::uint64_t run = 0;
    std::optional<std::uint64_t> collapse_generation;  ///< first t <= T in a closed class
    std::uint64_t stop_generation = 0;                 ///< T, or the generation of absorption
    std::string final_state;                           ///< the state at stop_generation (= at T)
    /// Recursive chains: per symbol, the first generation with count 0 (0 when absent at the
    /// start), empty when the symbol is present up to the stop.
    std::vector<std::optional<std::uint64_t>> first_lost;
    std::vector<std::string> trajectory;  ///< labels at generations 0..stop_generation, if asked
};

struct SimulationResult {
    std::optional<RecursiveModel> model;  ///< set for a recursive-training chain
    std::string chain_file;               ///< set for a chain read from a file
    std::string start;
    SimulationRequest request;
    ClosedClassRule rule = ClosedClassRule::dirac;
    std::vector<RunRecord> runs;
    std::uint64_t draws = 0;  ///< binomial draws (recursive) or row draws (file chain)
};

/// Bytes the results of `request` need, estimated before anything is simulated.
double simulation_memory_estimate(std::size_t symbols, std::size_t label_bytes, const SimulationRequest& request);

/// Throws ResourceLimit when the results of every run of `request` would not fit in
/// request.limits: the check simulate_recursive and simulate_chain make before simulating,
/// available alone for a caller that shares the runs among processes and gathers them.
void require_simulation_memory(const RecursiveModel& model, std::span<const std::uint64_t> start,
                               const SimulationRequest& request);
void require_simulation_memory(const Chain<Rational>& chain, const SimulationRequest& request);

/// Simulates a validated recursive-training model from `start` (K counts summing to N).
SimulationResult simulate_recursive(const RecursiveModel& model, const ClosedClasses& closed,
                                    std::span<const std::uint64_t> start, const SimulationRequest& request);

/// Simulates an exact chain (e.g. read from a .tra file) from state `start`.
SimulationResult simulate_chain(const Chain<Rational>& chain, std::size_t start, const SimulationRequest& request);

/// CSV: header run,collapse_generation,final_state[,first_lost_0,...,first_lost_{K-1}]
/// [,trajectory]; one row per run in run order; empty field = none; fields holding a comma
/// are quoted (RFC 4180); a trajectory is the labels joined by ';'.
void write_csv(const SimulationResult& result, std::ostream& out);

/// One JSON object: the model echo, the request, the closed-class rule, the number of draws and
/// one object per run.
void write_json(const SimulationResult& result, std::ostream& out);

}  // namespace collapse::simulation
