//===- RoutingTest.cpp - Keys, multicast tables and their compression -----===//

#include "TestSupport.h"

#include "snnc/mapping/KeyAllocation.h"
#include "snnc/mapping/RouteCheck.h"
#include "snnc/mapping/RoutingTables.h"
#include "snnc/mapping/TableCompression.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace snnc::mapping;
using namespace snnc::mapping::test;

namespace {

Partition partitionOf(const std::vector<uint32_t> &counts) {
  Partition p;
  uint32_t first = 0;
  for (uint32_t c : counts) {
    p.slices.push_back({0, first, c});
    first += c;
  }
  p.populationBegin = {0, uint32_t(counts.size())};
  return p;
}

struct Routed {
  KeyAllocation keys;
  RoutingTables raw;
  RoutingTables compressed;
  CompressionStats stats;
};

Routed route(const SliceGraph &g, const Partition &part,
             const std::vector<uint32_t> &pe, const Topology &topo,
             bool defaultRouting = true) {
  Routed r;
  r.keys = allocateKeys(part, pe, topo, 32);
  r.raw = buildRoutingTables(sliceDestinations(g, pe, topo.numPes()), pe, topo,
                             r.keys);
  r.compressed = compressRoutingTables(r.raw, defaultRouting, &r.stats);
  return r;
}

/// Every key of every slice reaches the same PEs through both tables, and
/// those are the PEs of the slice's targets.
void expectSameSemantics(const Routed &r, const SliceGraph &g,
                         const Partition &part, const std::vector<uint32_t> &pe,
                         const Topology &topo, bool defaultRouting = true) {
  Destinations dests = sliceDestinations(g, pe, topo.numPes());
  std::vector<uint32_t> viaRaw, viaCompressed;
  for (uint32_t s = 0; s < g.numSlices; ++s) {
    std::vector<uint32_t> expected = dests.of(s);
    if (expected.empty())
      continue;
    uint32_t chip = topo.pe(pe[s]).chip;
    for (uint32_t i = 0; i < part.slices[s].count; ++i) {
      uint32_t key = r.keys.baseKey[s] | i;
      ASSERT_TRUE(traceKey(r.raw, topo, chip, key, defaultRouting, viaRaw))
          << "slice " << s << " neuron " << i;
      ASSERT_TRUE(traceKey(r.compressed, topo, chip, key, defaultRouting,
                           viaCompressed))
          << "slice " << s << " neuron " << i;
      ASSERT_EQ(viaRaw, expected) << "slice " << s << " neuron " << i;
      ASSERT_EQ(viaCompressed, expected) << "slice " << s << " neuron " << i;
    }
  }
  EXPECT_NO_THROW(
      verifyRouting(r.compressed, topo, dests, pe, r.keys, defaultRouting));
}

/// One chip, hand-made entries over 8 key blocks of 256 keys.
RoutingTables handTable(const std::vector<int> &routeOfBlock) {
  RoutingTables t;
  t.layout = {6, 152, 3};
  t.tables.resize(1);
  RoutingTable &table = t.tables[0];
  table.routeWords.assign(2 * 3, 0);
  table.routeWords[0] = uint64_t(1) << (6 + 1); // route 0: PE 1
  table.routeWords[3] = uint64_t(1) << (6 + 2); // route 1: PE 2
  for (uint32_t b = 0; b < routeOfBlock.size(); ++b) {
    if (routeOfBlock[b] < 0)
      continue;
    table.entries.push_back({b << 8, 0xffffff00u, uint32_t(routeOfBlock[b])});
    table.arrivalLink.push_back(-1);
  }
  return t;
}

} // namespace

TEST(Routing, SharedDestinationsCompress) {
  Topology topo(spinnaker2());
  uint32_t far = uint32_t(topo.chipAt({4, 4}));
  std::vector<uint32_t> pe;
  std::vector<SliceEdge> edges;
  for (uint32_t s = 0; s < 100; ++s) {
    pe.push_back(s); // chip (0,0)
    for (uint32_t t = 100; t < 110; ++t)
      edges.push_back({s, t, 1.0});
  }
  for (uint32_t t = 100; t < 110; ++t)
    pe.push_back(far * topo.pesPerChip() + (t - 100) * 7);
  SliceGraph g = SliceGraph::fromEdges(110, edges);
  Partition part = partitionOf(std::vector<uint32_t>(110, 256));
  Routed r = route(g, part, pe, topo);

  // (0,0) -> (4,4) is four diagonal hops: 5 chips hold 100 entries each.
  EXPECT_EQ(r.stats.entriesBefore, 500u);
  EXPECT_EQ(r.stats.maxBefore, 100u);
  EXPECT_EQ(r.stats.entriesAfterDefaultRemoval, 200u);
  EXPECT_LE(r.stats.entriesAfter, 8u);
  EXPECT_LE(r.stats.maxAfter, 4u);
  EXPECT_EQ(r.stats.routersUsed, 5u);
  EXPECT_TRUE(r.keys.topological);
  EXPECT_EQ(r.keys.neuronBits, 8u);
  expectSameSemantics(r, g, part, pe, topo);
}

