//===- RunBookkeeping.h - Run bookkeeping every engine shares ---*- C++ -*-===//
//
// The input check, the result every run starts from, the per-step recording
// of spikes, and the end of a run, defined once in Engine.cpp so that every
// engine of every target fills a RunResult identically.
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

/// Appends the spikes of step `t` to the spike outputs and, with
/// RunOptions::recordAllSpikes, to RunResult::populationSpikes.
void recordSpikes(uint64_t t,
                  const std::vector<std::vector<uint32_t>> &popSpikes,
                  const RunOptions &options, RunResult &result);

/// Cuts readout traces to the steps a run that stopped early did run.
void finishRun(const RunOptions &options, RunResult &result);

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_RUNBOOKKEEPING_H
