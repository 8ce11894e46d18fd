//===- S2Dialect.h - The spinnaker2 target's dialect ------------*- C++ -*-===//
//
// Declares the `s2` dialect (S2Dialect.td). Its discardable attributes are
// reached through the generated helpers, e.g.
// `dialect->getQuantAttrHelper().getAttr(op)`, and named in diagnostics by
// `S2Dialect::QuantAttrHelper::getNameStr()`.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_DIALECT_S2DIALECT_H
#define SNNC_SPINNAKER2_DIALECT_S2DIALECT_H

#include "snnc/spinnaker2/Dialect/S2Attrs.h"

#include "mlir/IR/Dialect.h"
#include "mlir/IR/Operation.h"

#include "snnc/spinnaker2/Dialect/S2Dialect.h.inc"

#endif // SNNC_SPINNAKER2_DIALECT_S2DIALECT_H
