//===- TileNodesTest.cpp - Which mesh node each tile sits at --------------===//

#include "TileNodes.h"

#include <gtest/gtest.h>

#include <set>

namespace snnc::crossbar {
namespace {

/// A 4 x 4 mesh of 16 nodes.
DeviceModel mesh() {
  DeviceModel m;
  m.tilesPerChip = 16;
  m.meshCols = 4;
  return m;
}

TEST(TileNodes, EachTileTakesItsHomeWhenFree) {
  // Three slices at nodes 0, 5 and 10; one tile computing each.
  EXPECT_EQ(assignTileNodes({5, 10, 0}, {0, 5, 10}, mesh()),
            (std::vector<int64_t>{5, 10, 0}));
}

TEST(TileNodes, SecondTileOfASliceGoesToTheNearestFreeNode) {
  // Node 5 sits at (1, 1); its neighbours 1, 4, 6 and 9 are one hop away,
  // and 4 holds a slice, so the lowest free neighbour is 1.
  std::vector<int64_t> nodes = assignTileNodes({5, 5}, {4, 5}, mesh());
  EXPECT_EQ(nodes, (std::vector<int64_t>{5, 1}));
}

TEST(TileNodes, NodesWithoutSlicesComeFirst) {
  // Every neighbour of node 0 holds a slice: the tile goes two hops out
  // rather than next to another slice.
  std::vector<int64_t> nodes = assignTileNodes({0, 0}, {0, 1, 4}, mesh());
  EXPECT_EQ(nodes[0], 0);
  EXPECT_EQ(nodes[1], 2);
}

TEST(TileNodes, AFullChipUsesEveryNodeOnce) {
  // As many tiles as nodes, all homed on one slice: every node is used.
  std::vector<int64_t> homes(16, 6);
  std::vector<int64_t> nodes = assignTileNodes(homes, {6, 3}, mesh());
  EXPECT_EQ(std::set<int64_t>(nodes.begin(), nodes.end()).size(), 16u);
  EXPECT_EQ(nodes[0], 6);
}

TEST(TileNodes, AHomeOutsideTheChipIsNotTrusted) {
  std::vector<int64_t> nodes = assignTileNodes({-1, 99}, {}, mesh());
  EXPECT_EQ(nodes, (std::vector<int64_t>{0, 1}));
}

} // namespace
} // namespace snnc::crossbar
