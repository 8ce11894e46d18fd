//===- SfqModel.h - The SFQ model of a module, read once --------*- C++ -*-===//
//
// The SFQ pass, report and image builder read the target from the module's
// #snn.target: target.json under its overrides, and the cell library the
// model names, each read and checked once per distinct overrides text.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_CODEGEN_SFQMODEL_H
#define SNNC_SFQ_CODEGEN_SFQMODEL_H

#include "snn/SnnAttrs.h"
#include "snn/SnnOps.h"
#include "snnc/sfq/CellLibrary.h"
#include "snnc/sfq/Dialect/SfqDialect.h"
#include "snnc/sfq/TargetModel.h"

#include "mlir/IR/Operation.h"

namespace snnc::sfq {

struct SfqModel {
  TargetModel target;
  CellLibrary library;
  /// target.json with the overrides written in: what the image carries.
  nlohmann::json resolved;
};

/// The model of the module holding `op` (which must be compiled for sfq);
/// a bad field or library is diagnosed at `op`. Lives as long as the
/// process.
mlir::FailureOr<const SfqModel *> sfqModelOf(mlir::Operation *op);

/// The circuit a network lowers to is a symbol of its own beside it:
/// "<network>_sfq".
std::string circuitName(snn::NetworkOp network);
/// The sfq.circuit lowering `network`, or null.
CircuitOp circuitOf(snn::NetworkOp network);

/// The bias voltage and biasing the report prices static power with: the
/// default energy model's (energy.json).
double defaultBiasWattsPerNa();

} // namespace snnc::sfq

#endif // SNNC_SFQ_CODEGEN_SFQMODEL_H
