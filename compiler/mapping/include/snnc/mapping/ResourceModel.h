//===- ResourceModel.h - Per-PE limits as linear cost terms -----*- C++ -*-===//
//
// The partitioner is target-independent: it only sees a list of per-PE
// limits and, for every population, how much of each limit a slice of that
// population uses. Usage is a sum of terms that grow with the slice, which
// keeps a greedy prefix-sum partition exact and O(neurons):
//
//   usage = fixed + perNeuron * neurons + perSynapse * incoming synapses
//         + perEvent * expected incoming synaptic events per step
//         + perRow * incoming source rows
//         + perRowEvent * expected incoming rows activated per step
//
// "Incoming source rows" of a slice counts, per incoming projection, the
// source neurons with at least one synapse into the slice. The partitioner
// bounds it by min(incoming synapses, source neurons) per projection, which
// is exact for random connectivity and conservative for local connectivity.
//
// A target plugs in by implementing ResourceModel; ManyCoreResourceModel is
// the many-core one (cores with SRAM, a cycle budget and ring buffers).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_RESOURCEMODEL_H
#define SNNC_MAPPING_RESOURCEMODEL_H

#include "snnc/mapping/MappingGraph.h"
#include "snnc/mapping/TargetModel.h"

#include <string>
#include <vector>

namespace snnc::mapping {

struct ResourceLimit {
  /// Name of the limit as the target file spells it (for diagnostics).
  std::string name;
  /// Unit for messages ("B", "cycles", "neurons").
  std::string unit;
  double capacity = 0;
};

struct ResourceCost {
  double fixed = 0;
  double perNeuron = 0;
  double perSynapse = 0;
  double perEvent = 0;
  double perRow = 0;
  double perRowEvent = 0;
};

/// The quantities a slice's usage depends on.
struct SliceStats {
  uint64_t neurons = 0;
  uint64_t synapses = 0;
  double events = 0;
  uint64_t rows = 0;
  double rowEvents = 0;
};

inline double evaluateCost(const ResourceCost &cost, const SliceStats &s) {
  return cost.fixed + cost.perNeuron * static_cast<double>(s.neurons) +
         cost.perSynapse * static_cast<double>(s.synapses) +
         cost.perEvent * s.events + cost.perRow * static_cast<double>(s.rows) +
         cost.perRowEvent * s.rowEvents;
}

/// Facts about a population the resource model may need beyond the
/// Population record itself.
struct PopulationContext {
  /// Longest delay over the population's incoming projections (>= 1).
  uint32_t maxIncomingDelay = 1;
};

class ResourceModel {
public:
  virtual ~ResourceModel();
  /// The per-PE limits, in a fixed order.
  virtual const std::vector<ResourceLimit> &limits() const = 0;
  /// One cost per limit, same order. All coefficients must be >= 0.
  virtual std::vector<ResourceCost>
  costsFor(const Population &population,
           const PopulationContext &context) const = 0;
};

/// Many-core PE: neuron count, SRAM and per-step cycle limits.
///  * neurons: at most maxNeuronsPerPe.
///  * SRAM: reserved (code, stack) + per neuron (state + ring buffer of
///    slots x entry bytes, slots = smallest power of two >= max delay + 1)
///    + one synapse word per incoming synapse + one row header per incoming
///    source row.
///  * cycles: per-step overhead + per-neuron update + per expected synaptic
///    event + (when the target gives one) per received packet.
class ManyCoreResourceModel : public ResourceModel {
public:
  explicit ManyCoreResourceModel(const TargetModel &target);
  const std::vector<ResourceLimit> &limits() const override {
    return limitList;
  }
  std::vector<ResourceCost>
  costsFor(const Population &population,
           const PopulationContext &context) const override;

  /// Ring-buffer slots for a population whose longest delay is `maxDelay`.
  static uint64_t ringSlots(uint32_t maxDelay);

private:
  TargetModel target;
  std::vector<ResourceLimit> limitList;
};

} // namespace snnc::mapping

#endif // SNNC_MAPPING_RESOURCEMODEL_H
