//===- ClockedLoweringTest.cpp - Path balancing and timing of clocked mode ===//

#include "snnc/sfq/Lowering.h"
#include "snnc/sfq/PulseSimulator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <set>

using namespace snnc;
using namespace snnc::sfq;

namespace {

/// At 50 GHz the random layers' splitter trees spread their pulses over
/// more than a cycle (RefusesWhatTheClockCannotTime); 40 GHz is the
/// fastest clock that captures them and divides the slot. At 2.5 GHz a
/// slot has 16 cycles, one for each pulse of the widest tree.
TargetModel clockedModel() {
  std::ifstream in(SNNC_SFQ_DIR "/target.json");
  auto model =
      readTargetModel(nlohmann::json::parse(in), {{"clocking", "clocked"},
                                                  {"pulse_rate_hz", 2.5e9},
                                                  {"clock_rate_hz", 40e9}});
  EXPECT_TRUE(bool(model)) << model.error().message();
  return *model;
}

/// `inputs` -> a layer of `sizes[0]` neurons -> `sizes[1]` ...; connection
/// i -> j exists with probability `density` (every neuron keeps one), so
/// that fan-ins and splitter depths differ.
image::Image randomLayers(uint32_t inputs, std::vector<uint32_t> sizes,
                          double density, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  image::Image net;
  image::InputPort port;
  port.name = "in";
  port.size = inputs;
  net.inputs.push_back(port);
  uint32_t previous = inputs;
  for (uint32_t l = 0; l < sizes.size(); ++l) {
    image::Population pop;
    pop.name = "layer" + std::to_string(l);
    pop.model = image::NeuronModel::If;
    pop.size = sizes[l];
    image::FloatNeuron f;
    f.decay = 1;
    f.gain = 1;
    f.threshold = 1.5;
    pop.floatParams.assign(sizes[l], f);
    net.populations.push_back(pop);
    image::Projection proj;
    proj.name = "p" + std::to_string(l);
    proj.source = {l == 0 ? image::SourceKind::Input
                          : image::SourceKind::Population,
                   l == 0 ? 0 : l - 1};
    proj.target = l;
    proj.stored.rowPtr.push_back(0);
    for (uint32_t i = 0; i < previous; ++i) {
      for (uint32_t j = 0; j < sizes[l]; ++j)
        if (u(rng) < density || i == j % previous) {
          proj.stored.target.push_back(j);
          proj.stored.weight.push_back(u(rng) < 0.2 ? -1.0f : 1.0f);
          proj.stored.delay.push_back(1);
        }
      proj.stored.rowPtr.push_back(proj.stored.target.size());
    }
    net.projections.push_back(proj);
    previous = sizes[l];
  }
  return net;
}

/// Clocked cells from `from` (a synapse's output) to the neuron it reaches.
unsigned clockedCellsToNeuron(const Netlist &n, uint32_t from,
                              uint32_t &neuron) {
  unsigned count = 0;
  Pin to = n.destination(from, 0);
  while (n.cell(to.cell).kind != CellKind::Neuron) {
    EXPECT_TRUE(kindInfo(n.cell(to.cell).kind).clocked);
    ++count;
    to = n.destination(to.cell, 0);
  }
  neuron = to.cell;
  return count;
}

/// Three random layers (9 inputs -> 13 -> 7 -> 3), clocked at 40 GHz.
struct ClockedLayers : ::testing::Test {
  void SetUp() override {
    library = *loadCellLibrary("coldflux-sfq5ee");
    auto result = lowerNetwork(randomLayers(9, {13, 7, 3}, 0.35, 4),
                               clockedModel(), library);
    ASSERT_TRUE(bool(result)) << result.error().message();
    lowered = std::move(*result);
  }
  CellLibrary library;
  LoweredNetwork lowered;
};

TEST_F(ClockedLayers, EveryPathIntoAPopulationPassesItsStages) {
  const Netlist &n = lowered.netlist;
  const ClockedPipeline &pipe = lowered.pipeline;
  ASSERT_EQ(pipe.stages.size(), 3u);
  std::vector<std::set<unsigned>> depths(3);
  uint64_t or2 = 0, dff = 0, synapses = 0;
  for (uint32_t c = 0; c < n.size(); ++c) {
    CellKind kind = n.cell(c).kind;
    or2 += kind == CellKind::Or2;
    dff += kind == CellKind::Dff;
    if (kind != CellKind::Synapse)
      continue;
    ++synapses;
    uint32_t neuron = kNoCell;
    unsigned depth = clockedCellsToNeuron(n, c, neuron);
    depths[uint32_t(lowered.meta[neuron].owner)].insert(depth);
  }
  EXPECT_GT(synapses, 60u);
  for (uint32_t p = 0; p < 3; ++p) {
    // One depth per population: the paths are balanced.
    ASSERT_EQ(depths[p].size(), 1u) << "population " << p;
    EXPECT_EQ(*depths[p].begin(), pipe.stages[p]);
  }
  // The trees' widths differ, so balancing needed DFFs.
  EXPECT_GT(pipe.balanceDffs, 0u);
  EXPECT_EQ(or2, pipe.or2s);
  EXPECT_EQ(dff, pipe.balanceDffs);
  EXPECT_TRUE(n.check().empty()) << n.check();
}

TEST_F(ClockedLayers, ClockTreeHasNoSkewAndRunsWithoutViolations) {
  const Netlist &n = lowered.netlist;
  // Every clocked cell's clock input is the same number of splitters from
  // the one pipeline clock.
  uint32_t clock = kNoCell;
  for (uint32_t c = 0; c < n.size(); ++c)
    if (n.cell(c).kind == CellKind::Clock)
      clock = c; // the pipeline's clock is the last one added
  ASSERT_NE(clock, kNoCell);
  std::set<unsigned> depths;
  std::vector<std::pair<Pin, unsigned>> stack = {{n.destination(clock, 0), 0}};
  uint64_t leaves = 0;
  while (!stack.empty()) {
    auto [pin, depth] = stack.back();
    stack.pop_back();
    CellKind kind = n.cell(pin.cell).kind;
    if (kind == CellKind::Split) {
      stack.push_back({n.destination(pin.cell, 0), depth + 1});
      stack.push_back({n.destination(pin.cell, 1), depth + 1});
    } else if (kind != CellKind::Sink) {
      EXPECT_TRUE(kindInfo(kind).clocked);
      depths.insert(depth);
      ++leaves;
    }
  }
  EXPECT_EQ(leaves, lowered.pipeline.clockedCells);
  ASSERT_EQ(depths.size(), 1u);
  EXPECT_EQ(*depths.begin(), lowered.pipeline.clockDepth);

  // Every input on in every step: no clocked cell sees a pulse inside a
  // setup or hold window, and pulses of different cycles stay apart in the
  // first layer's OR2 trees.
  PulseSimulator sim(n, library.timing(), 7);
  uint64_t slot = lowered.slotTicks;
  for (uint64_t step = 0; step < 20; ++step)
    for (uint32_t e = 0; e < 9; ++e)
      sim.inject(step * slot + (e * lowered.inputSpacingTicks) % slot +
                     lowered.inputPhaseTicks,
                 e);
  std::vector<NeuronFire> fires;
  sim.runUntil(20 * slot, fires);
  const auto &counters = sim.counters();
  EXPECT_EQ(counters[size_t(Counter::SetupViolations)], 0u);
  EXPECT_GT(counters[size_t(Counter::Or2Reads)], 0u);
  EXPECT_GT(counters[size_t(Counter::NeuronFires)], 0u);
}

/// The lowering's refusal of `net` under target.json with `overrides`
/// ("" when it lowers).
std::string refusal(const nlohmann::json &overrides, const image::Image &net) {
  auto library = loadCellLibrary("coldflux-sfq5ee");
  std::ifstream in(SNNC_SFQ_DIR "/target.json");
  auto model = readTargetModel(nlohmann::json::parse(in), overrides);
  EXPECT_TRUE(library && model);
  auto lowered = lowerNetwork(net, *model, *library);
  return lowered ? "" : lowered.error().message();
}

TEST(ClockedLowering, RefusesWhatTheClockCannotTime) {
  // 30 GHz does not divide a 10 GHz slot into whole cycles.
  std::string why = refusal({{"clocking", "clocked"}, {"clock_rate_hz", 30e9}},
                            randomLayers(3, {2}, 1.0, 1));
  EXPECT_NE(why.find("is not a whole number of 33.3 ps clock cycles"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("set clock_rate_hz to 20000000000 (2 cycles per slot)"),
            std::string::npos)
      << why;
  // A fan-in wider than the slot's cycles.
  image::Image layers = randomLayers(9, {13, 7, 3}, 0.35, 4);
  why = refusal({{"clocking", "clocked"}, {"clock_rate_hz", 40e9}}, layers);
  EXPECT_NE(why.find("its OR2 tree passes one pulse per clock cycle"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("than the 4 of the 100 ps slot"), std::string::npos)
      << why;
  // Splitter trees of different depths spread the inputs' pulses over more
  // than a 20 ps cycle.
  why = refusal({{"clocking", "clocked"}, {"pulse_rate_hz", 2.5e9}}, layers);
  EXPECT_NE(why.find("pulses from inputs reach their first clocked cells "
                     "between 11.3 and 30.2 ps after they leave"),
            std::string::npos)
      << why;
  EXPECT_NE(why.find("set clock_rate_hz to at most 40000000000"),
            std::string::npos)
      << why;
  // Above the cells' fastest clock.
  std::ifstream in(SNNC_SFQ_DIR "/target.json");
  std::string field;
  auto fast = readTargetModel(
      nlohmann::json::parse(in),
      {{"clocking", "clocked"}, {"clock_rate_hz", 100e9}}, &field);
  ASSERT_FALSE(bool(fast));
  EXPECT_EQ(field, "clock_rate_hz");
}

} // namespace
