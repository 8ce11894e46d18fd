//===- NirRunTest.cpp - Spike times of imported NIR networks, to the step -===//
//
// Two-layer LIF networks are written as NIR files, imported and compiled by
// the library pipeline, and run by the nir engine. The expected spike times
// come from plain loops in this file that integrate NIR's equations
//   tau dv/dt = (v_leak - v) + r I,  spike when v > v_threshold, v = v_reset
// by forward Euler at dt, with I = W s the weighted spikes of the step and
// spikes crossing every projection within their step (docs/nir.md).
//
// The importer reads a float32 parameter back as the shortest decimal that
// rounds to the same float (Hdf5Graph.cpp), so the loops use the decimals
// written; weights stay float32 in the image, as here. The loops update v
// in NIR's form v + dt/tau (v_leak - v + r I), not in the engine's
// factored form, so ties with the threshold are avoided except where the
// arithmetic is exact (powers of two).
//
//===----------------------------------------------------------------------===//

#include "NirWriter.h"

#include "snnc/Pipeline/Compile.h"
#include "snnc/Target/InitAllTargets.h"
#include "snnc/image/ImageReader.h"
#include "snnc/spinnaker2/FloatEngine.h"
#include "snnc/spinnaker2/NirFloatEngine.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>

using namespace nirtest;
using namespace snnc;

namespace snnc::runtime {
// Readable failures: "(step, neuron)".
void PrintTo(const SpikeEvent &e, std::ostream *os) {
  *os << "(" << e.step << ", " << e.index << ")";
}
} // namespace snnc::runtime

namespace {

/// One LIF layer of the fixture, fed by a dense (out x in) weight matrix.
struct Layer {
  std::vector<double> weight;
  std::vector<double> tau, r, vLeak, vThreshold, vReset;
  size_t size() const { return tau.size(); }
};

/// Spike times of one layer: spikes[t] lists the neurons that fired in t.
using Raster = std::vector<std::vector<uint32_t>>;

/// The reference: forward Euler over NIR's LIF equation, layer by layer
/// within each step. `delaySteps[i]` delays layer 1's neuron i on its way to
/// layer 2 (NIR Delay node, in steps).
std::vector<Raster> reference(const std::vector<Layer> &layers,
                              const Raster &input, size_t inputs, double dt,
                              const std::vector<uint32_t> &delaySteps,
                              std::vector<std::vector<double>> *onThreshold) {
  size_t steps = input.size();
  std::vector<Raster> out(layers.size(), Raster(steps));
  std::vector<std::vector<double>> v(layers.size());
  for (size_t l = 0; l < layers.size(); ++l)
    v[l].assign(layers[l].size(), 0.0);
  for (size_t t = 0; t < steps; ++t) {
    for (size_t l = 0; l < layers.size(); ++l) {
      const Layer &L = layers[l];
      size_t in = l == 0 ? inputs : layers[l - 1].size();
      // The spikes this layer sees in step t.
      std::vector<double> s(in, 0.0);
      if (l == 0) {
        for (uint32_t i : input[t])
          s[i] = 1.0;
      } else {
        for (size_t i = 0; i < in; ++i) {
          uint32_t d = delaySteps.empty() ? 0 : delaySteps[i];
          if (t >= d)
            for (uint32_t j : out[l - 1][t - d])
              if (j == i)
                s[i] = 1.0;
        }
      }
      for (size_t j = 0; j < L.size(); ++j) {
        double current = 0;
        for (size_t i = 0; i < in; ++i)
          current += L.weight[j * in + i] * s[i];
        v[l][j] += dt / L.tau[j] * ((L.vLeak[j] - v[l][j]) + L.r[j] * current);
        if (v[l][j] > L.vThreshold[j]) {
          out[l][t].push_back(static_cast<uint32_t>(j));
          v[l][j] = L.vReset[j];
        } else if (onThreshold && v[l][j] == L.vThreshold[j]) {
          (*onThreshold)[l].push_back(double(t));
        }
      }
    }
  }
  return out;
}

std::vector<runtime::SpikeEvent> events(const Raster &raster) {
  std::vector<runtime::SpikeEvent> out;
  for (size_t t = 0; t < raster.size(); ++t)
    for (uint32_t j : raster[t])
      out.push_back({t, j});
  return out;
}

/// Weights as the image holds them: float32.
std::vector<double> f32(std::vector<double> v) {
  for (double &x : v)
    x = static_cast<float>(x);
  return v;
}

class NirRunTest : public ::testing::Test {
protected:
  std::string path(const std::string &suffix) {
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    return ::testing::TempDir() + "/" + info->test_suite_name() + "_" +
           info->name() + suffix;
  }

