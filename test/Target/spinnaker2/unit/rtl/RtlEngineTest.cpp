//===- RtlEngineTest.cpp - ref vs rtl, step by step -----------------------===//
//
// Differential tests: on hand-built images (LIF, CuBa-LIF, IF-style and LI
// readouts, delays 1 to 6, a procedural reservoir, several slices per
// population, PEs on three chips) the rtl engine must give the ref
// engine's output spikes, readout values, spikes of every population and
// event counters at every step. The same RTL with truncating shifts must
// not. Then the engine's errors: a corrupt table load, the watchdog, a PE
// that cannot hold its slice, and waveforms.
//
//===----------------------------------------------------------------------===//

#include "TestImages.h"
#include "TestPe.h"

#include "snnc/spinnaker2/RefEngine.h"
#include "snnc/spinnaker2/rtl/RtlEngine.h"
#include "snnc/spinnaker2/rtl/VerilatedPeAdapter.h"

#include "Vsnn_pe_trunc.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unistd.h>

using namespace snnc;
using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;
using snnc::rtl::test::contains;

namespace {

std::string show(const CounterSet &c) {
  std::ostringstream s;
  for (const CounterClass &k : c.schema()->classes())
    s << k.name << " " << c.value(k.name) << " ";
  return s.str();
}

/// Spikes of every population and the counters after every step.
struct Recorder : StepObserver {
  std::vector<std::vector<std::vector<uint32_t>>> spikes;
  std::vector<CounterSet> counters;
  bool onStep(const StepInfo &info) override {
    spikes.push_back(info.populationSpikes);
    counters.push_back(info.counters);
    return true;
  }
};

struct Outcome {
  RunResult result;
  Recorder steps;
};

Outcome runOk(Engine &engine, const std::vector<SpikeTrain> &inputs,
              uint64_t steps) {
  Outcome run;
  RunOptions options;
  options.steps = steps;
  options.recordAllSpikes = true;
  Expected<RunResult> r = engine.run(inputs, options, &run.steps);
  if (!r)
    ADD_FAILURE() << engine.name() << ": " << r.error().message();
  else
    run.result = std::move(r.value());
  return run;
}

/// Whether two runs agree on everything the differential contract names.
::testing::AssertionResult identical(const Outcome &a, const Outcome &b) {
  const RunResult &x = a.result, &y = b.result;
  if (x.steps != y.steps)
    return ::testing::AssertionFailure() << "steps differ";
  for (size_t t = 0; t < a.steps.counters.size(); ++t) {
    if (a.steps.spikes[t] != b.steps.spikes[t])
      return ::testing::AssertionFailure() << "spikes differ at step " << t;
    if (!(a.steps.counters[t] == b.steps.counters[t]))
      return ::testing::AssertionFailure()
             << "counters differ after step " << t << ": "
             << show(a.steps.counters[t]) << " vs "
             << show(b.steps.counters[t]);
  }
  if (x.outputs.size() != y.outputs.size())
    return ::testing::AssertionFailure() << "outputs differ";
  for (size_t o = 0; o < x.outputs.size(); ++o) {
    if (x.outputs[o].spikes != y.outputs[o].spikes)
      return ::testing::AssertionFailure() << "output " << o << " spikes";
    if (x.outputs[o].values != y.outputs[o].values)
      return ::testing::AssertionFailure() << "output " << o << " values";
  }
  if (x.populationSpikes != y.populationSpikes)
    return ::testing::AssertionFailure() << "population spikes differ";
  if (!(x.counters == y.counters) ||
      x.routerHopsModelled != y.routerHopsModelled)
    return ::testing::AssertionFailure() << "final counters differ";
  return ::testing::AssertionSuccess();
}

uint64_t totalSpikes(const RunResult &r) {
  uint64_t n = 0;
  for (const SpikeList &p : r.populationSpikes)
    n += p.size();
  return n;
}

std::vector<Synapse> randomSynapses(std::mt19937 &rng, uint32_t pres,
                                    uint32_t posts, double p, int16_t lo,
                                    int16_t hi, uint16_t maxDelay) {
  std::vector<Synapse> out;
  std::uniform_int_distribution<int> w(lo, hi);
  std::bernoulli_distribution take(p);
  for (uint32_t i = 0; i < pres; ++i)
    for (uint32_t j = 0; j < posts; ++j)
      if (take(rng))
        out.push_back(
            {i, j, int16_t(w(rng)), 0.f, uint16_t(1 + rng() % maxDelay)});
  return out;
}

/// Input -> CuBa-LIF (2 slices, chip 1) -> LIF reservoir with procedural
/// recurrence (2 slices, chip 2) -> LI readout (chip 0); delays 1 to 6.
Image mixedNetwork(unsigned seed) {
  std::mt19937 rng(seed);
  ImageBuilder b(3);
  uint32_t in = b.addInput(40);
  spinnaker2::FixedNeuron cq = fixedNeuron(58982, 1 << 30, 30, 20000, -500);
  cq.synDecayQ = 52429;
  cq.synGainM = 1 << 29;
  cq.synGainS = 30;
  b.setNextPe(17);
  uint32_t cuba =
      b.addPopulation(NeuronModel::CubaLif, 50, {}, cq, 1e-4, 1e-4, 2);
  b.setNextPe(33);
  uint32_t res = b.addPopulation(NeuronModel::Lif, 64, {},
                                 fixedNeuron(62259, 1 << 30, 30, 15000, 0, -3),
                                 1e-4, 1e-4, 2);
  b.setNextPe(5);
  uint32_t li = b.addPopulation(NeuronModel::Li, 8, {},
                                fixedNeuron(55705, 3 << 28, 30, 0), 1e-4, 1e-3);
  b.addStored(SourceKind::Input, in, cuba,
              randomSynapses(rng, 40, 50, 0.3, 300, 3000, 3), 2);
  b.addStored(SourceKind::Population, cuba, res,
              randomSynapses(rng, 50, 64, 0.2, -1500, 4000, 6), 2);
  snn::reservoir::Spec spec;
  spec.size = 64;
  spec.rule.p = 0.15;
  using W = snn::reservoir::WeightDist::Kind;
  spec.weights = {{{W::Uniform, 0.1, 0.6},
                   {W::Uniform, 0.1, 0.6},
                   {W::Uniform, -0.8, -0.1},
                   {W::Uniform, -0.8, -0.1}}};
  spec.seed = seed;
  b.addProcedural(res, spec, 2, 1);
  b.addStored(SourceKind::Population, res, li,
              randomSynapses(rng, 64, 8, 0.5, -800, 800, 1));
  b.addOutput(cuba);
  b.addOutput(res);
  b.addOutput(li);
  Image image = b.build();
  // Chip 0 also sends every key east; chip 1 forwards it by default
  // routing to chip 2: two chip-to-chip hops per packet from chip 0.
  spinnaker2::routing(image).tables[0].routeWords[0] |= 1;
  return image;
}

TEST(RtlEngine, MatchesRefOnRandomLifNetworks) {
  for (unsigned seed : {1u, 2u}) {
    Image image = randomNetwork(seed, 60);
    SpikeTrain input = randomTrain(seed + 10, 60, 150, 0.05);
    RefEngine ref(image);
    rtl::RtlEngine rtl(image);
    Outcome a = runOk(ref, {input}, 150), b = runOk(rtl, {input}, 150);
    EXPECT_GT(totalSpikes(a.result), 50u);
    EXPECT_TRUE(identical(a, b)) << "seed " << seed;
  }
}

TEST(RtlEngine, MatchesRefOnCubaReservoirReadoutAcrossChips) {
  Image image = mixedNetwork(5);
  SpikeTrain input = randomTrain(6, 40, 200, 0.1);
  RefEngine ref(image);
  rtl::RtlEngine rtl(image);
  Outcome a = runOk(ref, {input}, 200), b = runOk(rtl, {input}, 200);
  ASSERT_EQ(a.result.populationSpikes.size(), 3u);
  EXPECT_GT(a.result.populationSpikes[0].size(), 20u) << "CuBa silent";
  EXPECT_GT(a.result.populationSpikes[1].size(), 20u) << "reservoir silent";
  EXPECT_GT(a.result.counters.value("router_hops"), 0u);
  EXPECT_TRUE(identical(a, b));
  // Packets crossed chips in the NoC model too.
  EXPECT_GT(rtl.stats().nocChipHops, 0u);
  // A second run of the same engine starts from the cleared state.
  Outcome c = runOk(rtl, {input}, 200);
  EXPECT_TRUE(identical(b, c));
}

TEST(RtlEngine, MatchesRefWithSilentAndDenseInputs) {
  Image image = feedForward();
  RefEngine ref(image);
  rtl::RtlEngine rtl(image);
  for (double p : {0.0, 1.0}) {
    SpikeTrain input = randomTrain(3, 30, 20, p);
    EXPECT_TRUE(identical(runOk(ref, {input}, 20), runOk(rtl, {input}, 20)))
        << "p " << p;
  }
}

TEST(RtlEngine, WrongRoundingInTheRtlIsCaught) {
  // The same RTL with truncating shifts (hw/CMakeLists.txt: Vsnn_pe_trunc).
  Image image = mixedNetwork(5);
  SpikeTrain input = randomTrain(6, 40, 100, 0.1);
  rtl::RtlOptions options;
  options.factory = [](bool traced) -> std::unique_ptr<rtl::PeModel> {
    return std::make_unique<rtl::VerilatedPeAdapter<Vsnn_pe_trunc>>(traced);
  };
  RefEngine ref(image);
  rtl::RtlEngine wrong(image, options);
  EXPECT_FALSE(identical(runOk(ref, {input}, 100), runOk(wrong, {input}, 100)));
}

TEST(RtlEngine, LatencyComesFromRtlCycles) {
  Image image = mixedNetwork(5);
  SpikeTrain input = randomTrain(6, 40, 50, 0.1);
  rtl::RtlEngine rtl(image);
  Outcome r = runOk(rtl, {input}, 50);
  const rtl::RtlStats &s = rtl.stats();
  // A step takes at least the largest slice's neuron phase (32 CuBa-LIF
  // neurons at 7 cycles), and far less than the 10^6-cycle budget.
  EXPECT_GE(s.stepCyclesMax, 32u * 7);
  EXPECT_LT(s.stepCyclesMax, 20000u);
  EXPECT_GT(s.peCycles, 50u * 32 * 7);
  double maxLoad = 0, busy = 0;
  for (const PeLoad &l : r.result.peLoads) {
    maxLoad = std::max(maxLoad, l.maxStepCycles);
    busy += l.busyCycles;
  }
  EXPECT_EQ(maxLoad, double(s.stepCyclesMax));
  EXPECT_GT(busy, 0);
  EXPECT_EQ(r.result.realTimeViolations, 0u);
}

TEST(RtlEngine, StopsOnARealTimeViolation) {
  Image image = mixedNetwork(5);
  image.targetModel["target"]["step_cycle_budget"] = {{"value", 100}};
  rtl::RtlEngine rtl(image);
  RunOptions options;
  options.steps = 20;
  options.stopOnRealTimeViolation = true;
  Expected<RunResult> r = rtl.run({randomTrain(1, 40, 20, 0.1)}, options);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->stopReason, StopReason::RealTimeViolation);
  EXPECT_EQ(r->steps, 1u);
}

