//===- UnitStepLoop.h - The step loop every RTL engine shares ---*- C++ -*-===//
//
// The timing of docs/numerics.md §3 over simulated hardware units, for any
// target whose units exchange spikes as packets: per step t, (1) the input
// spikes of t, (2) every unit's neuron phase, (3) every spike of t, from an
// input slice (one packet per cycle from cycle 0) or a unit, carried over
// the NoC model to the units that hold its synapses and absorbed in their
// synapse phase. Within a step all units start at cycle 0 and the step's
// latency is the last unit's end. The loop owns the ordering, the NoC
// traffic, the PE loads against the step budget, spike and readout
// recording, trace windows and stopping; the target (UnitArray) owns what
// happens inside a unit and what its packets and counters mean.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RTL_UNITSTEPLOOP_H
#define SNNC_RTL_UNITSTEPLOOP_H

#include "snnc/rtl/Noc.h"
#include "snnc/rtl/UnitModel.h"
#include "snnc/runtime/Engine.h"

#include <cstdint>
#include <vector>

namespace snnc::rtl {

/// A spike a unit emits in its neuron phase.
struct UnitSpike {
  /// The cycle of the step it leaves the unit.
  uint64_t cycle;
  /// The target's packet word (a routing key on a key/mask multicast
  /// network).
  uint32_t payload;
  /// The neuron within the unit's slice.
  uint32_t local;
};

/// A readout value a unit reports in its neuron phase, in real units.
struct UnitReadout {
  uint32_t local;
  double value;
};

/// A packet reaching a unit.
struct UnitArrival {
  uint64_t cycle;
  uint32_t payload;
};

/// A target's simulated units, one per population slice, as the loop drives
/// them.
class UnitArray {
public:
  struct Unit {
    /// Global slice index (image::listSlices), global PE, population and
    /// its first neuron on the unit.
    uint32_t slice;
    uint32_t pe;
    uint32_t population;
    uint32_t first;
  };

  virtual ~UnitArray();

  virtual const std::vector<Unit> &units() const = 0;
  /// Per global slice: the units that absorb its packets, in the order of
  /// the destinations of its NoC tree, and that tree.
  virtual const std::vector<std::vector<uint32_t>> &destinations() const = 0;
  virtual const std::vector<uint32_t> &trees() const = 0;
  virtual Noc &noc() = 0;

  virtual image::Status neuronPhase(size_t unit, uint64_t step,
                                    std::vector<UnitSpike> &spikes,
                                    std::vector<UnitReadout> &readouts) = 0;
  /// `arrivals` is sorted by cycle.
  virtual image::Status
  synapsePhase(size_t unit, uint64_t step,
               const std::vector<UnitArrival> &arrivals) = 0;
  /// Busy cycles of `unit` since the run began, and the cycle its current
  /// step ended.
  virtual uint64_t busyCycles(size_t unit) const = 0;
  virtual uint64_t stepCycles(size_t unit) const = 0;

  /// The payload of element `element` (counted within the slice) of input
  /// slice `slice`.
  virtual uint32_t inputPayload(uint32_t slice, uint32_t element) const = 0;
  /// Counts one packet of element `element` of `source` (input i, or the
  /// number of inputs + population p) into the target's counters.
  virtual void countPacket(uint32_t source, uint32_t element,
                           runtime::CounterSet &counters) const = 0;
  /// After the step's synapse phases: the event counters the units keep.
  virtual void countStep(runtime::CounterSet &counters) = 0;
  /// Waveforms of the traced unit, if any, for steps whose VCD time starts
  /// at cycle `base`.
  virtual void setTracing(bool on, uint64_t base) = 0;
};

struct UnitLoopStats {
  uint64_t stepCyclesTotal = 0;
  uint64_t stepCyclesMax = 0;
};

/// Runs `options.steps` steps into `result`, which the target started
/// (runtime::detail::startRun, one PeLoad per global slice). Waveforms
/// cover the steps of `window`. A unit's error ends the run with it.
image::Status runUnitSteps(const image::Image &image, UnitArray &units,
                           const std::vector<runtime::SpikeTrain> &inputs,
                           const runtime::RunOptions &options,
                           runtime::StepObserver *observer, double budget,
                           const TraceWindow &window,
                           runtime::RunResult &result, UnitLoopStats &stats);

} // namespace snnc::rtl

#endif // SNNC_RTL_UNITSTEPLOOP_H
