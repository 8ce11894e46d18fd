//===- RunBookkeeping.h - Run bookkeeping every engine shares ---*- C++ -*-===//
//
// The input check, the result every run starts from, the input spikes of
// each step, the per-step charging and recording, and the end of a run,
// defined once in Engine.cpp so that every engine of every target (fixed
// point, float, RTL) fills a RunResult identically; a target's step loop
// supplies only what happens inside its units.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_RUNBOOKKEEPING_H
#define SNNC_RUNTIME_RUNBOOKKEEPING_H

#include "snnc/runtime/Engine.h"

#include <memory>

namespace snnc::runtime::detail {

/// Checks one train per input port.
Status checkInputs(const image::Image &image,
                   const std::vector<SpikeTrain> &inputs);

/// An empty result for a run of `options` counting the classes of
/// `counters`: one trace per image output (readouts sized for every step)
/// and room for every population's spikes when they are recorded.
RunResult startRun(const image::Image &image, const RunOptions &options,
                   std::shared_ptr<const CounterSchema> counters);

/// Walks the input trains (sorted, as SpikeTrain::normalize leaves them)
/// step by step.
class InputCursor {
public:
  explicit InputCursor(const std::vector<SpikeTrain> &inputs)
      : inputs(inputs), at(inputs.size(), 0) {}

  /// The element indices of step `t` of every port, in train order; steps
  /// must be asked in increasing order.
  void step(uint64_t t, std::vector<std::vector<uint32_t>> &perPort);

private:
  const std::vector<SpikeTrain> &inputs;
  std::vector<size_t> at;
};

/// Slots of a delay ring that holds delays up to `maxDelay`: the smallest
/// power of two above it (docs/numerics.md §3, D), so that a slot index is
/// a mask of the step.
uint32_t ringSlots(uint32_t maxDelay);

/// Charges one step of `busyCycles` ending at `stepCycles` to `load`; true
/// (and a violation counted) when the step overran a positive `budget`.
bool chargeLoad(PeLoad &load, double busyCycles, double stepCycles,
                double budget);

/// Appends the spikes of step `t` to the spike outputs and, with
/// RunOptions::recordAllSpikes, to RunResult::populationSpikes.
void recordSpikes(uint64_t t,
                  const std::vector<std::vector<uint32_t>> &popSpikes,
                  const RunOptions &options, RunResult &result);

/// Cuts readout traces to the steps a run that stopped early did run.
void finishRun(const RunOptions &options, RunResult &result);

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_RUNBOOKKEEPING_H
