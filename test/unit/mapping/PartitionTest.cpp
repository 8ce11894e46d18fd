//===- PartitionTest.cpp - Slices respect every per-PE limit --------------===//

#include "TestSupport.h"

#include "snnc/mapping/Partition.h"

#include <gtest/gtest.h>

using namespace snnc::mapping;
using namespace snnc::mapping::test;

namespace {

struct Case {
  const char *name;
  uint32_t neurons;
  uint32_t meanFanIn;
  double firing;
  const char *bindingLimit;
};

/// A source population feeding `target` with a varying fan-in.
MappingGraph makeGraph(const Case &c) {
  MappingGraph g;
  g.firingProbability = c.firing;
  uint32_t src = g.addPopulation({"src", 50000});
  uint32_t dst = g.addPopulation({"dst", c.neurons});
  Projection p;
  p.name = "src->dst";
  p.source = src;
  p.target = dst;
  p.maxDelay = 5;
  p.fanIn.resize(c.neurons);
  for (uint32_t j = 0; j < c.neurons; ++j)
    p.fanIn[j] = c.meanFanIn ? uint32_t(mix(j) % (2 * c.meanFanIn + 1)) : 0;
  g.addProjection(std::move(p));
  return g;
}

/// Independent restatement of the SpiNNaker2 cost model.
struct Usage {
  double neurons, sram, cycles;
};

Usage usageOf(const TargetModel &t, const MappingGraph &g, const Slice &s) {
  const std::vector<uint32_t> &fan = g.projections[0].fanIn;
  double synapses = 0;
  for (uint32_t j = s.first; j < s.first + s.count; ++j)
    synapses += fan[j];
  double rows = std::min(synapses, 50000.0);
  double slots = 8; // max delay 5 -> 6 slots -> next power of two
  Usage u;
  u.neurons = s.count;
  u.sram = 32768 + s.count * (32 + slots * 4) + 4 * synapses + 4 * rows;
  u.cycles = t.cyclesPerStepOverhead + s.count * t.cyclesPerNeuronUpdate +
             synapses * g.firingProbability * t.cyclesPerSynapticEvent;
  return u;
}

bool fits(const TargetModel &t, const Usage &u) {
  return u.neurons <= t.maxNeuronsPerPe && u.sram <= t.sramBytesPerPe &&
         u.cycles <= t.stepCycleBudget;
}

class PartitionLimits : public ::testing::TestWithParam<Case> {};

} // namespace

TEST_P(PartitionLimits, SlicesFitTileAndArePacked) {
  const Case &c = GetParam();
  TargetModel t = spinnaker2();
  MappingGraph g = makeGraph(c);
  FanInTable fan(g);
  ManyCoreResourceModel model(t);
  Partition part = partitionGraph(g, fan, model, 1u << 30);

  uint32_t dstBegin = part.populationBegin[1], dstEnd = part.populationBegin[2];
  ASSERT_GT(dstEnd - dstBegin, 0u);
  // At least 10 PEs' worth of neurons.
  EXPECT_GE(dstEnd - dstBegin, 10u);

  uint32_t next = 0;
  double peak[3] = {0, 0, 0};
  for (uint32_t s = dstBegin; s < dstEnd; ++s) {
    const Slice &slice = part.slices[s];
    EXPECT_EQ(slice.population, 1u);
    EXPECT_EQ(slice.first, next) << "slices must tile the population";
    ASSERT_GT(slice.count, 0u);
    next = slice.first + slice.count;
    Usage u = usageOf(t, g, slice);
    EXPECT_LE(u.neurons, t.maxNeuronsPerPe) << "slice " << s;
    EXPECT_LE(u.sram, double(t.sramBytesPerPe)) << "slice " << s;
    EXPECT_LE(u.cycles, t.stepCycleBudget) << "slice " << s;
    // The library's own figures agree with the restatement.
    EXPECT_DOUBLE_EQ(part.usage(s, 1, part.stats[s]), u.sram);
    EXPECT_NEAR(part.usage(s, 2, part.stats[s]), u.cycles, 1e-6);
    peak[0] = std::max(peak[0], u.neurons / t.maxNeuronsPerPe);
    peak[1] = std::max(peak[1], u.sram / double(t.sramBytesPerPe));
    peak[2] = std::max(peak[2], u.cycles / t.stepCycleBudget);
    // Greedy packing: one more neuron would break a limit.
    if (next < c.neurons) {
      Slice bigger = slice;
      ++bigger.count;
      EXPECT_FALSE(fits(t, usageOf(t, g, bigger))) << "slice " << s;
    }
  }
  EXPECT_EQ(next, c.neurons) << "slices must cover the population";
  std::string binding = c.bindingLimit;
  int index = binding == "neurons" ? 0 : binding == "sram" ? 1 : 2;
  EXPECT_GT(peak[index], 0.95) << "the " << binding << " limit should bind";
}

