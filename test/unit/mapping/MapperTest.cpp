//===- MapperTest.cpp - The whole pipeline on small networks --------------===//

#include "TestSupport.h"

#include "snnc/mapping/Mapper.h"
#include "snnc/mapping/RouteCheck.h"

#include <gtest/gtest.h>

#include <set>

using namespace snnc::mapping;
using namespace snnc::mapping::test;

namespace {

/// Input -> reservoir (local, distance-like connectivity) -> readout.
MappingGraph smallNetwork() {
  MappingGraph g;
  uint32_t in = g.addPopulation({"input", 200});
  uint32_t res = g.addPopulation({"reservoir", 6000});
  uint32_t out = g.addPopulation({"readout", 10});
  Projection inRes;
  inRes.name = "input->reservoir";
  inRes.source = in;
  inRes.target = res;
  inRes.rows = [](uint32_t pre, std::vector<uint32_t> &t) {
    t.clear();
    for (uint32_t k = 0; k < 20; ++k)
      t.push_back(uint32_t(mix(pre * 20 + k) % 6000));
  };
  g.addProjection(std::move(inRes));
  Projection rec;
  rec.name = "reservoir->reservoir";
  rec.source = res;
  rec.target = res;
  rec.maxDelay = 3;
  rec.rows = [](uint32_t pre, std::vector<uint32_t> &t) {
    t.clear();
    for (uint32_t k = 0; k < 30; ++k) {
      int64_t off = int64_t(mix(pre * 31 + k) % 401) - 200;
      int64_t j = int64_t(pre) + off;
      if (j >= 0 && j < 6000 && j != int64_t(pre))
        t.push_back(uint32_t(j));
    }
  };
  g.addProjection(std::move(rec));
  Projection readout;
  readout.name = "reservoir->readout";
  readout.source = res;
  readout.target = out;
  readout.fanIn.assign(10, 600); // no rows: estimated traffic
  g.addProjection(std::move(readout));
  return g;
}

} // namespace

TEST(Mapper, MapsASmallNetwork) {
  MappingGraph g = smallNetwork();
  TargetModel t = spinnaker2();
  MappingResult r = mapNetwork(g, t);
  const MappingReport &rep = r.report;
  EXPECT_EQ(rep.pesUsed, r.partition.numSlices());
  EXPECT_EQ(rep.neurons, 6210u);
  EXPECT_GT(rep.synapses, 6000u * 25u);
  EXPECT_LE(rep.sramBytesPerPe.max, t.sramBytesPerPe);
  EXPECT_LE(rep.cyclesPerPe.max, t.stepCycleBudget);
  EXPECT_LE(rep.neuronsPerPe.max, t.maxNeuronsPerPe);
  EXPECT_DOUBLE_EQ(rep.neuronsPerPe.total, 6210);
  EXPECT_GT(rep.traffic.totalTraffic, 0);
  EXPECT_GT(rep.traffic.maxLinkLoad, 0);
  EXPECT_LE(rep.routing.entriesAfter, rep.routing.entriesBefore);
  EXPECT_LE(rep.placementFinalCost, rep.placementInitialCost);

  std::set<uint32_t> pes(r.placement.peOfSlice.begin(),
                         r.placement.peOfSlice.end());
  EXPECT_EQ(pes.size(), r.placement.peOfSlice.size());

  // Exact rows never exceed the partitioner's bound.
  for (uint32_t s = 0; s < r.partition.numSlices(); ++s) {
    EXPECT_LE(r.sliceGraph.refinedStats[s].rows, r.partition.stats[s].rows);
    EXPECT_EQ(r.sliceGraph.refinedStats[s].synapses,
              r.partition.stats[s].synapses);
  }

  nlohmann::json j = toJson(rep);
  EXPECT_EQ(j["pes_used"], rep.pesUsed);
  EXPECT_EQ(j["routing"]["entries_after"]["total"], rep.routing.entriesAfter);
  EXPECT_TRUE(j["traffic"].contains("max_link_load"));
  EXPECT_EQ(j["per_pe"]["limits"].size(), 3u);
  EXPECT_FALSE(formatReport(rep).empty());
}

