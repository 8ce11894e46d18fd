//===- Noc.h - Cycle-approximate model of the spike network -----*- C++ -*-===//
//
// Carries packets between the units (PEs, tiles) of any target's RTL
// engine with per-hop latency and link contention from the placement. It
// reads only the core image: inside a chip, packets follow
// dimension-ordered (x, then y) routes over the grid of the image's machine
// layout; between chips they follow the shortest-path tree of chips
// (image::chipTree, the tree the mapper routes on), entering the far chip
// at the grid point they left from, as the mapper's cost model assumes. The
// routes from one source to all its destinations form a multicast tree,
// built once per source; a packet takes each link of its tree once. Links are
// output-queued: each starts one packet per cycle, first come first served, so
// one step's packets are simulated in time order as events.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RTL_NOC_H
#define SNNC_RTL_NOC_H

#include "snnc/image/Image.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace snnc::rtl {

struct NocTiming {
  /// Cycles per QPE-to-QPE hop and per chip-to-chip hop.
  uint32_t hopCycles = 2;
  uint32_t chipHopCycles = 60;
};

struct NocStats {
  /// Link traversals, on-chip and between chips.
  uint64_t nocHops = 0;
  uint64_t chipHops = 0;
  /// Cycles packets waited for a busy link.
  uint64_t contentionCycles = 0;
  /// Packets delivered to a PE (one per destination).
  uint64_t deliveries = 0;
};

class Noc {
public:
  Noc(const image::Image &image, const NocTiming &timing);

  /// Builds the multicast tree from `srcPe` to `dstPes` (global PEs);
  /// returns its index for carry().
  uint32_t addTree(uint32_t srcPe, const std::vector<uint32_t> &dstPes);

  struct Injection {
    /// Cycle the packet leaves its PE, and its tree.
    uint64_t emit;
    uint32_t tree;
  };
  /// Carries one step's packets from idle links: calls deliver(packet
  /// index, destination index in its tree's dstPes, arrival cycle) once
  /// per destination, in time order.
  void carry(const std::vector<Injection> &packets,
             const std::function<void(size_t, uint32_t, uint64_t)> &deliver);

  const NocStats &stats() const { return totals; }
  void resetStats() { totals = NocStats(); }

private:
  struct Place {
    uint32_t chip;
    int32_t qx, qy;
  };
  struct Edge {
    uint32_t link;
    uint32_t child;
    uint32_t cost;
    bool chipLink;
  };
  struct Node {
    std::vector<Edge> out;
    /// Destination indices ejected at this router.
    std::vector<uint32_t> deliver;
  };
  using Tree = std::vector<Node>; // node 0: the source's router

  /// Chip links from `from` to `to` as (chip, link) pairs, in order.
  void chipPath(uint32_t from, uint32_t to,
                std::vector<std::pair<uint32_t, uint32_t>> &path) const;

  NocTiming timing;
  std::vector<Place> places;
  int32_t cols = 1, rows = 1;
  uint32_t chips = 1;
  uint32_t chipLinksPerChip = 2;
  uint32_t onChipLinks = 0;
  /// Chips of the layout, and parentChip[root][chip],
  /// parentLink[root][chip] for every used root chip.
  std::vector<std::vector<int32_t>> parentChip, parentLink;
  std::vector<Tree> trees;
  std::vector<uint64_t> freeAt;
  NocStats totals;
};

} // namespace snnc::rtl

#endif // SNNC_RTL_NOC_H
