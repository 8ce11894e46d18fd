//===- NetlistConversion.cpp - sfq.circuit to and from a Netlist ----------===//
//
// A circuit's cells become the netlist's cells in op order; wires vanish,
// each input reading the cell output its chain of drives starts at. The
// way back declares a wire for every neuron output and for every pulse a
// cell reads before (or at) the cell that makes it, since an op can only
// be built from values that exist.
//
//===----------------------------------------------------------------------===//

#include "snnc/sfq/Dialect/NetlistConversion.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

#include <string>

using namespace mlir;

namespace snnc::sfq {

std::optional<CellKind> cellKindOf(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::optional<CellKind>>(op)
      .Case([](InputOp) { return CellKind::Input; })
      .Case([](SinkOp) { return CellKind::Sink; })
      .Case([](JtlOp) { return CellKind::Jtl; })
      .Case([](SplitOp) { return CellKind::Split; })
      .Case([](MergeOp) { return CellKind::Merge; })
      .Case([](DffOp) { return CellKind::Dff; })
      .Case([](NdroOp) { return CellKind::Ndro; })
      .Case([](And2Op) { return CellKind::And2; })
      .Case([](Or2Op) { return CellKind::Or2; })
      .Case([](Xor2Op) { return CellKind::Xor2; })
      .Case([](NotOp) { return CellKind::Not; })
      .Case([](SynapseOp) { return CellKind::Synapse; })
      .Case([](PulserOp) { return CellKind::Pulser; })
      .Case([](NeuronOp) { return CellKind::Neuron; })
      .Case([](ClockOp) { return CellKind::Clock; })
      .Default([](Operation *) { return std::nullopt; });
}

namespace {

/// The netlist input port of a cell op's operand: a neuron's optional
/// operands keep their ports (exc 0, inh 1, leak 2) whichever are absent.
uint8_t inputPort(OpOperand &use) {
  unsigned index = use.getOperandNumber();
  if (auto neuron = dyn_cast<NeuronOp>(use.getOwner()))
    for (unsigned port = 0; port < 3; ++port) {
      auto [start, length] = neuron.getODSOperandIndexAndLength(port);
      if (index >= start && index < start + length)
        return uint8_t(port);
    }
  return uint8_t(index);
}

/// The two parameters of a cell op (Netlist.h's Cell), or failure with a
/// diagnostic for a reset rule the netlist has no number for.
FailureOr<Cell> cellOf(Operation *op, CellKind kind) {
  Cell cell{kind, 0, 0};
  if (auto input = dyn_cast<InputOp>(op)) {
    cell.a = input.getElement();
  } else if (auto synapse = dyn_cast<SynapseOp>(op)) {
    cell.a = synapse.getThreshold();
    cell.b = synapse.getId();
  } else if (auto pulser = dyn_cast<PulserOp>(op)) {
    cell.a = pulser.getPulses();
    cell.b = pulser.getSpacing();
  } else if (auto neuron = dyn_cast<NeuronOp>(op)) {
    std::optional<ResetRule> rule = resetRuleNamed(neuron.getReset());
    if (!rule)
      return neuron.emitOpError("reset rule '")
             << neuron.getReset() << "' is not one of zero, subtract, "
             << "release_one";
    cell.a = neuron.getTheta();
    cell.b = uint64_t(*rule);
  } else if (auto clock = dyn_cast<ClockOp>(op)) {
    cell.a = clock.getPeriod();
    cell.b = clock.getPhase();
  }
  return cell;
}

} // namespace

FailureOr<Netlist> buildNetlist(CircuitOp circuit) {
  Netlist netlist;
  llvm::DenseMap<Operation *, uint32_t> cellIndex;
  llvm::DenseMap<Operation *, DriveOp> driveOf;
  SmallVector<Operation *> cells;
  size_t wires = 0;
  for (Operation &op : *circuit.getBodyBlock()) {
    if (auto drive = dyn_cast<DriveOp>(op)) {
      auto wire = drive.getWire().getDefiningOp<WireOp>();
      if (!wire)
        return drive.emitOpError("target must be an sfq.wire");
      if (!driveOf.try_emplace(wire, drive).second)
        return wire.emitError("wire '")
               << wire.getName() << "' is driven more than once";
      continue;
    }
    if (isa<WireOp>(op)) {
      ++wires;
      continue;
    }
    std::optional<CellKind> kind = cellKindOf(&op);
    if (!kind)
      return circuit.emitOpError("cannot hold '")
             << op.getName()
             << "'; a circuit holds only sfq cells, wires and drives";
    FailureOr<Cell> cell = cellOf(&op, *kind);
    if (failed(cell))
      return failure();
    cellIndex[&op] = netlist.addCell(cell->kind, cell->a, cell->b);
    cells.push_back(&op);
  }

  // The cell output a pulse leaves from, through its chain of wires.
  auto sourceOf = [&](Value pulse) -> FailureOr<Pin> {
    for (size_t hops = 0; auto wire = pulse.getDefiningOp<WireOp>(); ++hops) {
      DriveOp drive = driveOf.lookup(wire);
      if (!drive)
        return wire.emitError("wire '") << wire.getName() << "' is not driven";
      if (hops == wires)
        return wire.emitError("wire '")
               << wire.getName()
               << "' is driven through a loop of wires and no cell";
      pulse = drive.getSource();
    }
    auto result = dyn_cast<OpResult>(pulse);
    auto found = result ? cellIndex.find(result.getOwner()) : cellIndex.end();
    if (found == cellIndex.end())
      return circuit.emitOpError("reads a pulse no cell of it makes");
    return Pin{found->second, uint8_t(result.getResultNumber())};
  };

  for (Operation *op : cells) {
    uint32_t index = cellIndex.lookup(op);
    for (OpOperand &use : op->getOpOperands()) {
      FailureOr<Pin> from = sourceOf(use.get());
      if (failed(from))
        return failure();
      // Netlist::connect would overwrite an earlier input of this output.
      if (netlist.destination(from->cell, from->port).cell != kNoCell)
        return cells[from->cell]->emitError()
               << netlist.describeOutput(*from)
               << " drives more than one input; an SFQ output drives exactly "
                  "one input (copy it with sfq.split)";
      netlist.connect(*from, Pin{index, inputPort(use)});
    }
  }

  std::string problem = netlist.check();
  if (!problem.empty())
    return circuit.emitOpError("is not a well-formed netlist: ") << problem;
  return netlist;
}

namespace {

/// Builds the cell op of `cell` reading `inputs` (one per input port, null
/// where an optional input is undriven).
Operation *createCell(OpBuilder &builder, Location loc, const Cell &cell,
                      ArrayRef<Value> in) {
  Type pulse = PulseType::get(builder.getContext());
  switch (cell.kind) {
  case CellKind::Input:
    return builder.create<InputOp>(loc, pulse, cell.a);
  case CellKind::Sink:
    return builder.create<SinkOp>(loc, in[0]);
  case CellKind::Jtl:
    return builder.create<JtlOp>(loc, pulse, in[0]);
  case CellKind::Split:
    return builder.create<SplitOp>(loc, pulse, pulse, in[0]);
  case CellKind::Merge:
    return builder.create<MergeOp>(loc, pulse, in[0], in[1]);
  case CellKind::Dff:
    return builder.create<DffOp>(loc, pulse, in[0], in[1]);
  case CellKind::Ndro:
    return builder.create<NdroOp>(loc, pulse, in[0], in[1], in[2]);
  case CellKind::And2:
    return builder.create<And2Op>(loc, pulse, in[0], in[1], in[2]);
  case CellKind::Or2:
    return builder.create<Or2Op>(loc, pulse, in[0], in[1], in[2]);
  case CellKind::Xor2:
    return builder.create<Xor2Op>(loc, pulse, in[0], in[1], in[2]);
  case CellKind::Not:
    return builder.create<NotOp>(loc, pulse, in[0], in[1]);
  case CellKind::Synapse:
    return builder.create<SynapseOp>(loc, pulse, in[0], cell.a, cell.b,
                                     FloatAttr(), FloatAttr(), FloatAttr());
  case CellKind::Pulser:
    return builder.create<PulserOp>(loc, pulse, in[0], cell.a, cell.b);
  case CellKind::Neuron:
    return builder.create<NeuronOp>(
        loc, pulse, in[0], in[1], in[2], cell.a,
        toString(static_cast<ResetRule>(cell.b)), FloatAttr(), IntegerAttr(),
        IntegerAttr());
  case CellKind::Clock:
    return builder.create<ClockOp>(loc, pulse, cell.a, cell.b);
  }
  llvm_unreachable("unknown SFQ cell kind");
}

} // namespace

CircuitOp buildCircuit(const Netlist &netlist, OpBuilder &builder,
                       Location loc, StringRef name, int64_t slotTicks,
                       StringRef library) {
  auto circuit = builder.create<CircuitOp>(loc, name, slotTicks, library);
  OpBuilder::InsertionGuard guard(builder);
  builder.setInsertionPointToStart(circuit.getBodyBlock());
  Type pulse = PulseType::get(builder.getContext());
  const std::vector<uint32_t> &firstOutput = netlist.outputOffsets();
  auto outputSlot = [&](Pin pin) { return firstOutput[pin.cell] + pin.port; };

  // The output each input port reads, and the wires: declared first, so
  // that a cell can read a pulse whose cell comes later.
  std::vector<Pin> driverOf(netlist.size() * kMaxCellInputs);
  std::vector<Value> wireOf(firstOutput.back());
  for (uint32_t c = 0; c < netlist.size(); ++c) {
    const CellKindInfo &info = kindInfo(netlist.cell(c).kind);
    for (uint8_t o = 0; o < info.outputs; ++o) {
      Pin to = netlist.destination(c, o);
      if (to.cell != kNoCell)
        driverOf[to.cell * kMaxCellInputs + to.port] = Pin{c, o};
      bool backward = to.cell != kNoCell && to.cell <= c;
      if (netlist.cell(c).kind != CellKind::Neuron && !backward)
        continue;
      std::string wireName =
          std::string(info.name) + std::to_string(c) + "." + info.outputNames[o];
      wireOf[outputSlot(Pin{c, o})] =
          builder.create<WireOp>(loc, pulse, wireName).getOut();
    }
  }

  std::vector<Value> outputOf(firstOutput.back());
  for (uint32_t c = 0; c < netlist.size(); ++c) {
    const Cell &cell = netlist.cell(c);
    const CellKindInfo &info = kindInfo(cell.kind);
    SmallVector<Value, kMaxCellInputs> inputs(kMaxCellInputs);
    for (uint8_t p = 0; p < info.inputs; ++p) {
      Pin from = driverOf[c * kMaxCellInputs + p];
      if (from.cell == kNoCell)
        continue;
      unsigned slot = outputSlot(from);
      inputs[p] = wireOf[slot] ? wireOf[slot] : outputOf[slot];
    }
    Operation *op = createCell(builder, loc, cell, inputs);
    for (uint8_t o = 0; o < info.outputs; ++o) {
      unsigned slot = outputSlot(Pin{c, o});
      outputOf[slot] = op->getResult(o);
      if (wireOf[slot])
        builder.create<DriveOp>(loc, wireOf[slot], outputOf[slot]);
    }
  }
  return circuit;
}

} // namespace snnc::sfq
