//===- BatchFlags.h - What `snnc eval` and `snnc fit` share -----*- C++ -*-===//
//
// Both commands read a dataset split, encode every sample for a number of
// steps, and run the samples on an engine of an image (or of a network
// compiled first) across threads. One set of flags and one driver serve
// both, so that a readout fitted with some settings is evaluated with the
// very same ones.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_BATCHFLAGS_H
#define SNNC_TOOLS_BATCHFLAGS_H

#include "ImageSource.h"
#include "RunIO.h"

#include "snnc/batch/BatchRun.h"
#include "snnc/dataset/Dataset.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace snnc::tools {

struct BatchFlags {
  std::string image;
  dataset::DatasetRequest dataset;
  uint32_t crop = 0;
  uint32_t pool = 0;
  /// The code (rate by default) and its settings; a max rate of 0 means
  /// 1 / dt, so that an intensity is a spike probability per step.
  EncoderFlags encoder{"rate", 0};
  uint64_t steps = 0;
  /// 0: every core.
  unsigned threads = 0;
  std::string engine;
  uint64_t seed = 1;
  uint32_t output = 0;
  /// When the image is a network to compile first.
  std::string target;
  std::string targetConfig;
  double dt = 1e-3;
  std::string rule = "euler";
  std::string energyModel;
  std::string operatingPoint;
  bool noProgress = false;
};

/// The files a batch reads (network or image, target configuration, energy
/// model), which no output may overwrite.
std::vector<std::string> batchInputs(const BatchFlags &flags);

/// Adds the shared flags to `sub`; `defaultSplit` is "test" for eval and
/// "train" for fit.
void addBatchFlags(CLI::App &sub, BatchFlags &flags,
                   const std::string &defaultSplit);

/// Everything a batch needs, loaded and checked.
struct PreparedBatch {
  LoadedImage loaded;
  dataset::Dataset data;
  nlohmann::json energyModel;
  batch::BatchOptions options;
};

/// Loads the image and the dataset and resolves the options; errors are
/// messages for the user (empty when the compiler printed them).
image::Expected<PreparedBatch> prepareBatch(const BatchFlags &flags);

/// Runs the batch with a progress bar on a terminal.
image::Expected<batch::BatchResult> runPreparedBatch(PreparedBatch &batch,
                                                     const BatchFlags &flags);

} // namespace snnc::tools

#endif // SNNC_TOOLS_BATCHFLAGS_H
