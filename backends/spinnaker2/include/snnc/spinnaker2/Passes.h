//===- Passes.h - The spinnaker2 target's passes ----------------*- C++ -*-===//
//
// Declares spinnaker2's passes (Passes.td) and their registration.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_PASSES_H
#define SNNC_SPINNAKER2_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include "snn/SnnDialect.h"
#include "snnc/spinnaker2/Dialect/S2Dialect.h"

namespace snnc {

#define GEN_PASS_DECL
#include "snnc/spinnaker2/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "snnc/spinnaker2/Passes.h.inc"

} // namespace snnc

#endif // SNNC_SPINNAKER2_PASSES_H
