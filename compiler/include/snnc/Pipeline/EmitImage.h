//===- EmitImage.h - Chip image from a mapped network -----------*- C++ -*-===//
//
// Builds the chip image (runtime/image) of a network that went through
// snn-discretize, snn-quantize, snn-partition, snn-place and snn-route.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_PIPELINE_EMITIMAGE_H
#define SNNC_PIPELINE_EMITIMAGE_H

#include "snn/SnnOps.h"
#include "snnc/image/Image.h"

#include <nlohmann/json.hpp>

namespace snnc {

struct ImageContext {
  /// The target-config override file ("" for none) and its parsed JSON.
  std::string targetConfig;
  uint64_t seed = 1;
  /// Merged into the image's report.
  nlohmann::json report = nlohmann::json::object();
};

/// Reads every mapping annotation of `network`; diagnoses what is missing.
mlir::FailureOr<image::Image> buildImage(snn::NetworkOp network,
                                         const ImageContext &context);

} // namespace snnc

#endif // SNNC_PIPELINE_EMITIMAGE_H
