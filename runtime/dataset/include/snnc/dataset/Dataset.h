//===- Dataset.h - Labelled dataset splits for eval and fit -----*- C++ -*-===//
//
// `snnc eval` and `snnc fit` take `--dataset SPEC --split NAME`. SPEC is a
// directory, or the name of a Debian dataset package's directory under
// /usr/share/datasets ("fashion-mnist", "mnist"). A directory holds one of
// three layouts, tried in this order (docs/formats.md, "Datasets"):
//
//   IDX      <p>-images-idx3-ubyte[.gz] and <p>-labels-idx1-ubyte[.gz],
//            p = "train" or "t10k" (split "test"); bytes scale to [0, 1];
//   values   <split>-values.npy (samples first, any trailing shape) and
//            <split>-labels.npy (one integer per sample);
//   spikes   <split>-spikes/ (one spike file per sample, by file name
//            order) and <split>-labels.npy.
//
// A split is read whole and checked before any of it is used.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_DATASET_DATASET_H
#define SNNC_DATASET_DATASET_H

#include "snnc/image/ImageError.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace snnc::dataset {

struct Dataset {
  /// The files read, for reports and errors.
  std::string source;
  /// Shape of one sample ({28, 28}); empty for spike datasets.
  std::vector<uint32_t> shape;
  uint32_t sampleSize = 0;
  /// Value datasets: samples x sampleSize, row-major.
  std::vector<float> values;
  /// Spike datasets: one spike file per sample.
  std::vector<std::string> spikeFiles;
  std::vector<uint32_t> labels;
  /// Largest label + 1.
  uint32_t classes = 0;

  size_t samples() const { return labels.size(); }
  bool isSpikes() const { return !spikeFiles.empty(); }
  const float *sample(size_t i) const { return &values[i * sampleSize]; }
};

struct DatasetRequest {
  std::string spec;
  std::string split = "test";
  /// Keep samples [offset, offset + limit) of the split (limit 0: all).
  size_t offset = 0;
  size_t limit = 0;
};

/// Where a dataset package installs its files.
inline constexpr const char *kSystemDatasetRoot = "/usr/share/datasets";

/// Reads the requested split; errors name the file, and for bad contents
/// the byte offset, field or sample.
image::Expected<Dataset> loadDataset(const DatasetRequest &request);

/// Image preprocessing on the last two dimensions of the sample shape
/// (height, width): a centred crop to `crop` x `crop` (0: none), then mean
/// pooling over `pool` x `pool` windows (0 or 1: none; a partial window at
/// the edge is dropped). Fails on spike datasets, samples of fewer than two
/// dimensions, and sizes that leave nothing.
image::Status cropAndPool(Dataset &dataset, uint32_t crop, uint32_t pool);

} // namespace snnc::dataset

#endif // SNNC_DATASET_DATASET_H