  /// Writes Input -> Linear -> LIF -> [Delay ->] Linear -> LIF -> Output.
  std::string write(size_t inputs, const std::vector<Layer> &layers,
                    const std::vector<double> &delaySeconds) {
    std::string file = path(".nir");
    NirWriter w(file);
    w.node("", "input", "Input", {ints("shape", {1}, {double(inputs)})});
    std::vector<std::pair<std::string, std::string>> edges;
    std::string previous = "input";
    size_t in = inputs;
    for (size_t l = 0; l < layers.size(); ++l) {
      const Layer &L = layers[l];
      std::string n = std::to_string(l + 1);
      int64_t rows = static_cast<int64_t>(L.size());
      w.node("", "fc" + n, "Linear",
             {arr("weight", {rows, int64_t(in)}, L.weight)});
      w.node("", "lif" + n, "LIF",
             {vec("tau", L.tau), vec("r", L.r), vec("v_leak", L.vLeak),
              vec("v_threshold", L.vThreshold), vec("v_reset", L.vReset)});
      if (l > 0 && !delaySeconds.empty()) {
        w.node("", "delay", "Delay", {vec("delay", delaySeconds)});
        edges.push_back({previous, "delay"});
        previous = "delay";
      }
      edges.push_back({previous, "fc" + n});
      edges.push_back({"fc" + n, "lif" + n});
      previous = "lif" + n;
      in = L.size();
    }
    w.node("", "output", "Output",
           {ints("shape", {1}, {double(layers.back().size())})});
    edges.push_back({previous, "output"});
    w.edges("", edges);
    return file;
  }

  /// Compiles `file` through the library pipeline and reads the image.
  image::Image compile(const std::string &file, double dt,
                       const std::string &rule = "euler") {
    initializeAllTargets();
    CompileOptions options;
    options.input = file;
    options.dt = dt;
    options.rule = rule;
    options.output = path(".img");
    options.report = "";
    std::string diagnostics;
    llvm::raw_string_ostream diag(diagnostics);
    llvm::raw_null_ostream out;
    EXPECT_EQ(compileNetwork(options, out, diag), 0) << diagnostics;
    image::Expected<image::Image> img = image::readImage(options.output);
    EXPECT_TRUE(img) << (img ? "" : img.error().message());
    std::filesystem::remove_all(options.output);
    return img ? std::move(img.value()) : image::Image();
  }

  /// The image population named after NIR node `node`.
  static uint32_t population(const image::Image &img, const std::string &node) {
    for (uint32_t p = 0; p < img.populations.size(); ++p)
      if (img.populations[p].name == node)
        return p;
    ADD_FAILURE() << "no population '" << node << "'";
    return 0;
  }

  static runtime::SpikeTrain train(size_t inputs, const Raster &raster) {
    runtime::SpikeTrain t;
    t.shape = {static_cast<uint32_t>(inputs)};
    t.events = events(raster);
    return t;
  }