TEST(RtlEngine, CorruptTableLoadNamesThePe) {
  Image image = mixedNetwork(5);
  rtl::RtlOptions options;
  options.loadFault = rtl::RtlOptions::LoadFault{18, 40, 0x100};
  rtl::RtlEngine rtl(image, options);
  RunOptions run;
  run.steps = 5;
  Expected<RunResult> r = rtl.run({randomTrain(1, 40, 5, 0.1)}, run);
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message(),
                       "rtl: PE 18 (chip 1, population 'pop0' slice 1): "
                       "table load failed its CRC-32 check"));
}

TEST(RtlEngine, WatchdogNamesThePeAndStep) {
  Image image = mixedNetwork(5);
  rtl::RtlOptions options;
  options.watchdogLimit = 4;
  rtl::RtlEngine rtl(image, options);
  RunOptions run;
  run.steps = 5;
  Expected<RunResult> r = rtl.run({randomTrain(1, 40, 5, 0.1)}, run);
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message(), "rtl: PE 17 (chip 1, population "
                                            "'pop0' slice 0) step 0: "));
  EXPECT_TRUE(contains(r.error().message(), "watchdog"));
}

TEST(RtlEngine, SliceTooLargeForItsPeIsRefused) {
  ImageBuilder b;
  b.addInput(4);
  b.addPopulation(NeuronModel::Lif, SNNC_PE_MAX_NEURONS + 1, {},
                  fixedNeuron(60000, 1 << 30, 30, 1000));
  Image image = b.build();
  rtl::RtlEngine rtl(image);
  RunOptions run;
  run.steps = 1;
  Expected<RunResult> r = rtl.run({train(4, {})}, run);
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message(),
                       "rtl: PE 1 (chip 0, population 'pop0' slice 0): " +
                           std::to_string(SNNC_PE_MAX_NEURONS + 1) +
                           " neurons exceed the PE's limit of " +
                           std::to_string(SNNC_PE_MAX_NEURONS)));
}

