//===- SnnDialect.h - The snn dialect ---------------------------*- C++ -*-===//
//
// Declares the `snn` dialect class.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_SNNDIALECT_H
#define SNN_SNNDIALECT_H

#include "mlir/IR/Dialect.h"

#include "snn/SnnOpsDialect.h.inc"

#endif // SNN_SNNDIALECT_H
