//===- BatchRun.cpp - Many samples through one image, in parallel ---------===//

#include "snnc/batch/BatchRun.h"

#include "snnc/runtime/Decoding.h"
#include "snnc/runtime/SpikeFile.h"

#include "snnc/Support/CounterRng.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using snnc::image::Expected;
using snnc::image::ImageError;

namespace snnc::batch {
namespace {

/// Adds each spike of the tapped source, weighted by the kernel at its
/// step, to the sample's feature row.
class FeatureObserver : public runtime::StepObserver {
public:
  FeatureObserver(const ReadoutTap &tap, double *row) : tap(tap), row(row) {}
  bool onStep(const runtime::StepInfo &info) override {
    const std::vector<std::vector<uint32_t>> &spikes =
        tap.source.kind == image::SourceKind::Input ? info.inputSpikes
                                                    : info.populationSpikes;
    double k = info.step < tap.kernel.size() ? tap.kernel[info.step] : 0.0;
    if (k != 0 && tap.source.index < spikes.size())
      for (uint32_t i : spikes[tap.source.index])
        row[i] += k;
    return true;
  }

private:
  const ReadoutTap &tap;
  double *row;
};

/// The input spike trains of sample `index`.
Expected<std::vector<runtime::SpikeTrain>>
sampleInputs(const image::Image &image, const dataset::Dataset &data,
             const BatchOptions &options, size_t index) {
  if (data.isSpikes()) {
    const std::string &path = data.spikeFiles[index];
    Expected<runtime::SpikeFile> file = runtime::readSpikeFile(path);
    if (!file)
      return file.error();
    return runtime::bindInputs(file.value(), image.inputs, path);
  }
  const image::InputPort &port = image.inputs.front();
  runtime::ValueFile values;
  runtime::PortValues pv;
  pv.name = port.name;
  pv.shape = port.shape;
  pv.size = port.size;
  pv.samples.emplace_back(data.sample(index), data.sample(index) + port.size);
  values.ports.push_back(std::move(pv));
  runtime::EncoderOptions encoder = options.encoder;
  encoder.steps = options.steps;
  encoder.window = options.steps;
  encoder.dt = image.dt;
  encoder.seed = sampleSeed(options.seed, index);
  std::string source = data.source + " sample " + std::to_string(index);
  Expected<runtime::SpikeFile> encoded =
      runtime::encodeValues(values, encoder, source);
  if (!encoded)
    return encoded.error();
  return runtime::bindInputs(encoded.value(), image.inputs, source);
}

/// What every worker shares.
struct Shared {
  const runtime::TargetRuntime &target;
  const image::Image &image;
  const dataset::Dataset &data;
  const BatchOptions &options;
  runtime::Footprint footprint;
  BatchResult &result;
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::condition_variable finished;
  /// The failure of the lowest sample index seen.
  size_t errorSample = SIZE_MAX;
  ImageError error;
};

void fail(Shared &shared, size_t sample, ImageError error) {
  std::lock_guard<std::mutex> lock(shared.mutex);
  if (sample < shared.errorSample) {
    shared.errorSample = sample;
    shared.error = std::move(error);
  }
  shared.failed = true;
}

/// Runs sample `i` on `engine` into its slots of the result.
bool runSample(Shared &shared, runtime::Engine &engine, size_t i) {
  const BatchOptions &options = shared.options;
  Expected<std::vector<runtime::SpikeTrain>> inputs =
      sampleInputs(shared.image, shared.data, options, i);
  if (!inputs) {
    fail(shared, i, inputs.error());
    return false;
  }
  std::optional<FeatureObserver> observer;
  if (options.tap)
    observer.emplace(*options.tap, shared.result.features.data() +
                                       i * options.tap->sourceSize);
  runtime::RunOptions run;
  run.steps = options.steps;
  Expected<runtime::RunResult> ran =
      engine.run(inputs.value(), run, observer ? &*observer : nullptr);
  if (!ran) {
    fail(shared, i, ran.error());
    return false;
  }
  const runtime::RunResult &r = ran.value();
  SampleOutcome &out = shared.result.samples[i];
  const runtime::OutputTrace &trace = r.outputs[options.output];
  runtime::DecodedOutput decoded = runtime::decodeOutput(
      trace, shared.image.populations[trace.population].name, r.steps,
      options.steps);
  if (!decoded.windows.empty())
    out.predicted = decoded.windows.front().cls;
  out.counters.resize(r.counters.size());
  for (size_t c = 0; c < r.counters.size(); ++c)
    out.counters[c] = r.counters[c];
  out.populationSpikes = r.populationSpikeCount;
  if (options.energyModel) {
    Expected<runtime::EnergyReport> energy = runtime::computeEnergy(
        shared.target, shared.image, r, *options.energyModel, options.steps,
        &shared.footprint);
    if (!energy) {
      fail(shared, i, energy.error());
      return false;
    }
    out.joules = energy->totalJoules;
    out.dynamicJoules = energy->dynamicJoules;
    out.chipJoules = energy->chipJoules;
    out.latencySeconds = energy->inferenceLatencySeconds;
    if (i == 0) {
      shared.result.energy = std::move(energy.value());
      shared.result.schema = r.counters.schema();
      shared.result.spikingNeurons = r.spikingNeurons;
    }
  } else if (i == 0) {
    shared.result.schema = r.counters.schema();
    shared.result.spikingNeurons = r.spikingNeurons;
  }
  return true;
}

void work(Shared &shared, std::unique_ptr<runtime::Engine> engine) {
  size_t n = shared.data.samples();
  for (size_t i = shared.next++; i < n && !shared.failed; i = shared.next++) {
    if (!runSample(shared, *engine, i))
      break;
    if (++shared.done == n) {
      std::lock_guard<std::mutex> lock(shared.mutex);
      shared.finished.notify_all();
    }
  }
  std::lock_guard<std::mutex> lock(shared.mutex);
  shared.finished.notify_all();
}

} // namespace

uint64_t sampleSeed(uint64_t seed, uint64_t index) {
  // SplitMix64 of (seed, index): neighbouring samples get unrelated streams.
  using snn::reservoir::detail::kGolden;
  using snn::reservoir::detail::mix64;
  return mix64(seed * kGolden + index + 0x632BE59BD9B4E019ull);
}

Expected<BatchResult> runBatch(const runtime::TargetRuntime &target,
                               const image::Image &image,
                               const dataset::Dataset &data,
                               const BatchOptions &options) {
  if (options.output >= image.outputs.size())
    return ImageError{"", "--decode-output " + std::to_string(options.output) +
                              " names no output; the network has " +
                              std::to_string(image.outputs.size())};
  if (!data.isSpikes()) {
    if (image.inputs.size() != 1)
      return ImageError{data.source,
                        "a dataset of values feeds a network of one input "
                        "port; this one has " +
                            std::to_string(image.inputs.size())};
    if (image.inputs.front().size != data.sampleSize)
      return ImageError{data.source,
                        "samples of " + std::to_string(data.sampleSize) +
                            " values do not fit input port '" +
                            image.inputs.front().name + "' of " +
                            std::to_string(image.inputs.front().size) +
                            " elements (--crop and --pool resize images)"};
  }
  BatchResult result;
  result.samples.resize(data.samples());
  if (options.tap)
    result.features.assign(data.samples() * options.tap->sourceSize, 0.0);
  Shared shared{target, image, data, options, {}, result};
  if (options.energyModel)
    shared.footprint = target.footprint(image);

  unsigned threads = std::max(1u, options.threads);
  threads = unsigned(std::min<size_t>(threads, data.samples()));
  std::vector<std::unique_ptr<runtime::Engine>> engines;
  for (unsigned t = 0; t < threads; ++t) {
    Expected<std::unique_ptr<runtime::Engine>> made =
        target.createEngine(options.engine, image, options.engineOptions);
    if (!made)
      return made.error();
    engines.push_back(std::move(made.value()));
  }
  result.engine = engines.front()->name();
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back(work, std::ref(shared), std::move(engines[t]));
  {
    std::unique_lock<std::mutex> lock(shared.mutex);
    while (shared.done < data.samples() && !shared.failed) {
      shared.finished.wait_for(lock, std::chrono::milliseconds(200));
      if (options.progress) {
        lock.unlock();
        options.progress(shared.done);
        lock.lock();
      }
    }
  }
  for (std::thread &w : workers)
    w.join();
  if (shared.failed) {
    ImageError e = shared.error;
    std::string where = data.isSpikes()
                            ? data.spikeFiles[shared.errorSample]
                            : "sample " + std::to_string(shared.errorSample);
    e.what = where + ": " + e.what;
    return e;
  }
  if (options.progress)
    options.progress(data.samples());
  return result;
}

} // namespace snnc::batch
