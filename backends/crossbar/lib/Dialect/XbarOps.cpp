//===- XbarOps.cpp - The crossbar target's ops ----------------------------===//
//
// Verifiers of the xbar ops. A tile checks its block against the chip's
// tile size and its conductances (shape, finite, >= 0), a digital tile its
// int16 weights; the chip checks what ties its ops together: tile indices
// unique, blocks inside their projection, array tile and slice nodes inside
// the chip and unique.
//
//===----------------------------------------------------------------------===//

#include "snnc/crossbar/Dialect/XbarDialect.h"

#include "snn/ElementsData.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"

#include <cmath>

using namespace mlir;
using namespace snnc::crossbar;

#define GET_OP_CLASSES
#include "snnc/crossbar/Dialect/XbarOps.cpp.inc"

//===----------------------------------------------------------------------===//
// ChipOp
//===----------------------------------------------------------------------===//

void ChipOp::build(OpBuilder &builder, OperationState &state, StringRef network,
                   int64_t tileRows, int64_t tileCols, int64_t tilesPerChip,
                   int64_t meshCols, int64_t adcBits, double adcLsb,
                   int64_t adcFullScaleRows, int64_t columnsPerAdc) {
  state.addAttribute(getNetworkAttrName(state.name),
                     FlatSymbolRefAttr::get(builder.getContext(), network));
  state.addAttribute(getTileRowsAttrName(state.name),
                     builder.getI64IntegerAttr(tileRows));
  state.addAttribute(getTileColsAttrName(state.name),
                     builder.getI64IntegerAttr(tileCols));
  state.addAttribute(getTilesPerChipAttrName(state.name),
                     builder.getI64IntegerAttr(tilesPerChip));
  state.addAttribute(getMeshColsAttrName(state.name),
                     builder.getI64IntegerAttr(meshCols));
  state.addAttribute(getAdcBitsAttrName(state.name),
                     builder.getI64IntegerAttr(adcBits));
  state.addAttribute(getAdcLsbAttrName(state.name),
                     builder.getF64FloatAttr(adcLsb));
  state.addAttribute(getAdcFullScaleRowsAttrName(state.name),
                     builder.getI64IntegerAttr(adcFullScaleRows));
  state.addAttribute(getColumnsPerAdcAttrName(state.name),
                     builder.getI64IntegerAttr(columnsPerAdc));
  Region *body = state.addRegion();
  body->push_back(new Block);
}

LogicalResult ChipOp::verify() {
  double lsb = getAdcLsb().convertToDouble();
  if (!std::isfinite(lsb) || !(lsb > 0))
    return emitOpError("ADC lsb must be a finite current > 0 A; it is ") << lsb;
  return success();
}

