//===- RefEngineTest.cpp - The fixed-point golden model -------------------===//

#include "TestImages.h"

#include "snnc/image/Procedural.h"
#include "snnc/spinnaker2/FixedPoint.h"
#include "snnc/spinnaker2/FloatEngine.h"
#include "snnc/spinnaker2/RefEngine.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

// One input drives a LIF and an LI with the same constants (decay 15/16,
// gain 3/4, drive -1, weight 1500 << 1); the LI shows the membrane without
// resets. The expected values were computed by hand with
// rshr(x, n) = (x + 2^(n-1)) >> n, e.g. at step 1:
// rshr(61440 * -1, 16) - 1 + rshr(3000 * 3 * 2^29, 31) = -1 - 1 + 2250.
TEST(RefEngine, HandComputedFixedPointExample) {
  ImageBuilder b;
  uint32_t in = b.addInput(1);
  snnc::spinnaker2::FixedNeuron q =
      fixedNeuron(61440, 3 << 29, 31, 4000, -100, -1);
  uint32_t lif = b.addPopulation(NeuronModel::Lif, 1, {}, q);
  uint32_t li = b.addPopulation(NeuronModel::Li, 1, {}, q);
  b.addStored(SourceKind::Input, in, lif, {{0, 0, 1500, 0.f, 1}}, 1);
  b.addStored(SourceKind::Input, in, li, {{0, 0, 1500, 0.f, 1}}, 1);
  b.addOutput(lif);
  b.addOutput(li);
  Image image = b.build();
  RefEngine engine(image);
  RunResult r = runOk(engine, {train(1, {{0, 0}, {1, 0}, {2, 0}, {5, 0}})}, 9);

  std::vector<SpikeEvent> spikes = {{2, 0}, {6, 0}};
  EXPECT_EQ(r.outputs[0].spikes, spikes);
  std::vector<double> v = {-1, 2248, 4357, 6334, 5937, 5565, 7466, 6998, 6560};
  EXPECT_EQ(r.outputs[1].values, v);
  EXPECT_EQ(r.stopReason, StopReason::Completed);
  EXPECT_EQ(r.steps, 9u);
}

// Delays 5 and 7 into a ring of 8 slots: every pulse must land exactly d
// steps after its spike, including those whose slot index wrapped around.
TEST(RefEngine, DelaysArriveExactlyAndRingWraps) {
  ImageBuilder b;
  uint32_t in = b.addInput(2);
  FloatNeuron f;
  f.gain = 1;
  // decay 0, gain 1: v is exactly the step's input, so pulses are visible.
  uint32_t li =
      b.addPopulation(NeuronModel::Li, 1, f, fixedNeuron(0, 1 << 30, 30, 0));
  b.addStored(SourceKind::Input, in, li,
              {{0, 0, 100, 100.f, 5}, {1, 0, 1, 1.f, 7}});
  b.addOutput(li);
  Image image = b.build();
  std::vector<SpikeEvent> events = {{0, 0},  {3, 0}, {7, 0}, {10, 0},
                                    {20, 0}, {1, 1}, {6, 1}, {9, 1}};
  std::map<uint64_t, double> expected;
  for (const SpikeEvent &e : events)
    expected[e.step + (e.index ? 7 : 5)] += e.index ? 1 : 100;

  RefEngine ref(image);
  FloatEngine flt(image);
  for (Engine *engine :
       {static_cast<Engine *>(&ref), static_cast<Engine *>(&flt)}) {
    RunResult r = runOk(*engine, {train(2, events)}, 40);
    for (uint64_t t = 0; t < 40; ++t) {
      double want = expected.count(t) ? expected[t] : 0.0;
      EXPECT_EQ(r.outputs[0].values[t], want)
          << engine->name() << " step " << t;
    }
  }
}

snn::reservoir::Spec reservoirSpec(uint32_t size) {
  snn::reservoir::Spec spec;
  spec.size = size;
  spec.excitatoryFraction = 0.8;
  spec.rule.p = 0.3;
  using W = snn::reservoir::WeightDist::Kind;
  spec.weights = {{{W::Uniform, 0.1, 1.0},
                   {W::Uniform, 0.1, 1.0},
                   {W::Uniform, -1.0, -0.1},
                   {W::Uniform, -1.0, -0.1}}};
  spec.seed = 77;
  return spec;
}

