//===- PartitionPass.cpp - xbar-partition ---------------------------------===//
//
// Slices every population into tile peripheries and every input port into
// tile row blocks with the shared partitioner, after refusing a network
// whose projections need more tiles than the chip has. The slices become a
// new xbar.chip beside the network; a chip from an earlier run is replaced.
//
//===----------------------------------------------------------------------===//

#include "snnc/crossbar/Passes.h"

#include "CrossbarModel.h"
#include "XbarNetwork.h"

#include "snnc/crossbar/ColumnRead.h"

#include "mlir/IR/Builders.h"

#include <algorithm>

namespace snnc::crossbar {
#define GEN_PASS_DEF_XBARPARTITION
#include "snnc/crossbar/Passes.h.inc"
} // namespace snnc::crossbar

using namespace mlir;
using namespace snnc;
using namespace snnc::crossbar;

namespace {

LogicalResult partition(snn::NetworkOp network) {
  FailureOr<std::unique_ptr<XbarNetwork>> built = buildXbarNetwork(network);
  if (failed(built))
    return failure();
  const XbarNetwork &net = **built;
  const DeviceModel &model = *net.model;
  // Tiles before slices: a network too large for the chip is told how many
  // tiles it needs, which the slice count alone would not say.
  uint64_t needed = tilesNeeded(net);
  if (needed > model.tilesPerChip)
    return network.emitError("the network needs ")
           << needed << " tiles of " << model.tileRows << " x "
           << model.tileCols << "; the chip has " << model.tilesPerChip
           << " (tiles_per_chip; --target-config can change it)";
  // Every slice needs a node of its own. Slices are cut greedily at the
  // limit, so their count is known before partitioning; refusing here
  // names the crossbar's units rather than the mapper's PEs.
  uint64_t periphery = std::min(model.tileCols, model.neuronsPerTile);
  uint64_t slices = 0;
  for (const NetworkPopulation &pop : net.populations) {
    uint64_t limit = pop.input >= 0 ? model.tileRows : periphery;
    slices += (uint64_t(pop.size) + limit - 1) / limit;
  }
  if (slices > model.tilesPerChip)
    return network.emitError("the network needs ")
           << slices << " tile nodes (slices of at most " << periphery
           << " neurons or " << model.tileRows << " inputs); the chip has "
           << model.tilesPerChip
           << " (tiles_per_chip; --target-config can change it)";
  mapping::MappingOptions options;
  options.stopAfter = mapping::MappingStage::Partition;
  FailureOr<mapping::MappingResult> result = runCrossbarMapper(net, options);
  if (failed(result))
    return failure();

  if (ChipOp old = chipOf(network))
    old.erase();
  OpBuilder b(network.getContext());
  b.setInsertionPointAfter(network);
  ChipOp chip = b.create<ChipOp>(
      network.getLoc(), network.getSymName(), model.tileRows, model.tileCols,
      model.tilesPerChip, model.meshCols, model.adcBits, adcRange(model).lsb,
      model.adcFullScaleRows, model.columnsPerAdc);
  b.setInsertionPointToEnd(&chip.getBody().front());
  const mapping::Partition &part = result->partition;
  for (auto [index, pop] : llvm::enumerate(net.populations)) {
    Location loc = pop.op ? pop.op.getLoc() : network.getLoc();
    for (uint32_t s = part.populationBegin[index];
         s < part.populationBegin[index + 1]; ++s)
      b.create<SliceOp>(
          loc, b.getStringAttr(pop.name), b.getI64IntegerAttr(index),
          pop.input >= 0 ? b.getUnitAttr() : UnitAttr(),
          b.getI64IntegerAttr(part.slices[s].first),
          b.getI64IntegerAttr(part.slices[s].count), IntegerAttr());
  }
  return success();
}

struct XbarPartitionPass
    : snnc::crossbar::impl::XbarPartitionBase<XbarPartitionPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(crossbarTargetOf(module)))
      return signalPassFailure();
    bool failedAny = false;
    for (snn::NetworkOp network :
         llvm::make_early_inc_range(module.getOps<snn::NetworkOp>()))
      failedAny |= failed(partition(network));
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
