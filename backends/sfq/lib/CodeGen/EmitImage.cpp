//===- EmitImage.cpp - The chip image of an sfq.circuit -------------------===//
//
// Reads back the circuit convert-snn-to-sfq built (or a user edited): its
// netlist, which neuron cell is which neuron (the neurons' population and
// index attributes), the slot and input spacing, and the total bias. The
// shared core sections come from the network as for every target; each
// input port and population is one slice on a unit of its own, as the
// netlist has no placement of its own to record.
//
//===----------------------------------------------------------------------===//

#include "EmitImage.h"

#include "SfqReport.h"

#include "snnc/CodeGen/NetworkImage.h"
#include "snnc/Target/ModuleTarget.h"
#include "snnc/sfq/Dialect/NetlistConversion.h"
#include "snnc/sfq/ImageSections.h"

#include <cmath>

using namespace mlir;

namespace snnc::sfq {

FailureOr<image::Image> buildSfqImage(snn::NetworkOp network,
                                      const nlohmann::json &report) {
  FailureOr<const SfqModel *> model = sfqModelOf(network);
  if (failed(model))
    return failure();
  CircuitOp circuit = circuitOf(network);
  if (!circuit)
    return network.emitOpError("has no sfq.circuit @")
           << circuitName(network) << "; run convert-snn-to-sfq first";
  FailureOr<Netlist> netlist = buildNetlist(circuit);
  if (failed(netlist))
    return failure();

  DiscreteNetwork net;
  image::Image out;
  if (failed(buildDiscreteNetwork(network, kTargetName, net)) ||
      failed(fillCoreSections(net, kTargetName, out)))
    return failure();
  out.snncVersion = "0.1.0";
  out.targetName = kTargetName;
  FailureOr<snn::TargetAttr> target = moduleTargetFor(network, kTargetName);
  if (failed(target))
    return failure();
  out.seed = target->getSeed();
  out.report = report;
  out.targetModel = (*model)->resolved;
  uint32_t unit = 0;
  for (image::InputPort &port : out.inputs)
    port.slices = {{0, port.size, unit++}};
  for (image::Population &pop : out.populations)
    pop.slices = {{0, pop.size, unit++}};
  out.placement = {1, unit, {}};
  for (uint32_t s = 0; s < unit; ++s)
    out.placement.sliceOfPe.push_back(s);
  out.layout = image::rowLayout(1, unit);

  auto &section = out.sections.emplace<NetlistSection>(kNetlistSection);
  section.slotTicks = uint64_t(circuit.getSlotTicks());
  section.cellLibrary = circuit.getLibrary().str();
  if (auto facts = circuit->getAttrOfType<DictionaryAttr>("sfq.lowering")) {
    if (auto spacing = facts.getAs<IntegerAttr>("input_spacing_ticks"))
      section.inputSpacingTicks = uint64_t(spacing.getInt());
    if (auto phase = facts.getAs<IntegerAttr>("input_phase_ticks"))
      section.inputPhaseTicks = uint64_t(phase.getInt());
  }
  section.biasNa = uint64_t(
      std::llround(totalBiasUa(circuit, *netlist, (*model)->library) * 1e3));
  for (NeuronOp neuron : circuit.getBody().front().getOps<NeuronOp>()) {
    if (!neuron.getPopulation() || !neuron.getIndex())
      return neuron.emitOpError("has no population and index; the image "
                                "needs to know which neuron it is");
    section.neurons.push_back(
        {uint32_t(*neuron.getPopulation()), uint32_t(*neuron.getIndex())});
  }
  section.timing = (*model)->library.timing();
  for (size_t k = 0; k < kNumCellKinds; ++k)
    section.modelled[k] = (*model)->library.cells[k].present;
  section.netlist = std::move(*netlist);
  return out;
}

} // namespace snnc::sfq
