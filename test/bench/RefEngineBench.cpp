//===- RefEngineBench.cpp - Runtime engine throughput on a chip image -----===//
//
// Runs a compiled image on the `ref` (and `float`) engine and reports
// synaptic events per CPU second of the run alone: loading the image,
// building the engine and expanding procedural rows happen before timing
// (one untimed warm-up run fills the row cache), as Brian2 builds its
// synapses before Network::run. test/bench/brian2_compare.py drives it.
//
//   snnc-bench-ref-engine IMAGE INPUT.json [STEPS] [--benchmark_...]
//
// INPUT.json feeds the image's single input port; "-" runs with no input
// spikes on every port.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/ImageReader.h"
#include "snnc/runtime/SpikeTrain.h"
#include "snnc/spinnaker2/FloatEngine.h"
#include "snnc/spinnaker2/ImageSections.h"
#include "snnc/spinnaker2/RefEngine.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

using namespace snnc;

namespace {

struct Workload {
  image::Image image;
  std::vector<runtime::SpikeTrain> inputs;
  uint64_t steps = 1000;
};

[[noreturn]] void die(const std::string &message) {
  std::fprintf(stderr, "snnc-bench-ref-engine: %s\n", message.c_str());
  std::exit(1);
}

Workload load(int argc, char **argv) {
  if (argc < 3 || argc > 4)
    die("usage: snnc-bench-ref-engine IMAGE INPUT.json|- [STEPS] "
        "[--benchmark_...]");
  Workload w;
  image::Expected<image::Image> img = image::readImage(argv[1]);
  if (!img)
    die(img.error().message());
  w.image = std::move(*img);
  std::string input = argv[2];
  if (input == "-") {
    for (const image::InputPort &port : w.image.inputs)
      w.inputs.push_back({port.shape, {}});
  } else {
    if (w.image.inputs.size() != 1)
      die("the image has " + std::to_string(w.image.inputs.size()) +
          " input ports; one spike file feeds exactly one");
    image::Expected<runtime::SpikeTrain> train = runtime::readSpikeTrain(input);
    if (!train)
      die(train.error().message());
    w.inputs.push_back(std::move(*train));
  }
  if (argc == 4) {
    char *end = nullptr;
    unsigned long long steps = std::strtoull(argv[3], &end, 10);
    if (*end != '\0' || steps == 0)
      die(std::string("STEPS must be a positive integer, got '") + argv[3] +
          "'");
    w.steps = steps;
  }
  return w;
}

template <typename EngineT>
void runEngine(benchmark::State &state, const Workload &w) {
  EngineT engine(w.image);
  runtime::RunOptions options;
  options.steps = w.steps;
  // Warm-up: expands every procedural row the run reaches.
  image::Expected<runtime::RunResult> warm = engine.run(w.inputs, options);
  if (!warm) {
    state.SkipWithError(warm.error().message().c_str());
    return;
  }
  uint64_t events = warm->counters.value("synaptic_events");
  uint64_t spikes = 0;
  for (const runtime::OutputTrace &trace : warm->outputs)
    spikes += trace.spikes.size();
  for (auto _ : state) {
    image::Expected<runtime::RunResult> result = engine.run(w.inputs, options);
    if (!result || result->counters.value("synaptic_events") != events) {
      state.SkipWithError("a repeated run differs from the warm-up run");
      return;
    }
    benchmark::DoNotOptimize(result->counters);
  }
  double iterations = static_cast<double>(state.iterations());
  state.counters["steps"] = static_cast<double>(w.steps);
  state.counters["synaptic_events"] = static_cast<double>(events);
  state.counters["output_spikes"] = static_cast<double>(spikes);
  state.counters["neuron_updates"] =
      static_cast<double>(warm->counters.value("neuron_updates"));
  state.counters["events_per_second"] = benchmark::Counter(
      static_cast<double>(events) * iterations, benchmark::Counter::kIsRate);
}

} // namespace

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  // The image's target sections need their codecs to be read.
  spinnaker2::registerImageSections();
  static Workload workload = load(argc, argv);
  benchmark::RegisterBenchmark("ref", [](benchmark::State &state) {
    runEngine<runtime::RefEngine>(state, workload);
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("float", [](benchmark::State &state) {
    runEngine<runtime::FloatEngine>(state, workload);
  })->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
