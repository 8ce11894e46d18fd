//===- SfqDialect.cpp - The SFQ target's dialect --------------------------===//

#include "snnc/sfq/Dialect/SfqDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snnc::sfq;

#include "snnc/sfq/Dialect/SfqDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "snnc/sfq/Dialect/SfqTypes.cpp.inc"

void SfqDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "snnc/sfq/Dialect/SfqTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "snnc/sfq/Dialect/SfqOps.cpp.inc"
      >();
}
