//===- SpikeFile.h - Multi-port spike files, JSON and binary ----*- C++ -*-===//
//
// A spike file carries the spike trains of several named ports over a window
// of `steps` time steps: the inputs of a run, or what a run wrote (whose
// readout ports carry per-step values instead of spikes). It has two forms
// with the same content, chosen by the file's first bytes when reading and
// by the path's extension (or an explicit format) when writing:
//
//   JSON    {"steps": 100, "ports": [{"name": "in", "shape": [16],
//            "events": [[0, 4], [3, 0]]}], "metadata": {...}}
//           and the one-port form of SpikeTrain.h, {"shape", "events"};
//   binary  magic "SNNCSPK1", little-endian header, events delta-coded as
//           varints, FNV-1a-64 checksum (SpikeBinary.h).
//
// docs/formats.md ("Spike files") is the full specification. Readers check
// every invariant of validateSpikeFile, so a file that reads is one a writer
// would write, and writing what was read reproduces it byte for byte.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_SPIKEFILE_H
#define SNNC_RUNTIME_SPIKEFILE_H

#include "snnc/runtime/SpikeTrain.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::runtime {

/// One port of a spike file. Spikes ports hold `train.events`; Current
/// ports (run outputs of readout populations) hold `values`, the value of
/// element j after step t at values[t * size + j], and no events.
struct PortTrace {
  /// Empty only for the one port of the one-port JSON form.
  std::string name;
  image::OutputKind kind = image::OutputKind::Spikes;
  /// Shape and (for Spikes) events, sorted and without duplicates.
  SpikeTrain train;
  std::vector<double> values;

  uint64_t size() const { return train.size(); }
};

struct SpikeFile {
  /// The window the file covers: every event's step is below it, and
  /// Current ports hold `steps` rows of values.
  uint64_t steps = 0;
  std::vector<PortTrace> ports;
  /// Free-form JSON object: how the file was made (encoder settings, the
  /// decoded summary of a run). Readers ignore it.
  nlohmann::json metadata = nlohmann::json::object();
};

bool operator==(const PortTrace &a, const PortTrace &b);
bool operator==(const SpikeFile &a, const SpikeFile &b);

enum class SpikeFormat { Json, Binary };

/// Binary for paths ending in ".spk" or ".bin", JSON otherwise.
SpikeFormat spikeFormatForPath(const std::string &path);

/// The smallest window holding every event of `train`: last step + 1.
uint64_t stepsSpanned(const SpikeTrain &train);

/// Checks every invariant a reader enforces (names, shapes, sorted events
/// inside shape and window, values count); `source` names the file.
Status validateSpikeFile(const SpikeFile &file, const std::string &source);

/// Parses a spike file of either form, told apart by its first bytes (the
/// binary magic, or JSON's '{'); `source` names it in errors.
Expected<SpikeFile> parseSpikeFile(const std::string &bytes,
                                   const std::string &source);

/// The JSON form alone. `source` names the text in errors.
Expected<SpikeFile> parseSpikeFileJson(const std::string &text,
                                       const std::string &source);

/// Reads the file at `path` (either form).
Expected<SpikeFile> readSpikeFile(const std::string &path);

/// How the JSON form lists its ports: under "ports", or under "outputs"
/// (the output file of `snnc run`) with each entry's image output index and
/// size, which readers accept and ignore.
struct JsonListing {
  const char *key = "ports";
  /// One per port when not empty, written as "index" with "size".
  std::vector<uint32_t> indices;
};

/// The JSON text of `file` (events normalized), ending with a newline.
std::string formatSpikeFileJson(const SpikeFile &file,
                                const JsonListing &listing = {});

/// Validates `file` and writes it to `path` in `format`, atomically (a
/// temporary file renamed over `path`).
Status writeSpikeFile(const SpikeFile &file, const std::string &path,
                      SpikeFormat format, const JsonListing &listing = {});

/// The spike trains of `file` in the order of `ports` (an image's inputs),
/// matched by name. A file's one unnamed port fits a one-port image. Every
/// port must get a train (an empty one keeps it silent); a file port that
/// names no input, a Current port, a wrong shape or an index out of range
/// is an error naming the port.
Expected<std::vector<SpikeTrain>>
bindInputs(const SpikeFile &file, const std::vector<image::InputPort> &ports,
           const std::string &source);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_SPIKEFILE_H
