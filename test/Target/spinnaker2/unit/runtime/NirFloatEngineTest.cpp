//===- NirFloatEngineTest.cpp - NIR timing against the float engine -------===//
//
// The nir engine has the float engine's neuron update and NIR's timing:
// every synapse loses the base step the chip adds, and loops keep one step.
// On feed-forward networks without bias or leak drive the two engines must
// therefore agree exactly once each layer is shifted by its depth.
//
//===----------------------------------------------------------------------===//

#include "TestImages.h"

#include "snnc/spinnaker2/FloatEngine.h"
#include "snnc/spinnaker2/NirFloatEngine.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

/// Spikes moved `k` steps later, dropping those that leave the run.
std::vector<SpikeEvent> shifted(const SpikeList &spikes, uint64_t k,
                                uint64_t steps) {
  std::vector<SpikeEvent> out;
  for (const SpikeEvent &e : spikes)
    if (e.step + k < steps)
      out.push_back({e.step + k, e.index});
  return out;
}

std::vector<uint64_t> stepsOf(const SpikeList &spikes) {
  std::vector<uint64_t> out;
  for (const SpikeEvent &e : spikes)
    out.push_back(e.step);
  return out;
}

/// A LIF neuron without drive or bias: decay 0.8, gain 0.5, threshold 1,
/// reset -0.25 (fixed-point fields are unused by these engines).
FloatNeuron lif() {
  FloatNeuron f;
  f.decay = 0.8;
  f.gain = 0.5;
  f.threshold = 1;
  f.reset = -0.25;
  return f;
}

snnc::spinnaker2::FixedNeuron unusedFixed() {
  return fixedNeuron(52429, 1, 1, 1 << 20);
}

using DelayFn = std::function<uint16_t(std::mt19937 &)>;

/// An input of widths[0] elements, then one LIF population per further
/// width, each fed by the previous layer (half the pairs connected, weights
/// in [-0.5, 2.5), delays from `delay`); population k - 1 is at depth k.
/// With `readout`, a leaky readout (decay 0.9, gain 1) reads the last layer.
Image layered(unsigned seed, const std::vector<uint32_t> &widths,
              const DelayFn &delay, bool readout = false) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> weight(-0.5, 2.5);
  ImageBuilder b;
  uint32_t in = b.addInput(widths[0]);
  SourceKind kind = SourceKind::Input;
  uint32_t source = in;
  auto connect = [&](uint32_t from, uint32_t to, uint32_t target) {
    std::vector<Synapse> syns;
    for (uint32_t i = 0; i < from; ++i)
      for (uint32_t j = 0; j < to; ++j)
        if (rng() % 2)
          syns.push_back({i, j, 1, float(weight(rng)), delay(rng)});
    b.addStored(kind, source, target, syns);
  };
  for (size_t l = 1; l < widths.size(); ++l) {
    uint32_t pop =
        b.addPopulation(NeuronModel::Lif, widths[l], lif(), unusedFixed());
    connect(widths[l - 1], widths[l], pop);
    kind = SourceKind::Population;
    source = pop;
    b.addOutput(pop);
  }
  if (readout) {
    FloatNeuron li;
    li.decay = 0.9;
    li.gain = 1;
    uint32_t pop = b.addPopulation(NeuronModel::Li, 3, li, unusedFixed());
    connect(widths.back(), 3, pop);
    b.addOutput(pop);
  }
  return b.build();
}

/// Checks that every layer of `image` fires in float exactly `depth` steps
/// after it fires in nir, and that every layer fires at all.
void expectLayerShift(const Image &image, const SpikeTrain &input,
                      uint64_t steps) {
  FloatEngine floatEngine(image);
  NirFloatEngine nirEngine(image);
  RunResult f = runOk(floatEngine, {input}, steps, true);
  RunResult n = runOk(nirEngine, {input}, steps, true);
  for (uint32_t p = 0; p < image.populations.size(); ++p) {
    if (!image.populations[p].spiking)
      continue;
    uint64_t depth = p + 1;
    EXPECT_FALSE(n.populationSpikes[p].empty()) << "layer " << depth;
    EXPECT_EQ(f.populationSpikes[p],
              shifted(n.populationSpikes[p], depth, steps))
        << "layer " << depth;
  }
}

