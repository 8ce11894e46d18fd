//===- TrafficAnalysis.h - Hop-weighted traffic and link loads --*- C++ -*-===//
//
// Figures of merit of a placement, in expected packets per time step.
//  * trafficHops: sum over directed slice edges of packets x Topology::hops
//    (the annealer's objective, counted per destination).
//  * link loads count multicast packets once per link: every spike of a
//    slice travels its multicast tree. Between chips the tree is the
//    shortest-path tree of Topology::parentLinks; on each chip it is the
//    union of X-then-Y NoC paths from the cluster where the packet enters
//    (the source cluster on the source chip, the same cluster position on
//    other chips; see Topology.h) to the destination clusters.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_TRAFFICANALYSIS_H
#define SNNC_MAPPING_TRAFFICANALYSIS_H

#include "snnc/mapping/RoutingTables.h"
#include "snnc/mapping/SliceGraph.h"
#include "snnc/mapping/Topology.h"

#include <vector>

namespace snnc::mapping {

struct TrafficStats {
  /// Sum of directed edge traffic, self edges included.
  double totalTraffic = 0;
  /// Sum of packets injected by all slices.
  double packetsEmitted = 0;
  double trafficHops = 0;
  double trafficNocHops = 0;
  double trafficChipHops = 0;
  double maxNocLinkLoad = 0;
  double maxChipLinkLoad = 0;
  double maxLinkLoad = 0;
};

/// `multicast` gives the PEs each slice's multicast tree actually reaches
/// (see RoutingTables.h); when null, the slice graph's targets.
TrafficStats analyseTraffic(const SliceGraph &graph, const Topology &topology,
                            const std::vector<uint32_t> &peOfSlice,
                            const Destinations *multicast = nullptr);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_TRAFFICANALYSIS_H
