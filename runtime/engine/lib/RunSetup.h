//===- RunSetup.h - Run bookkeeping every engine shares ---------*- C++ -*-===//
//
// The input check, the result every run starts from, the per-step recording
// of spikes and cycles, and the end of a run, defined once in Engine.cpp so
// that the ref/float step loop, the nir engine and the rtl engine fill a
// RunResult identically.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_RUNSETUP_H
#define SNNC_RUNTIME_RUNSETUP_H

#include "Topology.h"

#include "snnc/runtime/Engine.h"

namespace snnc::runtime::detail {

/// Checks one train per input port.
Status checkInputs(const image::Image &image,
                   const std::vector<SpikeTrain> &inputs);

/// An empty result for a run of `options`: one trace per image output
/// (readouts sized for every step), one PeLoad per global slice, and room
/// for every population's spikes when they are recorded.
RunResult startRun(const image::Image &image, const Topology &topo,
                   const RunOptions &options);

/// Appends the spikes of step `t` to the spike outputs and, with
/// RunOptions::recordAllSpikes, to RunResult::populationSpikes.
void recordSpikes(uint64_t t,
                  const std::vector<std::vector<uint32_t>> &popSpikes,
                  const RunOptions &options, RunResult &result);

/// Charges one step of the target's cycle model to every slice's PE:
/// overhead + neuron updates + the synaptic events in `sliceEvents`, which
/// it resets. True when a PE exceeded the step budget.
bool chargeStepCycles(const Topology &topo, std::vector<uint64_t> &sliceEvents,
                      RunResult &result);

/// Cuts readout traces to the steps a run that stopped early did run.
void finishRun(const RunOptions &options, RunResult &result);

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_RUNSETUP_H