TEST(Routing, OrderExploitingCoverKeepsExceptionFirst) {
  // Blocks 0..7 route to PE 1, except block 5 which routes to PE 2.
  RoutingTables t = handTable({0, 0, 0, 0, 0, 1, 0, 0});
  CompressionStats st;
  RoutingTables c = compressRoutingTables(t, true, &st);
  ASSERT_EQ(c.tables[0].entries.size(), 2u);
  EXPECT_EQ(c.tables[0].entries[0].key, 5u << 8);
  EXPECT_EQ(c.tables[0].entries[0].route, 1u);
  EXPECT_EQ(c.tables[0].entries[1].route, 0u);
  EXPECT_EQ(c.tables[0].entries[1].mask & 0xfffff800u, 0xfffff800u);
  for (uint32_t b = 0; b < 8; ++b) {
    int64_t i = lookupKey(c.tables[0], (b << 8) | 17);
    ASSERT_GE(i, 0);
    EXPECT_EQ(c.tables[0].entries[size_t(i)].route, b == 5 ? 1u : 0u);
  }
  EXPECT_EQ(st.entriesBefore, 8u);
  EXPECT_EQ(st.entriesAfter, 2u);
}

TEST(Routing, CoverNeverCapturesALaterDifferentRoute) {
  // Two routes interleaved: 0 1 0 1 ... and a gap. No prefix cover may
  // swallow a block of the other route.
  RoutingTables t = handTable({0, 1, 0, 1, -1, 1, 0, 0});
  RoutingTables c = compressRoutingTables(t, true);
  for (uint32_t b : {0u, 1u, 2u, 3u, 5u, 6u, 7u}) {
    int64_t i = lookupKey(c.tables[0], b << 8);
    ASSERT_GE(i, 0);
    uint32_t want = (b == 1 || b == 3 || b == 5) ? 1u : 0u;
    EXPECT_EQ(c.tables[0].entries[size_t(i)].route, want) << "block " << b;
  }
  EXPECT_LT(c.tables[0].entries.size(), 7u);
}

TEST(Routing, DefaultRoutedEntriesAreRemoved) {
  Topology topo(chipRow(3));
  SliceGraph g = SliceGraph::fromEdges(2, {{0, 1, 1.0}});
  std::vector<uint32_t> pe = {0, 2 * 4 + 3};
  Partition part = partitionOf({3, 3});
  Routed r = route(g, part, pe, topo);
  EXPECT_EQ(r.stats.entriesBefore, 3u);
  EXPECT_EQ(r.stats.entriesAfterDefaultRemoval, 2u);
  EXPECT_EQ(r.stats.entriesAfter, 2u);
  EXPECT_TRUE(r.compressed.tables[1].entries.empty());
  expectSameSemantics(r, g, part, pe, topo);

  // Without default routing the middle entry stays.
  Routed strict = route(g, part, pe, topo, false);
  EXPECT_EQ(strict.stats.entriesAfter, 3u);
  expectSameSemantics(strict, g, part, pe, topo, false);
}

