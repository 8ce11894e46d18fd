//===- PlacePass.cpp - xbar-place -----------------------------------------===//
//
// Places the slices xbar-partition recorded, one per mesh node, with the
// shared placement (seeded annealing minimising traffic x hops on one chip
// of tiles), and records each slice's node. Tiles of an earlier
// xbar-map-tiles are dropped: they sat at the old nodes.
//
//===----------------------------------------------------------------------===//

#include "snnc/crossbar/Passes.h"

#include "CrossbarModel.h"
#include "XbarNetwork.h"

#include "mlir/IR/Builders.h"

namespace snnc::crossbar {
#define GEN_PASS_DEF_XBARPLACE
#include "snnc/crossbar/Passes.h.inc"
} // namespace snnc::crossbar

using namespace mlir;
using namespace snnc;
using namespace snnc::crossbar;

namespace {

LogicalResult place(snn::NetworkOp network) {
  FailureOr<std::unique_ptr<XbarNetwork>> built = buildXbarNetwork(network);
  if (failed(built))
    return failure();
  const XbarNetwork &net = **built;
  ChipOp chip = chipOf(network);
  if (!chip)
    return network.emitOpError("has no xbar.chip; run xbar-partition first");
  FailureOr<std::vector<SliceOp>> slices = orderedSlices(chip, net);
  if (failed(slices))
    return failure();
  mapping::MappingOptions options;
  options.seed = net.targetAttr.getSeed();
  options.stopAfter = mapping::MappingStage::Place;
  options.sliceSizes.resize(net.populations.size());
  for (SliceOp slice : *slices)
    options.sliceSizes[slice.getIndex()].push_back(uint32_t(slice.getCount()));
  FailureOr<mapping::MappingResult> result = runCrossbarMapper(net, options);
  if (failed(result))
    return failure();
  Builder b(network.getContext());
  for (auto [slice, node] :
       llvm::zip_equal(*slices, result->placement.peOfSlice))
    slice.setNodeAttr(b.getI64IntegerAttr(node));
  for (Operation &op :
       llvm::make_early_inc_range(chip.getBody().front().getOperations()))
    if (isa<TileOp, ProjectionOp>(op))
      op.erase();
  return success();
}

struct XbarPlacePass : snnc::crossbar::impl::XbarPlaceBase<XbarPlacePass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(crossbarTargetOf(module)))
      return signalPassFailure();
    bool failedAny = false;
    for (snn::NetworkOp network : module.getOps<snn::NetworkOp>())
      failedAny |= failed(place(network));
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
