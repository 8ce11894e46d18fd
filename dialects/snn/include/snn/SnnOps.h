//===- SnnOps.h - snn dialect operations ------------------------*- C++ -*-===//
//
// Declares the operations of the snn dialect and their interfaces.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_SNNOPS_H
#define SNN_SNNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "snn/SnnAttrs.h"
#include "snn/SnnDialect.h"
#include "snn/SnnTypes.h"
#include "snnc/Support/Reservoir.h"

#include "snn/SnnInterfaces.h.inc"

namespace snn {
class OutputOp;
} // namespace snn

#define GET_OP_CLASSES
#include "snn/SnnOps.h.inc"

#endif // SNN_SNNOPS_H
