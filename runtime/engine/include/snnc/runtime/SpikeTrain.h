//===- SpikeTrain.h - Input spike trains and their JSON format --*- C++ -*-===//
//
// A spike train feeds one input port of an image. Its JSON form is
//
//   {"shape": [2, 3], "events": [[0, 4], [3, 0], [3, 5]]}
//
// where `shape` must equal the port's shape and each event is
// [step, element]: `step` an integer >= 0 (the step whose phase 1 injects
// the spike) and `element` the row-major flat index into the port, below the
// product of `shape`. Events may come in any order; the reader sorts them by
// (step, element) and drops exact duplicates, since a port element spikes at
// most once per step. The writer emits the sorted form, so read(write(x))
// is x.
//
// This is the one-port form of a spike file; SpikeFile.h has the multi-port
// JSON form and the binary form. The readers here accept any spike file
// holding exactly one port of spikes; the writer picks the binary form for
// paths ending in ".spk" or ".bin".
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_SPIKETRAIN_H
#define SNNC_RUNTIME_SPIKETRAIN_H

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::runtime {

using image::Expected;
using image::ImageError;
using image::Status;

struct SpikeEvent {
  uint64_t step = 0;
  uint32_t index = 0;
};

inline bool operator==(const SpikeEvent &a, const SpikeEvent &b) {
  return a.step == b.step && a.index == b.index;
}
inline bool operator<(const SpikeEvent &a, const SpikeEvent &b) {
  return a.step != b.step ? a.step < b.step : a.index < b.index;
}

struct SpikeTrain {
  std::vector<uint32_t> shape;
  /// Sorted by (step, index), without duplicates.
  std::vector<SpikeEvent> events;

  /// Product of `shape` (1 for an empty shape).
  uint64_t size() const;
  /// Sorts `events` and removes duplicates.
  void normalize();
};

bool operator==(const SpikeTrain &a, const SpikeTrain &b);

/// Parses a spike file (JSON text or binary bytes) holding one port of
/// spikes; `source` names it in errors (a path, "stdin").
Expected<SpikeTrain> parseSpikeTrain(const std::string &text,
                                     const std::string &source);

/// Reads and parses the file `path`.
Expected<SpikeTrain> readSpikeTrain(const std::string &path);

/// The JSON text of `train` (normalized), ending with a newline.
std::string formatSpikeTrain(const SpikeTrain &train);

/// Writes `train` to `path`: formatSpikeTrain(train), or the binary form
/// for a ".spk" or ".bin" path.
Status writeSpikeTrain(const SpikeTrain &train, const std::string &path);

/// Checks that `train` fits `port`: equal shapes and every index in range.
/// `source` names the train in errors.
Status checkSpikeTrain(const SpikeTrain &train, const image::InputPort &port,
                       const std::string &source);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_SPIKETRAIN_H
