//===- Engine.h - The interface every runtime engine implements -*- C++ -*-===//
//
// Engines are shaped like a simulator control loop (docs STYLE §4): run()
// is one step() loop that calls an observer after every step and ends with
// a StopReason in the result. Engines never print; tools/ reports.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_ENGINE_H
#define SNNC_RUNTIME_ENGINE_H

#include "snnc/image/ImageError.h"
#include "snnc/runtime/RunResult.h"
#include "snnc/runtime/SpikeTrain.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::runtime {

struct RunOptions {
  uint64_t steps = 0;
  /// Fill RunResult::populationSpikes.
  bool recordAllSpikes = false;
  /// End the run after the first step in which a PE exceeds its budget.
  bool stopOnRealTimeViolation = false;
};

/// Readout traces hold a double per readout neuron per step, sized when a
/// run starts; no run may ask for more than this.
inline constexpr uint64_t kMaxRecordingBytes = uint64_t(512) << 20;

/// Refuses a run of `steps` whose readout traces would exceed
/// kMaxRecordingBytes (or overflow), or whose decoding in windows of
/// `window` steps (0: one) would exceed the decoder's limits, naming the
/// steps, the sizes and the limit.
Status checkRunLength(const image::Image &image, uint64_t steps,
                      uint64_t window = 0);

/// What an observer sees after step `step` has run all three phases.
struct StepInfo {
  uint64_t step = 0;
  /// Indices of the neurons of each population that spiked in this step.
  const std::vector<std::vector<uint32_t>> &populationSpikes;
  /// Indices of the elements of each input port injected in this step.
  const std::vector<std::vector<uint32_t>> &inputSpikes;
  /// Counters so far, including this step.
  const CounterSet &counters;
};

class StepObserver {
public:
  virtual ~StepObserver();
  /// Returns false to stop the run after this step.
  virtual bool onStep(const StepInfo &info) = 0;
};

class Engine {
public:
  virtual ~Engine();
  /// "ref", "float", ...
  virtual const char *name() const = 0;
  /// Runs from the initial state (v = 0, isyn = 0, empty rings), one spike
  /// train per image input port in Image::inputs order; events at steps >=
  /// options.steps are never injected. Fails, naming the port, when a train
  /// does not fit its port. Runs are independent and deterministic; an
  /// engine caches expanded procedural rows across runs, so one engine must
  /// not run on two threads at once (build one per thread).
  virtual Expected<RunResult> run(const std::vector<SpikeTrain> &inputs,
                                  const RunOptions &options,
                                  StepObserver *observer = nullptr) = 0;
  /// Figures of the last run beyond RunResult (an RTL engine's simulated
  /// cycles, its NoC model), as JSON and as report lines; none by default.
  /// `clockHz` (0 when unknown) turns cycles into seconds.
  virtual nlohmann::json extraReport(double clockHz) const;
  virtual std::string describeExtra(double clockHz) const;
};

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_ENGINE_H
