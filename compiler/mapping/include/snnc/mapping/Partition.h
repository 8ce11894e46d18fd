//===- Partition.h - Split populations into per-PE slices -------*- C++ -*-===//
//
// Every population is cut into contiguous slices [first, first + count), each
// small enough for one PE under every limit of the ResourceModel. The cut is
// greedy over prefix sums, O(neurons x (limits + incoming projections)),
// which is optimal in slice count because usage only grows with the slice.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_PARTITION_H
#define SNNC_MAPPING_PARTITION_H

#include "snnc/mapping/MappingGraph.h"
#include "snnc/mapping/ResourceModel.h"

#include <cstdint>
#include <vector>

namespace snnc::mapping {

struct Slice {
  uint32_t population;
  uint32_t first;
  uint32_t count;
};

/// Per (slice, incoming projection) figures, used for traffic estimates.
struct SliceInput {
  uint32_t projection;
  uint64_t synapses;
  /// min(synapses, source neurons): the bound on incoming rows.
  uint64_t rowsBound;
};

struct Partition {
  /// Ordered by population, then by first neuron.
  std::vector<Slice> slices;
  /// Slices of population p are [populationBegin[p], populationBegin[p+1]).
  std::vector<uint32_t> populationBegin;
  /// Inputs of slice s are inputs[inputBegin[s] .. inputBegin[s+1]).
  std::vector<uint32_t> inputBegin;
  std::vector<SliceInput> inputs;
  /// Figures of every slice as the partitioner bounded them.
  std::vector<SliceStats> stats;
  /// Resource costs of every population (same order as limits).
  std::vector<std::vector<ResourceCost>> populationCosts;
  std::vector<ResourceLimit> limits;

  uint32_t numSlices() const { return static_cast<uint32_t>(slices.size()); }
  /// Global slice index of neuron `neuron` of population `population`.
  uint32_t sliceOf(uint32_t population, uint32_t neuron) const;
  /// Usage of `limit` by slice `slice` under `stats`.
  double usage(uint32_t slice, uint32_t limit, const SliceStats &s) const {
    return evaluateCost(populationCosts[slices[slice].population][limit], s);
  }
};

/// Splits every population. Throws MappingError(NeuronDoesNotFit) naming the
/// population, the neuron and the limit when one neuron alone breaks a
/// limit, and MappingError(NotEnoughPes) naming the largest populations when
/// the slices outnumber `availablePes`.
/// Greedy slicing when `sliceSizes` is null; otherwise the given slice sizes
/// (one list per population, in neuron order), checked against every limit.
Partition partitionGraph(
    const MappingGraph &graph, const FanInTable &fanIn,
    const ResourceModel &model, uint64_t availablePes,
    const std::vector<std::vector<uint32_t>> *sliceSizes = nullptr);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_PARTITION_H
