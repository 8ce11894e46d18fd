//===- PeDriver.h - Drives one PE model through a time step -----*- C++ -*-===//
//
// Owns one PeModel and speaks its port protocol: configuration writes with
// a CRC check, the clear command, the neuron phase of a step (collecting
// spike packets with the cycle they leave and recorded readout values) and
// the synapse phase (pushing packets no earlier than their NoC arrival and
// never into a full FIFO). Cycles count from the start of the step; a PE
// idle while it waits for the next packet is not clocked. Every PE error,
// and a phase that does not finish within the watchdog bound, comes back
// as an error naming the PE and the step.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_RTL_PEDRIVER_H
#define SNNC_SPINNAKER2_RTL_PEDRIVER_H

#include "PeMap.h"

#include "snnc/image/ImageError.h"
#include "snnc/spinnaker2/rtl/PeModel.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace snnc::rtl {

class PeDriver {
public:
  /// `label` names the PE in errors ("PE 12 (chip 0, population ...)").
  PeDriver(std::unique_ptr<PeModel> model, std::string label, uint32_t watchdog,
           uint32_t fifoDepth);

  /// Writes `writes` and checks the PE's CRC of them; `flip`, when set,
  /// XORs (word index, bits) into one data word on the way (a fault).
  image::Status load(const std::vector<std::pair<uint32_t, uint32_t>> &writes,
                     std::optional<std::pair<uint64_t, uint32_t>> flip = {});

  /// Zeroes state, ring and counters: the start of a run.
  image::Status clear();

  struct Spike {
    uint32_t key;
    /// Cycle (from the start of the step) the packet leaves the PE.
    uint64_t cycle;
  };
  struct Record {
    uint32_t index;
    int32_t v;
  };
  struct Arrival {
    uint64_t cycle;
    uint32_t key;
  };

  /// Starts step `step` at cycle 0 and runs its neuron phase.
  image::Status neuronPhase(uint64_t step, std::vector<Spike> &spikes,
                            std::vector<Record> &records);
  /// Feeds `packets` (sorted by arrival) and runs until all are absorbed.
  image::Status synapsePhase(uint64_t step,
                             const std::vector<Arrival> &packets);

  /// The cycle the current step has reached (its end, after both phases).
  uint64_t cycle() const { return now; }
  /// Clock cycles this PE has been simulated for, loading excluded.
  uint64_t ticks() const { return clocked; }
  uint64_t counter(unsigned index) const { return model->counter(index); }
  PeModel &pe() { return *model; }

  /// Waveforms for steps whose VCD time starts at `base` cycles.
  void setTracing(bool on, uint64_t base) {
    tracing = on;
    traceBase = base;
    model->setTracing(on, base);
  }

private:
  void tick(const PeInputs &in);
  image::Status check(uint64_t step) const;
  image::Status timeout(uint64_t step, const char *phase) const;

  std::unique_ptr<PeModel> model;
  std::string label;
  uint32_t watchdog;
  uint32_t fifoDepth;
  uint64_t now = 0;
  uint64_t clocked = 0;
  bool tracing = false;
  uint64_t traceBase = 0;
};

} // namespace snnc::rtl

#endif // SNNC_SPINNAKER2_RTL_PEDRIVER_H
