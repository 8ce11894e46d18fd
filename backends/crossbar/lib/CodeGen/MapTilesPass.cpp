//===- MapTilesPass.cpp - xbar-map-tiles ----------------------------------===//
//
// Lowers the projections to programmed tiles: the core image of the
// network goes through crossbar::mapTiles with the compile seed (so the
// programming noise of this one chip is fixed here), each tile is put on a
// mesh node beside the slice whose input it computes (TileNodes.h), and the
// result is materialised as xbar.projection and xbar.tile ops, which the
// image builder reads back: the IR is the source of truth.
//
//===----------------------------------------------------------------------===//

#include "snnc/crossbar/Passes.h"

#include "CrossbarModel.h"
#include "TileNodes.h"
#include "WeightError.h"
#include "XbarNetwork.h"

#include "snn/ElementsData.h"
#include "snnc/crossbar/ImageSections.h"
#include "snnc/crossbar/TileMap.h"

#include "mlir/IR/Builders.h"

namespace snnc::crossbar {
#define GEN_PASS_DEF_XBARMAPTILES
#include "snnc/crossbar/Passes.h.inc"
} // namespace snnc::crossbar

using namespace mlir;
using namespace snnc;
using namespace snnc::crossbar;

namespace {

LogicalResult mapNetworkTiles(snn::NetworkOp network) {
  FailureOr<std::unique_ptr<XbarNetwork>> built = buildXbarNetwork(network);
  if (failed(built))
    return failure();
  const XbarNetwork &net = **built;
  const DeviceModel &model = *net.model;
  ChipOp chip = chipOf(network);
  if (!chip)
    return network.emitOpError("has no xbar.chip; run xbar-partition first");
  FailureOr<std::vector<SliceOp>> slices = orderedSlices(chip, net);
  if (failed(slices))
    return failure();
  for (SliceOp slice : *slices)
    if (!slice.getNode())
      return slice.emitOpError("slice of '")
             << slice.getPopulation() << "' has no node; run xbar-place first";

  image::Image core;
  if (failed(fillCoreSections(net, kTargetName, core)))
    return failure();
  image::Expected<TileMap> mapped =
      mapTiles(core, model, net.targetAttr.getSeed());
  if (!mapped)
    return network.emitError(mapped.error().message());
  const TileMap &map = mapped.value();
  WeightError error = measureWeightError(core, map, model);

  // Each tile's home: the node of the slice holding its first column.
  size_t inputs = core.inputs.size();
  std::vector<int64_t> homes, sliceNodes;
  for (SliceOp slice : *slices)
    sliceNodes.push_back(int64_t(*slice.getNode()));
  for (const XbarTile &tile : map.tiles) {
    uint64_t population = inputs + core.projections[tile.projection].target;
    int64_t home = -1;
    for (SliceOp slice : *slices)
      if (slice.getIndex() == population &&
          tile.block.colFirst >= slice.getFirst() &&
          tile.block.colFirst < slice.getFirst() + slice.getCount())
        home = int64_t(*slice.getNode());
    homes.push_back(home);
  }
  // Array tiles take nodes of their own; a digital tile is memory of its
  // home periphery.
  std::vector<int64_t> arrayHomes;
  for (size_t t = 0; t < map.tiles.size(); ++t)
    if (!map.tiles[t].digital)
      arrayHomes.push_back(homes[t]);
  std::vector<int64_t> arrayNodes =
      assignTileNodes(arrayHomes, sliceNodes, model);
  std::vector<int64_t> nodes(map.tiles.size());
  for (size_t t = 0, a = 0; t < map.tiles.size(); ++t)
    nodes[t] = map.tiles[t].digital ? homes[t] : arrayNodes[a++];

  MLIRContext *ctx = network.getContext();
  for (Operation &op :
       llvm::make_early_inc_range(chip.getBody().front().getOperations()))
    if (isa<TileOp, DigitalTileOp, ProjectionOp>(op))
      op.erase();
  OpBuilder b(ctx);
  b.setInsertionPointToEnd(&chip.getBody().front());
  std::vector<Location> locs;
  for (auto [index, projection] : llvm::enumerate(net.projections)) {
    const image::Projection &p = core.projections[index];
    Location loc = projection.rows->getOp()->getLoc();
    locs.push_back(loc);
    b.create<ProjectionOp>(
        loc, b.getI64IntegerAttr(index), b.getStringAttr(p.name),
        b.getI64IntegerAttr(image::sourceSize(core, p.source)),
        b.getI64IntegerAttr(core.populations[p.target].size),
        b.getF64FloatAttr(map.scale[index]),
        b.getF64FloatAttr(error.rms[index]),
        b.getF64FloatAttr(error.max[index]),
        model.formedReservoir && p.isProcedural ? b.getUnitAttr() : UnitAttr());
  }
  for (auto [index, tile] : llvm::enumerate(map.tiles)) {
    SmallVector<int64_t, 2> shape = {tile.block.rowCount, tile.block.colCount};
    if (tile.digital) {
      std::vector<int64_t> weights(tile.weights.begin(), tile.weights.end());
      b.create<DigitalTileOp>(
          locs[tile.projection], b.getI64IntegerAttr(index),
          b.getI64IntegerAttr(tile.projection), b.getI64IntegerAttr(tile.delay),
          b.getI64IntegerAttr(tile.block.rowFirst),
          b.getI64IntegerAttr(tile.block.rowCount),
          b.getI64IntegerAttr(tile.block.colFirst),
          b.getI64IntegerAttr(tile.block.colCount),
          b.getI64IntegerAttr(nodes[index]),
          b.getI64IntegerAttr(error.weightedCells[index]),
          snn::makeInts(ctx, shape, weights, 16, "xbar_weights"));
      continue;
    }
    b.create<TileOp>(locs[tile.projection], b.getI64IntegerAttr(index),
                     b.getI64IntegerAttr(tile.projection),
                     b.getI64IntegerAttr(tile.delay),
                     b.getI64IntegerAttr(tile.block.rowFirst),
                     b.getI64IntegerAttr(tile.block.rowCount),
                     b.getI64IntegerAttr(tile.block.colFirst),
                     b.getI64IntegerAttr(tile.block.colCount),
                     b.getI64IntegerAttr(nodes[index]),
                     b.getI64IntegerAttr(error.weightedCells[index]),
                     b.getI64IntegerAttr(tile.fullScaleRows),
                     snn::makeF32(ctx, shape, tile.gPlus, "xbar_g_plus"),
                     snn::makeF32(ctx, shape, tile.gMinus, "xbar_g_minus"));
  }
  chip.setProgrammedCellsAttr(b.getI64IntegerAttr(map.programmedCells));
  chip.setProgramPulsesAttr(b.getI64IntegerAttr(map.programPulses));
  chip.setFormedCellsAttr(b.getI64IntegerAttr(map.formedCells));
  chip.setSavedPulsesAttr(b.getI64IntegerAttr(map.savedPulses));
  return success();
}

struct XbarMapTilesPass
    : snnc::crossbar::impl::XbarMapTilesBase<XbarMapTilesPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(crossbarTargetOf(module)))
      return signalPassFailure();
    bool failedAny = false;
    for (snn::NetworkOp network : module.getOps<snn::NetworkOp>())
      failedAny |= failed(mapNetworkTiles(network));
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
