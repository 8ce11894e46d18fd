//===- Grouping.h - Cut the slice graph into per-chip groups ----*- C++ -*-===//
//
// Slices that will share a chip are chosen by METIS (k-way, or recursive
// bisection for few parts) minimising the traffic cut between groups, then
// repaired and refined by a greedy boundary pass (single moves and pairwise
// swaps, Kernighan-Lin/Fiduccia-Mattheyses style) that never lets a group
// exceed the per-chip PE capacity.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_GROUPING_H
#define SNNC_MAPPING_GROUPING_H

#include "snnc/mapping/SliceGraph.h"

#include <cstdint>
#include <vector>

namespace snnc::mapping {

struct Grouping {
  uint32_t numGroups = 0;
  std::vector<uint32_t> groupOfSlice;
  /// Sum of undirected traffic between different groups.
  double cutTraffic = 0;
  /// Cut straight after METIS (before repair and refinement).
  double metisCutTraffic = 0;
};

struct GroupingOptions {
  uint64_t seed = 1;
  /// METIS sees at most this many heaviest neighbours per slice, which
  /// bounds its time and memory on dense (all-to-all) slice graphs.
  /// Refinement always uses the full graph.
  uint32_t metisMaxDegree = 64;
  uint32_t refinePasses = 8;
};

/// Cuts into ceil(slices / capacity) groups of at most `capacity` slices.
/// Throws MappingError(PartitionerFailed) if METIS reports an error.
Grouping groupSlices(const SliceGraph &graph, uint32_t capacity,
                     const GroupingOptions &options);

/// Sum of undirected traffic between slices of different groups.
double groupCut(const SliceGraph &graph,
                const std::vector<uint32_t> &groupOfSlice);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_GROUPING_H
