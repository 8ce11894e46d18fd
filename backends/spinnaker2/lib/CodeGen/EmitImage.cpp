//===- EmitImage.cpp - Chip image from a mapped network -------------------===//
//
// Gathers what the passes recorded (fixed-point constants, quantized
// weights, slices, PEs, keys, routing tables) into an image. The network
// part of the core sections is shared with every target
// (snnc/CodeGen/NetworkImage.h); spinnaker2 adds slices, placement and the
// resolved machine layout to it, and puts the fixed-point constants, int16
// weights (in the order of the shared CSR rows), keys and router tables
// into its own sections (ImageSections.h).
//
//===----------------------------------------------------------------------===//

#include "EmitImage.h"

#include "NetworkMapping.h"
#include "QuantizedWeights.h"
#include "TargetModelCache.h"

#include "snn/ElementsData.h"
#include "snnc/mapping/Topology.h"
#include "snnc/spinnaker2/Dialect/S2Dialect.h"
#include "snnc/spinnaker2/ImageSections.h"
#include "snnc/spinnaker2/TargetData.h"

#include "llvm/Support/MemoryBuffer.h"

using namespace mlir;
using namespace snn;
using namespace snnc;
using spinnaker2::FixedAttr;
using spinnaker2::QuantAttr;
using spinnaker2::RoutingAttr;
using spinnaker2::RoutingTableAttr;
using spinnaker2::S2Dialect;
using spinnaker2::SlicesAttr;

namespace {

class ImageBuilder {
public:
  ImageBuilder(const NetworkModel &model, const nlohmann::json &report)
      : model(model), report(report) {}

  FailureOr<image::Image> build();

private:
  /// Appends the slices of mapping population `index` and their keys.
  LogicalResult slicesOf(size_t index, std::vector<image::Slice> &slices,
                         std::vector<spinnaker2::SliceKey> &keys);
  LogicalResult fixedPointOf(const NetworkPopulation &pop,
                             spinnaker2::PopulationFixedPoint &fixed);
  LogicalResult quantOf(const NetworkProjection &projection,
                        QuantizedWeights &weights,
                        spinnaker2::ProjectionFixedPoint &fixed);
  LogicalResult routing(spinnaker2::RoutingSection &out,
                        const mapping::Topology &topology);

  const NetworkModel &model;
  const nlohmann::json &report;
  uint32_t sliceMask = 0;
};

} // namespace

LogicalResult
ImageBuilder::slicesOf(size_t index, std::vector<image::Slice> &slices,
                       std::vector<spinnaker2::SliceKey> &sliceKeys) {
  const NetworkPopulation &pop = model.populations[index];
  SlicesAttr attr;
  if (pop.op)
    attr = pop.op->getAttrOfType<SlicesAttr>(
        S2Dialect::SlicesAttrHelper::getNameStr());
  else if (auto inputs = model.network->getAttrOfType<ArrayAttr>(
               S2Dialect::InputSlicesAttrHelper::getNameStr()))
    if (pop.input >= 0 && pop.input < int64_t(inputs.size()))
      attr = dyn_cast<SlicesAttr>(inputs[pop.input]);
  ArrayRef<int64_t> sizes, pes, keys;
  if (attr) {
    sizes = attr.getSizes();
    pes = attr.getPes();
    keys = attr.getKeys();
  }
  if (sizes.empty() || sizes.size() != pes.size() ||
      sizes.size() != keys.size())
    return model.network.emitOpError("population '")
           << pop.name
           << "' lacks consistent slices, PEs and keys; run snn-partition, "
              "snn-place and snn-route first";
  uint32_t first = 0;
  for (size_t s = 0; s < sizes.size(); ++s) {
    slices.push_back({first, uint32_t(sizes[s]), uint32_t(pes[s])});
    sliceKeys.push_back({uint32_t(keys[s]), sliceMask});
    first += sizes[s];
  }
  return success();
}

