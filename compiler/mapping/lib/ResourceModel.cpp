//===- ResourceModel.cpp - What one PE can hold, as linear cost terms -----===//

#include "snnc/mapping/ResourceModel.h"

namespace snnc::mapping {

ResourceModel::~ResourceModel() = default;

ManyCoreResourceModel::ManyCoreResourceModel(const TargetModel &target)
    : target(target) {
  limitList = {
      {"max_neurons_per_pe", "neurons", double(target.maxNeuronsPerPe)},
      {"sram_bytes_per_pe", "B", double(target.sramBytesPerPe)},
      {"step_cycle_budget", "cycles", target.stepCycleBudget},
  };
}

uint64_t ManyCoreResourceModel::ringSlots(uint32_t maxDelay) {
  // A spike with delay d lands d slots ahead of the slot being drained, so
  // d + 1 slots must coexist; a power of two makes the index a mask.
  uint64_t need = uint64_t(maxDelay) + 1, slots = 1;
  while (slots < need)
    slots <<= 1;
  return slots;
}

std::vector<ResourceCost>
ManyCoreResourceModel::costsFor(const Population &population,
                                const PopulationContext &context) const {
  ResourceCost neurons;
  neurons.perNeuron = 1;

  ResourceCost sram;
  sram.fixed = double(target.sramReservedBytesPerPe);
  uint32_t state = population.stateBytesPerNeuron
                       ? population.stateBytesPerNeuron
                       : target.neuronStateBytes;
  sram.perNeuron = double(state) + double(ringSlots(context.maxIncomingDelay)) *
                                       target.ringBufferEntryBytes;
  sram.perSynapse = target.synapseWordBytes;
  sram.perRow = target.rowHeaderBytes;

  ResourceCost cycles;
  cycles.fixed = target.cyclesPerStepOverhead;
  cycles.perNeuron = population.cyclesPerNeuron >= 0
                         ? population.cyclesPerNeuron
                         : target.cyclesPerNeuronUpdate;
  cycles.perEvent = target.cyclesPerSynapticEvent;
  cycles.perRowEvent = target.cyclesPerPacketReceived.value_or(0.0);
  return {neurons, sram, cycles};
}

} // namespace snnc::mapping
