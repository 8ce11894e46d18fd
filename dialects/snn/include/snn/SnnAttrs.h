//===- SnnAttrs.h - Reservoir rule and distribution attrs -------*- C++ -*-===//
//
// Declares the snn dialect's attributes and enums.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_SNNATTRS_H
#define SNN_SNNATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"

#include "snn/SnnEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "snn/SnnAttrs.h.inc"

namespace snn {
/// The module attribute that names the target (#snn.target).
inline constexpr llvm::StringLiteral kTargetAttrName = "snn.target";
} // namespace snn

#endif // SNN_SNNATTRS_H
