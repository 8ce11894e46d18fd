//===- Passes.h - snnc compiler passes --------------------------*- C++ -*-===//
//
// Declares the snnc compile-pipeline passes and their registration.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TRANSFORMS_PASSES_H
#define SNNC_TRANSFORMS_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include "snn/SnnDialect.h"

namespace snnc {

#define GEN_PASS_DECL
#include "snnc/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "snnc/Transforms/Passes.h.inc"

} // namespace snnc

#endif // SNNC_TRANSFORMS_PASSES_H
