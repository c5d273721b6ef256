// Class structure against brute force: the oracle's Warshall transitive closure.
#include "lib_oracle_bridge.hpp"
#include "random_chains.hpp"

#include <collapse/graph/class_structure.hpp>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

using namespace collapse;

RC_GTEST_PROP(ClassStructureProp, AgreesWithTransitiveClosure, ()) {
    const oracle::Matrix p = *gen_chain::stochastic_matrix(9);
    const ClassStructure cs = class_structure(bridge::chain_from(p).support());

    const auto classes = oracle::communicating_classes(p);
    RC_ASSERT(cs.classes.size() == classes.size());
    for (std::size_t c = 0; c < classes.size(); ++c)
        RC_ASSERT(std::vector<std::size_t>(classes[c].begin(), classes[c].end()) == cs.classes[c]);

    const auto closed = oracle::closed_classes(p);
    RC_ASSERT(cs.closed.size() == closed.size());
    for (std::size_t k = 0; k < closed.size(); ++k) {
        RC_ASSERT(std::vector<std::size_t>(closed[k].begin(), closed[k].end()) == cs.closed_class(k));
        RC_ASSERT(static_cast<int>(cs.period[k]) == oracle::period(p, closed[k]));
    }
    const auto transient = oracle::transient_states(p);
    RC_ASSERT(std::vector<std::size_t>(transient.begin(), transient.end()) == cs.transient);
    for (std::size_t s : cs.absorbing) RC_ASSERT(p[s][s] == 1);
}