INSTANTIATE_TEST_SUITE_P(
    Spinnaker2, PartitionLimits,
    ::testing::Values(Case{"neurons", 2560, 0, 0.01, "neurons"},
                      Case{"sram", 2000, 150, 0.01, "sram"},
                      Case{"cycles", 1500, 100, 1.0, "cycles"}),
    [](const ::testing::TestParamInfo<Case> &info) {
      return std::string(info.param.name);
    });

TEST(Partition, NeuronWhoseFanInOverflowsSramIsNamed) {
  TargetModel t = spinnaker2();
  MappingGraph g = makeGraph({"x", 100, 10, 0.01, ""});
  g.populations[1].name = "hub";
  g.projections[0].fanIn[7] = 40000; // 40000 x (4 + 4) B > 128 KiB alone
  FanInTable fan(g);
  ManyCoreResourceModel model(t);
  try {
    partitionGraph(g, fan, model, 1u << 30);
    FAIL() << "expected a MappingError";
  } catch (const MappingError &e) {
    EXPECT_EQ(e.kind, MappingErrorKind::NeuronDoesNotFit);
    EXPECT_EQ(e.subject, "hub");
    EXPECT_EQ(e.limit, "sram_bytes_per_pe");
    EXPECT_DOUBLE_EQ(e.available, 131072);
    EXPECT_GT(e.needed, 131072);
    std::string msg = e.what();
    EXPECT_NE(msg.find("population 'hub'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("neuron 7"), std::string::npos) << msg;
    EXPECT_NE(msg.find("sram_bytes_per_pe"), std::string::npos) << msg;
  }
}

TEST(Partition, NeuronOverCycleBudgetIsNamed) {
  // A hub neuron with a huge fan-in of always-firing sources: cycles break
  // before SRAM when SRAM is plentiful.
  TargetModel t = spinnaker2({{"sram_bytes_per_pe", 1 << 30}});
  MappingGraph g = makeGraph({"x", 10, 1, 1.0, ""});
  g.projections[0].fanIn[3] = 10000; // 10000 events x 40 cycles
  FanInTable fan(g);
  ManyCoreResourceModel model(t);
  try {
    partitionGraph(g, fan, model, 1u << 30);
    FAIL() << "expected a MappingError";
  } catch (const MappingError &e) {
    EXPECT_EQ(e.limit, "step_cycle_budget");
    EXPECT_DOUBLE_EQ(e.available, 300000);
    EXPECT_GT(e.needed, 300000);
  }
}

TEST(Partition, TooManyNeuronsForTheBoard) {
  MappingGraph g;
  g.addPopulation({"small", 1000});
  g.addPopulation({"cortex", 2000000});
  try {
    mapNetwork(g, spinnaker2());
    FAIL() << "expected a MappingError";
  } catch (const MappingError &e) {
    EXPECT_EQ(e.kind, MappingErrorKind::NotEnoughPes);
    EXPECT_EQ(e.limit, "PEs");
    EXPECT_DOUBLE_EQ(e.needed, 4 + 7813); // 256 neurons per PE
    EXPECT_DOUBLE_EQ(e.available, 48 * 152);
    std::string msg = e.what();
    EXPECT_NE(msg.find("7817 PEs"), std::string::npos) << msg;
    EXPECT_NE(msg.find("7296"), std::string::npos) << msg;
    EXPECT_NE(msg.find("'cortex' 7813 PEs"), std::string::npos) << msg;
    EXPECT_EQ(e.subject.rfind("cortex", 0), 0u) << e.subject;
  }
  // A second board makes room.
  MappingResult r = mapNetwork(g, spinnaker2({{"board", {{"max_boards", 2}}}}));
  EXPECT_EQ(r.report.pesUsed, 7817u);
  EXPECT_EQ(r.report.chipsUsed, 52u);
}

TEST(Partition, SliceOfFindsTheOwningSlice) {
  TargetModel t = spinnaker2();
  MappingGraph g = makeGraph({"x", 1000, 0, 0.01, ""});
  FanInTable fan(g);
  ManyCoreResourceModel model(t);
  Partition part = partitionGraph(g, fan, model, 1u << 30);
  for (uint32_t n = 0; n < 1000; n += 37) {
    uint32_t s = part.sliceOf(1, n);
    EXPECT_LE(part.slices[s].first, n);
    EXPECT_LT(n, part.slices[s].first + part.slices[s].count);
  }
}
