//===- EmitImage.cpp - The chip image of a lowered network ----------------===//
//
// Reads back what the passes recorded in the xbar.chip: slices and their
// nodes become the image's slices and placement (one slice per node: PEs
// are tile nodes, chips = 1), the mesh becomes its MachineLayout, and the
// xbar.projection, xbar.tile and xbar.digital_tile ops become the
// crossbar.tiles section. The conductances and weights are those of the IR,
// not a second run of mapTiles.
//
//===----------------------------------------------------------------------===//

#include "EmitImage.h"

#include "CrossbarModel.h"
#include "XbarNetwork.h"

#include "snn/ElementsData.h"
#include "snnc/crossbar/ImageSections.h"
#include "snnc/mapping/Topology.h"

#include <map>

using namespace mlir;

namespace snnc::crossbar {

FailureOr<image::Image> buildCrossbarImage(snn::NetworkOp network,
                                           const nlohmann::json &report) {
  FailureOr<std::unique_ptr<XbarNetwork>> built = buildXbarNetwork(network);
  if (failed(built))
    return failure();
  const XbarNetwork &net = **built;
  const DeviceModel &model = *net.model;
  ChipOp chip = chipOf(network);
  if (!chip)
    return network.emitOpError("has no xbar.chip; run xbar-partition, "
                               "xbar-place and xbar-map-tiles first");
  FailureOr<std::vector<SliceOp>> slices = orderedSlices(chip, net);
  if (failed(slices))
    return failure();

  image::Image out;
  out.snncVersion = "0.1.0";
  out.targetName = kTargetName;
  out.seed = net.targetAttr.getSeed();
  out.report = report;
  FailureOr<nlohmann::json> resolved =
      resolvedModelJson(net.targetAttr, network);
  if (failed(resolved))
    return failure();
  out.targetModel = std::move(*resolved);
  if (failed(fillCoreSections(net, kTargetName, out)))
    return failure();

  // Slices in global order (input ports, then populations), one per node.
  mapping::Topology topology(net.machine);
  out.layout = mapping::resolvedLayout(topology);
  out.placement.chips = 1;
  out.placement.pesPerChip = model.tilesPerChip;
  out.placement.sliceOfPe.assign(model.tilesPerChip, image::kNoSlice);
  size_t inputs = out.inputs.size();
  for (auto [global, slice] : llvm::enumerate(*slices)) {
    std::optional<uint64_t> node = slice.getNode();
    if (!node)
      return slice.emitOpError("slice of '")
             << slice.getPopulation() << "' has no node; run xbar-place first";
    image::Slice s{uint32_t(slice.getFirst()), uint32_t(slice.getCount()),
                   uint32_t(*node)};
    if (slice.getIndex() < inputs)
      out.inputs[slice.getIndex()].slices.push_back(s);
    else
      out.populations[slice.getIndex() - inputs].slices.push_back(s);
    // The chip's verifier holds nodes inside the chip and unique.
    out.placement.sliceOfPe[*node] = uint32_t(global);
  }

  TileSection &section = out.sections.emplace<TileSection>(kTilesSection);
  TileMap &map = section.map;
  map.scale.assign(out.projections.size(), 0.0);
  std::vector<bool> declared(out.projections.size(), false);
  for (ProjectionOp p : chip.getBody().front().getOps<ProjectionOp>()) {
    if (p.getIndex() >= out.projections.size() ||
        p.getName() != out.projections[p.getIndex()].name)
      return p.emitOpError("names projection ")
             << p.getIndex() << " '" << p.getName()
             << "', which the network does not have under that number";
    image::Projection &target = out.projections[p.getIndex()];
    map.scale[p.getIndex()] = p.getScale().convertToDouble();
    target.rmsError = p.getRmsError().convertToDouble();
    target.maxError = p.getMaxError().convertToDouble();
    declared[p.getIndex()] = true;
  }
  for (auto [index, seen] : llvm::enumerate(declared))
    if (!seen)
      return chip.emitOpError("declares no projection ")
             << index << " ('" << out.projections[index].name
             << "'); run xbar-map-tiles first";
  // Array and digital tiles, in the order of their indices (the chip's
  // verifier holds those unique).
  std::map<uint64_t, XbarTile> byIndex;
  auto blockOf = [](auto tile) {
    XbarTile t;
    t.projection = uint32_t(tile.getProjection());
    t.delay = uint32_t(tile.getDelay());
    t.block = {uint32_t(tile.getRowFirst()), uint32_t(tile.getRowCount()),
               uint32_t(tile.getColFirst()), uint32_t(tile.getColCount())};
    return t;
  };
  for (Operation &op : chip.getBody().front()) {
    if (auto tile = dyn_cast<TileOp>(op)) {
      XbarTile t = blockOf(tile);
      t.fullScaleRows = uint32_t(tile.getFullScaleRows());
      auto emit = [&] { return tile.emitOpError(); };
      FailureOr<std::vector<float>> plus = snn::readF32(tile.getGPlus(), emit);
      FailureOr<std::vector<float>> minus =
          snn::readF32(tile.getGMinus(), emit);
      if (failed(plus) || failed(minus))
        return failure();
      t.gPlus = std::move(*plus);
      t.gMinus = std::move(*minus);
      byIndex[tile.getIndex()] = std::move(t);
    } else if (auto tile = dyn_cast<DigitalTileOp>(op)) {
      XbarTile t = blockOf(tile);
      t.digital = true;
      t.fullScaleRows = 0;
      FailureOr<std::vector<int64_t>> weights = snn::readInts(
          tile.getWeights(), 16, [&] { return tile.emitOpError(); });
      if (failed(weights))
        return failure();
      t.weights.assign(weights->begin(), weights->end());
      byIndex[tile.getIndex()] = std::move(t);
    }
  }
  for (auto &[index, tile] : byIndex) {
    if (index != map.tiles.size())
      return chip.emitOpError("has no tile ")
             << map.tiles.size() << "; tile indices run from 0 without gaps";
    map.tiles.push_back(std::move(tile));
  }
  map.programmedCells = chip.getProgrammedCells().value_or(0);
  map.programPulses = chip.getProgramPulses().value_or(0);
  map.formedCells = chip.getFormedCells().value_or(0);
  map.savedPulses = chip.getSavedPulses().value_or(0);
  return out;
}

} // namespace snnc::crossbar
