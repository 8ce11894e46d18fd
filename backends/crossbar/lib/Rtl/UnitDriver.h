//===- UnitDriver.h - Drives one crossbar unit through a step ---*- C++ -*-===//
//
// Owns one XbarUnitModel and speaks its port protocol: configuration
// writes, the clear command, the neuron phase of a step (collecting spike
// packets with the cycle they leave and readout values) and the synapse
// phase: packets pushed no earlier than their NoC arrival and never into a
// full FIFO, every word line the unit drives latched into the analog array,
// then the read command, answering each read pulse and ADC request from
// the array. Cycles count from the start of the step; a unit idle while it
// waits for the next packet is not clocked. Every unit error, and a phase
// that overruns its bound, comes back as an error naming the unit and step.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_RTL_UNITDRIVER_H
#define SNNC_CROSSBAR_RTL_UNITDRIVER_H

#include "AnalogArray.h"
#include "UnitTables.h"

#include "snnc/crossbar/rtl/XbarUnitModel.h"

#include <memory>

namespace snnc::crossbar::rtl {

class UnitDriver {
public:
  UnitDriver(std::unique_ptr<XbarUnitModel> model, const UnitTable &table,
             AnalogArray &array);

  image::Status load(const std::vector<std::pair<uint32_t, uint32_t>> &writes);
  /// Zeroes state, ring, driven rows and counters: the start of a run.
  image::Status clear();

  struct Spike {
    uint32_t key;
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
  /// Feeds `packets` (sorted by arrival), then reads the driven tiles.
  image::Status synapsePhase(uint64_t step,
                             const std::vector<Arrival> &packets);

  uint64_t cycle() const { return now; }
  /// Cycles simulated since construction, loading excluded, and of those
  /// the cycles of read commands.
  uint64_t ticks() const { return clocked; }
  uint64_t readTicks() const { return readClocked; }
  uint64_t counter(unsigned index) const { return model->counter(index); }
  XbarUnitModel &unit() { return *model; }

  void setTracing(bool on, uint64_t base) {
    tracing = on;
    traceBase = base;
    model->setTracing(on, base);
  }

private:
  void tick(const XbarInputs &in);
  /// Hands the unit's word lines and read pulses to the array, and sets
  /// the ADC sample it asks for into `in`.
  image::Status serve(uint64_t step, XbarInputs &in);
  image::Status check(uint64_t step) const;
  image::Status fail(uint64_t step, const std::string &what) const;

  std::unique_ptr<XbarUnitModel> model;
  const UnitTable &table;
  AnalogArray &array;
  /// Cycles one phase may take at most: a hang guard, far above need.
  uint64_t neuronBound = 0, packetBound = 0, readBound = 0;
  uint64_t now = 0;
  uint64_t clocked = 0;
  uint64_t readClocked = 0;
  bool tracing = false;
  uint64_t traceBase = 0;
};

} // namespace snnc::crossbar::rtl

#endif // SNNC_CROSSBAR_RTL_UNITDRIVER_H
