//===- EmitImage.h - The chip image of an sfq.circuit -----------*- C++ -*-===//

#ifndef SNNC_SFQ_CODEGEN_EMITIMAGE_H
#define SNNC_SFQ_CODEGEN_EMITIMAGE_H

#include "SfqModel.h"

#include "snnc/image/Image.h"

#include <nlohmann/json.hpp>

namespace snnc::sfq {

/// The image of `network`, whose circuit convert-snn-to-sfq has built;
/// `report` is stored in it. Fails with a diagnostic.
mlir::FailureOr<image::Image> buildSfqImage(snn::NetworkOp network,
                                            const nlohmann::json &report);

} // namespace snnc::sfq

#endif // SNNC_SFQ_CODEGEN_EMITIMAGE_H
