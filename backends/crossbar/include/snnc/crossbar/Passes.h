//===- Passes.h - The crossbar target's passes ------------------*- C++ -*-===//
//
// Declares the crossbar's passes (Passes.td) and their registration.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_PASSES_H
#define SNNC_CROSSBAR_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include "snn/SnnDialect.h"
#include "snnc/crossbar/Dialect/XbarDialect.h"

namespace snnc::crossbar {

#define GEN_PASS_DECL
#include "snnc/crossbar/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "snnc/crossbar/Passes.h.inc"

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_PASSES_H