TEST(NirFloatEngineTest, EachLayerFiresItsDepthInStepsEarlierThanFloat) {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    SCOPED_TRACE(seed);
    Image image = layered(seed, {12, 16, 10, 6},
                          [](std::mt19937 &) { return uint16_t(1); });
    expectLayerShift(image, randomTrain(seed, 12, 300, 0.15), 300);
  }
}

TEST(NirFloatEngineTest, ExplicitDelaysKeepTheShiftOfOneStepPerProjection) {
  // Image delays 1..4 are NIR delays 0..3: each synapse loses exactly the
  // base step, so a layer still moves by its depth.
  for (unsigned seed = 11; seed <= 15; ++seed) {
    SCOPED_TRACE(seed);
    Image image = layered(seed, {12, 16, 10, 6}, [](std::mt19937 &rng) {
      return uint16_t(1 + rng() % 4);
    });
    expectLayerShift(image, randomTrain(seed, 12, 300, 0.15), 300);
  }
}

TEST(NirFloatEngineTest, ReadoutValuesShiftByTheirDepth) {
  Image image = layered(
      3, {8, 10, 6}, [](std::mt19937 &) { return uint16_t(1); },
      /*readout=*/true);
  const uint64_t steps = 200;
  SpikeTrain input = randomTrain(3, 8, steps, 0.2);
  FloatEngine floatEngine(image);
  NirFloatEngine nirEngine(image);
  RunResult f = runOk(floatEngine, {input}, steps, true);
  RunResult n = runOk(nirEngine, {input}, steps, true);
  const OutputTrace &fo = f.outputs.back(), &no = n.outputs.back();
  ASSERT_EQ(no.kind, OutputKind::Current);
  const uint64_t depth = 3;
  double largest = 0;
  for (uint64_t t = 0; t + depth < steps; ++t)
    for (uint32_t j = 0; j < no.size; ++j) {
      EXPECT_EQ(fo.values[(t + depth) * no.size + j],
                no.values[t * no.size + j])
          << "step " << t << " neuron " << j;
      largest = std::max(largest, std::abs(no.values[t * no.size + j]));
    }
  EXPECT_GT(largest, 0.5);
  for (uint64_t t = 0; t < depth; ++t)
    for (uint32_t j = 0; j < fo.size; ++j)
      EXPECT_EQ(fo.values[t * fo.size + j], 0.0);
}

/// One neuron per population: decay 0.5, gain 1, threshold 1, reset 0.
FloatNeuron unitNeuron() {
  FloatNeuron f;
  f.decay = 0.5;
  f.gain = 1;
  f.threshold = 1;
  return f;
}

TEST(NirFloatEngineTest, ASpikeCrossesAChainWithinItsStep) {
  ImageBuilder b;
  uint32_t in = b.addInput(1);
  uint32_t a = b.addPopulation(NeuronModel::Lif, 1, unitNeuron(), {});
  uint32_t c = b.addPopulation(NeuronModel::Lif, 1, unitNeuron(), {});
  uint32_t d = b.addPopulation(NeuronModel::Lif, 1, unitNeuron(), {});
  b.addStored(SourceKind::Input, in, a, {{0, 0, 1, 2.f, 1}});
  b.addStored(SourceKind::Population, a, c, {{0, 0, 1, 2.f, 1}});
  b.addStored(SourceKind::Population, c, d, {{0, 0, 1, 2.f, 1}});
  b.addOutput(d);
  Image image = b.build();
  NirFloatEngine nir(image);
  FloatEngine flt(image);
  RunResult n = runOk(nir, {train(1, {{5, 0}})}, 20, true);
  RunResult f = runOk(flt, {train(1, {{5, 0}})}, 20, true);
  for (uint32_t p : {a, c, d}) {
    EXPECT_EQ(stepsOf(n.populationSpikes[p]), std::vector<uint64_t>{5});
    EXPECT_EQ(stepsOf(f.populationSpikes[p]),
              std::vector<uint64_t>{5 + 1 + uint64_t(p)});
  }
  EXPECT_EQ(nir.updateOrder(), (std::vector<uint32_t>{a, c, d}));
}

