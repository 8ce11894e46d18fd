//===- S2Dialect.cpp - The spinnaker2 target's dialect --------------------===//
//
// Registers the `s2` attributes and verifies each `s2.*` discardable
// attribute against the op carrying it: which ops may carry it, population
// and port sizes, the shape of quantized weights, PEs used once, and slice
// keys against the routing tables' mask.
//
//===----------------------------------------------------------------------===//

#include "snnc/spinnaker2/Dialect/S2Dialect.h"

#include "snn/ElementsData.h"
#include "snn/SnnOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace snnc::spinnaker2;

#include "snnc/spinnaker2/Dialect/S2Dialect.cpp.inc"

void S2Dialect::initialize() { registerAttributes(); }

namespace {

/// The float weights a projection's quantized weights mirror, or null when
/// it stores none (procedural and pooling projections).
ElementsAttr floatWeights(Operation *op) {
  if (auto linear = dyn_cast<snn::LinearOp>(op))
    return linear.getWeight();
  if (auto affine = dyn_cast<snn::AffineOp>(op))
    return affine.getWeight();
  if (auto conv = dyn_cast<snn::Conv2dOp>(op))
    return conv.getWeight();
  if (auto sparse = dyn_cast<snn::SparseOp>(op))
    return sparse.getValues();
  return {};
}

LogicalResult verifyQuant(Operation *op, QuantAttr quant) {
  if (!isa<snn::SynapseOpInterface>(op))
    return op->emitOpError("carries ")
           << S2Dialect::QuantAttrHelper::getNameStr()
           << " but is not a synaptic projection";
  ElementsAttr weights = quant.getWeights();
  if (!weights)
    return success();
  ElementsAttr source = floatWeights(op);
  if (!source)
    return op->emitOpError("stores no weights, but its ")
           << S2Dialect::QuantAttrHelper::getNameStr() << " has some";
  return snn::checkElements(weights, IntegerType::get(op->getContext(), 16),
                            source.getShapedType().getShape(),
                            "s2.quant weights",
                            [op] { return op->emitOpError(); });
}

LogicalResult verifyFixed(Operation *op, FixedAttr fixed) {
  auto neuron = dyn_cast<snn::DiscreteNeuronOp>(op);
  if (!neuron)
    return op->emitOpError("carries ")
           << S2Dialect::FixedAttrHelper::getNameStr()
           << " but is not an snn.neuron";
  int64_t n = neuron.getNumNeurons();
  if (fixed.getNumNeurons() != 1 && int64_t(fixed.getNumNeurons()) != n)
    return op->emitOpError("has ")
           << n << " neurons but its s2.fixed describes "
           << fixed.getNumNeurons();
  bool spiking = isa<snn::SpikesType>(neuron.getType());
  if (spiking == fixed.getThreshold().empty())
    return op->emitOpError(spiking ? "spikes, so its s2.fixed needs a "
                                     "threshold and reset"
                                   : "does not spike, so its s2.fixed has no "
                                     "use for a threshold and reset");
  bool cuba = neuron.getModel() == snn::NeuronModel::cuba_lif;
  if (cuba == fixed.getSynDecay().empty())
    return op->emitOpError(cuba ? "is cuba_lif, so its s2.fixed needs "
                                  "syn_decay, syn_gain_m and syn_gain_s"
                                : "is not cuba_lif, so its s2.fixed has no "
                                  "use for synaptic constants");
  return success();
}

LogicalResult verifySlices(Operation *op, SlicesAttr slices) {
  auto neuron = dyn_cast<snn::DiscreteNeuronOp>(op);
  if (!neuron)
    return op->emitOpError("carries ")
           << S2Dialect::SlicesAttrHelper::getNameStr()
           << " but is not an snn.neuron (input ports' slices are the "
              "network's s2.input_slices)";
  if (slices.getNumNeurons() != neuron.getNumNeurons())
    return op->emitOpError("has ")
           << neuron.getNumNeurons() << " neurons but its s2.slices cover "
           << slices.getNumNeurons();
  return success();
}

/// Every #s2.slices of `network`: its input ports' first, then its
/// populations'.
SmallVector<SlicesAttr> allSlices(snn::NetworkOp network) {
  SmallVector<SlicesAttr> out;
  if (auto inputs = network->getAttrOfType<ArrayAttr>(
          S2Dialect::InputSlicesAttrHelper::getNameStr()))
    for (Attribute entry : inputs)
      if (auto slices = dyn_cast<SlicesAttr>(entry))
        out.push_back(slices);
  network.getBody().walk([&](snn::DiscreteNeuronOp neuron) {
    if (auto slices = neuron->getAttrOfType<SlicesAttr>(
            S2Dialect::SlicesAttrHelper::getNameStr()))
      out.push_back(slices);
  });
  return out;
}

LogicalResult verifyInputSlices(snn::NetworkOp network, ArrayAttr inputs) {
  ArrayRef<Type> ports = network.getArgumentTypes();
  if (inputs.size() != ports.size())
    return network.emitOpError("has ")
           << ports.size() << " inputs but s2.input_slices describes "
           << inputs.size();
  for (auto [index, entry] : llvm::enumerate(inputs)) {
    auto slices = dyn_cast<SlicesAttr>(entry);
    if (!slices)
      return network.emitOpError("s2.input_slices must hold one #s2.slices "
                                 "per input, got ")
             << entry;
    int64_t size = cast<snn::SignalType>(ports[index]).getNumElements();
    if (slices.getNumNeurons() != size)
      return network.emitOpError("input #")
             << index << " has " << size
             << " neurons but its s2.input_slices entry covers "
             << slices.getNumNeurons();
  }
  // A PE runs one slice (the mapper's Placement).
  llvm::DenseSet<int64_t> used;
  for (SlicesAttr slices : allSlices(network))
    for (int64_t pe : slices.getPes())
      if (!used.insert(pe).second)
        return network.emitOpError("places two slices on PE ") << pe;
  return success();
}

LogicalResult verifyRouting(snn::NetworkOp network, RoutingAttr routing) {
  int64_t neuronBits = routing.getNeuronBits();
  uint64_t blockMask = (uint64_t(1) << neuronBits) - 1;
  for (SlicesAttr slices : allSlices(network)) {
    for (int64_t size : slices.getSizes())
      if (uint64_t(size) > blockMask + 1)
        return network.emitOpError("has a slice of ")
               << size << " neurons, more than the " << neuronBits
               << " neuron bits of its s2.routing number";
    for (int64_t key : slices.getKeys())
      if (uint64_t(key) & ~uint64_t(routing.getSliceMask()))
        return network.emitOpError("has slice key ")
               << key
               << ", which sets bits outside the slice_mask of its "
                  "s2.routing";
  }
  auto error = [op = network.getOperation()] { return op->emitOpError(); };
  for (RoutingTableAttr table : routing.getTables()) {
    FailureOr<std::vector<int64_t>> entries =
        snn::readInts(table.getEntries(), 64, error);
    if (failed(entries))
      return failure();
    int64_t routes = table.getNumRoutes();
    for (size_t k = 0; k + 2 < entries->size(); k += 3) {
      int64_t key = (*entries)[k], mask = (*entries)[k + 1],
              route = (*entries)[k + 2];
      if (key < 0 || mask < 0 || key > int64_t(UINT32_MAX) ||
          mask > int64_t(UINT32_MAX) || (key & ~mask) != 0)
        return network.emitOpError("s2.routing table of chip ")
               << table.getChip() << ": entry " << k / 3 << " (key " << key
               << ", mask " << mask << ") is not a 32-bit key within its mask";
      if (route < 0 || route >= routes)
        return network.emitOpError("s2.routing table of chip ")
               << table.getChip() << ": entry " << k / 3 << " names route "
               << route << " of " << routes;
    }
  }
  return success();
}

/// Fails unless `attr` holds an AttrT.
template <typename AttrT>
LogicalResult expectKind(Operation *op, NamedAttribute attr) {
  if (isa<AttrT>(attr.getValue()))
    return success();
  return op->emitOpError("attribute '")
         << attr.getName().getValue() << "' must be #s2."
         << AttrT::getMnemonic() << ", got " << attr.getValue();
}

} // namespace

