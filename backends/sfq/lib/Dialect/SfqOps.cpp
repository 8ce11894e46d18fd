//===- SfqOps.cpp - The SFQ target's ops ----------------------------------===//
//
// Verifiers of the sfq ops. ODS checks each cell's ports and integer
// parameter ranges; the ops here check what ODS cannot say (p within
// [0, 1], finite currents, a known reset rule, a drive onto a wire), and
// the circuit checks the netlist rules that tie its cells together
// (docs/sfq.md §2): nothing but sfq cells, wires and drives inside, wire
// names unique, every wire driven exactly once and by some cell, and
// fan-out 1: every pulse drives exactly one input.
//
//===----------------------------------------------------------------------===//

#include "snnc/sfq/Dialect/SfqDialect.h"

#include "snnc/sfq/Netlist.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

#include <cmath>
#include <string>

using namespace mlir;
using namespace snnc::sfq;

#define GET_OP_CLASSES
#include "snnc/sfq/Dialect/SfqOps.cpp.inc"

namespace {

/// The name of an input port as docs/sfq.md §2 and the op's syntax give it,
/// for diagnostics that must tell `sfq.merge %x, %x`'s two inputs apart.
std::string describeInput(OpOperand &use) {
  Operation *op = use.getOwner();
  unsigned index = use.getOperandNumber();
  if (auto drive = dyn_cast<DriveOp>(op)) {
    if (auto wire = drive.getWire().getDefiningOp<WireOp>())
      return ("the drive of wire '" + wire.getName() + "'").str();
    return "the source of this 'sfq.drive'";
  }
  StringRef name = index == 0 ? "a" : "b";
  if (auto neuron = dyn_cast<NeuronOp>(op)) {
    for (unsigned port = 0; port < 3; ++port) {
      auto [start, length] = neuron.getODSOperandIndexAndLength(port);
      if (index >= start && index < start + length)
        name = port == 0 ? "exc" : port == 1 ? "inh" : "leak";
    }
  }
  else if (isa<NdroOp>(op))
    name = index == 0 ? "set" : index == 1 ? "reset" : "clk";
  else if (isa<DffOp, NotOp, And2Op, Or2Op, Xor2Op>(op) &&
           index + 1 == op->getNumOperands())
    name = "clk";
  return ("input " + name + " of this '" + op->getName().getStringRef() + "'")
      .str();
}

/// "output q1 of this 'sfq.split'", "wire 'x'": the pulse a diagnostic is
/// about, named as the reader wrote it.
std::string describeOutput(OpResult result, StringRef article = "this") {
  Operation *op = result.getOwner();
  if (auto wire = dyn_cast<WireOp>(op))
    return ("wire '" + wire.getName() + "'").str();
  std::string port = "q";
  if (op->getNumResults() > 1)
    port += std::to_string(result.getResultNumber());
  return ("output " + port + " of " + article + " '" +
          op->getName().getStringRef() + "'")
      .str();
}

/// A wire's sfq.drive names it as its target: that use is the wire's
/// definition, not an input it drives.
bool isDriveTarget(OpOperand &use) {
  return isa<DriveOp>(use.getOwner()) && use.getOperandNumber() == 0;
}

LogicalResult verifyFinite(Operation *op, StringRef what,
                           std::optional<APFloat> value) {
  if (value && !std::isfinite(value->convertToDouble()))
    return op->emitOpError(what)
           << " must be finite; it is " << value->convertToDouble();
  return success();
}

} // namespace

//===----------------------------------------------------------------------===//
// CircuitOp
//===----------------------------------------------------------------------===//

void CircuitOp::build(OpBuilder &builder, OperationState &state, StringRef name,
                      int64_t slotTicks, StringRef library) {
  state.addAttribute(getSymNameAttrName(state.name),
                     builder.getStringAttr(name));
  state.addAttribute(getSlotTicksAttrName(state.name),
                     builder.getI64IntegerAttr(slotTicks));
  state.addAttribute(getLibraryAttrName(state.name),
                     builder.getStringAttr(library));
  state.addRegion()->push_back(new Block);
}

// A graph region, as hw.module's: cells may read pulses of cells defined
// after them, so a recurrent network needs no forward declarations.
RegionKind CircuitOp::getRegionKind(unsigned index) {
  return RegionKind::Graph;
}

// Runs before the ops inside are verified, so that a foreign op is refused
// here rather than by its own rules (a nested circuit by its Symbol trait).
LogicalResult CircuitOp::verify() {
  if (getLibrary().empty())
    return emitOpError("library must name a cell library profile");
  Dialect *sfq = (*this)->getDialect();
  for (Operation &op : *getBodyBlock())
    if (op.getDialect() != sfq || isa<CircuitOp>(op))
      return emitOpError("cannot hold '")
             << op.getName()
             << "'; a circuit holds only sfq cells, wires and drives";
  return success();
}

