//===- RouteCheck.h - Follow keys through routing tables --------*- C++ -*-===//
//
// A small router simulator: a packet injected at a chip is looked up in each
// chip's table (first matching entry wins; no match means default routing
// straight on, or a drop at the injecting chip) and followed along its
// output links. verifyRouting() uses it to prove that compressed tables
// deliver every slice's key to exactly the PEs the slice graph requires.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_ROUTECHECK_H
#define SNNC_MAPPING_ROUTECHECK_H

#include "snnc/mapping/RoutingTables.h"
#include "snnc/mapping/SliceGraph.h"
#include "snnc/mapping/Topology.h"

#include <cstdint>
#include <vector>

namespace snnc::mapping {

/// Index of the first entry of `table` matching `key`, or -1.
int64_t lookupKey(const RoutingTable &table, uint32_t key);

/// Global PEs (ascending, unique) a packet with `key` injected by a PE of
/// `sourceChip` reaches. Returns false (and stops) if the packet loops or
/// is dropped: no entry matches at the source chip, or at a chip reached
/// over a link when `defaultRouting` is off or the straight-on link has no
/// chip behind it.
bool traceKey(const RoutingTables &tables, const Topology &topology,
              uint32_t sourceChip, uint32_t key, bool defaultRouting,
              std::vector<uint32_t> &delivered);

/// Checks that `tables` delivers the key of every slice to exactly its
/// `destinations`. Every entry must leave the neuron bits unmasked, so one
/// key per slice stands for all of its keys (this is checked too). Throws
/// MappingError(RoutingMismatch) naming the slice.
void verifyRouting(const RoutingTables &tables, const Topology &topology,
                   const Destinations &destinations,
                   const std::vector<uint32_t> &peOfSlice,
                   const KeyAllocation &keys, bool defaultRouting);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_ROUTECHECK_H