LogicalResult S2Dialect::verifyOperationAttribute(Operation *op,
                                                  NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  Attribute value = attr.getValue();
  if (name == QuantAttrHelper::getNameStr())
    return failure(failed(expectKind<QuantAttr>(op, attr)) ||
                   failed(verifyQuant(op, cast<QuantAttr>(value))));
  if (name == FixedAttrHelper::getNameStr())
    return failure(failed(expectKind<FixedAttr>(op, attr)) ||
                   failed(verifyFixed(op, cast<FixedAttr>(value))));
  if (name == SlicesAttrHelper::getNameStr())
    return failure(failed(expectKind<SlicesAttr>(op, attr)) ||
                   failed(verifySlices(op, cast<SlicesAttr>(value))));

  // The rest describe the whole network.
  auto network = dyn_cast<snn::NetworkOp>(op);
  bool known = name == InputSlicesAttrHelper::getNameStr() ||
               name == PartitionAttrHelper::getNameStr() ||
               name == PlacementAttrHelper::getNameStr() ||
               name == RoutingAttrHelper::getNameStr() ||
               name == MappingReportAttrHelper::getNameStr();
  if (!known)
    return op->emitOpError("has unknown spinnaker2 attribute '") << name << "'";
  if (!network)
    return op->emitOpError("carries ")
           << name << ", which belongs on an snn.network";
  if (name == InputSlicesAttrHelper::getNameStr()) {
    auto inputs = dyn_cast<ArrayAttr>(value);
    if (!inputs)
      return op->emitOpError("attribute '")
             << name << "' must be an array of #s2.slices, got " << value;
    return verifyInputSlices(network, inputs);
  }
  if (name == PartitionAttrHelper::getNameStr())
    return expectKind<PartitionAttr>(op, attr);
  if (name == PlacementAttrHelper::getNameStr())
    return expectKind<PlacementAttr>(op, attr);
  if (name == MappingReportAttrHelper::getNameStr())
    return expectKind<MappingReportAttr>(op, attr);
  return failure(failed(expectKind<RoutingAttr>(op, attr)) ||
                 failed(verifyRouting(network, cast<RoutingAttr>(value))));
}
