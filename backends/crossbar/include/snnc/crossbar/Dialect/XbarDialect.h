//===- XbarDialect.h - The crossbar target's dialect ------------*- C++ -*-===//
//
// Declares the `xbar` dialect (XbarDialect.td) and its ops (XbarOps.td).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_DIALECT_XBARDIALECT_H
#define SNNC_CROSSBAR_DIALECT_XBARDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"

#include "snnc/crossbar/Dialect/XbarDialect.h.inc"

#define GET_OP_CLASSES
#include "snnc/crossbar/Dialect/XbarOps.h.inc"

#endif // SNNC_CROSSBAR_DIALECT_XBARDIALECT_H
