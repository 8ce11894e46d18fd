//===- SliceGraph.h - Expected spike traffic between slices -----*- C++ -*-===//
//
// Nodes are slices; a directed edge s -> t carries the expected number of
// packets per step that source slice s delivers to target slice t: the sum
// of firing probabilities of the neurons of s with at least one synapse into
// t (one packet per spike reaches t however many synapses it feeds there).
//
// With a projection's `rows` callback the edges are exact, built in one pass
// over all synapses; the same pass counts the exact incoming rows of every
// slice, so SRAM figures can be refined below the partitioner's bound.
// Without it, sources are assumed to pick targets uniformly at random and
// every (source slice, target slice) pair of the projection gets an edge.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_SLICEGRAPH_H
#define SNNC_MAPPING_SLICEGRAPH_H

#include "snnc/mapping/MappingGraph.h"
#include "snnc/mapping/Partition.h"

#include <cstdint>
#include <vector>

namespace snnc::mapping {

struct SliceEdge {
  uint32_t source;
  uint32_t target;
  double packets;
};

struct SliceGraph {
  uint32_t numSlices = 0;

  /// Directed traffic, by source slice, targets ascending; self edges kept.
  std::vector<uint64_t> outBegin;
  std::vector<uint32_t> outTarget;
  std::vector<float> outPackets;

  /// Expected packets per step each slice injects: one per spike of a
  /// neuron with any outgoing synapse. Multicast trees carry this load.
  std::vector<double> packetsEmitted;

  /// Undirected, symmetrised weights w(u,v) = t(u->v) + t(v->u), no self
  /// edges, neighbours ascending. This is what placement minimises over.
  std::vector<uint64_t> adjBegin;
  std::vector<uint32_t> adjNode;
  std::vector<float> adjWeight;

  /// Per slice figures with exact row counts where rows were enumerated.
  std::vector<SliceStats> refinedStats;

  uint64_t numEdges() const { return outTarget.size(); }
  double totalTraffic() const;

  /// Builds the graph from explicit edges (duplicates are summed); for
  /// tests and for targets that compute traffic themselves.
  static SliceGraph fromEdges(uint32_t numSlices, std::vector<SliceEdge> edges);
};

SliceGraph buildSliceGraph(const MappingGraph &graph,
                           const Partition &partition);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_SLICEGRAPH_H
