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

/// The spikes a run records: those of the spike outputs and, with
/// RunOptions::recordAllSpikes, every population's. They are kept compact
/// while the run goes (a 32-bit index per spike, one entry per step that
/// has spikes) and become 16-byte SpikeEvents once, at their final size, in
/// finishRun(): appending events spike by spike re-allocates and re-faults
/// the growing vectors (measured a fifth of a 10,000-neuron LSM run).
class SpikeLog {
public:
  SpikeLog(const RunResult &result, const RunOptions &options);

  /// Logs the spikes of step `t`, population by population.
  void record(uint64_t t, const std::vector<std::vector<uint32_t>> &popSpikes);

  /// Writes every logged spike into its trace of `result`.
  void writeTo(RunResult &result) const;

private:
  struct Stream {
    uint32_t population;
    /// Where the spikes go: an index into RunResult::outputs, or kAll for
    /// RunResult::populationSpikes[population].
    uint32_t output;
    std::vector<uint32_t> index;
    /// (step, end of its spikes in `index`) of every step with spikes.
    std::vector<std::pair<uint64_t, uint64_t>> steps;
  };
  static constexpr uint32_t kAll = ~uint32_t(0);
  std::vector<Stream> streams;
};

/// Charges one step of the target's cycle model to every slice's PE:
/// overhead + neuron updates + the synaptic events in `sliceEvents`, which
/// it resets. True when a PE exceeded the step budget.
bool chargeStepCycles(const Topology &topo, std::vector<uint64_t> &sliceEvents,
                      RunResult &result);

/// Writes the logged spikes and cuts readout traces to the steps a run
/// that stopped early did run.
void finishRun(const RunOptions &options, const SpikeLog &spikes,
               RunResult &result);

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_RUNSETUP_H