TEST(NirFloatEngineTest, TheThresholdIsStrict) {
  // v = 0.5 v + x: one input of exactly 1 puts v on the threshold, which
  // does not fire; a second one the next step gives 1.5, which does. The
  // neuron fed one ulp more fires at once.
  ImageBuilder b;
  uint32_t in = b.addInput(2);
  uint32_t pop = b.addPopulation(NeuronModel::Lif, 2, unitNeuron(), {});
  b.addStored(SourceKind::Input, in, pop,
              {{0, 0, 1, 1.f, 1}, {1, 1, 1, std::nextafter(1.f, 2.f), 1}});
  b.addOutput(pop);
  Image image = b.build();
  NirFloatEngine nir(image);
  RunResult r = runOk(nir, {train(2, {{2, 0}, {3, 0}, {2, 1}})}, 10, true);
  EXPECT_EQ(r.outputs[0].spikes, (std::vector<SpikeEvent>{{2, 1}, {3, 0}}));
}

TEST(NirFloatEngineTest, ASelfProjectionReadsThePreviousStep) {
  // An input spike at step 3 fires the neuron in step 3; its own spike (weight
  // 2, no explicit delay) returns one step later, then every step. With an
  // explicit delay of 2 steps (image delay 3) it returns two steps later.
  for (uint16_t delay : {1, 3}) {
    SCOPED_TRACE(delay);
    ImageBuilder b;
    uint32_t in = b.addInput(1);
    uint32_t pop = b.addPopulation(NeuronModel::Lif, 1, unitNeuron(), {});
    b.addStored(SourceKind::Input, in, pop, {{0, 0, 1, 2.f, 1}});
    uint32_t self =
        b.addStored(SourceKind::Population, pop, pop, {{0, 0, 1, 2.f, delay}});
    b.addOutput(pop);
    Image image = b.build();
    NirFloatEngine nir(image);
    EXPECT_TRUE(nir.isRecurrent(self));
    RunResult n = runOk(nir, {train(1, {{3, 0}})}, 10, true);
    uint64_t lag = delay == 1 ? 1 : delay - 1;
    std::vector<uint64_t> want;
    for (uint64_t t = 3; t < 10; t += lag)
      want.push_back(t);
    EXPECT_EQ(stepsOf(n.outputs[0].spikes), want);
  }
}

TEST(NirFloatEngineTest, ALoopIsCutWhereItIsEntered) {
  // Population 1 (A) is fed by the input and feeds population 0 (B), which
  // feeds A back: A is updated first, B -> A is the recurrent projection.
  ImageBuilder b;
  uint32_t in = b.addInput(1);
  uint32_t pb = b.addPopulation(NeuronModel::Lif, 1, unitNeuron(), {});
  uint32_t pa = b.addPopulation(NeuronModel::Lif, 1, unitNeuron(), {});
  uint32_t drive = b.addStored(SourceKind::Input, in, pa, {{0, 0, 1, 2.f, 1}});
  uint32_t forward =
      b.addStored(SourceKind::Population, pa, pb, {{0, 0, 1, 2.f, 1}});
  uint32_t back =
      b.addStored(SourceKind::Population, pb, pa, {{0, 0, 1, 2.f, 1}});
  b.addOutput(pa);
  b.addOutput(pb);
  Image image = b.build();
  NirFloatEngine nir(image);
  EXPECT_EQ(nir.updateOrder(), (std::vector<uint32_t>{pa, pb}));
  EXPECT_FALSE(nir.isRecurrent(drive));
  EXPECT_FALSE(nir.isRecurrent(forward));
  EXPECT_TRUE(nir.isRecurrent(back));
  RunResult n = runOk(nir, {train(1, {{0, 0}})}, 4, true);
  // A fires at 0 from the input; B in the same step; B's spike returns to A
  // at 1, and so on around the loop.
  EXPECT_EQ(stepsOf(n.populationSpikes[pa]),
            (std::vector<uint64_t>{0, 1, 2, 3}));
  EXPECT_EQ(stepsOf(n.populationSpikes[pb]),
            (std::vector<uint64_t>{0, 1, 2, 3}));
}

