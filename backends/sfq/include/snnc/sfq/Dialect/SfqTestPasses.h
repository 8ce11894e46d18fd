//===- SfqTestPasses.h - Test passes of the sfq dialect ---------*- C++ -*-===//
//
// Declares the dialect's lit-only passes (SfqTestPasses.td) and
// registerSfqTestPasses(), which the SFQ target's registerPasses() calls so
// that snnc-opt knows them.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_DIALECT_SFQTESTPASSES_H
#define SNNC_SFQ_DIALECT_SFQTESTPASSES_H

#include "snnc/sfq/Dialect/SfqDialect.h"

#include "mlir/Pass/Pass.h"

namespace snnc::sfq {

#define GEN_PASS_DECL
#include "snnc/sfq/Dialect/SfqTestPasses.h.inc"

#define GEN_PASS_REGISTRATION
#include "snnc/sfq/Dialect/SfqTestPasses.h.inc"

} // namespace snnc::sfq

#endif // SNNC_SFQ_DIALECT_SFQTESTPASSES_H
