//===- Decoding.h - Spike outputs to numbers and classes --------*- C++ -*-===//
//
// A run's outputs, read the two ways classifiers read spiking networks,
// window by window (one window = one inference; docs/formats.md "Decoded
// outputs"):
//
//   spikes   counts[j] = spikes of neuron j in the window; firstSpike[j] =
//            steps from the window's start to neuron j's first spike, or -1
//            when it is silent. `cls` is the neuron with the most spikes
//            (ties: the earlier first spike, then the lower index) and
//            `firstClass` the neuron that fires first (ties: the lower
//            index); both -1 when the output is silent in the window;
//   current  mean[j] = mean value of readout j over the window; `cls` is
//            the largest mean (ties: the lower index).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_DECODING_H
#define SNNC_RUNTIME_DECODING_H

#include "snnc/image/ImageError.h"
#include "snnc/runtime/RunResult.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::runtime {

struct DecodedWindow {
  /// Steps [first, first + steps); the last window may be shorter.
  uint64_t first = 0;
  uint64_t steps = 0;
  int64_t cls = -1;
  /// Spikes outputs.
  int64_t firstClass = -1;
  std::vector<uint64_t> counts;
  std::vector<int64_t> firstSpike;
  /// Current outputs.
  std::vector<double> mean;
};

struct DecodedOutput {
  uint32_t index = 0;
  /// The population the output reads.
  std::string name;
  image::OutputKind kind = image::OutputKind::Spikes;
  uint32_t size = 0;
  std::vector<DecodedWindow> windows;
};

struct DecodedRun {
  /// Steps decoded (those the run ran) and steps per window.
  uint64_t steps = 0;
  uint64_t window = 0;
  std::vector<DecodedOutput> outputs;
};

/// Most numbers (windows x neurons, over all outputs) one decoding may
/// hold, so that a tiny window over a huge output is refused, not an OOM.
inline constexpr uint64_t kMaxDecodedEntries = uint64_t(1) << 24;
/// Most windows (over all outputs) one decoding may keep: each is a record
/// of a few hundred bytes whatever its output's width.
inline constexpr uint64_t kMaxDecodedWindows = uint64_t(1) << 20;

/// Refuses decoding a run of `steps` of `image` in windows of `window`
/// steps (0: one window) when it would exceed either limit above; a run
/// checks this before it starts.
Status checkDecodeSize(const image::Image &image, uint64_t steps,
                       uint64_t window);

/// Decodes `trace` over `steps` steps in windows of `window` steps (0: one
/// window of all steps). `name` is the output's population.
DecodedOutput decodeOutput(const OutputTrace &trace, const std::string &name,
                           uint64_t steps, uint64_t window);

/// Decodes every output of `result`, a run of `image`; fails when the
/// windows would hold more than kMaxDecodedEntries numbers.
Expected<DecodedRun> decodeRun(const image::Image &image,
                               const RunResult &result, uint64_t window);

/// {"steps", "window", "inferences", "outputs": [{"index", "name", "kind",
/// "size", "windows": [{"first", "steps", "class", ...}]}]}; silent
/// first spikes are null.
nlohmann::json toJson(const DecodedRun &decoded);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_DECODING_H
