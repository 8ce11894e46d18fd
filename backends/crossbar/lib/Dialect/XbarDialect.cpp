//===- XbarDialect.cpp - The crossbar target's dialect --------------------===//

#include "snnc/crossbar/Dialect/XbarDialect.h"

using namespace mlir;
using namespace snnc::crossbar;

#include "snnc/crossbar/Dialect/XbarDialect.cpp.inc"

void XbarDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "snnc/crossbar/Dialect/XbarOps.cpp.inc"
      >();
}
