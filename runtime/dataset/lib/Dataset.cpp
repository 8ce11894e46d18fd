//===- Dataset.cpp - Labelled dataset splits for eval and fit -------------===//

#include "snnc/dataset/Dataset.h"

#include "snnc/dataset/Idx.h"
#include "snnc/dataset/Npy.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace fs = std::filesystem;
using snnc::image::Expected;
using snnc::image::ImageError;
using snnc::image::Status;

namespace snnc::dataset {
namespace {

/// `base` or `base`.gz, whichever exists ("" when neither).
std::string existing(const fs::path &dir, const std::string &base) {
  std::error_code ec;
  for (const std::string &name : {base, base + ".gz"})
    if (fs::is_regular_file(dir / name, ec))
      return (dir / name).string();
  return "";
}

/// Labels from a .npy file: one non-negative integer per sample.
Expected<std::vector<uint32_t>> readLabels(const std::string &path) {
  Expected<NpyArray> array = readNpy(path);
  if (!array)
    return array.error();
  if (array->shape.size() != 1)
    return ImageError{path, "labels must be a 1-D array; its shape has " +
                                std::to_string(array->shape.size()) +
                                " dimensions"};
  std::vector<uint32_t> labels;
  labels.reserve(array->values.size());
  for (size_t i = 0; i < array->values.size(); ++i) {
    double v = array->values[i];
    if (!(v >= 0 && v < 65536 && std::floor(v) == v))
      return ImageError{path, "label of sample " + std::to_string(i) + " is " +
                                  std::to_string(v) +
                                  "; labels must be integers in [0, 65535]"};
    labels.push_back(uint32_t(v));
  }
  return labels;
}

Expected<Dataset> loadIdx(const std::string &images,
                          const std::string &labels) {
  Expected<IdxArray> x = readIdx(images);
  if (!x)
    return x.error();
  Expected<IdxArray> y = readIdx(labels);
  if (!y)
    return y.error();
  if (y->dims.size() != 1)
    return ImageError{labels, "labels must be a 1-D array; it has " +
                                  std::to_string(y->dims.size()) +
                                  " dimensions"};
  if (x->dims.size() < 2)
    return ImageError{images, "images need a sample dimension and at least "
                              "one more; the file has " +
                                  std::to_string(x->dims.size())};
  if (x->dims[0] != y->dims[0])
    return ImageError{
        labels, "holds " + std::to_string(y->dims[0]) + " labels for the " +
                    std::to_string(x->dims[0]) + " samples of " + images};
  Dataset d;
  d.source = images;
  d.shape.assign(x->dims.begin() + 1, x->dims.end());
  d.sampleSize = uint32_t(x->values.size() / x->dims[0]);
  d.values.resize(x->values.size());
  for (size_t i = 0; i < x->values.size(); ++i)
    d.values[i] = float(x->values[i]) / 255.0f;
  d.labels.assign(y->values.begin(), y->values.end());
  return d;
}

Expected<Dataset> loadValues(const std::string &valuesPath,
                             const std::string &labelsPath) {
  Expected<NpyArray> x = readNpy(valuesPath);
  if (!x)
    return x.error();
  Expected<std::vector<uint32_t>> labels = readLabels(labelsPath);
  if (!labels)
    return labels.error();
  if (x->shape.size() < 2)
    return ImageError{valuesPath, "values need a sample dimension and at "
                                  "least one more; the array has " +
                                      std::to_string(x->shape.size())};
  if (x->shape[0] != labels->size())
    return ImageError{labelsPath, "holds " + std::to_string(labels->size()) +
                                      " labels for the " +
                                      std::to_string(x->shape[0]) +
                                      " samples of " + valuesPath};
  Dataset d;
  d.source = valuesPath;
  for (size_t i = 0; i < x->shape.size(); ++i)
    if (x->shape[i] == 0)
      return ImageError{valuesPath, "dimension " + std::to_string(i) +
                                        " of the values is 0; a dataset needs "
                                        "samples of at least one value"};
  for (size_t i = 1; i < x->shape.size(); ++i) {
    if (x->shape[i] > UINT32_MAX)
      return ImageError{valuesPath,
                        "dimension " + std::to_string(i) + " is too large"};
    d.shape.push_back(uint32_t(x->shape[i]));
  }
  size_t samples = std::max<size_t>(1, x->shape[0]);
  if (x->values.size() / samples > UINT32_MAX)
    return ImageError{valuesPath, "samples of more than 2^32 values"};
  d.sampleSize = uint32_t(x->values.size() / samples);
  d.values.resize(x->values.size());
  for (size_t i = 0; i < x->values.size(); ++i) {
    if (!std::isfinite(x->values[i]))
      return ImageError{valuesPath,
                        "value " + std::to_string(i % d.sampleSize) +
                            " of sample " + std::to_string(i / d.sampleSize) +
                            " is not finite"};
    d.values[i] = float(x->values[i]);
  }
  d.labels = std::move(labels.value());
  return d;
}

Expected<Dataset> loadSpikes(const fs::path &dir,
                             const std::string &labelsPath) {
  Expected<std::vector<uint32_t>> labels = readLabels(labelsPath);
  if (!labels)
    return labels.error();
  Dataset d;
  d.source = dir.string();
  std::error_code ec;
  for (const fs::directory_entry &entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file(ec))
      d.spikeFiles.push_back(entry.path().string());
  if (ec)
    return ImageError{dir.string(), "cannot list: " + ec.message()};
  std::sort(d.spikeFiles.begin(), d.spikeFiles.end());
  if (d.spikeFiles.size() != labels->size())
    return ImageError{labelsPath, "holds " + std::to_string(labels->size()) +
                                      " labels for the " +
                                      std::to_string(d.spikeFiles.size()) +
                                      " spike files of " + dir.string()};
  d.labels = std::move(labels.value());
  return d;
}

Expected<Dataset> loadSplit(const fs::path &dir, const std::string &split) {
  std::string prefix = split == "test" ? "t10k" : split;
  std::string images = existing(dir, prefix + "-images-idx3-ubyte");
  std::string labels = existing(dir, prefix + "-labels-idx1-ubyte");
  if (!images.empty() && !labels.empty())
    return loadIdx(images, labels);
  std::error_code ec;
  fs::path labelsNpy = dir / (split + "-labels.npy");
  if (fs::is_regular_file(dir / (split + "-values.npy"), ec))
    return loadValues((dir / (split + "-values.npy")).string(),
                      labelsNpy.string());
  if (fs::is_directory(dir / (split + "-spikes"), ec))
    return loadSpikes(dir / (split + "-spikes"), labelsNpy.string());
  return ImageError{dir.string(), "holds no split '" + split +
                                      "': looked for " + prefix +
                                      "-images-idx3-ubyte[.gz] with " + prefix +
                                      "-labels-idx1-ubyte[.gz], " + split +
                                      "-values.npy, and " + split + "-spikes/"};
}

} // namespace

Expected<Dataset> loadDataset(const DatasetRequest &request) {
  std::error_code ec;
  fs::path dir = request.spec;
  if (!fs::is_directory(dir, ec)) {
    fs::path system = fs::path(kSystemDatasetRoot) / request.spec;
    if (request.spec.find('/') != std::string::npos ||
        !fs::is_directory(system, ec))
      return ImageError{request.spec,
                        "is neither a dataset directory nor a dataset "
                        "installed in " +
                            std::string(kSystemDatasetRoot) +
                            " (Debian: apt install dataset-" + request.spec +
                            ")"};
    dir = system;
  }
  Expected<Dataset> loaded = loadSplit(dir, request.split);
  if (!loaded)
    return loaded;
  Dataset &d = loaded.value();
  size_t total = d.samples();
  if (request.offset > total)
    return ImageError{d.source,
                      "has " + std::to_string(total) + " samples; the offset " +
                          std::to_string(request.offset) + " lies past them"};
  // limit may be anything up to SIZE_MAX: compare before adding.
  size_t last = request.limit && request.limit < total - request.offset
                    ? request.offset + request.limit
                    : total;
  if (last == request.offset)
    return ImageError{d.source, "leaves no samples to use"};
  if (request.offset || last != total) {
    d.labels = std::vector<uint32_t>(d.labels.begin() + long(request.offset),
                                     d.labels.begin() + long(last));
    if (d.isSpikes())
      d.spikeFiles =
          std::vector<std::string>(d.spikeFiles.begin() + long(request.offset),
                                   d.spikeFiles.begin() + long(last));
    else
      d.values = std::vector<float>(
          d.values.begin() + long(request.offset * d.sampleSize),
          d.values.begin() + long(last * d.sampleSize));
  }
  for (uint32_t label : d.labels)
    d.classes = std::max(d.classes, label + 1);
  return loaded;
}

Status cropAndPool(Dataset &d, uint32_t crop, uint32_t pool) {
  if (!crop && pool <= 1)
    return Status::success();
  if (d.isSpikes())
    return ImageError{d.source, "--crop and --pool apply to value datasets, "
                                "not to spike files"};
  if (d.shape.size() < 2)
    return ImageError{d.source, "--crop and --pool need samples of at least "
                                "two dimensions (height, width)"};
  uint32_t h = d.shape[d.shape.size() - 2], w = d.shape.back();
  uint32_t planes = d.sampleSize / (h * w);
  uint32_t ch = crop ? crop : h, cw = crop ? crop : w;
  if (ch > h || cw > w)
    return ImageError{d.source, "cannot crop " + std::to_string(h) + "x" +
                                    std::to_string(w) + " samples to " +
                                    std::to_string(crop) + "x" +
                                    std::to_string(crop)};
  uint32_t p = std::max<uint32_t>(1, pool);
  uint32_t oh = ch / p, ow = cw / p;
  if (!oh || !ow)
    return ImageError{d.source, "pooling " + std::to_string(ch) + "x" +
                                    std::to_string(cw) + " by " +
                                    std::to_string(p) + " leaves nothing"};
  uint32_t top = (h - ch) / 2, left = (w - cw) / 2;
  uint32_t outSize = planes * oh * ow;
  std::vector<float> out(d.samples() * outSize);
  for (size_t s = 0; s < d.samples(); ++s)
    for (uint32_t c = 0; c < planes; ++c)
      for (uint32_t y = 0; y < oh; ++y)
        for (uint32_t x = 0; x < ow; ++x) {
          double sum = 0;
          for (uint32_t dy = 0; dy < p; ++dy)
            for (uint32_t dx = 0; dx < p; ++dx)
              sum += d.values[s * d.sampleSize + size_t(c) * h * w +
                              size_t(top + y * p + dy) * w + left + x * p + dx];
          out[s * outSize + size_t(c) * oh * ow + size_t(y) * ow + x] =
              float(sum / double(p * p));
        }
  d.values = std::move(out);
  d.shape[d.shape.size() - 2] = oh;
  d.shape.back() = ow;
  d.sampleSize = outSize;
  return Status::success();
}

} // namespace snnc::dataset
