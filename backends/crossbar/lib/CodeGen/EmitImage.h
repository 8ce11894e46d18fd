//===- EmitImage.h - The chip image of a lowered network --------*- C++ -*-===//
//
// The crossbar image: the shared core sections, the slices at their mesh
// nodes, the placement and machine layout the shared NoC model reads, and
// the crossbar.tiles section, all read from the network's xbar.chip.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CODEGEN_EMITIMAGE_H
#define SNNC_CROSSBAR_CODEGEN_EMITIMAGE_H

#include "snn/SnnOps.h"
#include "snnc/image/Image.h"

#include <nlohmann/json.hpp>

namespace snnc::crossbar {

/// Fails with a diagnostic at the network (or the xbar op at fault).
mlir::FailureOr<image::Image> buildCrossbarImage(snn::NetworkOp network,
                                                 const nlohmann::json &report);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CODEGEN_EMITIMAGE_H