// Input neuron `pre` makes reservoir neuron `pre` spike at step 1; the
// procedural row then lands in an LI readout (decay 0, gain 1, s_v 1) at
// step 1 + d, where it must equal expandProceduralRow's weights.
TEST(RefEngine, ProceduralRowsMatchExpandProceduralRow) {
  const uint32_t n = 20;
  const uint16_t delay = 3;
  const int32_t shift = 2;
  ImageBuilder b;
  uint32_t in = b.addInput(n);
  FloatNeuron f;
  f.gain = 1;
  f.threshold = 0.5;
  uint32_t res = b.addPopulation(NeuronModel::Lif, n, f,
                                 fixedNeuron(0, 1 << 30, 30, 10), 1e-3, 1);
  uint32_t out = b.addPopulation(NeuronModel::Li, n, {0, 1},
                                 fixedNeuron(0, 1 << 30, 30, 0), 1e-3, 1);
  std::vector<Synapse> oneToOne;
  for (uint32_t i = 0; i < n; ++i)
    oneToOne.push_back({i, i, 100, 1.f, 1});
  b.addStored(SourceKind::Input, in, res, oneToOne);
  snn::reservoir::Spec spec = reservoirSpec(n);
  b.addStored(SourceKind::Population, res, out, {});
  Image image = b.build();
  // Re-point the empty projection at a procedural one from res to out.
  Projection &proj = image.projections.back();
  proj.kind = ProjectionKind::Procedural;
  proj.isProcedural = true;
  snnc::spinnaker2::ProjectionFixedPoint &fixed =
      snnc::spinnaker2::fixedPoint(image).projections.back();
  fixed.shift = shift;
  fixed.scale = std::ldexp(
      snnc::spinnaker2::fixedPoint(image).populations[out].sIn, shift);
  fixed.weightQ.clear();
  proj.maxDelay = delay;
  proj.procedural = {spec, delay};
  proj.stored = {};
  image.outputs = {{0, out, OutputKind::Current}};

  RefEngine ref(image);
  FloatEngine flt(image);
  for (uint32_t pre : {0u, 7u, 19u}) {
    std::vector<ExpandedSynapse> row;
    expandProceduralRow(spec, pre, fixed.scale,
                        snnc::spinnaker2::quantizeWeight, row);
    ASSERT_FALSE(row.empty());
    std::vector<double> wantRef(n, 0.0), wantFloat(n, 0.0);
    for (const ExpandedSynapse &s : row) {
      wantRef[s.target] += double(int32_t(s.weightQ) << shift);
      wantFloat[s.target] += s.weight;
    }
    RunResult r = runOk(ref, {train(n, {{0, pre}})}, 6);
    RunResult fr = runOk(flt, {train(n, {{0, pre}})}, 6);
    for (uint32_t j = 0; j < n; ++j) {
      EXPECT_EQ(r.outputs[0].values[(1 + delay) * n + j], wantRef[j]);
      EXPECT_EQ(fr.outputs[0].values[(1 + delay) * n + j], wantFloat[j]);
    }
    EXPECT_EQ(r.counters.value("synaptic_events"), 1 + row.size());
  }
}

TEST(RefEngine, RunsAreDeterministic) {
  Image image = randomNetwork(3, 40);
  SpikeTrain input = randomTrain(4, 40, 300, 0.05);
  RefEngine a(image), b(image);
  RunResult r1 = runOk(a, {input}, 300, true);
  RunResult r2 = runOk(a, {input}, 300, true);
  RunResult r3 = runOk(b, {input}, 300, true);
  ASSERT_GT(r1.outputs[0].spikes.size(), 10u);
  for (const RunResult *r : {&r2, &r3}) {
    EXPECT_EQ(r1.outputs[0].spikes, r->outputs[0].spikes);
    EXPECT_EQ(r1.populationSpikes, r->populationSpikes);
    EXPECT_EQ(r1.counters, r->counters);
    ASSERT_EQ(r1.peLoads.size(), r->peLoads.size());
    for (size_t s = 0; s < r1.peLoads.size(); ++s)
      EXPECT_EQ(r1.peLoads[s].busyCycles, r->peLoads[s].busyCycles);
  }
}

} // namespace
