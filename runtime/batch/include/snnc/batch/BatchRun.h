//===- BatchRun.h - Many samples through one image, in parallel -*- C++ -*-===//
//
// `snnc eval` and `snnc fit` run every sample of a dataset as one
// inference: the engine starts each run from its initial state (v = 0,
// empty delay rings), so no state carries from one sample to the next. A
// value sample is encoded with the runtime's encoders under its own seed,
// derived from the run's seed and the sample's index alone; a spike sample
// is read from its file. Threads take samples from a shared counter, each
// with its own engine, and write only their samples' slots, so the results
// are the same for any thread count.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_BATCH_BATCHRUN_H
#define SNNC_BATCH_BATCHRUN_H

#include "snnc/batch/ReadoutTap.h"
#include "snnc/dataset/Dataset.h"
#include "snnc/runtime/Encoding.h"
#include "snnc/runtime/Energy.h"
#include "snnc/runtime/TargetRuntime.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace snnc::batch {

struct BatchOptions {
  /// An engine of the image's target.
  std::string engine;
  runtime::EngineOptions engineOptions;
  /// Steps of one inference.
  uint64_t steps = 0;
  /// Value samples: the encoder (its steps, window, dt and seed are set
  /// per sample here).
  runtime::EncoderOptions encoder;
  uint64_t seed = 1;
  /// Worker threads (at least 1).
  unsigned threads = 1;
  /// The output whose decoded class is the prediction.
  uint32_t output = 0;
  /// Collect the features a readout trained on this tap would see.
  std::optional<ReadoutTap> tap;
  /// Prices every sample.
  const nlohmann::json *energyModel = nullptr;
  /// Called every few hundred milliseconds, on the calling thread, with the
  /// samples finished so far.
  std::function<void(size_t)> progress;
};

struct SampleOutcome {
  /// The decoded class, -1 when the output says nothing (a silent spike
  /// output).
  int64_t predicted = -1;
  /// All energy of the inference, and its dynamic part (counted events
  /// alone, without static power over the inference's simulated time).
  double joules = 0;
  double dynamicJoules = 0;
  /// Energy on the chip (dynamic + static), without the target's extra
  /// terms such as cooling; equals `joules` for a target without them.
  double chipJoules = 0;
  double latencySeconds = 0;
  /// One value per class of the target's counter schema.
  std::vector<uint64_t> counters;
  uint64_t populationSpikes = 0;
};

struct BatchResult {
  std::string engine;
  std::vector<SampleOutcome> samples;
  /// samples x tap->sourceSize, row-major, when a tap was given.
  std::vector<double> features;
  /// The first sample's energy report: what every sample shares
  /// (operating point, footprint, clock) and the component names.
  runtime::EnergyReport energy;
  const runtime::CounterSchema *schema = nullptr;
  uint64_t spikingNeurons = 0;
};

/// The seed sample `index` is encoded with.
uint64_t sampleSeed(uint64_t seed, uint64_t index);

/// Runs every sample of `data` on `image`; the first failure (by sample
/// index) is the error, naming the sample.
image::Expected<BatchResult> runBatch(const runtime::TargetRuntime &target,
                                      const image::Image &image,
                                      const dataset::Dataset &data,
                                      const BatchOptions &options);

} // namespace snnc::batch

#endif // SNNC_BATCH_BATCHRUN_H