LogicalResult ChipOp::verifyRegions() {
  int64_t nodes = getTilesPerChip();
  llvm::DenseMap<int64_t, ProjectionOp> projections;
  llvm::DenseMap<int64_t, TileOp> tileAt;
  llvm::DenseMap<int64_t, SliceOp> sliceAt;
  for (Operation &op : getBody().front()) {
    if (auto projection = dyn_cast<ProjectionOp>(op)) {
      if (!projections.try_emplace(projection.getIndex(), projection).second)
        return projection.emitOpError("projection ")
               << projection.getIndex() << " appears twice on the chip";
    } else if (auto slice = dyn_cast<SliceOp>(op)) {
      std::optional<uint64_t> node = slice.getNode();
      if (!node)
        continue;
      if (int64_t(*node) >= nodes)
        return slice.emitOpError("slice of '")
               << slice.getPopulation() << "' sits at node " << *node
               << ", outside the chip's " << nodes << " nodes";
      auto [it, fresh] = sliceAt.try_emplace(*node, slice);
      if (!fresh)
        return slice.emitOpError("slice of '")
               << slice.getPopulation() << "' shares node " << *node
               << " with a slice of '" << it->second.getPopulation() << "'";
    } else if (!isa<TileOp, DigitalTileOp>(op)) {
      return emitOpError("cannot hold '") << op.getName() << "'";
    }
  }
  // Array and digital tiles share one index space (crossbar.tiles' order)
  // and the checks of their blocks; only array tiles occupy a node.
  llvm::DenseMap<int64_t, Operation *> indexUsed;
  auto checkBlock = [&](auto tile) -> LogicalResult {
    int64_t index = tile.getIndex();
    if (!indexUsed.try_emplace(index, tile).second)
      return tile.emitOpError("tile ") << index << " appears twice";
    auto found = projections.find(tile.getProjection());
    if (found == projections.end())
      return tile.emitOpError("tile ")
             << index << " holds projection " << tile.getProjection()
             << ", which the chip does not declare";
    ProjectionOp projection = found->second;
    uint64_t rowEnd = tile.getRowFirst() + tile.getRowCount();
    uint64_t colEnd = tile.getColFirst() + tile.getColCount();
    if (rowEnd > projection.getRows())
      return tile.emitOpError("tile ")
             << index << "'s rows [" << tile.getRowFirst() << ", " << rowEnd
             << ") lie outside projection " << projection.getIndex() << "'s "
             << projection.getRows() << " rows";
    if (colEnd > projection.getCols())
      return tile.emitOpError("tile ")
             << index << "'s columns [" << tile.getColFirst() << ", " << colEnd
             << ") lie outside projection " << projection.getIndex() << "'s "
             << projection.getCols() << " columns";
    if (int64_t(tile.getNode()) >= nodes)
      return tile.emitOpError("tile ")
             << index << " sits at node " << tile.getNode()
             << ", outside the chip's " << nodes << " nodes";
    return success();
  };
  for (Operation &op : getBody().front()) {
    if (auto digital = dyn_cast<DigitalTileOp>(op))
      if (failed(checkBlock(digital)))
        return failure();
    auto tile = dyn_cast<TileOp>(op);
    if (!tile)
      continue;
    if (failed(checkBlock(tile)))
      return failure();
    int64_t index = tile.getIndex();
    int64_t node = tile.getNode();
    auto [it, fresh] = tileAt.try_emplace(node, tile);
    if (!fresh)
      return tile.emitOpError("tile ")
             << index << " shares node " << node << " with tile "
             << it->second.getIndex();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// ProjectionOp
//===----------------------------------------------------------------------===//

LogicalResult ProjectionOp::verify() {
  for (auto [what, value] :
       {std::pair<const char *, double>{"scale", getScale().convertToDouble()},
        {"rms_error", getRmsError().convertToDouble()},
        {"max_error", getMaxError().convertToDouble()}})
    if (!std::isfinite(value) || value < 0)
      return emitOpError(what) << " must be finite and >= 0; it is " << value;
  return success();
}

//===----------------------------------------------------------------------===//
// TileOp
//===----------------------------------------------------------------------===//

/// A block of `op` (an xbar.tile or xbar.digital_tile) fits the chip's
/// tiles and holds no more synapses than cells.
template <typename TileLike> static LogicalResult verifyBlock(TileLike op) {
  auto chip = op->template getParentOfType<ChipOp>();
  if (op.getRowCount() > chip.getTileRows())
    return op.emitOpError("block of ")
           << op.getRowCount() << " rows exceeds the tile's "
           << chip.getTileRows() << " rows";
  if (op.getColCount() > chip.getTileCols())
    return op.emitOpError("block of ")
           << op.getColCount() << " columns exceeds the tile's "
           << chip.getTileCols() << " columns";
  int64_t cells = int64_t(op.getRowCount()) * int64_t(op.getColCount());
  if (int64_t(op.getSynapses()) > cells)
    return op.emitOpError("counts ")
           << op.getSynapses() << " synapses in its " << cells << " cells";
  return success();
}

LogicalResult TileOp::verify() {
  auto chip = (*this)->getParentOfType<ChipOp>();
  if (failed(verifyBlock(*this)))
    return failure();
  uint64_t rows = getFullScaleRows();
  if ((rows & (rows - 1)) != 0 || rows > chip.getAdcFullScaleRows())
    return emitOpError("ADC full scale of ")
           << rows << " rows must be a power of two of at most the chip's "
           << chip.getAdcFullScaleRows();
  SmallVector<int64_t, 2> shape = {int64_t(getRowCount()),
                                   int64_t(getColCount())};
  Type f32 = Float32Type::get(getContext());
  for (auto [what, attr] :
       {std::pair<const char *, ElementsAttr>{"g_plus", getGPlus()},
        {"g_minus", getGMinus()}}) {
    auto emit = [this] { return emitOpError(); };
    if (failed(snn::checkElements(attr, f32, shape, what, emit)))
      return failure();
    FailureOr<std::vector<float>> values = snn::readF32(attr, emit);
    if (failed(values))
      return failure();
    for (size_t c = 0; c < values->size(); ++c) {
      float g = (*values)[c];
      if (!std::isfinite(g) || g < 0)
        return emitOpError(what)
               << " of cell (" << c / getColCount() << ", " << c % getColCount()
               << ") must be a finite conductance >= 0 "
               << "S; it is " << g;
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// DigitalTileOp
//===----------------------------------------------------------------------===//

LogicalResult DigitalTileOp::verify() {
  if (failed(verifyBlock(*this)))
    return failure();
  SmallVector<int64_t, 2> shape = {int64_t(getRowCount()),
                                   int64_t(getColCount())};
  auto emit = [this] { return emitOpError(); };
  if (failed(snn::checkElements(getWeights(),
                                IntegerType::get(getContext(), 16), shape,
                                "weights", emit)))
    return failure();
  FailureOr<std::vector<int64_t>> weights =
      snn::readInts(getWeights(), 16, emit);
  if (failed(weights))
    return failure();
  for (size_t c = 0; c < weights->size(); ++c)
    if ((*weights)[c] < -32767)
      return emitOpError("weight of cell (")
             << c / getColCount() << ", " << c % getColCount()
             << ") is -32768; digital weights lie in [-32767, 32767]";
  return success();
}
