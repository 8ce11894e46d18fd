//===- RunIO.h - Inputs and outputs of `snnc run` ---------------*- C++ -*-===//
//
// Everything `snnc run` reads and writes besides the image: the input spike
// file (or real values encoded into spikes), the output file, and the
// decoded summary of the outputs. Kept out of RunCommand.cpp so that the
// command stays a driver; `snnc encode` shares the encoder flags.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_RUNIO_H
#define SNNC_TOOLS_RUNIO_H

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"
#include "snnc/runtime/Decoding.h"
#include "snnc/runtime/Encoding.h"
#include "snnc/runtime/RunResult.h"
#include "snnc/runtime/SpikeFile.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::tools {

/// The encoder's command-line settings, shared by `snnc run` and `snnc
/// encode`.
struct EncoderFlags {
  /// "", "rate" or "latency".
  std::string coding;
  double maxRate = 100;
  std::string normalize = "none";
  double threshold = 0;
  uint64_t window = 0;
};

/// Adds --encode, --max-rate, --normalize, --latency-threshold and the
/// window option (named `windowFlag`) to `sub`.
void addEncoderFlags(CLI::App &sub, EncoderFlags &flags,
                     const std::string &windowFlag);

/// Adds --normalize and --latency-threshold, which say how values become
/// intensities; `snnc eval` and `snnc fit` pick the code themselves.
void addValueFlags(CLI::App &sub, EncoderFlags &flags);

/// The runtime's encoder settings for `flags` (steps, dt and seed unset).
runtime::EncoderOptions encoderOptions(const EncoderFlags &flags);

/// "auto" (by extension), "json" or "binary" for `path`.
runtime::SpikeFormat outputFormat(const std::string &flag,
                                  const std::string &path);

struct RunIOOptions {
  /// A spike file (JSON or binary), or with encoder.coding a value file.
  std::string input;
  EncoderFlags encoder;
  /// Steps per decoded window (0: the whole run).
  uint64_t decodeWindow = 0;
  std::string output;
  std::string outputFormat = "auto";
};

/// Adds --input, -o and the options that go with them to `sub`.
void addRunIOOptions(CLI::App &sub, RunIOOptions &io);

/// One spike train per input port of `image`, in Image::inputs order: read
/// from io.input (or encoded from it, with the image's dt and `seed`), or
/// silent when there is none.
image::Expected<std::vector<runtime::SpikeTrain>>
loadRunInputs(const image::Image &image, const RunIOOptions &io, uint64_t steps,
              uint64_t seed);

/// Writes the output traces and the decoded summary to io.output (nothing
/// when it is empty), in the form io.outputFormat asks for.
image::Status writeRunOutput(const image::Image &image,
                             const runtime::RunResult &result,
                             const runtime::DecodedRun &decoded,
                             const RunIOOptions &io);

/// Prints the decoded outputs for people, compactly for large outputs and
/// many windows.
void printDecoded(const runtime::DecodedRun &decoded);

} // namespace snnc::tools

#endif // SNNC_TOOLS_RUNIO_H
