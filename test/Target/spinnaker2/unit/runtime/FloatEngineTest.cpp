//===- FloatEngineTest.cpp - Float engine against closed forms ------------===//

#include "TestImages.h"

#include "snnc/spinnaker2/FloatEngine.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

/// A LIF (tau 20 ms, r 1, threshold 1, reset 0) with a constant bias
/// current `current`, discretized at dt 0.1 ms by `rule`.
struct BiasedLif {
  double dt = 1e-4, tau = 2e-2, r = 1, current = 1.5, threshold = 1;
  FloatNeuron neuron(Discretization rule) const {
    FloatNeuron f;
    f.decay =
        rule == Discretization::Euler ? 1 - dt / tau : std::exp(-dt / tau);
    f.gain = rule == Discretization::Euler ? dt * r / tau : r * (1 - f.decay);
    f.threshold = threshold;
    f.bias = current;
    return f;
  }
};

class BiasedLifTest : public ::testing::TestWithParam<Discretization> {};

TEST_P(BiasedLifTest, FiresAtTheIntervalOfTheRecurrence) {
  BiasedLif lif;
  FloatNeuron f = lif.neuron(GetParam());
  ImageBuilder b;
  b.addInput(1);
  uint32_t pop = b.addPopulation(NeuronModel::Lif, 1, f, {});
  b.addOutput(pop);
  Image image = b.build();
  FloatEngine engine(image);
  const uint64_t steps = 2000;
  RunResult r = runOk(engine, {train(1, {})}, steps);

  // The recurrence, iterated independently of the engine.
  std::vector<SpikeEvent> want;
  double v = 0;
  for (uint64_t t = 0; t < steps; ++t) {
    v = f.decay * v + f.drive + f.gain * (0 + f.bias);
    if (v > f.threshold) {
      want.push_back({t, 0});
      v = f.reset;
    }
  }
  ASSERT_GE(want.size(), 3u);
  EXPECT_EQ(r.outputs[0].spikes, want);

  // Continuous time: the first crossing at -tau ln(1 - v_th / (r I)); the
  // spike of step t is the end of t + 1 steps of dt.
  double analytic =
      -lif.tau * std::log(1 - lif.threshold / (lif.r * lif.current));
  double first = (r.outputs[0].spikes[0].step + 1) * lif.dt;
  EXPECT_NEAR(first, analytic, lif.dt);
  // Resetting to 0 restarts the same trajectory: a constant interval.
  for (size_t k = 1; k < r.outputs[0].spikes.size(); ++k)
    EXPECT_EQ(r.outputs[0].spikes[k].step - r.outputs[0].spikes[k - 1].step,
              r.outputs[0].spikes[0].step + 1);
}

INSTANTIATE_TEST_SUITE_P(Rules, BiasedLifTest,
                         ::testing::Values(Discretization::Euler,
                                           Discretization::Exact));

// A CuBa LIF under random input spikes: its spikes must be exactly those of
// the two-stage recurrence isyn <- a isyn + b x, v <- d v + c + g isyn.
TEST(FloatEngine, CubaLifFollowsTheRecurrence) {
  FloatNeuron f;
  f.decay = 0.95;
  f.gain = 0.15;
  f.drive = 0.001;
  f.threshold = 0.8;
  f.reset = -0.1;
  f.synDecay = 0.8;
  f.synGain = 0.2;
  f.bias = 0.05;
  const float w0 = 2.5f, w1 = -1.25f;
  ImageBuilder b;
  uint32_t in = b.addInput(2);
  uint32_t pop = b.addPopulation(NeuronModel::CubaLif, 1, f, {});
  b.addStored(SourceKind::Input, in, pop, {{0, 0, 0, w0, 1}, {1, 0, 0, w1, 2}});
  b.addOutput(pop);
  Image image = b.build();
  const uint64_t steps = 1000;
  SpikeTrain input = randomTrain(9, 2, steps, 0.2);
  FloatEngine engine(image);
  RunResult r = runOk(engine, {input}, steps);

  std::vector<double> arriving(steps + 3, 0.0);
  for (const SpikeEvent &e : input.events)
    arriving[e.step + (e.index ? 2 : 1)] += e.index ? w1 : w0;
  std::vector<SpikeEvent> want;
  double isyn = 0, v = 0;
  for (uint64_t t = 0; t < steps; ++t) {
    double x = arriving[t] + f.bias;
    isyn = f.synDecay * isyn + f.synGain * x;
    v = f.decay * v + f.drive + f.gain * isyn;
    if (v > f.threshold) {
      want.push_back({t, 0});
      v = f.reset;
    }
  }
  ASSERT_GE(want.size(), 10u);
  EXPECT_EQ(r.outputs[0].spikes, want);
}

// LI and integrator readouts report v itself, exactly, every step.
TEST(FloatEngine, LeakyAndPerfectIntegratorReadoutsAreExact) {
  FloatNeuron li;
  li.decay = 0.9;
  li.gain = 0.1;
  li.drive = -0.01;
  li.bias = 0.2;
  FloatNeuron integ;
  integ.decay = 1;
  integ.gain = 1e-3;
  ImageBuilder b;
  uint32_t in = b.addInput(1);
  uint32_t p0 = b.addPopulation(NeuronModel::Li, 1, li, {});
  uint32_t p1 = b.addPopulation(NeuronModel::Integrator, 1, integ, {});
  b.addStored(SourceKind::Input, in, p0, {{0, 0, 0, 0.75f, 1}});
  b.addStored(SourceKind::Input, in, p1, {{0, 0, 0, 3.0f, 1}});
  b.addOutput(p0);
  b.addOutput(p1);
  Image image = b.build();
  const uint64_t steps = 200;
  SpikeTrain input = randomTrain(5, 1, steps, 0.3);
  FloatEngine engine(image);
  RunResult r = runOk(engine, {input}, steps);

  std::vector<double> arriving(steps + 1, 0.0);
  for (const SpikeEvent &e : input.events)
    arriving[e.step + 1] = 1;
  double v0 = 0, v1 = 0;
  for (uint64_t t = 0; t < steps; ++t) {
    v0 = li.decay * v0 + li.drive + li.gain * (arriving[t] * 0.75 + li.bias);
    v1 = integ.decay * v1 + integ.drive + integ.gain * (arriving[t] * 3.0);
    ASSERT_EQ(r.outputs[0].values[t], v0) << "step " << t;
    ASSERT_EQ(r.outputs[1].values[t], v1) << "step " << t;
  }
}

} // namespace