LogicalResult
ImageBuilder::fixedPointOf(const NetworkPopulation &pop,
                           spinnaker2::PopulationFixedPoint &fixedPoint) {
  DiscreteNeuronOp op = pop.op;
  auto fixed =
      op->getAttrOfType<FixedAttr>(S2Dialect::FixedAttrHelper::getNameStr());
  if (!fixed)
    return op.emitOpError("has no fixed-point constants; run snn-quantize "
                          "first");
  fixedPoint.sIn = fixed.getSInValue();
  fixedPoint.sV = fixed.getSVValue();
  bool spiking = isa<SpikesType>(op.getType());
  bool cuba = op.getModel() == NeuronModel::cuba_lif;
  for (uint32_t j = 0; j < pop.size; ++j) {
    spinnaker2::FixedNeuron q;
    q.decayQ = FixedAttr::at(fixed.getDecay(), j);
    q.gainM = FixedAttr::at(fixed.getGainM(), j);
    q.gainS = FixedAttr::at(fixed.getGainS(), j);
    q.driveQ = FixedAttr::at(fixed.getDrive(), j);
    q.biasQ = FixedAttr::at(fixed.getBias(), j);
    if (spiking) {
      q.thresholdQ = FixedAttr::at(fixed.getThreshold(), j);
      q.resetQ = FixedAttr::at(fixed.getReset(), j);
    }
    if (cuba) {
      q.synDecayQ = FixedAttr::at(fixed.getSynDecay(), j);
      q.synGainM = FixedAttr::at(fixed.getSynGainM(), j);
      q.synGainS = FixedAttr::at(fixed.getSynGainS(), j);
    }
    fixedPoint.neurons.push_back(q);
  }
  return success();
}

LogicalResult
ImageBuilder::quantOf(const NetworkProjection &projection,
                      QuantizedWeights &weights,
                      spinnaker2::ProjectionFixedPoint &fixedPoint) {
  Operation *op = projection.rows->getOp();
  FailureOr<QuantizedWeights> loaded = QuantizedWeights::load(*projection.rows);
  if (failed(loaded))
    return failure();
  if (!loaded->isQuantized())
    return op->emitOpError("has no quantized weights; run snn-quantize first");
  weights = std::move(*loaded);
  auto quant =
      op->getAttrOfType<QuantAttr>(S2Dialect::QuantAttrHelper::getNameStr());
  fixedPoint.shift = quant.getShift();
  fixedPoint.scale = quant.getScaleValue();
  return success();
}

LogicalResult ImageBuilder::routing(spinnaker2::RoutingSection &out,
                                    const mapping::Topology &topology) {
  auto routingAttr = model.network->getAttrOfType<RoutingAttr>(
      S2Dialect::RoutingAttrHelper::getNameStr());
  if (!routingAttr)
    return model.network.emitOpError("has no routing tables; run snn-route "
                                     "first");
  out.numLinks = routingAttr.getLinks();
  out.wordsPerRoute = routingAttr.getWords();
  out.defaultRoute = topology.routerDefaultRoute();
  out.tables.assign(topology.numChips(), {});
  auto error = [this] { return model.network.emitOpError(); };
  for (RoutingTableAttr table : routingAttr.getTables()) {
    int64_t chip = table.getChip();
    FailureOr<std::vector<int64_t>> entries =
        readInts(table.getEntries(), 64, error);
    FailureOr<std::vector<int64_t>> words =
        readInts(table.getRoutes(), 64, error);
    if (failed(entries) || failed(words))
      return failure();
    if (chip < 0 || chip >= int64_t(topology.numChips()))
      return model.network.emitOpError("routing table for chip ")
             << chip << " beyond the machine's " << topology.numChips();
    spinnaker2::RouterTable &router = out.tables[chip];
    for (size_t k = 0; k + 2 < entries->size(); k += 3)
      router.entries.push_back({uint32_t((*entries)[k]),
                                uint32_t((*entries)[k + 1]),
                                uint32_t((*entries)[k + 2])});
    for (int64_t w : *words)
      router.routeWords.push_back(static_cast<uint64_t>(w));
  }
  sliceMask = static_cast<uint32_t>(routingAttr.getSliceMask());
  return success();
}

