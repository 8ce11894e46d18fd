//===- NetworkMapping.cpp - A network as the mapper sees it ---------------===//
//
// Bridges a discretized snn.network and the shared mapping library.
//
//===----------------------------------------------------------------------===//

#include "NetworkMapping.h"

#include "TargetModelCache.h"
#include "snn/NeuronParams.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

using namespace mlir;
using namespace snn;
using namespace snnc;

/// Model kind the mapping graph records for input ports (they send spikes,
/// hold no neuron state).
static constexpr int32_t kSourceModel = 100;

/// Delays are stored as 16-bit step counts in synapse rows and the image.
static constexpr uint32_t kMaxDelaySteps = 65535;

Operation *NetworkModel::opNamed(StringRef name) const {
  for (const MappedPopulation &pop : populations)
    if (pop.name == name && pop.op)
      return pop.op;
  return network;
}

static std::string populationName(DiscreteNeuronOp op, size_t index,
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

FailureOr<std::unique_ptr<NetworkModel>>
snnc::buildNetworkModel(NetworkOp network) {
  auto model = std::make_unique<NetworkModel>();
  model->network = network;
  if (!network->hasAttr("snn.time"))
    return network.emitOpError("has no time step; run snn-discretize first");
  FailureOr<snn::TargetAttr> target = spinnaker2TargetOf(network);
  if (failed(target))
    return failure();
  FailureOr<const mapping::TargetModel *> machine =
      spinnaker2Model(*target, network);
  if (failed(machine))
    return failure();
  model->target = **machine;
  model->targetAttr = *target;
  double firingProbability = target->getFiringProbabilityValue();

  mapping::MappingGraph &graph = model->graph;
  graph.firingProbability = firingProbability;
  for (auto [index, type] : llvm::enumerate(network.getArgumentTypes())) {
    MappedPopulation pop;
    pop.name = "input" + std::to_string(index);
    pop.input = index;
    pop.size = cast<SignalType>(type).getNumElements();
    mapping::Population population;
    population.name = pop.name;
    population.size = pop.size;
    population.modelKind = kSourceModel;
    graph.addPopulation(population);
    model->populations.push_back(std::move(pop));
  }
  llvm::StringSet<> taken;
  llvm::DenseMap<Operation *, uint32_t> indexOf;
  for (DiscreteNeuronOp op : network.getBody().getOps<DiscreteNeuronOp>()) {
    MappedPopulation pop;
    pop.name = populationName(op, indexOf.size(), taken);
    pop.op = op;
    pop.size = op.getNumNeurons();
    indexOf[op] = model->populations.size();
    mapping::Population population;
    population.name = pop.name;
    population.size = pop.size;
    population.modelKind = static_cast<int32_t>(op.getModel());
    graph.addPopulation(population);
    model->populations.push_back(std::move(pop));
  }
  for (DiscreteNeuronOp op : network.getBody().getOps<DiscreteNeuronOp>()) {
    for (Value input : op.getInputs()) {
      FailureOr<Operation *> synapse = traceProjection(input, op);
      if (failed(synapse))
        return failure();
      FailureOr<std::unique_ptr<ProjectionRows>> rows =
          ProjectionRows::build(*synapse, input);
      if (failed(rows))
        return failure();
      if ((*rows)->maxDelay() > kMaxDelaySteps)
        return (*rows)->getOp()->emitOpError("has a delay of ")
               << (*rows)->maxDelay() << " steps into population '"
               << model->populations[indexOf[op]].name
               << "', beyond the ring buffer's limit of " << kMaxDelaySteps
               << " steps";
      MappedProjection projection;
      const SpikeSource &source = (*rows)->getSource();
      projection.source = source.input >= 0 ? uint32_t(source.input)
                                            : indexOf[source.population];
      projection.target = indexOf[op];
      projection.rows = std::move(*rows);
      ProjectionRows *view = projection.rows.get();
      mapping::Projection edge;
      edge.name = model->populations[projection.source].name + "->" +
                  model->populations[projection.target].name;
      edge.source = projection.source;
      edge.target = projection.target;
      edge.maxDelay = view->maxDelay();
      edge.procedural = view->isProcedural();
      edge.rows = [view](uint32_t pre, std::vector<uint32_t> &targets) {
        thread_local std::vector<SynapseEntry> row;
        view->row(pre, row);
        targets.clear();
        for (const SynapseEntry &s : row)
          targets.push_back(s.target);
      };
      graph.addProjection(std::move(edge));
      model->projections.push_back(std::move(projection));
    }
  }
  return model;
}

FailureOr<mapping::MappingResult>
snnc::runMapper(const NetworkModel &model,
                const mapping::MappingOptions &options) {
  try {
    return mapping::mapNetwork(model.graph, model.target, options);
  } catch (const mapping::MappingError &e) {
    return model.opNamed(e.subject)->emitError(e.what());
  } catch (const std::exception &e) {
    return model.network.emitError("mapping failed: ") << e.what();
  }
}

/// Reads one i64 array per mapping population: `attrName` on snn.neuron ops,
/// entries of the network's `inputAttrName` for input ports.
static FailureOr<std::vector<std::vector<int64_t>>>
readPerPopulation(const NetworkModel &model, StringRef attrName,
                  StringRef inputAttrName, StringRef producer) {
  std::vector<std::vector<int64_t>> out;
  auto inputs = model.network->getAttrOfType<ArrayAttr>(inputAttrName);
  for (const MappedPopulation &pop : model.populations) {
    DenseI64ArrayAttr attr;
    if (pop.op)
      attr = pop.op->getAttrOfType<DenseI64ArrayAttr>(attrName);
    else if (inputs && pop.input < int64_t(inputs.size()))
      attr = dyn_cast<DenseI64ArrayAttr>(inputs[pop.input]);
    if (!attr) {
      Operation *where =
          pop.op ? pop.op.getOperation() : model.network.getOperation();
      return where->emitOpError("has no ")
             << (pop.op ? attrName : inputAttrName) << " for " << pop.name
             << "; run " << producer << " first";
    }
    out.emplace_back(attr.asArrayRef().begin(), attr.asArrayRef().end());
  }
  return out;
}

FailureOr<std::vector<std::vector<uint32_t>>>
snnc::readSliceSizes(const NetworkModel &model) {
  auto sizes = readPerPopulation(model, "snn.slices", "snn.input_slices",
                                 "snn-partition");
  if (failed(sizes))
    return failure();
  std::vector<std::vector<uint32_t>> out;
  for (const std::vector<int64_t> &pop : *sizes) {
    out.emplace_back();
    for (int64_t n : pop) {
      if (n <= 0 || n > int64_t(UINT32_MAX))
        return model.network.emitOpError("slice size ")
               << n << " is not a positive 32-bit count";
      out.back().push_back(static_cast<uint32_t>(n));
    }
  }
  return out;
}

FailureOr<std::vector<uint32_t>>
snnc::readPlacement(const NetworkModel &model) {
  auto pes = readPerPopulation(model, "snn.pes", "snn.input_pes", "snn-place");
  if (failed(pes))
    return failure();
  std::vector<uint32_t> out;
  for (const std::vector<int64_t> &pop : *pes)
    for (int64_t pe : pop) {
      if (pe < 0 || pe > int64_t(UINT32_MAX))
        return model.network.emitOpError("PE index ")
               << pe << " is out of range";
      out.push_back(static_cast<uint32_t>(pe));
    }
  return out;
}

void snnc::annotatePerSlice(const NetworkModel &model,
                            const mapping::Partition &partition,
                            ArrayRef<int64_t> perSlice, StringRef attrName,
                            StringRef inputAttrName) {
  MLIRContext *ctx = model.network.getContext();
  SmallVector<Attribute> inputs;
  for (auto [index, pop] : llvm::enumerate(model.populations)) {
    ArrayRef<int64_t> values = perSlice.slice(
        partition.populationBegin[index], partition.populationBegin[index + 1] -
                                              partition.populationBegin[index]);
    auto attr = DenseI64ArrayAttr::get(ctx, values);
    if (pop.op)
      pop.op->setAttr(attrName, attr);
    else
      inputs.push_back(attr);
  }
  model.network->setAttr(inputAttrName, ArrayAttr::get(ctx, inputs));
}
