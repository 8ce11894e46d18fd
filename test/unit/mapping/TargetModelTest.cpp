//===- TargetModelTest.cpp - Target JSON loading, overrides and topology --===//

#include "TestSupport.h"

#include "snnc/mapping/MappingError.h"
#include "snnc/mapping/TargetModel.h"
#include "snnc/mapping/Topology.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

using namespace snnc::mapping;
using namespace snnc::mapping::test;
using nlohmann::json;

namespace {

/// Runs `fn`, expecting a MappingError; returns it.
template <typename Fn> MappingError expectError(Fn fn) {
  try {
    fn();
  } catch (const MappingError &e) {
    return e;
  }
  ADD_FAILURE() << "no MappingError thrown";
  return MappingError(MappingErrorKind::InvalidGraph, "", "", 0, 0, "");
}

std::string writeTemp(const std::string &name, const json &doc) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << doc.dump(2);
  return path;
}

} // namespace

TEST(TargetModel, LoadsSpinnaker2WithDefaults) {
  TargetModel t = loadTargetModel(spinnaker2LayoutPath(), spinnaker2Path());
  EXPECT_EQ(t.name, "spinnaker2");
  EXPECT_EQ(t.pesPerChip, 152u);
  EXPECT_EQ(t.sramBytesPerPe, 131072u);
  EXPECT_DOUBLE_EQ(t.stepCycleBudget, 300000);
  EXPECT_DOUBLE_EQ(t.cyclesPerNeuronUpdate, 224);
  EXPECT_FALSE(t.cyclesPerPacketReceived.has_value());
  EXPECT_EQ(t.routingEntriesPerRouter, 16384u);
  EXPECT_EQ(t.pesPerQpe, 4u);
  EXPECT_EQ(t.qpeGrid, (Coord2{7, 6}));
  EXPECT_EQ(t.qpeGridHoles.size(), 4u);
  EXPECT_EQ(t.chipsPerBoard, 48u);
  EXPECT_EQ(t.linksPerChip, 6u);
  // snnc's own layout constants come from the embedded defaults.
  EXPECT_EQ(t.sramReservedBytesPerPe, 32768u);
  EXPECT_EQ(t.maxNeuronsPerPe, 256u);
  EXPECT_EQ(t.synapseWordBytes, 4u);
  EXPECT_EQ(t.ringBufferEntryBytes, 4u);
  EXPECT_EQ(t.maxBoards, 1u);
  EXPECT_TRUE(t.routerDefaultRoute);
}

TEST(TargetModel, OverridesAcceptPlainAndValueObjects) {
  json o = {{"sram_bytes_per_pe", 65536},
            {"max_neurons_per_pe", {{"value", 128}}},
            {"board", {{"max_boards", 2}}}};
  TargetModel t = spinnaker2(o);
  EXPECT_EQ(t.sramBytesPerPe, 65536u);
  EXPECT_EQ(t.maxNeuronsPerPe, 128u);
  EXPECT_EQ(t.maxBoards, 2u);
  EXPECT_EQ(t.pesPerChip, 152u);

  std::string target = spinnaker2Path();
  std::string over = writeTemp("snnc-override.json", o);
  TargetModel fromFiles = loadTargetModel(spinnaker2LayoutPath(), target, over);
  EXPECT_EQ(fromFiles.sramBytesPerPe, 65536u);
  EXPECT_EQ(fromFiles.maxNeuronsPerPe, 128u);
  std::remove(over.c_str());
}

TEST(TargetModel, UnknownOverrideKeyIsNamed) {
  MappingError e = expectError([] { spinnaker2({{"sram_bytes", 1}}); });
  EXPECT_EQ(e.kind, MappingErrorKind::InvalidTarget);
  EXPECT_EQ(e.subject, "sram_bytes");
  EXPECT_NE(std::string(e.what()).find("unknown key 'sram_bytes'"),
            std::string::npos);

  MappingError nested = expectError([] {
    spinnaker2({{"mesh", {{"qpe_rows", 3}}}});
  });
  EXPECT_EQ(nested.subject, "mesh.qpe_rows");
}

TEST(TargetModel, WrongTypeNamesKeyAndType) {
  MappingError e = expectError([] { spinnaker2({{"pes_per_chip", "many"}}); });
  EXPECT_EQ(e.subject, "pes_per_chip");
  EXPECT_EQ(e.limit, "a non-negative integer");
  EXPECT_NE(std::string(e.what()).find("'pes_per_chip' must be a "
                                       "non-negative integer, got string"),
            std::string::npos);

  MappingError pair = expectError([] {
    spinnaker2({{"mesh", {{"chip_mesh", {{"value", {7}}}}}}});
  });
  EXPECT_EQ(pair.subject, "mesh.chip_mesh");

  // Keys of target.json the mapper does not read are still type-checked.
  MappingError other = expectError([] {
    spinnaker2({{"time_step_s", "1ms"}});
  });
  EXPECT_EQ(other.subject, "time_step_s");
  EXPECT_EQ(other.limit, "number");
}

TEST(TargetModel, InconsistentGeometryIsRejected) {
  MappingError e = expectError([] { spinnaker2({{"pes_per_chip", 100}}); });
  EXPECT_EQ(e.subject, "pes_per_chip");
  EXPECT_NE(std::string(e.what()).find("152"), std::string::npos);
}

TEST(TargetModel, MissingFileIsAnError) {
  MappingError e = expectError([] {
    loadTargetModel(spinnaker2LayoutPath(), "/nonexistent/target.json");
  });
  EXPECT_EQ(e.kind, MappingErrorKind::InvalidTarget);
}

TEST(Topology, Spinnaker2Board) {
  Topology topo(spinnaker2());
  EXPECT_EQ(topo.numChips(), 48u);
  EXPECT_EQ(topo.numPes(), 48u * 152u);
  // Hexagonal links: the diagonal (1,1) is one hop.
  int32_t a = topo.chipAt({0, 0}), b = topo.chipAt({4, 4}),
          c = topo.chipAt({4, 0});
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  ASSERT_GE(c, 0);
  EXPECT_EQ(topo.chipHops(a, b), 4u);
  EXPECT_EQ(topo.chipHops(a, c), 4u);
  EXPECT_EQ(topo.chipHops(c, topo.chipAt({0, 3})), 7u);
  // Local PEs of a chip: 38 clusters x 4, no PE in a hole.
  for (uint32_t p = 0; p < topo.pesPerChip(); ++p) {
    const PeLocation &loc = topo.pe(p);
    EXPECT_EQ(loc.local, p);
    bool hole = (loc.qx == 3 || loc.qx == 6) && (loc.qy == 2 || loc.qy == 3);
    EXPECT_FALSE(hole) << loc.qx << "," << loc.qy;
  }
  // NoC distance is Manhattan over the cluster grid.
  EXPECT_EQ(topo.nocHops(0, 151), 6u + 5u);
  EXPECT_EQ(topo.nocHops(0, 3), 0u);
  double w = spinnaker2().interChipHopWeight;
  EXPECT_DOUBLE_EQ(topo.hops(0, uint32_t(b) * 152),
                   w * topo.chipHops(0, uint32_t(b)));
}

TEST(Topology, TwoBoardsAreConnected) {
  Topology topo(spinnaker2({{"board", {{"max_boards", 2}}}}));
  EXPECT_EQ(topo.numChips(), 96u);
  for (uint32_t c = 1; c < topo.numChips(); ++c)
    EXPECT_LT(topo.chipHops(0, c), 0xffffu);
}
