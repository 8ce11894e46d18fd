//===- RoutingTables.h - Per-chip key/mask multicast tables -----*- C++ -*-===//
//
// Routing is decided at chip level: each chip has one multicast router with
// one table (TargetModel::routingEntriesPerRouter entries). An entry's route
// is a bitset of output chip links plus local PEs; on-chip NoC transport
// from the router to the PEs follows the route's PE bits and needs no table
// of its own. (This matches the target file, which gives entries per chip
// router and no per-QPE tables.)
//
// Each source slice gets one multicast tree: the union of the shortest
// paths of Topology::parentLinks from its chip to every chip hosting one of
// its target slices. Every chip on the tree holds one entry for the slice's
// key block; the packet's input link there is recorded so that compression
// can drop entries the router's default route already handles.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_ROUTINGTABLES_H
#define SNNC_MAPPING_ROUTINGTABLES_H

#include "snnc/mapping/KeyAllocation.h"
#include "snnc/mapping/Partition.h"
#include "snnc/mapping/SliceGraph.h"
#include "snnc/mapping/Topology.h"

#include <cstdint>
#include <vector>

namespace snnc::mapping {

/// Route bit i < numLinks is chip link i; bit numLinks + p is local PE p.
struct RouteLayout {
  uint32_t numLinks = 0;
  uint32_t pesPerChip = 0;
  uint32_t words = 0;
};

/// An entry matches key k when (k & mask) == key. Earlier entries win.
struct RoutingEntry {
  uint32_t key;
  uint32_t mask;
  /// Index into the table's route pool.
  uint32_t route;
};

struct RoutingTable {
  uint32_t chip = 0;
  std::vector<RoutingEntry> entries;
  /// Link the entry's packets arrive on at this chip, as an index of the
  /// sending chip's link (so "straight on" is the same index), or -1 when a
  /// local PE injects them. Kept only for uncompressed tables.
  std::vector<int32_t> arrivalLink;
  /// Route r is routeWords[r * words .. (r + 1) * words).
  std::vector<uint64_t> routeWords;
};

struct RoutingTables {
  RouteLayout layout;
  /// One table per chip of the topology, indexed by chip.
  std::vector<RoutingTable> tables;

  bool hasLink(const RoutingTable &table, uint32_t route, uint32_t link) const;
  bool hasPe(const RoutingTable &table, uint32_t route, uint32_t pe) const;
  std::vector<uint32_t> linksOf(const RoutingTable &table,
                                uint32_t route) const;
  std::vector<uint32_t> pesOf(const RoutingTable &table, uint32_t route) const;
  uint64_t totalEntries() const;
  uint32_t maxEntries() const;
};

/// Destination PEs (global indices, ascending, unique) of every slice, in
/// one flat array.
struct Destinations {
  std::vector<uint64_t> begin;
  std::vector<uint32_t> pes;

  uint32_t numSlices() const {
    return begin.empty() ? 0 : static_cast<uint32_t>(begin.size() - 1);
  }
  uint64_t size(uint32_t slice) const {
    return begin[slice + 1] - begin[slice];
  }
  const uint32_t *data(uint32_t slice) const {
    return pes.data() + begin[slice];
  }
  std::vector<uint32_t> of(uint32_t slice) const {
    return {data(slice), data(slice) + size(slice)};
  }
  uint64_t total() const { return pes.size(); }
};

/// Exactly the PEs hosting each slice's target slices.
Destinations sliceDestinations(const SliceGraph &graph,
                               const std::vector<uint32_t> &peOfSlice,
                               uint32_t numPes);

/// Population-level destinations: on every chip a slice reaches, all PEs
/// hosting any population the slice projects to. A superset of the exact
/// sets (a PE may get spikes it has no synapses for and drops), but sources
/// of one population placed together then share routes, so their entries
/// merge. The mapper falls back to it when exact routes overflow a table.
Destinations widenDestinations(const SliceGraph &graph,
                               const Partition &partition,
                               const std::vector<uint32_t> &peOfSlice,
                               const Topology &topology);

/// One entry per (source slice, chip on its tree), in key order per chip.
RoutingTables buildRoutingTables(const Destinations &destinations,
                                 const std::vector<uint32_t> &peOfSlice,
                                 const Topology &topology,
                                 const KeyAllocation &keys);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_ROUTINGTABLES_H
