//===- Topology.h - Chips, clusters and PEs of a machine --------*- C++ -*-===//
//
// The machine the mapper places onto: boards of chips joined by chip-to-chip
// links, each chip a 2-D NoC grid of clusters (quad-PE groups of a many-core
// chip, tiles of an in-memory-computing chip), each cluster holding a few
// PEs. Targets describe this shape
// as data in their TargetModel; nothing here is specific to one chip.
//
// Distances:
//  * NoC hops between two PEs = Manhattan distance of their cluster
//    coordinates (holes in the grid carry no PEs but do not block the NoC);
//  * chip hops = shortest path length over chip-to-chip links;
//  * the placement cost of a PE pair = NoC hops + interChipHopWeight x chip
//    hops. Between chips the NoC term stands for the on-chip legs at both
//    ends, assuming the packet enters the far chip at the same cluster
//    position it left from; the real entry point sits at the chip edge but
//    its location is not in our sources.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_TOPOLOGY_H
#define SNNC_MAPPING_TOPOLOGY_H

#include "snnc/image/Image.h"
#include "snnc/mapping/TargetModel.h"

#include <cstdint>
#include <vector>

namespace snnc::mapping {

struct PeLocation {
  uint32_t chip;
  /// 0-based cluster (QPE) grid coordinates.
  int16_t qx, qy;
  /// PE index within its cluster.
  uint16_t qp;
  /// PE index within its chip: cluster index (row-major over the grid,
  /// holes skipped) x pesPerCluster + qp. This numbering is snnc's own.
  uint16_t local;
};

class Topology {
public:
  explicit Topology(const TargetModel &target);

  uint32_t numChips() const { return static_cast<uint32_t>(chips.size()); }
  uint32_t pesPerChip() const { return pesPerChipCount; }
  uint32_t numPes() const { return numChips() * pesPerChipCount; }
  uint32_t numLinks() const { return static_cast<uint32_t>(links.size()); }
  uint32_t gridCols() const { return cols; }
  uint32_t gridRows() const { return rows; }

  /// Global PE index = chip * pesPerChip() + local index.
  const PeLocation &pe(uint32_t globalPe) const { return pes[globalPe]; }
  Coord2 chipCoord(uint32_t chip) const { return chips[chip]; }
  /// Chip index at `coord`, or -1 if no chip sits there.
  int32_t chipAt(Coord2 coord) const;
  /// Chip reached over link `link` of `chip`, or -1.
  int32_t neighbour(uint32_t chip, uint32_t link) const {
    return neighbours[chip * numLinks() + link];
  }
  /// (dx, dy) of chip link `link`.
  Coord2 linkDirection(uint32_t link) const { return links[link]; }
  /// Link index whose direction is the reverse of `link`, or -1.
  int32_t reverseLink(uint32_t link) const { return reverse[link]; }

  uint32_t chipHops(uint32_t a, uint32_t b) const {
    return chipDistance[static_cast<size_t>(a) * numChips() + b];
  }
  uint32_t nocHops(uint32_t peA, uint32_t peB) const;
  /// Placement cost of a unit of traffic between two PEs.
  double hops(uint32_t peA, uint32_t peB) const {
    return nocHops(peA, peB) +
           interChipWeight * chipHops(pe(peA).chip, pe(peB).chip);
  }
  double interChipHopWeight() const { return interChipWeight; }
  /// Whether routers forward unmatched packets straight on.
  bool routerDefaultRoute() const { return defaultRoute; }

  /// Shortest-path tree rooted at `root`: for each chip, the link its parent
  /// uses to reach it (-1 for the root and unreachable chips). Trees come
  /// from breadth-first search with links tried in index order, so the
  /// union of the routes from one source is a tree even when the board has
  /// missing chips, which dimension-ordered routing cannot guarantee.
  const std::vector<int32_t> &parentLinks(uint32_t root) const {
    return treeParents[root];
  }
  /// The parent chip of each chip in the same tree (-1 for the root and
  /// unreachable chips).
  const std::vector<int32_t> &parentChips(uint32_t root) const {
    return treeParentChips[root];
  }

private:
  std::vector<Coord2> chips;
  std::vector<PeLocation> pes;
  std::vector<Coord2> links;
  std::vector<int32_t> reverse;
  std::vector<int32_t> neighbours;
  std::vector<uint16_t> chipDistance;
  std::vector<std::vector<int32_t>> treeParents;
  std::vector<std::vector<int32_t>> treeParentChips;
  uint32_t pesPerChipCount = 0;
  uint32_t cols = 0, rows = 0;
  double interChipWeight = 1;
  bool defaultRoute = false;
};

/// The machine as the image records it for the runtime: PE sites on the
/// cluster grid, chip sites, link directions and the neighbour matrix.
image::MachineLayout resolvedLayout(const Topology &topology);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_TOPOLOGY_H
