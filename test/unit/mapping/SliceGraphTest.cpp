//===- SliceGraphTest.cpp - Traffic between slices, exact and estimated ---===//

#include "TestSupport.h"

#include "snnc/mapping/SliceGraph.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc::mapping;
using namespace snnc::mapping::test;

namespace {

struct Built {
  MappingGraph graph;
  Partition partition;
  SliceGraph slices;
};

/// A (8 neurons, firing 0.5) -> B (8 neurons), four neurons per PE, so the
/// slices are A0 = A[0,4), A1 = A[4,8), B0 = B[0,4), B1 = B[4,8).
Built build(bool exact) {
  Built b;
  uint32_t a = b.graph.addPopulation({"a", 8});
  b.graph.populations[a].firingProbability = 0.5;
  uint32_t dst = b.graph.addPopulation({"b", 8});
  Projection p;
  p.source = a;
  p.target = dst;
  // A0 neuron i -> B i; every A1 neuron -> B0, B4 and B5.
  auto rows = [](uint32_t pre, std::vector<uint32_t> &t) {
    if (pre < 4)
      t.assign(1, pre);
    else
      t = {0, 4, 5};
  };
  if (exact) {
    p.rows = rows;
  } else {
    p.fanIn.assign(8, 0);
    std::vector<uint32_t> row;
    for (uint32_t pre = 0; pre < 8; ++pre) {
      rows(pre, row);
      for (uint32_t t : row)
        ++p.fanIn[t];
    }
  }
  b.graph.addProjection(std::move(p));
  TargetModel t = spinnaker2({{"max_neurons_per_pe", 4}});
  FanInTable fan(b.graph);
  ManyCoreResourceModel model(t);
  b.partition = partitionGraph(b.graph, fan, model, 1000);
  b.slices = buildSliceGraph(b.graph, b.partition);
  return b;
}

double edge(const SliceGraph &g, uint32_t s, uint32_t t) {
  for (uint64_t e = g.outBegin[s]; e < g.outBegin[s + 1]; ++e)
    if (g.outTarget[e] == t)
      return g.outPackets[e];
  return 0;
}

} // namespace

TEST(SliceGraph, ExactTrafficCountsSendersOncePerTarget) {
  Built b = build(true);
  const SliceGraph &g = b.slices;
  ASSERT_EQ(g.numSlices, 4u);
  EXPECT_EQ(g.numEdges(), 3u);
  EXPECT_DOUBLE_EQ(edge(g, 0, 2), 4 * 0.5); // A0 -> B0
  EXPECT_DOUBLE_EQ(edge(g, 0, 3), 0);       // A0 never reaches B1
  EXPECT_DOUBLE_EQ(edge(g, 1, 2), 4 * 0.5); // A1 -> B0 (B0 hit once each)
  EXPECT_DOUBLE_EQ(edge(g, 1, 3), 4 * 0.5); // A1 -> B1 (2 synapses each)
  EXPECT_DOUBLE_EQ(g.packetsEmitted[0], 2);
  EXPECT_DOUBLE_EQ(g.packetsEmitted[2], 0);
  // Exact rows: B0 gets 8 rows, B1 only the 4 rows of A1 (bound: 8).
  EXPECT_EQ(g.refinedStats[2].rows, 8u);
  EXPECT_EQ(g.refinedStats[3].rows, 4u);
  EXPECT_EQ(b.partition.stats[3].rows, 8u);
  EXPECT_EQ(g.refinedStats[3].synapses, 8u);
  // Symmetrised adjacency: A1 - B1 weighs 2, no self edges.
  for (uint32_t u = 0; u < 4; ++u)
    for (uint64_t e = g.adjBegin[u]; e < g.adjBegin[u + 1]; ++e)
      EXPECT_NE(g.adjNode[e], u);
  EXPECT_DOUBLE_EQ(g.totalTraffic(), 6);
}

TEST(SliceGraph, EstimateAssumesUniformSources) {
  Built b = build(false);
  const SliceGraph &g = b.slices;
  // Each A slice holds half the sources: B0 receives 8 synapses, so 4 are
  // expected from each A slice, reaching 4 x (1 - e^-1) distinct senders.
  double reached = 4 * (1 - std::exp(-1.0));
  EXPECT_NEAR(edge(g, 0, 2), 0.5 * reached, 1e-6);
  EXPECT_NEAR(edge(g, 1, 2), 0.5 * reached, 1e-6);
  EXPECT_NEAR(edge(g, 0, 3), 0.5 * reached, 1e-6);
  // Without rows every source slice is assumed to reach every target.
  EXPECT_EQ(g.numEdges(), 4u);
  EXPECT_DOUBLE_EQ(g.packetsEmitted[0], 2);
}

TEST(SliceGraph, FromEdgesMergesDuplicates) {
  SliceGraph g =
      SliceGraph::fromEdges(3, {{0, 1, 1}, {0, 1, 2}, {1, 0, 4}, {2, 2, 5}});
  EXPECT_EQ(g.numEdges(), 3u);
  EXPECT_DOUBLE_EQ(edge(g, 0, 1), 3);
  ASSERT_EQ(g.adjBegin[1] - g.adjBegin[0], 1u);
  EXPECT_EQ(g.adjNode[g.adjBegin[0]], 1u);
  EXPECT_FLOAT_EQ(g.adjWeight[g.adjBegin[0]], 7);
  EXPECT_EQ(g.adjBegin[3] - g.adjBegin[2], 0u); // self edge dropped
}