TEST(Routing, RandomNetworksKeepSemantics) {
  Topology topo(spinnaker2());
  for (uint64_t trial = 0; trial < 4; ++trial) {
    uint32_t n = 600;
    // Random distinct PEs: a few busy chips plus scattered slices.
    std::vector<uint32_t> pe;
    std::vector<uint8_t> used(topo.numPes(), 0);
    for (uint64_t i = 0; pe.size() < n; ++i) {
      uint64_t r = mix(i * 7919 + trial);
      uint32_t chip = (r % 3 == 0) ? uint32_t(r >> 8) % topo.numChips()
                                   : uint32_t(r >> 8) % 6;
      uint32_t p = chip * topo.pesPerChip() + uint32_t(r >> 32) % 152;
      if (!used[p]) {
        used[p] = 1;
        pe.push_back(p);
      }
    }
    // Destination sets: mostly one of a few templates, some random.
    std::vector<SliceEdge> edges;
    for (uint32_t s = 0; s < n; ++s) {
      uint64_t r = mix(s + 1000 * trial);
      uint32_t kind = r % 5;
      uint32_t count = 1 + (r >> 8) % 12;
      for (uint32_t k = 0; k < count; ++k) {
        uint32_t t = kind < 3 ? uint32_t(mix(kind * 131 + k) % n)
                              : uint32_t(mix(r + k) % n);
        edges.push_back({s, t, 0.01});
      }
    }
    SliceGraph g = SliceGraph::fromEdges(n, edges);
    std::vector<uint32_t> counts(n);
    for (uint32_t s = 0; s < n; ++s)
      counts[s] = 1 + uint32_t(mix(s * 3 + trial) % 4);
    Partition part = partitionOf(counts);
    for (bool defaultRouting : {true, false}) {
      Routed r = route(g, part, pe, topo, defaultRouting);
      EXPECT_LT(r.stats.entriesAfter, r.stats.entriesAfterDefaultRemoval);
      EXPECT_LE(r.stats.entriesAfterDefaultRemoval, r.stats.entriesBefore);
      expectSameSemantics(r, g, part, pe, topo, defaultRouting);
    }
  }
}

TEST(Routing, WideningRescuesAnOverfullTable) {
  // One-to-one projection: two source slices on one chip with different
  // single-PE destinations need two exact entries there. Routed to every
  // PE of the target population instead, they share one.
  MappingGraph g;
  uint32_t src = g.addPopulation({"src", 8});
  uint32_t dst = g.addPopulation({"dst", 8});
  Projection p;
  p.source = src;
  p.target = dst;
  p.rows = [](uint32_t pre, std::vector<uint32_t> &t) { t.assign(1, pre); };
  g.addProjection(std::move(p));
  MappingResult exact =
      mapNetwork(g, spinnaker2({{"routing_entries_per_router", 2},
                                {"max_neurons_per_pe", 4}}));
  EXPECT_FALSE(exact.report.widenedDestinations);
  EXPECT_EQ(exact.report.routing.maxAfter, 2u);
  EXPECT_EQ(exact.report.routedDeliveries, 2u);

  MappingResult wide =
      mapNetwork(g, spinnaker2({{"routing_entries_per_router", 1},
                                {"max_neurons_per_pe", 4}}));
  EXPECT_TRUE(wide.report.widenedDestinations);
  EXPECT_EQ(wide.report.routing.maxAfter, 1u);
  EXPECT_EQ(wide.report.exactDeliveries, 2u);
  EXPECT_EQ(wide.report.routedDeliveries, 4u);
  // Every source slice now reaches both target PEs.
  for (uint32_t s = 0; s < 2; ++s)
    EXPECT_EQ(wide.destinations.size(s), 2u);
}

TEST(Routing, RouterOverItsLimitIsNamed) {
  // Two source slices on one chip feeding different populations: their
  // routes differ even at population level, so one entry cannot do.
  MappingGraph g;
  uint32_t src = g.addPopulation({"src", 8});
  uint32_t a = g.addPopulation({"a", 4});
  uint32_t b = g.addPopulation({"b", 4});
  Projection toA;
  toA.source = src;
  toA.target = a;
  toA.rows = [](uint32_t pre, std::vector<uint32_t> &t) {
    t.clear();
    if (pre < 4)
      t.push_back(pre);
  };
  g.addProjection(std::move(toA));
  Projection toB;
  toB.source = src;
  toB.target = b;
  toB.rows = [](uint32_t pre, std::vector<uint32_t> &t) {
    t.clear();
    if (pre >= 4)
      t.push_back(pre - 4);
  };
  g.addProjection(std::move(toB));
  TargetModel t = spinnaker2(
      {{"routing_entries_per_router", 1}, {"max_neurons_per_pe", 4}});
  try {
    mapNetwork(g, t);
    FAIL() << "expected a MappingError";
  } catch (const MappingError &e) {
    EXPECT_EQ(e.kind, MappingErrorKind::RoutingTableFull);
    EXPECT_EQ(e.subject.rfind("router (", 0), 0u) << e.subject;
    EXPECT_EQ(e.limit, "routing_entries_per_router");
    EXPECT_DOUBLE_EQ(e.needed, 2);
    EXPECT_DOUBLE_EQ(e.available, 1);
    std::string msg = e.what();
    EXPECT_NE(msg.find(e.subject + " needs 2 routing entries"),
              std::string::npos)
        << msg;
    EXPECT_NE(msg.find("routing_entries_per_router is 1"), std::string::npos)
        << msg;
  }
}
