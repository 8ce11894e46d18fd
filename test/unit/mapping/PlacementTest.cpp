//===- PlacementTest.cpp - Grouping and annealed placement ----------------===//

#include "TestSupport.h"

#include "snnc/mapping/Grouping.h"
#include "snnc/mapping/Placement.h"

#include <gtest/gtest.h>

#include <set>

using namespace snnc::mapping;
using namespace snnc::mapping::test;

namespace {

void expectDistinct(const std::vector<uint32_t> &pes) {
  std::set<uint32_t> unique(pes.begin(), pes.end());
  EXPECT_EQ(unique.size(), pes.size()) << "two slices share a PE";
}

/// Slices i and i + n/2 exchange heavy traffic; a light ring joins all.
SliceGraph heavyPairs(uint32_t n) {
  std::vector<SliceEdge> edges;
  for (uint32_t i = 0; i < n / 2; ++i) {
    edges.push_back({i, i + n / 2, 100});
    edges.push_back({i + n / 2, i, 100});
  }
  for (uint32_t i = 0; i < n; ++i)
    edges.push_back({i, (i + 1) % n, 1});
  return SliceGraph::fromEdges(n, edges);
}

} // namespace

TEST(Placement, AnnealingBringsHeavyPairsTogether) {
  Topology topo(gridChip(4, 4));
  // Pairs (0,1) and (2,3) heavy, light traffic across the pairs.
  SliceGraph g = SliceGraph::fromEdges(4, {{0, 1, 100},
                                           {1, 0, 100},
                                           {2, 3, 100},
                                           {3, 2, 100},
                                           {0, 2, 1},
                                           {1, 3, 1}});
  // Start with each pair at opposite corners: 6 hops apart.
  Placement pl;
  pl.peOfSlice = {0, 15, 3, 12};
  double before = placementCost(g, topo, pl.peOfSlice);
  EXPECT_DOUBLE_EQ(before, 2 * 200 * 6 + 2 * 3);
  PlaceOptions opt;
  opt.seed = 7;
  annealPlacement(pl, g, topo, opt);
  expectDistinct(pl.peOfSlice);
  EXPECT_DOUBLE_EQ(pl.initialCost, before);
  EXPECT_LT(pl.finalCost, pl.initialCost);
  EXPECT_DOUBLE_EQ(pl.finalCost, placementCost(g, topo, pl.peOfSlice));
  EXPECT_LE(topo.hops(pl.peOfSlice[0], pl.peOfSlice[1]), 1.0);
  EXPECT_LE(topo.hops(pl.peOfSlice[2], pl.peOfSlice[3]), 1.0);
  EXPECT_GT(pl.movesAccepted, 0u);
}

TEST(Placement, PipelinePlacesHeavyPairsWithinOneHop) {
  Topology topo(spinnaker2());
  SliceGraph g = heavyPairs(40);
  Grouping grouping = groupSlices(g, topo.pesPerChip(), {});
  ASSERT_EQ(grouping.numGroups, 1u);
  Placement start = initialPlacement(g, topo, grouping);
  PlaceOptions opt;
  Placement pl = placeSlices(g, topo, grouping, opt);
  expectDistinct(pl.peOfSlice);
  // The snake start puts pair partners 5 clusters apart in slice order.
  EXPECT_DOUBLE_EQ(pl.initialCost, start.finalCost);
  EXPECT_LT(pl.finalCost, pl.initialCost);
  for (uint32_t i = 0; i < 20; ++i)
    EXPECT_LE(topo.hops(pl.peOfSlice[i], pl.peOfSlice[i + 20]), 1.0)
        << "pair " << i;
}

TEST(Placement, GroupsFollowTrafficAcrossChips) {
  Topology topo(chipRow(3));
  // Two cliques of 4 slices (even and odd indices) joined by light edges.
  std::vector<SliceEdge> edges;
  for (uint32_t a = 0; a < 8; ++a)
    for (uint32_t b = 0; b < 8; ++b)
      if (a != b)
        edges.push_back({a, b, (a % 2 == b % 2) ? 50.0 : 0.5});
  SliceGraph g = SliceGraph::fromEdges(8, edges);
  GroupingOptions gopt;
  gopt.seed = 3;
  Grouping grouping = groupSlices(g, topo.pesPerChip(), gopt);
  ASSERT_EQ(grouping.numGroups, 2u);
  for (uint32_t s = 2; s < 8; ++s)
    EXPECT_EQ(grouping.groupOfSlice[s], grouping.groupOfSlice[s % 2]);
  EXPECT_NE(grouping.groupOfSlice[0], grouping.groupOfSlice[1]);
  EXPECT_NEAR(grouping.cutTraffic, 16 * 1.0, 1e-4);

  Placement pl = placeSlices(g, topo, grouping, {});
  expectDistinct(pl.peOfSlice);
  for (uint32_t s = 2; s < 8; ++s)
    EXPECT_EQ(topo.pe(pl.peOfSlice[s]).chip, topo.pe(pl.peOfSlice[s % 2]).chip);
  // The two groups sit on adjacent chips.
  EXPECT_EQ(topo.chipHops(topo.pe(pl.peOfSlice[0]).chip,
                          topo.pe(pl.peOfSlice[1]).chip),
            1u);
}

TEST(Placement, GroupingRespectsChipCapacity) {
  // A random graph cut into groups that must be exactly full.
  std::vector<SliceEdge> edges;
  uint32_t n = 12 * 16;
  for (uint32_t i = 0; i < 4000; ++i) {
    uint64_t r = mix(i);
    edges.push_back({uint32_t(r % n), uint32_t((r >> 20) % n),
                     double((r >> 40) % 100) + 1});
  }
  SliceGraph g = SliceGraph::fromEdges(n, edges);
  for (uint32_t seed : {1u, 2u, 3u}) {
    GroupingOptions opt;
    opt.seed = seed;
    Grouping grouping = groupSlices(g, 16, opt);
    ASSERT_EQ(grouping.numGroups, 12u);
    std::vector<uint32_t> size(12, 0);
    for (uint32_t grp : grouping.groupOfSlice)
      ++size[grp];
    for (uint32_t s : size)
      EXPECT_EQ(s, 16u);
    EXPECT_LE(grouping.cutTraffic, grouping.metisCutTraffic + 1e-6);
    EXPECT_NEAR(grouping.cutTraffic, groupCut(g, grouping.groupOfSlice), 1e-3);
  }
}

TEST(Placement, DeterministicForASeed) {
  Topology topo(spinnaker2());
  std::vector<SliceEdge> edges;
  uint32_t n = 400;
  for (uint32_t i = 0; i < 6000; ++i) {
    uint64_t r = mix(i + 99);
    edges.push_back({uint32_t(r % n), uint32_t((r >> 20) % n),
                     double((r >> 40) % 1000) / 100 + 0.01});
  }
  SliceGraph g = SliceGraph::fromEdges(n, edges);
  auto run = [&](uint64_t seed) {
    GroupingOptions gopt;
    gopt.seed = seed;
    Grouping grouping = groupSlices(g, topo.pesPerChip(), gopt);
    PlaceOptions popt;
    popt.seed = seed;
    return placeSlices(g, topo, grouping, popt);
  };
  Placement a = run(11), b = run(11), c = run(12);
  EXPECT_EQ(a.peOfSlice, b.peOfSlice);
  EXPECT_EQ(a.finalCost, b.finalCost);
  EXPECT_EQ(a.movesAccepted, b.movesAccepted);
  expectDistinct(a.peOfSlice);
  expectDistinct(c.peOfSlice);
  EXPECT_LE(a.finalCost, a.initialCost);
}
