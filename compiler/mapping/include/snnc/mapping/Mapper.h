//===- Mapper.h - The partition-place-route pipeline ------------*- C++ -*-===//
//
// The pipeline the compiler runs:
//   validate -> partition -> slice graph -> group (METIS) -> place (anneal)
//   -> allocate keys -> build tables -> compress -> verify -> report.
// If exactly routed tables still overflow a router after compression, the
// routes are rebuilt with population-level destinations (see
// widenDestinations) before giving up with MappingError(RoutingTableFull).
// Each stage is also public on its own (see the headers it includes) so
// other targets can swap one out.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_MAPPER_H
#define SNNC_MAPPING_MAPPER_H

#include "snnc/mapping/Grouping.h"
#include "snnc/mapping/KeyAllocation.h"
#include "snnc/mapping/MappingError.h"
#include "snnc/mapping/MappingGraph.h"
#include "snnc/mapping/MappingReport.h"
#include "snnc/mapping/Partition.h"
#include "snnc/mapping/Placement.h"
#include "snnc/mapping/ResourceModel.h"
#include "snnc/mapping/RoutingTables.h"
#include "snnc/mapping/SliceGraph.h"
#include "snnc/mapping/TableCompression.h"
#include "snnc/mapping/TargetModel.h"
#include "snnc/mapping/Topology.h"

#include <cstdint>

namespace snnc::mapping {

/// Where the staged pipeline stops (the compiler runs one IR pass per stage).
enum class MappingStage { Partition, Place, Route };

struct MappingOptions {
  /// Seeds METIS and the annealer.
  uint64_t seed = 1;
  MappingStage stopAfter = MappingStage::Route;
  /// Slice sizes per population from an earlier partition (empty: slice
  /// greedily). They are checked against every limit.
  std::vector<std::vector<uint32_t>> sliceSizes;
  /// Global PE of every slice from an earlier placement (empty: place).
  std::vector<uint32_t> peOfSlice;
  GroupingOptions grouping;
  PlaceOptions place;
  /// Re-trace every slice's key through the compressed tables.
  bool verifyRouting = true;
};

struct MappingResult {
  Partition partition;
  SliceGraph sliceGraph;
  Grouping grouping;
  Placement placement;
  KeyAllocation keys;
  /// The PEs each slice's key is routed to (exact or widened).
  Destinations destinations;
  /// Compressed, one per chip; these go into the image.
  RoutingTables tables;
  MappingReport report;
};

/// Maps `graph` onto `target` with its ManyCoreResourceModel.
MappingResult mapNetwork(const MappingGraph &graph, const TargetModel &target,
                         const MappingOptions &options = {});

/// As above with a target-supplied resource model.
MappingResult mapNetwork(const MappingGraph &graph, const TargetModel &target,
                         const ResourceModel &model,
                         const MappingOptions &options);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_MAPPER_H