TEST(NirFloatEngineTest, AReservoirKeepsItsRecurrentDelay) {
  // The reservoir's procedural delay has no base step, so only the input
  // projection moves: the whole reservoir fires one step earlier than in
  // float.
  const uint32_t n = 60;
  ImageBuilder b;
  uint32_t in = b.addInput(n);
  FloatNeuron f = leakyNeuron();
  uint32_t res = b.addPopulation(NeuronModel::Lif, n, f, unusedFixed());
  std::vector<Synapse> drive;
  for (uint32_t i = 0; i < n; ++i)
    drive.push_back({i, i, 1, 6.f, 1});
  b.addStored(SourceKind::Input, in, res, drive);
  snn::reservoir::Spec spec = sparseReservoir(n);
  uint32_t rec = b.addProcedural(res, spec, 2);
  b.addOutput(res);
  Image image = b.build();
  const uint64_t steps = 400;
  SpikeTrain input = randomTrain(13, n, steps, 0.1);
  NirFloatEngine nir(image);
  FloatEngine flt(image);
  EXPECT_TRUE(nir.isRecurrent(rec));
  RunResult rn = runOk(nir, {input}, steps, true);
  RunResult rf = runOk(flt, {input}, steps, true);
  ASSERT_GT(rn.outputs[0].spikes.size(), 100u);
  EXPECT_EQ(rf.outputs[0].spikes, shifted(rn.outputs[0].spikes, 1, steps));
}

TEST(NirFloatEngineTest, CountsTheSameEventsAsFloat) {
  // Input only in the first 100 steps: by step 300 both engines have
  // delivered every spike, just at different steps.
  Image image =
      layered(21, {12, 16, 10, 6}, [](std::mt19937 &) { return uint16_t(1); });
  SpikeTrain input = randomTrain(21, 12, 100, 0.15);
  FloatEngine floatEngine(image);
  NirFloatEngine nirEngine(image);
  RunResult f = runOk(floatEngine, {input}, 300, true);
  RunResult n = runOk(nirEngine, {input}, 300, true);
  EXPECT_GT(n.counters.value("synaptic_events"), 0u);
  EXPECT_EQ(n.counters, f.counters);
  ASSERT_EQ(n.peLoads.size(), f.peLoads.size());
  for (size_t s = 0; s < n.peLoads.size(); ++s)
    EXPECT_EQ(n.peLoads[s].busyCycles, f.peLoads[s].busyCycles);
}

TEST(NirFloatEngineTest, RefusesAnImageDiscretizedExactly) {
  ImageBuilder b;
  uint32_t in = b.addInput(1);
  uint32_t pop = b.addPopulation(NeuronModel::Lif, 1, unitNeuron(), {});
  b.addStored(SourceKind::Input, in, pop, {{0, 0, 1, 2.f, 1}});
  b.addOutput(pop);
  Image image = b.build();
  image.rule = Discretization::Exact;
  NirFloatEngine nir(image);
  RunOptions options;
  options.steps = 5;
  Expected<RunResult> r = nir.run({train(1, {})}, options);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("rule=exact"), std::string::npos)
      << r.error().message();
  EXPECT_NE(r.error().message().find("--rule euler"), std::string::npos);
}

} // namespace
