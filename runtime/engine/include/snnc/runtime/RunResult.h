//===- RunResult.h - What an engine run produces ----------------*- C++ -*-===//
//
// Every engine returns the same struct, so that tools/ can report, compare
// and price (energy = counts x per-event energy) runs without knowing which
// engine made them.
//
// Event counters are the classes the image's target declares (Counters.h);
// every engine of a target counts by the target's definitions, so two runs
// of one image compare class by class.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_RUNRESULT_H
#define SNNC_RUNTIME_RUNRESULT_H

#include "snnc/image/Image.h"
#include "snnc/runtime/Counters.h"
#include "snnc/runtime/SpikeList.h"

#include <cstdint>
#include <vector>

namespace snnc::runtime {

enum class StopReason {
  /// All requested steps ran.
  Completed,
  /// A StepObserver asked to stop.
  ObserverStopped,
  /// RunOptions::stopOnRealTimeViolation and a PE exceeded its budget.
  RealTimeViolation,
};

const char *toString(StopReason reason);

/// Load of one slice's PE under the target's cycle model: per step
/// cycles_per_step_overhead + updates x cycles_per_neuron_update +
/// synaptic events landing in the slice x cycles_per_synaptic_event (input
/// slices only pay the overhead).
struct PeLoad {
  /// Global slice index (image::listSlices order) and its global PE.
  uint32_t slice = 0;
  uint32_t pe = 0;
  double busyCycles = 0;
  double maxStepCycles = 0;
  /// Steps whose cycles exceeded step_cycle_budget.
  uint64_t violations = 0;
};

/// One image output over the run.
struct OutputTrace {
  uint32_t index = 0;
  uint32_t population = 0;
  image::OutputKind kind = image::OutputKind::Spikes;
  uint32_t size = 0;
  /// Spikes outputs: (step, neuron), sorted.
  SpikeList spikes;
  /// Current outputs: the value in real units of neuron j after step t at
  /// values[t * size + j].
  std::vector<double> values;
};

struct RunResult {
  /// Steps actually run.
  uint64_t steps = 0;
  StopReason stopReason = StopReason::Completed;
  std::vector<OutputTrace> outputs;
  /// One count per event class of the image's target.
  CounterSet counters;
  /// Spikes emitted by the populations over the run, and the neurons of
  /// spiking populations: the activity behind NeuroBench's
  /// ActivationSparsity (1 - spikes / (neurons x steps)).
  uint64_t populationSpikeCount = 0;
  uint64_t spikingNeurons = 0;
  std::vector<PeLoad> peLoads;
  /// Steps in which at least one PE exceeded step_cycle_budget.
  uint64_t realTimeViolations = 0;
  /// False when routerHops could not be modelled (see above).
  bool routerHopsModelled = true;
  /// Spikes of every population, when RunOptions::recordAllSpikes.
  std::vector<SpikeList> populationSpikes;
};

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_RUNRESULT_H
