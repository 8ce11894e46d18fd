//===- RtlBench.cpp - Simulated unit-cycles per second of the rtl engine --===//
//
// The crossbar rtl engine running a feed-forward network (inputs -> LIF ->
// LI readouts, read noise on, 5-bit ADCs) for 20 steps per iteration, on
// the default 256 x 256 tiles: 300 inputs -> 20 neurons (two row blocks of
// a narrow tile), and 512 -> 256 (two full tiles). Reported: tile-cycles/s,
// the RTL clock cycles of the crossbar units simulated per wall second
// (every unit, every phase), and of those the cycles spent reading tiles;
// rates are per wall second.
//
//===----------------------------------------------------------------------===//

#include "Networks.h"

#include "snnc/crossbar/Engines.h"

#include <benchmark/benchmark.h>

using namespace snnc;
using namespace snnc::crossbar;

static void rtlSteps(benchmark::State &state) {
  uint32_t inputs = uint32_t(state.range(0)), hidden = uint32_t(state.range(1));
  image::Image im = test::feedForward({}, 1, inputs, hidden, {hidden});
  auto engine = makeRtlEngine(im);
  if (!engine.ok()) {
    state.SkipWithError(engine.error().message().c_str());
    return;
  }
  constexpr uint64_t kSteps = 20;
  runtime::RunOptions options;
  options.steps = kSteps;
  std::vector<runtime::SpikeTrain> trains = {test::drive(inputs, kSteps)};
  double cycles = 0, readCycles = 0;
  for (auto _ : state) {
    auto result = (*engine)->run(trains, options);
    if (!result.ok()) {
      state.SkipWithError(result.error().message().c_str());
      return;
    }
    nlohmann::json report = (*engine)->extraReport(0);
    cycles += report["unit_cycles_simulated"].get<double>();
    readCycles += report["tile_read_cycles_simulated"].get<double>();
  }
  state.counters["tile_cycles_per_s"] =
      benchmark::Counter(cycles, benchmark::Counter::kIsRate);
  state.counters["tile_read_cycles_per_s"] =
      benchmark::Counter(readCycles, benchmark::Counter::kIsRate);
  state.counters["cycles_per_step"] =
      cycles / double(kSteps) / double(state.iterations());
}
BENCHMARK(rtlSteps)
    ->ArgNames({"inputs", "neurons"})
    ->Args({300, 20})
    ->Args({512, 256})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
