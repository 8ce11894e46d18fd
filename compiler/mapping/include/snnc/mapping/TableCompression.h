//===- TableCompression.h - Shrink routing tables safely --------*- C++ -*-===//
//
// Two steps per chip:
//  (a) default-route removal: an entry whose packets arrive on a link and
//      leave only on the same-direction link, delivering nothing locally,
//      is what the router does anyway when no entry matches; drop it.
//  (b) order-exploiting covering, in the spirit of Mundy, Heathcote &
//      Garside 2016 ("On-chip order-exploiting routing table minimization
//      for a multicast supercomputer network"): entries with one route are
//      replaced by a covering key/mask entry, and keys that must route
//      differently are kept as more specific entries placed *before* it.
//      A cover is legal only if it captures no key of an entry with a
//      different route that comes later in the table, nor a key that relies
//      on default routing; keys no packet carries to this chip are free.
// Step (b) searches the covers that are prefixes of the key (aligned key
// ranges, the shape our placement-ordered keys have) exactly: a dynamic
// programme over the binary trie of the chip's keys gives the fewest
// entries for each trie node and each route a node may fall through to.
// It is O(keys x key bits) per chip. Nested covers are emitted most
// specific first, so the legality rule holds by construction;
// verifyRouting() checks it independently.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_TABLECOMPRESSION_H
#define SNNC_MAPPING_TABLECOMPRESSION_H

#include "snnc/mapping/RoutingTables.h"
#include "snnc/mapping/Topology.h"

#include <cstdint>

namespace snnc::mapping {

struct CompressionStats {
  uint64_t entriesBefore = 0;
  uint64_t entriesAfterDefaultRemoval = 0;
  uint64_t entriesAfter = 0;
  uint32_t maxBefore = 0;
  uint32_t maxAfterDefaultRemoval = 0;
  uint32_t maxAfter = 0;
  /// Chips with a non-empty table before compression.
  uint32_t routersUsed = 0;
};

/// `original` must come from buildRoutingTables (it needs arrival links).
/// `defaultRouting` enables step (a) and lets step (b) leave such keys
/// unmatched.
RoutingTables compressRoutingTables(const RoutingTables &original,
                                    bool defaultRouting,
                                    CompressionStats *stats = nullptr);

/// Throws MappingError(RoutingTableFull) naming the first router (chip x,y)
/// whose table exceeds `limit`, with both counts.
void checkTableLimits(const RoutingTables &tables, const Topology &topology,
                      uint32_t limit);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_TABLECOMPRESSION_H