FailureOr<image::Image> ImageBuilder::build() {
  image::Image out;
  NetworkOp network = model.network;
  out.snncVersion = "0.1.0";
  out.targetName = model.target.name;
  out.seed = model.targetAttr.getSeed();
  out.report = report;
  try {
    out.targetModel = {
        {"layout", nlohmann::json::parse(spinnaker2::layoutJson())},
        {"target", nlohmann::json::parse(spinnaker2::targetJson())},
        {"overrides", nullptr}};
    if (StringRef overrides = model.targetAttr.getOverrides();
        !overrides.empty())
      out.targetModel["overrides"] = nlohmann::json::parse(overrides.str());
  } catch (const nlohmann::json::exception &e) {
    return network.emitError("target data is not valid JSON: ") << e.what();
  }

  mapping::Topology topology(model.target);
  spinnaker2::RoutingSection &routes = spinnaker2::routing(out);
  spinnaker2::FixedPointSection &fixedPoint = spinnaker2::fixedPoint(out);
  if (failed(routing(routes, topology)))
    return failure();
  out.layout = mapping::resolvedLayout(topology);

  // spinnaker2's half first, population by population and then projection
  // by projection, so that a network the passes have not lowered is told
  // which pass to run before anything else is checked.
  std::vector<std::vector<image::Slice>> inputSlices, populationSlices;
  std::vector<spinnaker2::SliceKey> populationKeys;
  for (auto [index, pop] : llvm::enumerate(model.populations)) {
    if (pop.input >= 0) {
      if (failed(slicesOf(index, inputSlices.emplace_back(), routes.keys)))
        return failure();
      continue;
    }
    spinnaker2::PopulationFixedPoint fixed;
    if (failed(fixedPointOf(pop, fixed)) ||
        failed(
            slicesOf(index, populationSlices.emplace_back(), populationKeys)))
      return failure();
    fixedPoint.populations.push_back(std::move(fixed));
  }
  // Global slice order: every input slice, then every population slice.
  routes.keys.insert(routes.keys.end(), populationKeys.begin(),
                     populationKeys.end());
  std::vector<QuantizedWeights> weights(model.projections.size());
  fixedPoint.projections.resize(model.projections.size());
  for (auto [index, projection] : llvm::enumerate(model.projections))
    if (failed(
            quantOf(projection, weights[index], fixedPoint.projections[index])))
      return failure();

  if (failed(fillCoreSections(
          model, "spinnaker2", out,
          [&](size_t projection, const SynapseEntry &synapse) {
            fixedPoint.projections[projection].weightQ.push_back(
                weights[projection].at(synapse));
          })))
    return failure();
  for (auto [port, slices] : llvm::zip_equal(out.inputs, inputSlices))
    port.slices = std::move(slices);
  for (auto [population, slices] :
       llvm::zip_equal(out.populations, populationSlices))
    population.slices = std::move(slices);
  for (auto [projection, p] :
       llvm::zip_equal(model.projections, out.projections)) {
    auto quant = projection.rows->getOp()->getAttrOfType<QuantAttr>(
        S2Dialect::QuantAttrHelper::getNameStr());
    p.rmsError = quant.getRmsErrorValue();
    p.maxError = quant.getMaxErrorValue();
  }

  // Global slice numbers: input-port slices first, then populations.
  out.placement.chips = topology.numChips();
  out.placement.pesPerChip = topology.pesPerChip();
  out.placement.sliceOfPe.assign(topology.numPes(), image::kNoSlice);
  uint32_t globalSlice = 0;
  auto place = [&](const std::vector<image::Slice> &slices) -> LogicalResult {
    for (const image::Slice &slice : slices) {
      if (slice.pe >= topology.numPes())
        return network.emitOpError("slice placed on PE ")
               << slice.pe << " beyond the machine's " << topology.numPes();
      out.placement.sliceOfPe[slice.pe] = globalSlice++;
    }
    return success();
  };
  for (const image::InputPort &port : out.inputs)
    if (failed(place(port.slices)))
      return failure();
  for (const image::Population &population : out.populations)
    if (failed(place(population.slices)))
      return failure();
  return out;
}

FailureOr<image::Image>
snnc::buildSpinnaker2Image(ModuleOp, NetworkOp network,
                           const nlohmann::json &report) {
  FailureOr<std::unique_ptr<NetworkModel>> model = buildNetworkModel(network);
  if (failed(model))
    return failure();
  ImageBuilder builder(**model, report);
  return builder.build();
}
