//===- S2Attrs.h - The spinnaker2 target's attributes -----------*- C++ -*-===//
//
// Declares the `s2` dialect's attributes (S2Attrs.td): the fixed-point
// format of projections and populations, slices with their PEs and keys,
// routing tables and the mapping report.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_DIALECT_S2ATTRS_H
#define SNNC_SPINNAKER2_DIALECT_S2ATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/APFloat.h"

#define GET_ATTRDEF_CLASSES
#include "snnc/spinnaker2/Dialect/S2Attrs.h.inc"

#endif // SNNC_SPINNAKER2_DIALECT_S2ATTRS_H
