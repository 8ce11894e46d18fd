//===- EmitImage.cpp - Chip image from a mapped network -------------------===//
//
// Gathers what the passes recorded (time step, fixed-point constants,
// quantized weights, slices, PEs, keys, routing tables) into an image, and
// expands every stored projection's rows into its CSR tables. The core
// sections get the network, its placement and the resolved machine layout;
// the fixed-point constants, int16 weights, keys and router tables go into
// spinnaker2's own sections (ImageSections.h).
//
//===----------------------------------------------------------------------===//

#include "EmitImage.h"

#include "NetworkMapping.h"
#include "ProjectionWeights.h"

#include "TargetModelCache.h"
#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"
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

image::NeuronModel toImageModel(NeuronModel model) {
  switch (model) {
  case NeuronModel::lif:
    return image::NeuronModel::Lif;
  case NeuronModel::cuba_lif:
    return image::NeuronModel::CubaLif;
  case NeuronModel::if_:
    return image::NeuronModel::If;
  case NeuronModel::li:
    return image::NeuronModel::Li;
  case NeuronModel::integrator:
    return image::NeuronModel::Integrator;
  }
  return image::NeuronModel::Lif;
}

image::ProjectionKind kindOf(Operation *op) {
  if (isa<LinearOp>(op))
    return image::ProjectionKind::Linear;
  if (isa<AffineOp>(op))
    return image::ProjectionKind::Affine;
  if (isa<SparseOp>(op))
    return image::ProjectionKind::Sparse;
  if (isa<Conv2dOp>(op))
    return image::ProjectionKind::Conv2d;
  if (isa<SumPool2dOp>(op))
    return image::ProjectionKind::SumPool2d;
  return image::ProjectionKind::Procedural;
}

std::vector<uint32_t> shapeOf(Type type) {
  ArrayRef<int64_t> shape = cast<SignalType>(type).getShape();
  return std::vector<uint32_t>(shape.begin(), shape.end());
}

class ImageBuilder {
public:
  ImageBuilder(const NetworkModel &model, const nlohmann::json &report)
      : model(model), report(report) {}

  FailureOr<image::Image> build();

private:
  /// Appends the slices of mapping population `index` and their keys.
  LogicalResult slicesOf(size_t index, std::vector<image::Slice> &slices,
                         std::vector<spinnaker2::SliceKey> &keys);
  LogicalResult fillPopulation(const MappedPopulation &pop,
                               image::Population &out,
                               spinnaker2::PopulationFixedPoint &fixed);
  LogicalResult fillProjection(const MappedProjection &projection,
                               image::Projection &out,
                               spinnaker2::ProjectionFixedPoint &fixed);
  LogicalResult routing(spinnaker2::RoutingSection &out,
                        const mapping::Topology &topology);

  const NetworkModel &model;
  const nlohmann::json &report;
  /// Population index in the image of each mapping population (-1: input).
  std::vector<int64_t> imageIndex;
  uint32_t sliceMask = 0;
};

} // namespace

