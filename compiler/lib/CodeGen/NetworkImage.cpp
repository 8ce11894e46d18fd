//===- NetworkImage.cpp - Core image sections of a network ----------------===//
//
// Numbers and names a discretized network's populations and projections,
// then writes what of them every target's image holds alike.
//
//===----------------------------------------------------------------------===//

#include "snnc/CodeGen/NetworkImage.h"

#include "snn/NeuronParams.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace snn;
using namespace snnc;

namespace {

std::string populationName(DiscreteNeuronOp op, size_t index,
                           llvm::StringSet<> &taken) {
  std::string base;
  if (auto name = dyn_cast<NameLoc>(op.getLoc()))
    base = name.getName().str();
  else
    base = stringifyNeuronModel(op.getModel()).str() + std::to_string(index);
  std::string name = base;
  for (int n = 2; !taken.insert(name).second; ++n)
    name = base + "_" + std::to_string(n);
  return name;
}

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

LogicalResult fillPopulation(const DiscreteNetwork &network, size_t index,
                             image::Population &out) {
  const NetworkPopulation &pop = network.populations[index];
  DiscreteNeuronOp op = pop.op;
  out.name = pop.name;
  out.model = toImageModel(op.getModel());
  out.shape = shapeOf(op.getType());
  out.size = pop.size;
  out.spiking = isa<SpikesType>(op.getType());
  bool cuba = op.getModel() == NeuronModel::cuba_lif;
  std::vector<double> bias(pop.size, 0.0);
  for (const NetworkProjection &p : network.projections)
    if (p.target == index && failed(addProjectionBias(p.rows->getOp(), bias)))
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
    if (out.spiking) {
      f.threshold = threshold[j];
      f.reset = reset[j];
    }
    if (cuba) {
      f.synDecay = synDecay[j];
      f.synGain = synGain[j];
    }
    out.floatParams.push_back(f);
  }
  return success();
}

LogicalResult fillProjection(const DiscreteNetwork &network, size_t index,
                             ArrayRef<int64_t> imageIndex, StringRef target,
                             StoredSynapseFn onStored, image::Projection &out) {
  const NetworkProjection &projection = network.projections[index];
  const ProjectionRows &rows = *projection.rows;
  Operation *op = rows.getOp();
  out.name = network.projectionName(projection);
  out.kind = kindOf(op);
  const NetworkPopulation &source = network.populations[projection.source];
  if (source.input >= 0)
    out.source = {image::SourceKind::Input, uint32_t(source.input)};
  else
    out.source = {image::SourceKind::Population,
                  uint32_t(imageIndex[projection.source])};
  out.target = imageIndex[projection.target];
  out.maxDelay = rows.maxDelay();
  if (auto procedural = dyn_cast<ProceduralOp>(op)) {
    // The image's procedural synapses carry a single delay.
    if (rows.maxDelay() != uint32_t(procedural.getDelaySteps()))
      return op->emitOpError("is delayed by snn.delay ops as well; the ")
             << target
             << " image gives a reservoir's recurrent synapses one delay";
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
      stored.weight.push_back(s.weight);
      stored.delay.push_back(static_cast<uint16_t>(s.delay));
      if (onStored)
        onStored(index, s);
    }
    stored.rowPtr.push_back(stored.target.size());
  }
  return success();
}

} // namespace

std::string
DiscreteNetwork::projectionName(const NetworkProjection &projection) const {
  return populations[projection.source].name + "->" +
         populations[projection.target].name;
}

Operation *DiscreteNetwork::opNamed(StringRef name) const {
  for (const NetworkPopulation &pop : populations)
    if (pop.name == name && pop.op)
      return pop.op;
  return network;
}

