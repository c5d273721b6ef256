// Sharing one simulation among processes (collapse/simulation/shared_runs.hpp): the blocks of
// runs cover 0 .. R-1 once, in order, with sizes as even as possible (checked against the
// definition, for every R and number of parts up to 40); simulating the blocks separately and
// gathering their encoded runs gives the very output of one simulation of every run (the
// program's MPI layer does exactly this); corrupt or out-of-order bytes are refused.
#include <collapse/io/tra_reader.hpp>
#include <collapse/simulation/shared_runs.hpp>
#include <collapse/simulation/simulate.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>

namespace {

using namespace collapse;
using namespace collapse::simulation;

TEST(SharedRuns, BlocksCoverTheRunsInOrderWithEvenSizes) {
    for (std::uint64_t runs = 0; runs <= 40; ++runs) {
        for (std::uint64_t parts = 1; parts <= 40; ++parts) {
            std::uint64_t next = 0;
            for (std::uint64_t part = 0; part < parts; ++part) {
                const RunBlock b = block_of_runs(runs, part, parts);
                EXPECT_EQ(b.first, next) << runs << " runs, part " << part << " of " << parts;
                // ceil(runs / parts) for the first runs % parts parts, floor after.
                EXPECT_EQ(b.count, runs / parts + (part < runs % parts ? 1 : 0)) << runs << " runs, part " << part;
                next = b.first + b.count;
            }
            EXPECT_EQ(next, runs) << runs << " runs in " << parts << " parts";
            if (runs > 0) {
                EXPECT_GT(block_of_runs(runs, 0, parts).count, 0u) << "part 0 must hold a run";
            }
        }
    }
    const std::uint64_t huge = ~std::uint64_t{0};
    EXPECT_EQ(block_of_runs(huge, 2, 3).first + block_of_runs(huge, 2, 3).count, huge);
    EXPECT_THROW(block_of_runs(5, 2, 2), std::logic_error);
    EXPECT_THROW(block_of_runs(5, 0, 0), std::logic_error);
}

SimulationRequest request_for(std::uint64_t first, std::uint64_t runs, bool trajectories) {
    SimulationRequest r;
    r.generations = 60;
    r.first_run = first;
    r.runs = runs;
    r.seed = 99;
    r.trajectories = trajectories;
    return r;
}

std::string csv(const SimulationResult& r) {
    std::ostringstream out;
    write_csv(r, out);
    return out.str();
}

std::string json(const SimulationResult& r) {
    std::ostringstream out;
    write_json(r, out);
    return out.str();
}

// Simulates block 0 here and the others "elsewhere", then gathers them as the program does.
template <class Simulate>
SimulationResult gathered(Simulate simulate, std::uint64_t runs, std::uint64_t parts, bool trajectories) {
    SimulationResult all = simulate(request_for(0, block_of_runs(runs, 0, parts).count, trajectories));
    all.request = request_for(0, runs, trajectories);  // block 0 stands for the whole job
    for (std::uint64_t part = 1; part < parts; ++part) {
        const RunBlock b = block_of_runs(runs, part, parts);
        SimulationResult block;
        if (b.count > 0) block = simulate(request_for(b.first, b.count, trajectories));
        append_encoded_runs(encode_runs(block), all);
    }
    return all;
}

TEST(SharedRuns, GatheredBlocksPrintLikeOneSimulation) {
    RecursiveModel model;
    model.symbols = 3;
    model.samples = 12;
    model.fresh.kind = FreshData::Kind::count;  // first_lost both set and empty
    model.fresh.count = 1;
    model.fit = parse_fit("topk:1");
    model = validated(model);
    const ClosedClasses closed(model, default_max_graph_states);
    const std::vector<std::uint64_t> start = parse_state(model, "6,4,2", "start");
    const auto simulate = [&](const SimulationRequest& r) { return simulate_recursive(model, closed, start, r); };
    for (const bool trajectories : {false, true}) {
        const SimulationResult one = simulate(request_for(0, 23, trajectories));
        for (const std::uint64_t parts : {2u, 3u, 5u, 23u, 30u}) {
            const SimulationResult all = gathered(simulate, 23, parts, trajectories);
            EXPECT_EQ(all.draws, one.draws) << parts << " parts";
            EXPECT_EQ(csv(all), csv(one)) << parts << " parts";
            EXPECT_EQ(json(all), json(one)) << parts << " parts";
        }
    }
}

TEST(SharedRuns, GatheredBlocksOfAChainFilePrintLikeOneSimulation) {
    const Chain<Rational> chain = read_tra_file(std::string(COLLAPSE_TEST_DATA) + "/periodic_and_absorbing.tra", {});
    const auto simulate = [&](const SimulationRequest& r) { return simulate_chain(chain, 3, r); };
    const SimulationResult one = simulate(request_for(0, 17, true));
    const SimulationResult all = gathered(simulate, 17, 4, true);
    EXPECT_EQ(csv(all), csv(one));
    EXPECT_EQ(json(all), json(one));
}

RunRecord record(std::uint64_t run) {
    RunRecord r;
    r.run = run;
    r.collapse_generation = 0;  // zero, not "none"
    r.stop_generation = 7;
    r.final_state = "";         // an empty label survives
    r.first_lost = {std::nullopt, 0, 18446744073709551615ull};
    r.trajectory = {"a,b", "", "\"quoted\"\n"};
    return r;
}

TEST(SharedRuns, EncodingKeepsEveryField) {
    SimulationResult part;
    part.runs = {record(4), record(5)};
    part.runs[1].collapse_generation = std::nullopt;
    part.draws = 123;
    SimulationResult into;
    into.runs = {record(3)};
    into.draws = 1;
    append_encoded_runs(encode_runs(part), into);
    ASSERT_EQ(into.runs.size(), 3u);
    EXPECT_EQ(into.draws, 124u);
    for (std::size_t i = 1; i < 3; ++i) {
        const RunRecord& got = into.runs[i];
        const RunRecord& sent = part.runs[i - 1];
        EXPECT_EQ(got.run, sent.run);
        EXPECT_EQ(got.collapse_generation, sent.collapse_generation);
        EXPECT_EQ(got.stop_generation, sent.stop_generation);
        EXPECT_EQ(got.final_state, sent.final_state);
        EXPECT_EQ(got.first_lost, sent.first_lost);
        EXPECT_EQ(got.trajectory, sent.trajectory);
    }
}

TEST(SharedRuns, CorruptOrOutOfOrderBytesAreRefused) {
    SimulationResult part;
    part.runs = {record(1), record(2)};
    const std::string bytes = encode_runs(part);
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        SimulationResult into;
        EXPECT_THROW(append_encoded_runs(std::string_view(bytes).substr(0, cut), into), std::runtime_error) << cut;
    }
    SimulationResult into;
    EXPECT_THROW(append_encoded_runs(bytes + "x", into), std::runtime_error);
    into.runs = {record(0)};
    append_encoded_runs(bytes, into);  // 1, 2 follow 0
    EXPECT_EQ(into.runs.size(), 3u);
    EXPECT_THROW(append_encoded_runs(bytes, into), std::runtime_error) << "1 cannot follow 2";
    SimulationResult gap;
    gap.runs = {record(5)};
    EXPECT_THROW(append_encoded_runs(bytes, gap), std::runtime_error) << "1 cannot follow 5";
}

}  // namespace
