//===- NetworkMapping.cpp - A network as the mapper sees it ---------------===//
//
// Bridges a discretized snn.network and the shared mapping library.
//
//===----------------------------------------------------------------------===//

#include "NetworkMapping.h"

#include "TargetModelCache.h"
#include "snn/NeuronParams.h"
#include "snnc/CodeGen/NetworkGraph.h"
#include "snnc/spinnaker2/Dialect/S2Dialect.h"

#include "mlir/IR/Builders.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

using namespace mlir;
using namespace snn;
using namespace snnc;

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

  if (failed(buildDiscreteNetwork(network, "spinnaker2", *model)))
    return failure();

  // The graph is the one every target builds (snnc/CodeGen/NetworkGraph.h).
  model->graph.firingProbability = firingProbability;
  buildMappingGraph(*model, model->graph);
  return model;
}

FailureOr<mapping::MappingResult>
snnc::runMapper(const NetworkModel &model,
                const mapping::MappingOptions &options) {
  return runMapper(model, model.graph, model.target, nullptr, options);
}

/// Each mapping population's #s2.slices: s2.slices on snn.neuron ops, the
/// network's s2.input_slices entries for input ports.
static FailureOr<std::vector<spinnaker2::SlicesAttr>>
readSlices(const NetworkModel &model) {
  using spinnaker2::S2Dialect;
  std::vector<spinnaker2::SlicesAttr> out;
  auto inputs = model.network->getAttrOfType<ArrayAttr>(
      S2Dialect::InputSlicesAttrHelper::getNameStr());
  for (const NetworkPopulation &pop : model.populations) {
    spinnaker2::SlicesAttr attr;
    if (pop.op)
      attr = pop.op->getAttrOfType<spinnaker2::SlicesAttr>(
          S2Dialect::SlicesAttrHelper::getNameStr());
    else if (inputs && pop.input < int64_t(inputs.size()))
      attr = dyn_cast<spinnaker2::SlicesAttr>(inputs[pop.input]);
    if (!attr) {
      Operation *where =
          pop.op ? pop.op.getOperation() : model.network.getOperation();
      return where->emitOpError("has no ")
             << (pop.op ? S2Dialect::SlicesAttrHelper::getNameStr()
                        : S2Dialect::InputSlicesAttrHelper::getNameStr())
             << " for " << pop.name << "; run snn-partition first";
    }
    out.push_back(attr);
  }
  return out;
}

FailureOr<std::vector<std::vector<uint32_t>>>
snnc::readSliceSizes(const NetworkModel &model) {
  FailureOr<std::vector<spinnaker2::SlicesAttr>> slices = readSlices(model);
  if (failed(slices))
    return failure();
  // The attribute's verifier holds sizes to positive 32-bit counts.
  std::vector<std::vector<uint32_t>> out;
  for (spinnaker2::SlicesAttr pop : *slices)
    out.emplace_back(pop.getSizes().begin(), pop.getSizes().end());
  return out;
}

FailureOr<std::vector<uint32_t>>
snnc::readPlacement(const NetworkModel &model) {
  FailureOr<std::vector<spinnaker2::SlicesAttr>> slices = readSlices(model);
  if (failed(slices))
    return failure();
  std::vector<uint32_t> out;
  for (auto [pop, attr] : llvm::zip(model.populations, *slices)) {
    if (attr.getPes().empty())
      return (pop.op ? pop.op.getOperation() : model.network.getOperation())
                 ->emitOpError("has no PEs for ")
             << pop.name << "; run snn-place first";
    out.insert(out.end(), attr.getPes().begin(), attr.getPes().end());
  }
  return out;
}

void snnc::annotateSlices(const NetworkModel &model,
                          const mapping::Partition &partition,
                          ArrayRef<int64_t> sizes, ArrayRef<int64_t> pes,
                          ArrayRef<int64_t> keys) {
  MLIRContext *ctx = model.network.getContext();
  auto *dialect = ctx->getLoadedDialect<spinnaker2::S2Dialect>();
  auto part = [](ArrayRef<int64_t> perSlice, size_t begin, size_t count) {
    return perSlice.empty() ? perSlice : perSlice.slice(begin, count);
  };
  SmallVector<Attribute> inputs;
  for (auto [index, pop] : llvm::enumerate(model.populations)) {
    size_t begin = partition.populationBegin[index];
    size_t count = partition.populationBegin[index + 1] - begin;
    auto attr = spinnaker2::SlicesAttr::get(ctx, part(sizes, begin, count),
                                            part(pes, begin, count),
                                            part(keys, begin, count));
    if (pop.op)
      dialect->getSlicesAttrHelper().setAttr(pop.op, attr);
    else
      inputs.push_back(attr);
  }
  dialect->getInputSlicesAttrHelper().setAttr(model.network,
                                              ArrayAttr::get(ctx, inputs));
}
