//===- ReservoirBench.cpp - Reservoir expansion throughput ----------------===//
//
// Streams every row of a reservoir through one reused vector, as the
// compiler's lowering does, and reports synapses/s and peak RSS. The 100k
// neuron, p = 0.01 case (~1e8 synapses) has a budget of 2 s and 200 MB.
//
//===----------------------------------------------------------------------===//

#include "snnc/Support/Reservoir.h"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>

using namespace snn::reservoir;

namespace {

double peakRssMB() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: KiB.
}

void setNormalWeights(Spec &spec) {
  // Maass et al. 2002 mean magnitudes (nA), sd = half the mean.
  const double means[4] = {30.0, 60.0, 19.0, 19.0};
  for (unsigned k = 0; k < 4; ++k)
    spec.weights[k] = {WeightDist::Kind::Normal, means[k], means[k] / 2};
}

Spec checked(const Spec &spec) {
  std::string err = validate(spec);
  if (!err.empty()) {
    std::fprintf(stderr, "invalid benchmark spec: %s\n", err.c_str());
    std::abort();
  }
  return spec;
}

void expandAll(benchmark::State &state, const Spec &spec) {
  Expander expander(spec);
  std::vector<Synapse> row;
  int64_t synapses = 0;
  for (auto _ : state) {
    synapses = 0;
    for (int64_t pre = 0; pre < expander.size(); ++pre) {
      expander.expandRow(pre, row);
      synapses += static_cast<int64_t>(row.size());
      benchmark::DoNotOptimize(row.data());
      benchmark::ClobberMemory();
    }
  }
  state.counters["synapses"] = static_cast<double>(synapses);
  state.counters["synapses_per_second"] = benchmark::Counter(
      static_cast<double>(synapses) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["expected_synapses"] = expander.expectedSynapses();
  state.counters["peak_rss_MB"] = peakRssMB();
}

void BM_ExpandFixedProbability(benchmark::State &state) {
  Spec spec;
  spec.size = state.range(0);
  spec.rule.kind = ConnectionRule::Kind::FixedProbability;
  spec.rule.p = 0.01;
  spec.seed = 2002;
  setNormalWeights(spec);
  expandAll(state, checked(spec));
}
BENCHMARK(BM_ExpandFixedProbability)
    ->Arg(100000)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

void BM_ExpandDistance(benchmark::State &state) {
  Spec spec;
  spec.rule.kind = ConnectionRule::Kind::Distance;
  spec.rule.grid = {state.range(0), state.range(1), state.range(2)};
  spec.size = state.range(0) * state.range(1) * state.range(2);
  spec.rule.lambda = 2.0;
  spec.rule.c = {0.3, 0.2, 0.4, 0.1}; // Maass et al. 2002.
  spec.seed = 2002;
  setNormalWeights(spec);
  expandAll(state, checked(spec));
}
BENCHMARK(BM_ExpandDistance)
    ->Args({15, 15, 15})
    ->Args({50, 40, 50})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
