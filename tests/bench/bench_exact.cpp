// Kernels on the binary mle (Wright-Fisher) chain: building the exact chain, solving for
// absorption probabilities and expected steps, and the same analysis in each arithmetic. Run:
//   build/release/tests/bench/bench_exact --benchmark_filter=.
#include <collapse/analysis/analysis.hpp>
#include <collapse/analysis/certified_absorption.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/models/two_symbol_rows.hpp>

#include <benchmark/benchmark.h>

#include <type_traits>

using namespace collapse;

namespace {
RecursiveModel binary(std::uint64_t n) {
    RecursiveModel m;
    m.samples = n;
    return validated(m);
}
}  // namespace

static void BM_BuildBinaryChain(benchmark::State& state) {
    const RecursiveModel m = binary(static_cast<std::uint64_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(exact_recursive_chain(m, ResourceLimits{}));
}
BENCHMARK(BM_BuildBinaryChain)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);

static void BM_AbsorptionProbabilities(benchmark::State& state) {
    const Chain<Rational> chain = exact_recursive_chain(binary(static_cast<std::uint64_t>(state.range(0))), ResourceLimits{});
    const ClassStructure cs = class_structure(chain.support());
    for (auto _ : state) benchmark::DoNotOptimize(absorption_analysis(chain, cs, true, false));
}
BENCHMARK(BM_AbsorptionProbabilities)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);

static void BM_ExpectedSteps(benchmark::State& state) {
    const Chain<Rational> chain = exact_recursive_chain(binary(static_cast<std::uint64_t>(state.range(0))), ResourceLimits{});
    const ClassStructure cs = class_structure(chain.support());
    for (auto _ : state) benchmark::DoNotOptimize(absorption_analysis(chain, cs, false, true));
}
BENCHMARK(BM_ExpectedSteps)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);

static void BM_FullAnalysisThreeSymbols(benchmark::State& state) {
    RecursiveModel m;
    m.symbols = 3;
    m.samples = static_cast<std::uint64_t>(state.range(0));
    m = validated(m);
    for (auto _ : state) {
        const Chain<Rational> chain = exact_recursive_chain(m, ResourceLimits{});
        benchmark::DoNotOptimize(analyze(chain, AnalysisRequest{}));
    }
}
BENCHMARK(BM_FullAnalysisThreeSymbols)->Arg(10)->Arg(20)->Unit(benchmark::kMillisecond);

// The same absorption analysis (probabilities and expected steps) in the three arithmetics.
template <class S>
static void BM_AbsorptionIn(benchmark::State& state) {
    const RecursiveModel m = binary(static_cast<std::uint64_t>(state.range(0)));
    const auto build = [&] {
        if constexpr (std::is_same_v<S, Rational>) return exact_recursive_chain(m, ResourceLimits{});
        else return numeric_recursive_chain<S>(m, 128, ResourceLimits{});
    };
    const Chain<S> chain = build();
    const ClassStructure cs = class_structure(chain.support());
    for (auto _ : state) benchmark::DoNotOptimize(absorption_analysis(chain, cs, true, true));
}
BENCHMARK(BM_AbsorptionIn<Rational>)->Name("BM_AbsorptionAndSteps/exact")->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AbsorptionIn<Interval>)->Name("BM_AbsorptionAndSteps/interval128")->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AbsorptionIn<double>)->Name("BM_AbsorptionAndSteps/float")->Arg(100)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

// The row route for two-symbol chains: rows enclosed from the model, a refined band solve,
// and (certified) the a-posteriori bound; nothing of the chain is stored.
static void BM_CertifiedAbsorptionByRows(benchmark::State& state) {
    const RecursiveModel model = binary(static_cast<std::uint64_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(certified_absorption(two_symbol_row_enclosures(model), model.samples + 1,
                                                      two_symbol_row_width(model.samples), true, true, ResourceLimits{}));
}
BENCHMARK(BM_CertifiedAbsorptionByRows)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

static void BM_RefinedAbsorptionByRows(benchmark::State& state) {
    const RecursiveModel model = binary(static_cast<std::uint64_t>(state.range(0)));
    const RowEnclosureSource rows = two_symbol_row_enclosures(model);
    const WindowedStructure structure = windowed_structure(rows, model.samples + 1);
    for (auto _ : state) benchmark::DoNotOptimize(refined_absorption(rows, structure, true));
}
BENCHMARK(BM_RefinedAbsorptionByRows)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