TEST(Mapper, SameSeedSameMapping) {
  MappingGraph g = smallNetwork();
  TargetModel t = spinnaker2();
  MappingOptions opt;
  opt.seed = 42;
  MappingResult a = mapNetwork(g, t, opt), b = mapNetwork(g, t, opt);
  EXPECT_EQ(a.placement.peOfSlice, b.placement.peOfSlice);
  EXPECT_EQ(a.keys.baseKey, b.keys.baseKey);
  ASSERT_EQ(a.tables.tables.size(), b.tables.tables.size());
  for (size_t c = 0; c < a.tables.tables.size(); ++c) {
    const RoutingTable &x = a.tables.tables[c], &y = b.tables.tables[c];
    ASSERT_EQ(x.entries.size(), y.entries.size());
    for (size_t i = 0; i < x.entries.size(); ++i) {
      EXPECT_EQ(x.entries[i].key, y.entries[i].key);
      EXPECT_EQ(x.entries[i].mask, y.entries[i].mask);
      EXPECT_EQ(x.entries[i].route, y.entries[i].route);
    }
    EXPECT_EQ(x.routeWords, y.routeWords);
  }
  EXPECT_EQ(toJson(a.report)["traffic"], toJson(b.report)["traffic"]);
}

TEST(Mapper, NetworkAcrossChipsRoutesExactly) {
  // Small PEs force many slices over several chips.
  MappingGraph g = smallNetwork();
  TargetModel t = spinnaker2({{"max_neurons_per_pe", 8}});
  MappingResult r = mapNetwork(g, t);
  EXPECT_GT(r.report.chipsUsed, 4u);
  EXPECT_GT(r.report.traffic.maxChipLinkLoad, 0);
  EXPECT_GT(r.report.routing.entriesBefore, r.report.routing.entriesAfter);
  Topology topo(t);
  // Exhaustive over every neuron key: compressed tables deliver each
  // spike to exactly the PEs of its slice's targets.
  Destinations dests =
      sliceDestinations(r.sliceGraph, r.placement.peOfSlice, topo.numPes());
  EXPECT_FALSE(r.report.widenedDestinations);
  std::vector<uint32_t> got;
  for (uint32_t s = 0; s < r.partition.numSlices(); ++s) {
    std::vector<uint32_t> want = dests.of(s);
    if (want.empty())
      continue;
    uint32_t chip = topo.pe(r.placement.peOfSlice[s]).chip;
    for (uint32_t i = 0; i < r.partition.slices[s].count; ++i) {
      ASSERT_TRUE(
          traceKey(r.tables, topo, chip, r.keys.baseKey[s] | i, true, got));
      ASSERT_EQ(got, want) << "slice " << s << " neuron " << i;
    }
  }
}

TEST(Mapper, EstimatedTrafficWithoutRows) {
  // A procedural random reservoir known only by its fan-in.
  MappingGraph g;
  uint32_t res = g.addPopulation({"lsm", 20000});
  Projection p;
  p.source = res;
  p.target = res;
  p.procedural = true;
  p.fanIn.assign(20000, 100);
  g.addProjection(std::move(p));
  MappingResult r = mapNetwork(g, spinnaker2());
  uint32_t n = r.partition.numSlices();
  // Every slice pair is connected (a superset of the true destinations).
  EXPECT_EQ(r.sliceGraph.numEdges(), uint64_t(n) * n);
  EXPECT_NEAR(r.report.traffic.packetsEmitted, 20000 * 0.01, 1e-6);
  EXPECT_LE(r.report.routing.entriesAfter, r.report.routing.entriesBefore);
}

TEST(Mapper, InvalidGraphIsReported) {
  MappingGraph g;
  g.addPopulation({"a", 10});
  Projection p;
  p.name = "broken";
  p.source = 0;
  p.target = 3;
  g.addProjection(std::move(p));
  try {
    mapNetwork(g, spinnaker2());
    FAIL() << "expected a MappingError";
  } catch (const MappingError &e) {
    EXPECT_EQ(e.kind, MappingErrorKind::InvalidGraph);
    EXPECT_NE(std::string(e.what()).find("broken"), std::string::npos);
  }
}
