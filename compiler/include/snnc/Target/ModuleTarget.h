//===- ModuleTarget.h - A module's #snn.target for passes -------*- C++ -*-===//
//
// Every target's passes and image builder start the same way: find the
// module's #snn.target, check that it names them, and read its --target-
// config overrides on top of their target.json. These are those steps,
// shared, so that each backend keeps only its own model reader.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGET_MODULETARGET_H
#define SNNC_TARGET_MODULETARGET_H

#include "snn/SnnAttrs.h"

#include "mlir/IR/Operation.h"

#include <nlohmann/json.hpp>

namespace snnc {

/// The #snn.target of the module holding `op` (or of `op`, a module); fails
/// with a diagnostic at `op` when there is none or it names another target
/// than `targetName`.
mlir::FailureOr<snn::TargetAttr> moduleTargetFor(mlir::Operation *op,
                                                 llvm::StringRef targetName);

/// The overrides document of `target` (an empty object when it has none);
/// fails at `op` when it is not a JSON object (snn-target and the attribute's
/// verifier refuse that before any pass runs).
mlir::FailureOr<nlohmann::json> targetOverrides(snn::TargetAttr target,
                                                mlir::Operation *op);

/// `model` (a target.json of {"field": {"value": x, ...}} entries) with each
/// override written in as {"value": x, "source": "--target-config
/// override"}: the document an image carries.
nlohmann::json withOverrides(nlohmann::json model,
                             const nlohmann::json &overrides);

} // namespace snnc

#endif // SNNC_TARGET_MODULETARGET_H
