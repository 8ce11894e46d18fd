//===- XbarNetwork.cpp - A network as the crossbar passes see it ----------===//

#include "XbarNetwork.h"

#include "CrossbarModel.h"

#include "snnc/CodeGen/NetworkGraph.h"
#include "snnc/crossbar/ImageSections.h"
#include "snnc/crossbar/Tiling.h"

#include "mlir/IR/BuiltinOps.h"

#include <algorithm>
#include <set>

using namespace mlir;

namespace snnc::crossbar {

FailureOr<std::unique_ptr<XbarNetwork>>
buildXbarNetwork(snn::NetworkOp network) {
  auto out = std::make_unique<XbarNetwork>();
  out->network = network;
  if (!network->hasAttr("snn.time"))
    return network.emitOpError("has no time step; run snn-discretize first");
  FailureOr<snn::TargetAttr> target = crossbarTargetOf(network);
  if (failed(target))
    return failure();
  FailureOr<const DeviceModel *> model = crossbarModel(*target, network);
  if (failed(model))
    return failure();
  out->model = *model;
  out->targetAttr = *target;
  out->machine = mappingMachine(**model);
  if (failed(buildDiscreteNetwork(network, kTargetName, *out)))
    return failure();
  out->graph.firingProbability = target->getFiringProbabilityValue();
  buildMappingGraph(*out, out->graph);
  return out;
}

ChipOp chipOf(snn::NetworkOp network) {
  auto module = network->getParentOfType<ModuleOp>();
  if (!module)
    return {};
  for (ChipOp chip : module.getOps<ChipOp>())
    if (chip.getNetwork() == network.getSymName())
      return chip;
  return {};
}

FailureOr<std::vector<SliceOp>> orderedSlices(ChipOp chip,
                                              const XbarNetwork &network) {
  std::vector<SliceOp> slices(chip.getBody().front().getOps<SliceOp>().begin(),
                              chip.getBody().front().getOps<SliceOp>().end());
  for (SliceOp slice : slices)
    if (slice.getIndex() >= network.populations.size() ||
        slice.getPopulation() != network.populations[slice.getIndex()].name)
      return slice.emitOpError("names population ")
             << slice.getIndex() << " '" << slice.getPopulation()
             << "', which the network does not have under that number";
  std::stable_sort(slices.begin(), slices.end(), [](SliceOp a, SliceOp b) {
    return std::make_pair(a.getIndex(), a.getFirst()) <
           std::make_pair(b.getIndex(), b.getFirst());
  });
  size_t next = 0;
  for (auto [index, pop] : llvm::enumerate(network.populations)) {
    uint64_t covered = 0;
    for (; next < slices.size() && slices[next].getIndex() == index; ++next) {
      if (slices[next].getFirst() != covered)
        return slices[next].emitOpError("slice of '")
               << pop.name << "' starts at " << slices[next].getFirst()
               << " but the slices before it end at " << covered;
      covered += slices[next].getCount();
    }
    if (covered != pop.size)
      return chip.emitOpError("slices of '")
             << pop.name << "' cover " << covered << " of its " << pop.size
             << " elements; run xbar-partition again";
  }
  return slices;
}

uint64_t tilesNeeded(const XbarNetwork &network) {
  const DeviceModel &model = *network.model;
  uint64_t needed = 0;
  std::vector<SynapseEntry> row;
  for (const NetworkProjection &projection : network.projections) {
    uint32_t rows = network.populations[projection.source].size;
    uint32_t cols = network.populations[projection.target].size;
    // A digital readout lives in periphery memory, not on tiles.
    if (model.digitalReadout &&
        !isa<snn::SpikesType>(
            network.populations[projection.target].op.getType()))
      continue;
    std::set<uint32_t> delays;
    for (uint32_t pre = 0; pre < rows; ++pre) {
      projection.rows->row(pre, row);
      for (const SynapseEntry &s : row)
        delays.insert(s.delay);
    }
    needed += delays.size() *
              crossbar::tilesNeeded(rows, cols, model.tileRows, model.tileCols);
  }
  return needed;
}

FailureOr<mapping::MappingResult>
runCrossbarMapper(const XbarNetwork &network,
                  const mapping::MappingOptions &options) {
  CrossbarResourceModel resources(*network.model);
  return runMapper(network, network.graph, network.machine, &resources,
                   options);
}

} // namespace snnc::crossbar
