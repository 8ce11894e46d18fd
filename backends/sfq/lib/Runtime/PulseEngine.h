//===- PulseEngine.h - SFQ step loop over a pulse device --------*- C++ -*-===//
//
// Both SFQ engines run the same loop: each step's input spikes become
// pulses at their ticks in the step's slot (docs/sfq.md §1), the device
// runs to the slot's end, and the neurons that fired become the step's
// spikes. `ref` drives the PulseSimulator, `rtl` the Verilated netlist;
// only the device differs. Readout populations (li, integrator) are not
// pulse circuits: they are evaluated off the chip, in double, from the
// spikes the chip sends out, and priced nowhere.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_RUNTIME_PULSEENGINE_H
#define SNNC_SFQ_RUNTIME_PULSEENGINE_H

#include "snnc/runtime/Engine.h"
#include "snnc/runtime/TargetRuntime.h"
#include "snnc/sfq/Counters.h"
#include "snnc/sfq/ImageSections.h"
#include "snnc/sfq/PulseSimulator.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace snnc::sfq {

/// What the loop needs of a simulated chip.
class PulseDevice {
public:
  virtual ~PulseDevice();
  /// Initial state; the next run starts at tick 0.
  virtual runtime::Status reset() = 0;
  virtual void inject(uint64_t tick, uint32_t element) = 0;
  /// Runs every tick below `endTick`, appending neuron fires in order.
  virtual runtime::Status runUntil(uint64_t endTick,
                                   std::vector<NeuronFire> &fires) = 0;
  virtual const std::array<uint64_t, kNumCounters> &counters() const = 0;
  /// Pulses processed (ref) or ticks simulated (rtl), for extraReport.
  virtual nlohmann::json figures() const = 0;
};

/// The event classes, for TargetRuntime::counters().
std::shared_ptr<const runtime::CounterSchema> counterSchema();

/// An engine named `name` over `device`, built for `image` (whose
/// sfq.netlist section the device simulates).
runtime::Expected<std::unique_ptr<runtime::Engine>>
makePulseEngine(const char *name, const image::Image &image,
                std::unique_ptr<PulseDevice> device);

/// The ref engine: the PulseSimulator on the image's netlist and timing.
runtime::Expected<std::unique_ptr<runtime::Engine>>
makeRefEngine(const image::Image &image);

/// The rtl engine: the image's netlist as Verilated SystemVerilog over the
/// hw/sfq cells, built (or found in the cache) now. `wrongMergeRule` (test
/// only) builds mergers that ignore their cross-input windows.
runtime::Expected<std::unique_ptr<runtime::Engine>>
makeRtlEngine(const image::Image &image, const runtime::EngineOptions &options,
              bool wrongMergeRule = false);

} // namespace snnc::sfq

#endif // SNNC_SFQ_RUNTIME_PULSEENGINE_H
