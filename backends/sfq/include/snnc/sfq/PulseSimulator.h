//===- PulseSimulator.h - Event-driven simulation of a netlist --*- C++ -*-===//
//
// The ref engine's core (docs/sfq.md §3-§5): pending pulses are processed in
// (tick, cell, port) order on integer time, each cell is its TimEx state
// machine, synapses draw from the counter-based stream keyed by (seed,
// synapse id, pulse index), and every junction-switching event is counted
// by its Counters.def class. Runs are incremental so that an engine can
// stop after any step: inject the step's input pulses, then runUntil() the
// step's end.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_PULSESIMULATOR_H
#define SNNC_SFQ_PULSESIMULATOR_H

#include "snnc/sfq/CellTiming.h"
#include "snnc/sfq/Counters.h"
#include "snnc/sfq/Netlist.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace snnc::sfq {

/// Tag of the synapses' stream in snn::reservoir::detail::CounterRng.
inline constexpr uint64_t kSynapseStream = 0x73666173796eULL; // "sfasyn"

struct NeuronFire {
  uint64_t tick = 0;
  /// The neuron's cell index.
  uint32_t cell = 0;
};

/// One pulse leaving an output port, for traces compared against rtl.
struct PulseRecord {
  uint64_t tick = 0;
  uint32_t cell = 0;
  uint8_t port = 0;
  bool operator==(const PulseRecord &o) const {
    return tick == o.tick && cell == o.cell && port == o.port;
  }
};

class PulseSimulator {
public:
  /// `netlist` must pass Netlist::check(); it and `timing` must outlive
  /// the simulator.
  PulseSimulator(const Netlist &netlist, const TimingTable &timing,
                 uint64_t seed);
  ~PulseSimulator();

  /// Back to the initial state (no pulses pending, every cell state 0,
  /// every synapse's pulse index 0, counters 0, clocks at their phase).
  void reset();

  /// A pulse leaves the input cell of global input element `element` at
  /// `tick` (ignored when no input cell has that element).
  void inject(uint64_t tick, uint32_t element);

  /// Processes every pending pulse with tick < `endTick` (clock pulses
  /// included), appending neuron fires in processing order and, when
  /// `trace` is set, every pulse leaving an output port (input and clock
  /// cells included).
  void runUntil(uint64_t endTick, std::vector<NeuronFire> &fires,
                std::vector<PulseRecord> *trace = nullptr);

  const std::array<uint64_t, kNumCounters> &counters() const;
  /// Pulses processed since reset() (accepted, absorbed or deferred).
  uint64_t eventsProcessed() const;
  /// A neuron's loop content (tests and traces).
  uint64_t neuronState(uint32_t cell) const;

private:
  struct State;
  std::unique_ptr<State> state;
};

} // namespace snnc::sfq

#endif // SNNC_SFQ_PULSESIMULATOR_H