  /// Runs `engine` with every population's spikes recorded.
  static runtime::RunResult run(runtime::Engine &engine,
                                const runtime::SpikeTrain &input,
                                uint64_t steps) {
    runtime::RunOptions options;
    options.steps = steps;
    options.recordAllSpikes = true;
    image::Expected<runtime::RunResult> r = engine.run({input}, options);
    EXPECT_TRUE(r) << (r ? "" : r.error().message());
    return r ? std::move(r.value()) : runtime::RunResult();
  }
};

Raster poissonRaster(unsigned seed, size_t inputs, size_t steps, double p) {
  std::mt19937 rng(seed);
  std::bernoulli_distribution fire(p);
  Raster raster(steps);
  for (size_t t = 0; t < steps; ++t)
    for (size_t i = 0; i < inputs; ++i)
      if (fire(rng))
        raster[t].push_back(static_cast<uint32_t>(i));
  return raster;
}

TEST_F(NirRunTest, TwoLayerLifSpikeTimesMatchEulerToTheStep) {
  // Mixed time constants, leaks above and below rest, non-zero resets:
  // every parameter of the LIF node takes part.
  const double dt = 1e-3;
  const size_t inputs = 4;
  std::vector<Layer> layers(2);
  layers[0].weight =
      f32({3.0, 0.5, -1.0, 2.5,  1.5, 4.0, 0.0,  -0.5, 0.25, 1.0,
           3.5, 2.0, 2.0,  -2.0, 1.0, 3.0, 0.75, 0.75, 0.75, 0.75});
  layers[0].tau = {0.01, 0.02, 0.005, 0.015, 0.008};
  layers[0].r = {1.0, 2.0, 0.5, 1.5, 1.0};
  layers[0].vLeak = {0.0, 0.2, -0.1, 0.0, 0.5};
  layers[0].vThreshold = {0.37, 1.03, 0.29, 0.61, 0.73};
  layers[0].vReset = {0.0, -0.2, 0.0, 0.1, 0.0};
  layers[1].weight = f32({2.0, 1.0, 0.5, -1.0, 3.0, 0.5, 2.5, 1.5, 1.0, 0.0,
                          -0.5, 0.5, 3.0, 2.0, 1.0});
  layers[1].tau = {0.004, 0.02, 0.01};
  layers[1].r = {1.0, 1.0, 3.0};
  layers[1].vLeak = {0.0, 0.0, 0.05};
  layers[1].vThreshold = {0.53, 0.21, 0.87};
  layers[1].vReset = {0.0, 0.0, -0.3};
  const size_t steps = 400;
  Raster input = poissonRaster(7, inputs, steps, 0.3);

  image::Image img = compile(write(inputs, layers, {}), dt);
  ASSERT_EQ(img.populations.size(), 2u);
  runtime::NirFloatEngine engine(img);
  runtime::RunResult got = run(engine, train(inputs, input), steps);
  std::vector<Raster> want =
      reference(layers, input, inputs, dt, {}, /*onThreshold=*/nullptr);
  for (size_t l = 0; l < 2; ++l) {
    SCOPED_TRACE("layer " + std::to_string(l + 1));
    std::vector<runtime::SpikeEvent> expected = events(want[l]);
    EXPECT_GE(expected.size(), 20u);
    EXPECT_EQ(
        got.populationSpikes[population(img, "lif" + std::to_string(l + 1))],
        expected);
  }
  EXPECT_EQ(got.outputs[0].spikes, events(want[1]));
}

TEST_F(NirRunTest, VoltageOnTheThresholdDoesNotFire) {
  // dt / tau = 1/4 and r = 4: v <- 3/4 v + w s, exact in binary. Input 0
  // (weight 1) from rest puts neuron 0 exactly on its threshold 1, which
  // does not fire; a spike on top of a decayed v fires. Neuron 1 sees weight
  // 1.25 and fires at once. Layer 2 (threshold 0.5, weight 0.5 from neuron
  // 0) lands exactly on its threshold when it is at rest, in the very step
  // layer 1 fires.
  const double dt = 1.0 / 1024;
  const size_t inputs = 2;
  std::vector<Layer> layers(2);
  layers[0].weight = {1.0, 0.0, 0.0, 1.25};
  layers[0].tau = {4 * dt, 4 * dt};
  layers[0].r = {4.0, 4.0};
  layers[0].vLeak = {0.0, 0.0};
  layers[0].vThreshold = {1.0, 1.0};
  layers[0].vReset = {0.0, 0.0};
  layers[1].weight = {0.5, 0.0};
  layers[1].tau = {4 * dt};
  layers[1].r = {4.0};
  layers[1].vLeak = {0.0};
  layers[1].vThreshold = {0.5};
  layers[1].vReset = {0.0};
  Raster input(40);
  for (uint64_t t : {3, 10, 11, 20, 21, 30})
    input[t].push_back(0);
  for (uint64_t t : {5, 25})
    input[t].push_back(1);

  image::Image img = compile(write(inputs, layers, {}), dt);
  runtime::NirFloatEngine engine(img);
  runtime::RunResult got = run(engine, train(inputs, input), input.size());
  std::vector<std::vector<double>> onThreshold(2);
  std::vector<Raster> want =
      reference(layers, input, inputs, dt, {}, &onThreshold);
  // Worked by hand: neuron 0 is on its threshold at 3 (from rest) and at
  // 11 and 21 (from the reset of 10 and 20), and fires at 10, 20 and 30,
  // where 1 + 0.75^k > 1. Layer 2 is on its threshold at 10 and 30 (from
  // rest, in the step layer 1 fires) and fires at 20.
  EXPECT_EQ(onThreshold[0], (std::vector<double>{3, 11, 21}));
  EXPECT_EQ(onThreshold[1], (std::vector<double>{10, 30}));
  EXPECT_EQ(events(want[0]), (std::vector<runtime::SpikeEvent>{
                                 {5, 1}, {10, 0}, {20, 0}, {25, 1}, {30, 0}}));
  EXPECT_EQ(events(want[1]), (std::vector<runtime::SpikeEvent>{{20, 0}}));
  EXPECT_EQ(got.populationSpikes[population(img, "lif1")], events(want[0]));
  EXPECT_EQ(got.populationSpikes[population(img, "lif2")], events(want[1]));
}

TEST_F(NirRunTest, ADelayNodeAddsItsStepsToTheSameStepCrossing) {
  // Delays of 2, 0 and 5 steps between layer 1's three neurons and layer 2.
  const double dt = 1e-3;
  const size_t inputs = 3;
  std::vector<Layer> layers(2);
  layers[0].weight = f32({2.0, 0.0, 0.5, 0.0, 2.0, 0.5, 0.5, 0.5, 2.0});
  layers[0].tau = {0.005, 0.005, 0.005};
  layers[0].r = {1.0, 1.0, 1.0};
  layers[0].vLeak = {0.0, 0.0, 0.0};
  layers[0].vThreshold = {0.3, 0.3, 0.3};
  layers[0].vReset = {0.0, 0.0, 0.0};
  layers[1].weight =
      f32({4.0, 0.0, 0.0, 0.0, 4.0, 0.0, 0.0, 0.0, 4.0, 1.5, 1.5, 1.5});
  layers[1].tau = {0.002, 0.002, 0.002, 0.01};
  layers[1].r = {1.0, 1.0, 1.0, 1.0};
  layers[1].vLeak = {0.0, 0.0, 0.0, 0.0};
  layers[1].vThreshold = {1.0, 1.0, 1.0, 0.35};
  layers[1].vReset = {0.0, 0.0, 0.0, 0.0};
  std::vector<double> delays = {0.002, 0.0, 0.005};
  std::vector<uint32_t> delaySteps = {2, 0, 5};
  const size_t steps = 300;
  Raster input = poissonRaster(3, inputs, steps, 0.25);

  image::Image img = compile(write(inputs, layers, delays), dt);
  runtime::NirFloatEngine engine(img);
  runtime::RunResult got = run(engine, train(inputs, input), steps);
  std::vector<Raster> want =
      reference(layers, input, inputs, dt, delaySteps, nullptr);
  for (size_t l = 0; l < 2; ++l) {
    SCOPED_TRACE("layer " + std::to_string(l + 1));
    EXPECT_GE(events(want[l]).size(), 20u);
    EXPECT_EQ(
        got.populationSpikes[population(img, "lif" + std::to_string(l + 1))],
        events(want[l]));
  }
  // The delays matter: without them the reference gives other times.
  EXPECT_NE(events(reference(layers, input, inputs, dt, {}, nullptr)[1]),
            events(want[1]));
}

TEST_F(NirRunTest, TheChipTimingIsTheNirTimingShiftedByDepth) {
  // Without leak drive the float engine (one base step per synapse) sees the
  // same trajectories as the nir engine, one step later per projection.
  const double dt = 1e-3;
  const size_t inputs = 3;
  std::vector<Layer> layers(2);
  layers[0].weight = f32({3.0, 1.0, -0.5, 0.5, 2.5, 1.0, 1.0, 1.0, 1.0});
  layers[0].tau = {0.01, 0.02, 0.005};
  layers[0].r = {1.0, 1.0, 2.0};
  layers[0].vLeak = {0.0, 0.0, 0.0};
  layers[0].vThreshold = {0.4, 0.5, 0.6};
  layers[0].vReset = {0.0, -0.1, 0.0};
  layers[1].weight = f32({3.0, 3.0, 0.0, 0.0, 2.0, 5.0});
  layers[1].tau = {0.01, 0.005};
  layers[1].r = {1.0, 1.0};
  layers[1].vLeak = {0.0, 0.0};
  layers[1].vThreshold = {0.5, 0.8};
  layers[1].vReset = {0.0, 0.0};
  const uint64_t steps = 300;
  Raster input = poissonRaster(5, inputs, steps, 0.3);
  image::Image img = compile(write(inputs, layers, {}), dt);
  runtime::NirFloatEngine nir(img);
  runtime::FloatEngine flt(img);
  runtime::SpikeTrain train_ = train(inputs, input);
  runtime::RunResult n = run(nir, train_, steps);
  runtime::RunResult f = run(flt, train_, steps);
  for (uint64_t depth : {1, 2}) {
    uint32_t p = population(img, "lif" + std::to_string(depth));
    std::vector<runtime::SpikeEvent> moved;
    for (const runtime::SpikeEvent &e : n.populationSpikes[p])
      if (e.step + depth < steps)
        moved.push_back({e.step + depth, e.index});
    EXPECT_GE(moved.size(), 20u);
    EXPECT_EQ(f.populationSpikes[p], moved) << "layer " << depth;
  }
}

TEST_F(NirRunTest, AnExactlyDiscretizedImageIsRefused) {
  std::vector<Layer> layers(1);
  layers[0].weight = {1.0};
  layers[0].tau = {0.01};
  layers[0].r = {1.0};
  layers[0].vLeak = {0.0};
  layers[0].vThreshold = {1.0};
  layers[0].vReset = {0.0};
  image::Image img = compile(write(1, layers, {}), 1e-3, "exact");
  runtime::NirFloatEngine engine(img);
  runtime::RunOptions options;
  options.steps = 3;
  runtime::SpikeTrain none;
  none.shape = {1};
  image::Expected<runtime::RunResult> r = engine.run({none}, options);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("rule=exact"), std::string::npos);
}

} // namespace
