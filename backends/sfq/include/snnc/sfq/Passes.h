//===- Passes.h - The SFQ target's passes -----------------------*- C++ -*-===//

#ifndef SNNC_SFQ_PASSES_H
#define SNNC_SFQ_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "snn/SnnDialect.h"
#include "snnc/sfq/Dialect/SfqDialect.h"

namespace snnc::sfq {

#define GEN_PASS_DECL
#include "snnc/sfq/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "snnc/sfq/Passes.h.inc"

} // namespace snnc::sfq

#endif // SNNC_SFQ_PASSES_H