LogicalResult
ImageBuilder::slicesOf(size_t index, std::vector<image::Slice> &slices,
                       std::vector<spinnaker2::SliceKey> &sliceKeys) {
  const MappedPopulation &pop = model.populations[index];
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
ImageBuilder::fillPopulation(const MappedPopulation &pop,
                             image::Population &out,
                             spinnaker2::PopulationFixedPoint &fixedPoint) {
  DiscreteNeuronOp op = pop.op;
  auto fixed =
      op->getAttrOfType<FixedAttr>(S2Dialect::FixedAttrHelper::getNameStr());
  if (!fixed)
    return op.emitOpError("has no fixed-point constants; run snn-quantize "
                          "first");
  out.name = pop.name;
  out.model = toImageModel(op.getModel());
  out.shape = shapeOf(op.getType());
  out.size = pop.size;
  out.spiking = isa<SpikesType>(op.getType());
  fixedPoint.sIn = fixed.getSInValue();
  fixedPoint.sV = fixed.getSVValue();
  bool cuba = op.getModel() == NeuronModel::cuba_lif;
  std::vector<double> bias(pop.size, 0.0);
  for (const MappedProjection &p : model.projections)
    if (model.populations[p.target].op == op &&
        failed(addProjectionBias(p.rows->getOp(), bias)))
      return failure();
  Param decay(op.getDecay(), 0), gain(op.getGain(), 0), drive(op.getDrive(), 0);
  Param threshold(op.getThresholdAttr(), 0), reset(op.getResetAttr(), 0);
  Param synDecay(op.getSynDecayAttr(), 0), synGain(op.getSynGainAttr(), 0);
  for (uint32_t j = 0; j < pop.size; ++j) {
    image::FloatNeuron f;
    f.decay = decay[j];
    f.gain = gain[j];
    f.drive = drive[j];
    f.bias = bias[j];
    spinnaker2::FixedNeuron q;
    q.decayQ = FixedAttr::at(fixed.getDecay(), j);
    q.gainM = FixedAttr::at(fixed.getGainM(), j);
    q.gainS = FixedAttr::at(fixed.getGainS(), j);
    q.driveQ = FixedAttr::at(fixed.getDrive(), j);
    q.biasQ = FixedAttr::at(fixed.getBias(), j);
    if (out.spiking) {
      f.threshold = threshold[j];
      f.reset = reset[j];
      q.thresholdQ = FixedAttr::at(fixed.getThreshold(), j);
      q.resetQ = FixedAttr::at(fixed.getReset(), j);
    }
    if (cuba) {
      f.synDecay = synDecay[j];
      f.synGain = synGain[j];
      q.synDecayQ = FixedAttr::at(fixed.getSynDecay(), j);
      q.synGainM = FixedAttr::at(fixed.getSynGainM(), j);
      q.synGainS = FixedAttr::at(fixed.getSynGainS(), j);
    }
    out.floatParams.push_back(f);
    fixedPoint.neurons.push_back(q);
  }
  return success();
}

LogicalResult
ImageBuilder::fillProjection(const MappedProjection &projection,
                             image::Projection &out,
                             spinnaker2::ProjectionFixedPoint &fixedPoint) {
  const ProjectionRows &rows = *projection.rows;
  Operation *op = rows.getOp();
  if (!rows.isQuantized())
    return op->emitOpError("has no quantized weights; run snn-quantize first");
  out.name = model.populations[projection.source].name + "->" +
             model.populations[projection.target].name;
  out.kind = kindOf(op);
  const MappedPopulation &source = model.populations[projection.source];
  if (source.input >= 0)
    out.source = {image::SourceKind::Input, uint32_t(source.input)};
  else
    out.source = {image::SourceKind::Population,
                  uint32_t(imageIndex[projection.source])};
  out.target = imageIndex[projection.target];
  auto quant =
      op->getAttrOfType<QuantAttr>(S2Dialect::QuantAttrHelper::getNameStr());
  fixedPoint.shift = quant.getShift();
  fixedPoint.scale = quant.getScaleValue();
  out.rmsError = quant.getRmsErrorValue();
  out.maxError = quant.getMaxErrorValue();
  out.maxDelay = rows.maxDelay();
  if (auto procedural = dyn_cast<ProceduralOp>(op)) {
    if (rows.maxDelay() != uint32_t(procedural.getDelaySteps()))
      return op->emitOpError("is delayed by snn.delay ops as well; the "
                             "spinnaker2 image gives a reservoir's "
                             "recurrent synapses one delay");
    out.isProcedural = true;
    out.procedural.spec = procedural.getSpec();
    out.procedural.delay = static_cast<uint16_t>(rows.maxDelay());
    return success();
  }
  image::StoredSynapses &stored = out.stored;
  std::vector<SynapseEntry> row;
  stored.rowPtr.push_back(0);
  for (uint32_t pre = 0; pre < rows.numSources(); ++pre) {
    rows.row(pre, row);
    for (const SynapseEntry &s : row) {
      stored.target.push_back(s.target);
      fixedPoint.weightQ.push_back(s.qweight);
      stored.weight.push_back(s.weight);
      stored.delay.push_back(static_cast<uint16_t>(s.delay));
    }
    stored.rowPtr.push_back(stored.target.size());
  }
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
  auto time = network->getAttrOfType<TimeAttr>("snn.time");
  if (!time)
    return network.emitOpError("has no time step; run snn-discretize first");
  out.snncVersion = "0.1.0";
  out.network = network.getSymName().str();
  out.targetName = model.target.name;
  out.dt = time.getDt().convertToDouble();
  out.rule = time.getRule() == DiscretizationRule::euler
                 ? image::Discretization::Euler
                 : image::Discretization::Exact;
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
  std::vector<spinnaker2::SliceKey> populationKeys;

  for (auto [index, pop] : llvm::enumerate(model.populations)) {
    if (pop.input >= 0) {
      imageIndex.push_back(-1);
      image::InputPort port;
      port.index = pop.input;
      port.name = pop.name;
      port.shape = shapeOf(network.getArgumentTypes()[pop.input]);
      port.size = pop.size;
      if (failed(slicesOf(index, port.slices, routes.keys)))
        return failure();
      out.inputs.push_back(std::move(port));
      continue;
    }
    imageIndex.push_back(out.populations.size());
    image::Population population;
    spinnaker2::PopulationFixedPoint fixed;
    if (failed(fillPopulation(pop, population, fixed)) ||
        failed(slicesOf(index, population.slices, populationKeys)))
      return failure();
    out.populations.push_back(std::move(population));
    fixedPoint.populations.push_back(std::move(fixed));
  }
  // Global slice order: every input slice, then every population slice.
  routes.keys.insert(routes.keys.end(), populationKeys.begin(),
                     populationKeys.end());
  for (const MappedProjection &projection : model.projections) {
    image::Projection p;
    spinnaker2::ProjectionFixedPoint fixed;
    if (failed(fillProjection(projection, p, fixed)))
      return failure();
    out.projections.push_back(std::move(p));
    fixedPoint.projections.push_back(std::move(fixed));
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

  OutputOp output = network.getOutputOp();
  for (auto [index, value] : llvm::enumerate(output.getOutputs())) {
    auto neuron = value.getDefiningOp<DiscreteNeuronOp>();
    if (!neuron)
      return output.emitOpError("output #")
             << index
             << " is not a population; the spinnaker2 image records "
                "populations as outputs";
    uint32_t population = 0;
    for (auto [k, pop] : llvm::enumerate(model.populations))
      if (pop.op == neuron)
        population = imageIndex[k];
    out.outputs.push_back({uint32_t(index), population,
                           isa<SpikesType>(neuron.getType())
                               ? image::OutputKind::Spikes
                               : image::OutputKind::Current});
  }
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
