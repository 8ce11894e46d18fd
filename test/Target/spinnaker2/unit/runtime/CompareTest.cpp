//===- CompareTest.cpp - ref versus float agreement -----------------------===//

#include "TestImages.h"

#include "snnc/runtime/Compare.h"
#include "snnc/spinnaker2/FixedPoint.h"
#include "snnc/spinnaker2/FloatEngine.h"
#include "snnc/spinnaker2/RefEngine.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

TEST(Compare, CountsDisagreeingPairsAndRates) {
  RunResult a, b;
  a.steps = b.steps = 10;
  OutputTrace t;
  t.size = 2;
  a.outputs = b.outputs = {t};
  a.outputs[0].spikes = {{0, 0}, {3, 1}, {5, 0}, {9, 1}};
  b.outputs[0].spikes = {{0, 0}, {3, 0}, {5, 0}};
  Comparison c = compare(a, b);
  // {3,1}, {9,1} only in a, {3,0} only in b: 3 of 20 pairs differ.
  EXPECT_DOUBLE_EQ(c.pairAgreement, 17.0 / 20);
  EXPECT_DOUBLE_EQ(c.outputs[0].countAgreement, 3.0 / 4);
  EXPECT_DOUBLE_EQ(c.outputs[0].rateError, 1.0 / 3);
  EXPECT_DOUBLE_EQ(compare(a, a).pairAgreement, 1.0);
}

TEST(Compare, CurrentOutputsGiveAbsoluteErrors) {
  RunResult a, b;
  a.steps = b.steps = 2;
  OutputTrace t;
  t.kind = OutputKind::Current;
  t.size = 1;
  a.outputs = b.outputs = {t};
  a.outputs[0].values = {1.0, 2.0};
  b.outputs[0].values = {1.0, 2.5};
  Comparison c = compare(a, b);
  EXPECT_DOUBLE_EQ(c.outputs[0].maxAbsError, 0.5);
  EXPECT_DOUBLE_EQ(c.outputs[0].rmsError, std::sqrt(0.125));
}

// Quantization alone (same timing, int16 weights, Q16 decay) should leave
// spike trains of a small recurrent network nearly identical.
TEST(Compare, RefAgreesWithFloatOnASmallNetwork) {
  Image image = randomNetwork(11, 50);
  SpikeTrain input = randomTrain(12, 50, 500, 0.05);
  RunOptions options;
  options.steps = 500;
  RefEngine ref(image);
  FloatEngine flt(image);
  Expected<RunResult> a = ref.run({input}, options);
  Expected<RunResult> b = flt.run({input}, options);
  ASSERT_TRUE(a && b);
  ASSERT_GT(b->outputs[0].spikes.size(), 500u);
  Comparison c = compare(*a, *b);
  EXPECT_GE(c.pairAgreement, 0.99);
  EXPECT_LE(c.rateError, 0.05);
  // Both engines do the same static work.
  EXPECT_EQ(a->counters.value("neuron_updates"),
            b->counters.value("neuron_updates"));
}

} // namespace

namespace {

// A reservoir whose recurrent synapses are procedural: ref regenerates
// int16 rows, float the f32 weights of the same rows.
TEST(Compare, RefAgreesWithFloatOnAProceduralReservoir) {
  namespace s2 = snnc::spinnaker2;
  const uint32_t n = 100;
  const double sIn = std::ldexp(1.0, -15), sV = std::ldexp(1.0, -24);
  ImageBuilder b;
  uint32_t in = b.addInput(n);
  FloatNeuron f = leakyNeuron();
  s2::Multiplier gain = s2::toMultiplier(f.gain * sIn / sV);
  s2::FixedNeuron q =
      fixedNeuron(int32_t(std::llround(f.decay * 65536)), gain.m, gain.s,
                  int32_t(std::llround(1 / sV)));
  uint32_t res = b.addPopulation(NeuronModel::Lif, n, f, q, sIn, sV, 2);
  std::vector<Synapse> drive;
  for (uint32_t i = 0; i < n; ++i)
    drive.push_back({i, i, int16_t(std::llround(6.0 / (8 * sIn))), 6.f, 1});
  b.addStored(SourceKind::Input, in, res, drive, 3);
  snn::reservoir::Spec spec = sparseReservoir(n);
  b.addProcedural(res, spec, 2);
  b.addOutput(res);
  Image image = b.build();

  SpikeTrain input = randomTrain(13, n, 1000, 0.1);
  RunOptions options;
  options.steps = 1000;
  RefEngine ref(image);
  FloatEngine flt(image);
  Expected<RunResult> a = ref.run({input}, options);
  Expected<RunResult> c = flt.run({input}, options);
  ASSERT_TRUE(a && c);
  ASSERT_GT(c->outputs[0].spikes.size(), 2000u);
  Comparison cmp = compare(*a, *c);
  EXPECT_GE(cmp.pairAgreement, 0.99);
  EXPECT_LE(cmp.rateError, 0.05);
  // The recurrent rows were delivered, not just the one-to-one drive.
  EXPECT_GT(a->counters.value("synaptic_events"),
            input.events.size() + 5 * a->outputs[0].spikes.size());
}

} // namespace