LogicalResult CircuitOp::verifyRegions() {
  llvm::StringMap<WireOp> wireNamed;
  SmallVector<WireOp> wires;
  llvm::DenseMap<Operation *, DriveOp> driveOf;
  for (Operation &op : *getBodyBlock()) {
    auto wire = dyn_cast<WireOp>(op);
    if (!wire)
      continue;
    if (wire.getName().empty())
      return wire.emitOpError("needs a name");
    auto [first, fresh] = wireNamed.try_emplace(wire.getName(), wire);
    if (!fresh) {
      InFlightDiagnostic diag = wire.emitError("wire '")
                                << wire.getName()
                                << "' is declared twice in this circuit";
      diag.attachNote(first->second.getLoc()) << "first declared here";
      return diag;
    }
    wires.push_back(wire);
    unsigned drives = 0;
    for (OpOperand &use : wire.getOut().getUses())
      if (isDriveTarget(use)) {
        ++drives;
        driveOf[wire] = cast<DriveOp>(use.getOwner());
      }
    if (drives == 0)
      return wire.emitError("wire '") << wire.getName() << "' is not driven";
    if (drives > 1)
      return wire.emitError("wire '")
             << wire.getName() << "' is driven " << drives << " times";
  }

  // Fan-out 1 (docs/sfq.md §2): one flux quantum reaches one input.
  for (Operation &op : *getBodyBlock()) {
    for (OpResult result : op.getResults()) {
      SmallVector<OpOperand *, 2> inputs;
      for (OpOperand &use : result.getUses())
        if (!isDriveTarget(use))
          inputs.push_back(&use);
      if (inputs.size() == 1)
        continue;
      if (inputs.empty())
        return op.emitError(describeOutput(result))
               << " drives nothing; terminate it with sfq.sink";
      InFlightDiagnostic diag =
          op.emitError(describeOutput(result))
          << " drives " << inputs.size()
          << " inputs; an SFQ output drives exactly one input (copy it with "
             "sfq.split)";
      // Use-list order is not program order: report the inputs as written.
      llvm::sort(inputs, [](OpOperand *x, OpOperand *y) {
        if (x->getOwner() != y->getOwner())
          return x->getOwner()->isBeforeInBlock(y->getOwner());
        return x->getOperandNumber() < y->getOperandNumber();
      });
      for (OpOperand *use : inputs)
        diag.attachNote(use->getOwner()->getLoc())
            << "it drives " << describeInput(*use);
      return diag;
    }
  }

  // A chain of wires must start at a cell's output: wires driving each
  // other in a loop carry no pulse at all. Each wire is walked once.
  llvm::DenseSet<Operation *> fromCell;
  for (WireOp wire : wires) {
    SmallVector<Operation *> chain;
    Value pulse = wire.getOut();
    while (auto next = pulse.getDefiningOp<WireOp>()) {
      if (fromCell.contains(next))
        break;
      if (chain.size() == wires.size())
        return wire.emitError("wire '")
               << wire.getName()
               << "' is driven through a loop of wires and no cell";
      chain.push_back(next);
      pulse = driveOf.lookup(next).getSource();
    }
    fromCell.insert(chain.begin(), chain.end());
  }
  return success();
}

//===----------------------------------------------------------------------===//
// SynapseOp
//===----------------------------------------------------------------------===//

LogicalResult SynapseOp::verify() {
  if (std::optional<APFloat> p = getP()) {
    double value = p->convertToDouble();
    if (!(value >= 0 && value <= 1))
      return emitOpError("p must lie in [0, 1]; it is ") << value;
  }
  if (failed(verifyFinite(*this, "bias_ua", getBiasUa())) ||
      failed(verifyFinite(*this, "weight", getWeight())))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// NeuronOp
//===----------------------------------------------------------------------===//

LogicalResult NeuronOp::verify() {
  if (!resetRuleNamed(getReset()))
    return emitOpError("reset rule '")
           << getReset() << "' is not one of zero, subtract, release_one";
  return verifyFinite(*this, "bias_ua", getBiasUa());
}

//===----------------------------------------------------------------------===//
// WireOp
//===----------------------------------------------------------------------===//

// The value is printed under the wire's own name (%neuron3.q), so that a
// cycle through it reads as the netlist it is.
void WireOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  if (!getName().empty())
    setNameFn(getOut(), getName());
}

//===----------------------------------------------------------------------===//
// DriveOp
//===----------------------------------------------------------------------===//

LogicalResult DriveOp::verify() {
  if (getWire().getDefiningOp<WireOp>())
    return success();
  auto result = dyn_cast<OpResult>(getWire());
  if (!result)
    return emitOpError("target must be an sfq.wire");
  return emitOpError("target must be an sfq.wire, not ")
         << describeOutput(result, "an");
}
