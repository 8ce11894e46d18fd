//===- NetlistConversion.h - sfq.circuit to and from a Netlist --*- C++ -*-===//
//
// The sfq dialect is the IR form of snnc/sfq/Netlist.h: a lowering builds a
// circuit, the image, the engines and the Verilog emitter read its Netlist.
// These convert one into the other, keeping the cell order.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_DIALECT_NETLISTCONVERSION_H
#define SNNC_SFQ_DIALECT_NETLISTCONVERSION_H

#include "snnc/sfq/Dialect/SfqDialect.h"
#include "snnc/sfq/Netlist.h"

#include "mlir/IR/Builders.h"
#include "mlir/Support/LogicalResult.h"

#include <optional>

namespace snnc::sfq {

/// The cell kind of an sfq cell op; nullopt for sfq.wire, sfq.drive and
/// anything else.
std::optional<CellKind> cellKindOf(mlir::Operation *op);

/// The netlist of `circuit`: one cell per cell op in op order, each input
/// port connected to the output port that drives it (through any chain of
/// sfq.wire/sfq.drive). Parameters: input a = element; synapse a =
/// threshold, b = id; pulser a = pulses, b = spacing; neuron a = theta,
/// b = ResetRule; clock a = period, b = phase. Emits a diagnostic and fails
/// on a circuit whose netlist Netlist::check() rejects (or that holds
/// something else than cells, wires and drives).
mlir::FailureOr<Netlist> buildNetlist(CircuitOp circuit);

/// Builds the circuit of `netlist` (which check() accepts) at the builder's
/// insertion point and returns it: cells in netlist order, the informational
/// attributes (bias, p, weight, population, index) absent. Every neuron
/// output, and every output a cell earlier in the order (or the cell
/// itself) reads, goes through a named wire ("neuron7.q") declared at the
/// top of the circuit, so that cycles print readably.
CircuitOp buildCircuit(const Netlist &netlist, mlir::OpBuilder &builder,
                       mlir::Location loc, llvm::StringRef name,
                       int64_t slotTicks, llvm::StringRef library);

} // namespace snnc::sfq

#endif // SNNC_SFQ_DIALECT_NETLISTCONVERSION_H
