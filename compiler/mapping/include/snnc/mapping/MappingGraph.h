//===- MappingGraph.h - Populations and projections to map ------*- C++ -*-===//
//
// The mapper's input, built by the compiler from the IR. It holds per-neuron
// arrays only (fan-in counts, optional row lengths); individual synapses are
// never stored here. When the mapper needs to know which target neurons a
// source neuron reaches (exact slice-to-slice traffic, exact routing
// destinations), it asks the projection's `rows` callback for one row at a
// time, so procedural projections are expanded on the fly.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_MAPPINGGRAPH_H
#define SNNC_MAPPING_MAPPINGGRAPH_H

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace snnc::mapping {

struct Population {
  std::string name;
  uint32_t size = 0;
  /// Neuron model kind as the compiler numbers it; the resource model may
  /// use it to pick per-model costs.
  int32_t modelKind = 0;
  /// Per-neuron state and parameter bytes; 0 means the target default.
  uint32_t stateBytesPerNeuron = 0;
  /// Per-neuron update cycles; negative means the target default.
  double cyclesPerNeuron = -1;
  /// Mean firing probability per neuron per step; negative means the
  /// graph-wide default (MappingGraph::firingProbability).
  double firingProbability = -1;
};

/// Fills `targets` (cleared first) with the target-neuron indices of the
/// synapses of source neuron `pre`, one per synapse. Order is free.
using RowFn = std::function<void(uint32_t pre, std::vector<uint32_t> &targets)>;

struct Projection {
  std::string name;
  uint32_t source = 0;
  uint32_t target = 0;
  /// Incoming synapse count of every target neuron. May be left empty when
  /// `rows` is set; the mapper then counts it in one pass over the rows.
  std::vector<uint32_t> fanIn;
  /// Optional outgoing synapse count of every source neuron. Used when
  /// `rows` is absent to weight the traffic estimate and to know which
  /// source neurons send nothing.
  std::vector<uint32_t> rowLengths;
  /// Longest synaptic delay in time steps (>= 1).
  uint32_t maxDelay = 1;
  /// Synapses are regenerated from a seed at load time instead of stored.
  bool procedural = false;
  /// Optional row enumerator. Without it, the mapper assumes sources pick
  /// targets uniformly at random: traffic is estimated, and every source
  /// slice is routed to every target slice of the projection (a superset of
  /// the true destinations, which is safe).
  RowFn rows;
};

struct MappingGraph {
  std::vector<Population> populations;
  std::vector<Projection> projections;
  /// Assumed mean firing probability per neuron per step (0.01 = 10 Hz at
  /// 1 ms steps), used for cycle and traffic estimates.
  double firingProbability = 0.01;

  uint32_t addPopulation(Population population);
  uint32_t addProjection(Projection projection);

  double firingProbabilityOf(uint32_t population) const;
  uint64_t totalNeurons() const;

  /// Throws MappingError(InvalidGraph) naming the offending population or
  /// projection: bad indices, fan-in of the wrong length, probabilities
  /// outside [0, 1], zero delays.
  void validate() const;
};

/// Fan-in of every projection: the projection's own vector, or counted in
/// one pass over its rows when it has none.
class FanInTable {
public:
  explicit FanInTable(const MappingGraph &graph);
  const std::vector<uint32_t> &fanInOf(uint32_t projection) const {
    const std::vector<uint32_t> &own = graph->projections[projection].fanIn;
    return own.empty() ? counted[projection] : own;
  }

private:
  const MappingGraph *graph;
  std::vector<std::vector<uint32_t>> counted;
};

} // namespace snnc::mapping

#endif // SNNC_MAPPING_MAPPINGGRAPH_H
