//===- Encoding.h - Real values to spike trains -----------------*- C++ -*-===//
//
// Networks take spikes; data comes as numbers. A value file gives, per
// input port, one sample (a flat array of the port's elements) or a
// sequence of samples (an array of such arrays):
//
//   {"ports": [{"name": "in", "shape": [4], "values": [0.1, 0.9, 0, 1]}]}
//
// (or {"values": [...]} for a one-port image). Sample k drives the window of
// steps [k W, (k+1) W), W = EncoderOptions::window; steps past the last
// sample's window are silent. Values are intensities x in [0, 1] (as given,
// or min/max-normalized per sample and port). Two codes:
//
//   rate     element j spikes at step t with probability
//            p = x * maxRate * dt (Bernoulli per step, i.e. a discretized
//            Poisson process of rate x * maxRate), drawn from a counter-based
//            generator keyed by (seed, port name, j, t): trains do not depend
//            on the order of ports or on other ports;
//   latency  element j spikes once per window, at step offset
//            round((1 - x) (W - 1)) into it, when x > threshold; larger
//            values fire earlier.
//
// docs/formats.md ("Value files and encoders") is the full definition.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_ENCODING_H
#define SNNC_RUNTIME_ENCODING_H

#include "snnc/runtime/SpikeFile.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::runtime {

/// The most random numbers one rate encoding may draw (2^32: seconds of
/// work) and the most spikes it may produce (2^24: about 600 MB until they
/// are written); larger requests are refused, naming the count.
constexpr double kMaxRateDraws = 4294967296.0;
constexpr double kMaxEncodedSpikes = 16777216.0;

struct PortValues {
  /// Empty for the one-port form {"values": [...]}.
  std::string name;
  /// As given; empty when the file gave none (the shape is then [size], or
  /// the image port's shape when bound to one).
  std::vector<uint32_t> shape;
  /// Elements per sample.
  uint32_t size = 0;
  /// One or more samples of `size` finite values.
  std::vector<std::vector<double>> samples;
};

struct ValueFile {
  std::vector<PortValues> ports;
};

/// Parses a value file; `source` names it in errors.
Expected<ValueFile> parseValueFile(const std::string &text,
                                   const std::string &source);
Expected<ValueFile> readValueFile(const std::string &path);

/// Gives ports without a shape the shape of the image input they will feed
/// (by name, or the only input for an unnamed port) when the sizes agree;
/// mismatches are left for bindInputs to report.
void adoptInputShapes(ValueFile &file,
                      const std::vector<image::InputPort> &inputs);

enum class Coding { Rate, Latency };
enum class Normalization {
  /// Values must already lie in [0, 1].
  None,
  /// x = (v - min) / (max - min) over each sample of each port; a constant
  /// sample maps to 0.
  MinMax
};

/// "rate"/"latency" and "none"/"minmax".
const char *toString(Coding coding);
const char *toString(Normalization normalization);

struct EncoderOptions {
  Coding coding = Coding::Rate;
  /// Steps of the train (its window).
  uint64_t steps = 0;
  /// Seconds per step (rate coding).
  double dt = 0;
  /// Rate of an element whose intensity is 1, in Hz (rate coding);
  /// maxRate * dt must not exceed 1.
  double maxRate = 100;
  /// Steps per sample; 0 means `steps` for a file of single samples and 1
  /// (a per-step matrix) when some port gives a sequence.
  uint64_t window = 0;
  uint64_t seed = 1;
  Normalization normalization = Normalization::None;
  /// Latency coding: intensities <= threshold never fire; in [0, 1).
  double threshold = 0;
};

/// The window an encoding of `file` with `options` uses (resolves 0).
uint64_t encoderWindow(const ValueFile &file, const EncoderOptions &options);

/// Encodes every port of `file` into a spike file of `options.steps` steps
/// whose ports keep the value file's names; its metadata records the
/// encoder settings. Fails, naming the port, sample and element, on values
/// outside [0, 1] (without normalization) or p > 1.
Expected<SpikeFile> encodeValues(const ValueFile &file,
                                 const EncoderOptions &options,
                                 const std::string &source);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_ENCODING_H