LogicalResult snnc::buildDiscreteNetwork(NetworkOp network, StringRef target,
                                         DiscreteNetwork &out) {
  out.network = network;
  if (!network->hasAttr("snn.time"))
    return network.emitOpError("has no time step; run snn-discretize first");
  for (auto [index, type] : llvm::enumerate(network.getArgumentTypes())) {
    NetworkPopulation pop;
    pop.name = "input" + std::to_string(index);
    pop.input = index;
    pop.size = cast<SignalType>(type).getNumElements();
    out.populations.push_back(std::move(pop));
  }
  llvm::StringSet<> taken;
  llvm::DenseMap<Operation *, uint32_t> indexOf;
  for (DiscreteNeuronOp op : network.getBody().getOps<DiscreteNeuronOp>()) {
    NetworkPopulation pop;
    pop.name = populationName(op, indexOf.size(), taken);
    pop.op = op;
    pop.size = op.getNumNeurons();
    indexOf[op] = out.populations.size();
    out.populations.push_back(std::move(pop));
  }
  for (DiscreteNeuronOp op : network.getBody().getOps<DiscreteNeuronOp>()) {
    for (Value input : op.getInputs()) {
      FailureOr<Operation *> synapse = traceProjection(input, op, target);
      if (failed(synapse))
        return failure();
      FailureOr<std::unique_ptr<ProjectionRows>> rows =
          ProjectionRows::build(*synapse, input);
      if (failed(rows))
        return failure();
      if ((*rows)->maxDelay() > kMaxDelaySteps)
        return (*rows)->getOp()->emitOpError("has a delay of ")
               << (*rows)->maxDelay() << " steps into population '"
               << out.populations[indexOf[op]].name
               << "', beyond the ring buffer's limit of " << kMaxDelaySteps
               << " steps";
      NetworkProjection projection;
      const SpikeSource &source = (*rows)->getSource();
      projection.source = source.input >= 0 ? uint32_t(source.input)
                                            : indexOf[source.population];
      projection.target = indexOf[op];
      projection.rows = std::move(*rows);
      out.projections.push_back(std::move(projection));
    }
  }
  return success();
}

LogicalResult snnc::fillCoreSections(const DiscreteNetwork &net,
                                     StringRef target, image::Image &out,
                                     StoredSynapseFn onStored) {
  NetworkOp op = net.network;
  auto time = op->getAttrOfType<TimeAttr>("snn.time");
  if (!time)
    return op.emitOpError("has no time step; run snn-discretize first");
  out.network = op.getSymName().str();
  out.dt = time.getDt().convertToDouble();
  out.rule = time.getRule() == DiscretizationRule::euler
                 ? image::Discretization::Euler
                 : image::Discretization::Exact;

  // Population index in the image of each network population (-1: input).
  std::vector<int64_t> imageIndex;
  for (auto [index, pop] : llvm::enumerate(net.populations)) {
    if (pop.input >= 0) {
      imageIndex.push_back(-1);
      image::InputPort port;
      port.index = pop.input;
      port.name = pop.name;
      port.shape = shapeOf(op.getArgumentTypes()[pop.input]);
      port.size = pop.size;
      out.inputs.push_back(std::move(port));
      continue;
    }
    imageIndex.push_back(out.populations.size());
    image::Population population;
    if (failed(fillPopulation(net, index, population)))
      return failure();
    out.populations.push_back(std::move(population));
  }
  for (size_t index = 0; index < net.projections.size(); ++index) {
    image::Projection projection;
    if (failed(fillProjection(net, index, imageIndex, target, onStored,
                              projection)))
      return failure();
    out.projections.push_back(std::move(projection));
  }

  OutputOp output = op.getOutputOp();
  for (auto [index, value] : llvm::enumerate(output.getOutputs())) {
    auto neuron = value.getDefiningOp<DiscreteNeuronOp>();
    if (!neuron)
      return output.emitOpError("output #")
             << index << " is not a population; the " << target
             << " image records populations as outputs";
    uint32_t population = 0;
    for (auto [k, pop] : llvm::enumerate(net.populations))
      if (pop.op == neuron)
        population = imageIndex[k];
    out.outputs.push_back({uint32_t(index), population,
                           isa<SpikesType>(neuron.getType())
                               ? image::OutputKind::Spikes
                               : image::OutputKind::Current});
  }
  return success();
}
