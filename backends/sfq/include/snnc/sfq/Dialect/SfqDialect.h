//===- SfqDialect.h - The SFQ target's dialect ------------------*- C++ -*-===//
//
// Declares the `sfq` dialect (SfqDialect.td), its pulse type and its ops
// (SfqOps.td).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_DIALECT_SFQDIALECT_H
#define SNNC_SFQ_DIALECT_SFQDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"

#include "snnc/sfq/Dialect/SfqDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "snnc/sfq/Dialect/SfqTypes.h.inc"

#define GET_OP_CLASSES
#include "snnc/sfq/Dialect/SfqOps.h.inc"

#endif // SNNC_SFQ_DIALECT_SFQDIALECT_H
