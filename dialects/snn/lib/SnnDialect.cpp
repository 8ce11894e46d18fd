//===- SnnDialect.cpp - The snn dialect -----------------------------------===//
//
// Registers the snn dialect's types, attributes and operations.
//
//===----------------------------------------------------------------------===//

#include "snn/SnnDialect.h"
#include "snn/SnnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"

using namespace mlir;
using namespace snn;

#include "snn/SnnOpsDialect.cpp.inc"

void SnnDialect::initialize() {
  registerTypes();
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "snn/SnnOps.cpp.inc"
      >();
}