TEST(RtlEngine, WritesWaveformsOfOnePeAndStepWindow) {
  Image image = mixedNetwork(5);
  SpikeTrain input = randomTrain(6, 40, 6, 0.1);
  std::filesystem::path vcd =
      std::filesystem::temp_directory_path() /
      ("snnc-rtl-test-" + std::to_string(::getpid()) + ".vcd");
  rtl::RtlOptions options;
  options.vcdPath = vcd.string();
  options.vcdPe = 33;
  options.vcdSteps = {2, 3};
  RefEngine ref(image);
  Outcome a = runOk(ref, {input}, 6);
  {
    rtl::RtlEngine rtl(image, options);
    EXPECT_TRUE(identical(a, runOk(rtl, {input}, 6)));
  }
  std::ifstream in(vcd);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(vcd);
  EXPECT_TRUE(contains(text.str(), "$enddefinitions"));
  EXPECT_TRUE(contains(text.str(), " clk_i "));
  EXPECT_TRUE(contains(text.str(), " u_synapse "));
  EXPECT_TRUE(contains(text.str(), "\n#"));

  options.vcdPe = 0; // the input's PE runs no neurons
  rtl::RtlEngine none(image, options);
  RunOptions run;
  run.steps = 1;
  Expected<RunResult> r = none.run({input}, run);
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message(), "--vcd-pe 0 hosts no population"));
}

} // namespace
