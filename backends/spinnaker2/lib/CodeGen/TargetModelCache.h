//===- TargetModelCache.h - The spinnaker2 model, parsed once -*- C++ -*-===//
//
// Every spinnaker2 pass and the image builder read the target from the
// module's #snn.target. The model it names (target.json with the
// attribute's overrides) is parsed once per distinct overrides text and
// process, not once per pass.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_TARGETMODELCACHE_H
#define SNNC_SPINNAKER2_TARGETMODELCACHE_H

#include "snn/SnnAttrs.h"
#include "snnc/mapping/TargetModel.h"

#include "mlir/IR/Operation.h"

namespace snnc {

/// The #snn.target of the module holding `op`; fails with a diagnostic at
/// `op` when there is none or it names another target.
mlir::FailureOr<snn::TargetAttr> spinnaker2TargetOf(mlir::Operation *op);

/// The spinnaker2 model under `target`'s overrides; a bad override is
/// diagnosed at `op`. The model lives as long as the process.
mlir::FailureOr<const mapping::TargetModel *>
spinnaker2Model(snn::TargetAttr target, mlir::Operation *op);

} // namespace snnc

#endif // SNNC_SPINNAKER2_TARGETMODELCACHE_H
