//===- EmitImage.h - Chip image from a mapped network -----------*- C++ -*-===//
//
// Builds the chip image (runtime/image) of a network that went through
// snn-discretize, snn-quantize, snn-partition, snn-place and snn-route.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_EMITIMAGE_H
#define SNNC_SPINNAKER2_EMITIMAGE_H

#include "mlir/IR/BuiltinOps.h"
#include "snn/SnnOps.h"
#include "snnc/image/Image.h"

#include <nlohmann/json.hpp>

namespace snnc {

/// Reads every mapping annotation of `network`, under its module's
/// #snn.target; diagnoses what is missing. `report` is stored in the image.
mlir::FailureOr<image::Image>
buildSpinnaker2Image(mlir::ModuleOp module, snn::NetworkOp network,
                     const nlohmann::json &report);

} // namespace snnc

#endif // SNNC_SPINNAKER2_EMITIMAGE_H
