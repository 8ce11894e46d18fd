//===- Canonicalize.cpp - snn canonicalization patterns -------------------===//
//
// Rewrites users feel: scales fold into the projection that feeds them,
// parallel projections between the same pair of populations merge, and
// populations from which no path reaches an output are dropped (recurrent
// loops included, which plain dead-code elimination keeps alive).
//
//===----------------------------------------------------------------------===//

#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"
#include "snn/SnnOps.h"

#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace mlir;
using namespace snn;

namespace {

/// Folds never materialise tensors larger than this: they would cost more
/// memory than the fold saves.
constexpr int64_t kMaxFoldElements = int64_t(1) << 26;

bool isFoldable(ElementsAttr attr) {
  return attr.getShapedType().getNumElements() <= kMaxFoldElements;
}

/// Reads an f32 tensor that the verifier already accepted and isFoldable.
std::vector<float> readVerified(ElementsAttr attr, Operation *op) {
  FailureOr<std::vector<float>> data =
      readF32(attr, [op] { return op->emitOpError(); });
  return succeeded(data) ? std::move(*data) : std::vector<float>();
}

/// scale(linear(x, W), f) -> linear(x, diag(f) W), and likewise for affine
/// (scaling the bias too) and sparse (scaling each synapse by its target).
struct FoldScaleIntoProjection : OpRewritePattern<ScaleOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ScaleOp scale,
                                PatternRewriter &rewriter) const override {
    Operation *producer = scale.getInput().getDefiningOp();
    if (!producer || !scale.getInput().hasOneUse() ||
        !isa<LinearOp, AffineOp, SparseOp>(producer))
      return failure();
    for (NamedAttribute named : producer->getAttrs())
      if (auto elements = dyn_cast<ElementsAttr>(named.getValue());
          elements && !isFoldable(elements))
        return failure();
    Param factor(scale.getFactor(), 1.0);
    MLIRContext *ctx = rewriter.getContext();
    Operation *folded = nullptr;
    if (auto sparse = dyn_cast<SparseOp>(producer)) {
      std::vector<float> values = readVerified(sparse.getValues(), sparse);
      FailureOr<std::vector<int64_t>> cols = readInts(
          sparse.getColIdx(), 32, [&] { return sparse.emitOpError(); });
      if (failed(cols) || values.size() != cols->size())
        return failure();
      for (size_t k = 0; k < values.size(); ++k)
        values[k] *= static_cast<float>(factor[(*cols)[k]]);
      ElementsAttr newValues = makeF32(
          ctx, sparse.getValues().getShapedType().getShape(), values, "snn_w");
      rewriter.modifyOpInPlace(sparse,
                               [&] { sparse.setValuesAttr(newValues); });
      rewriter.replaceOp(scale, sparse.getOutput());
      return success();
    }
    ElementsAttr weightAttr = isa<LinearOp>(producer)
                                  ? cast<LinearOp>(producer).getWeight()
                                  : cast<AffineOp>(producer).getWeight();
    std::vector<float> weight = readVerified(weightAttr, producer);
    ArrayRef<int64_t> shape = weightAttr.getShapedType().getShape();
    int64_t inputs = shape[1];
    for (int64_t o = 0; o < shape[0]; ++o)
      for (int64_t i = 0; i < inputs; ++i)
        weight[o * inputs + i] *= static_cast<float>(factor[o]);
    ElementsAttr newWeight = makeF32(ctx, shape, weight, "snn_w");
    if (auto linear = dyn_cast<LinearOp>(producer)) {
      folded = rewriter.create<LinearOp>(linear.getLoc(), linear.getType(),
                                         linear.getInput(), newWeight);
    } else {
      auto affine = cast<AffineOp>(producer);
      std::vector<float> bias = readVerified(affine.getBias(), affine);
      for (size_t o = 0; o < bias.size(); ++o)
        bias[o] *= static_cast<float>(factor[o]);
      folded = rewriter.create<AffineOp>(
          affine.getLoc(), affine.getType(), affine.getInput(), newWeight,
          makeF32(ctx, {static_cast<int64_t>(bias.size())}, bias, "snn_b"));
    }
    rewriter.replaceOp(scale, folded->getResults());
    rewriter.eraseOp(producer);
    return success();
  }
};

/// Dense projections that read the same presynaptic signal and feed the same
/// population: their currents are summed, so one projection with the summed
/// weights (and biases) computes the same thing with half the synapse rows.
struct MergeParallelProjections : OpInterfaceRewritePattern<NeuronOpInterface> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  static bool isMergeable(Value value, Operation *user) {
    Operation *def = value.getDefiningOp();
    return def && isa<LinearOp, AffineOp>(def) && value.hasOneUse() &&
           *value.getUsers().begin() == user;
  }
  static Value inputOf(Operation *op) {
    return cast<SynapseOpInterface>(op).getInput();
  }
  static ElementsAttr weightOf(Operation *op) {
    if (auto linear = dyn_cast<LinearOp>(op))
      return linear.getWeight();
    return cast<AffineOp>(op).getWeight();
  }

  LogicalResult matchAndRewrite(NeuronOpInterface neuron,
                                PatternRewriter &rewriter) const override {
    OperandRange inputs = neuron.getInputs();
    for (unsigned i = 0; i < inputs.size(); ++i) {
      if (!isMergeable(inputs[i], neuron))
        continue;
      Operation *first = inputs[i].getDefiningOp();
      for (unsigned j = i + 1; j < inputs.size(); ++j) {
        if (!isMergeable(inputs[j], neuron))
          continue;
        Operation *second = inputs[j].getDefiningOp();
        if (inputOf(first) != inputOf(second) || !isFoldable(weightOf(first)))
          continue;
        Value merged = merge(first, second, rewriter);
        rewriter.modifyOpInPlace(neuron, [&] {
          MutableOperandRange mutableInputs = neuron.getInputsMutable();
          mutableInputs.erase(j);
          mutableInputs[i].set(merged);
        });
        rewriter.eraseOp(second);
        rewriter.eraseOp(first);
        return success();
      }
    }
    return failure();
  }

  static Value merge(Operation *first, Operation *second,
                     PatternRewriter &rewriter) {
    MLIRContext *ctx = rewriter.getContext();
    std::vector<float> weight = readVerified(weightOf(first), first);
    std::vector<float> other = readVerified(weightOf(second), second);
    for (size_t k = 0; k < weight.size() && k < other.size(); ++k)
      weight[k] += other[k];
    ArrayRef<int64_t> shape = weightOf(first).getShapedType().getShape();
    ElementsAttr newWeight = makeF32(ctx, shape, weight, "snn_w");
    Location loc = rewriter.getFusedLoc({first->getLoc(), second->getLoc()});
    Type type = first->getResult(0).getType();
    auto affineFirst = dyn_cast<AffineOp>(first);
    auto affineSecond = dyn_cast<AffineOp>(second);
    if (!affineFirst && !affineSecond)
      return rewriter.create<LinearOp>(loc, type, inputOf(first), newWeight);
    std::vector<float> bias(shape[0], 0.0f);
    for (AffineOp affine : {affineFirst, affineSecond}) {
      if (!affine)
        continue;
      std::vector<float> b = readVerified(affine.getBias(), affine);
      for (size_t o = 0; o < bias.size() && o < b.size(); ++o)
        bias[o] += b[o];
    }
    return rewriter.create<AffineOp>(loc, type, inputOf(first), newWeight,
                                     makeF32(ctx, {shape[0]}, bias, "snn_b"));
  }
};

} // namespace

void SnnDialect::getCanonicalizationPatterns(RewritePatternSet &results) const {
  results.add<FoldScaleIntoProjection, MergeParallelProjections>(getContext());
}

OpFoldResult ScaleOp::fold(FoldAdaptor) {
  Param factor(getFactor(), 1.0);
  bool identity = true;
  for (size_t i = 0, e = factor.isScalar() ? 1 : factor.size(); i < e; ++i)
    identity &= factor[i] == 1.0;
  if (identity)
    return getInput();
  // scale(scale(x, a), b) -> scale(x, a * b)
  auto inner = getInput().getDefiningOp<ScaleOp>();
  if (!inner)
    return {};
  Param innerFactor(inner.getFactor(), 1.0);
  size_t n = std::max(factor.size(), innerFactor.size());
  std::vector<double> product(std::max<size_t>(n, 1));
  for (size_t i = 0; i < product.size(); ++i)
    product[i] = factor[i] * innerFactor[i];
  setFactorAttr(makeParam(getContext(), product));
  getInputMutable().assign(inner.getInput());
  return getResult();
}

/// Erases every op from which no path of uses reaches `snn.output`.
LogicalResult NetworkOp::canonicalize(NetworkOp network,
                                      PatternRewriter &rewriter) {
  llvm::SmallPtrSet<Operation *, 32> live;
  SmallVector<Operation *> worklist{network.getOutputOp()};
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    if (!live.insert(op).second)
      continue;
    for (Value operand : op->getOperands())
      if (Operation *def = operand.getDefiningOp())
        worklist.push_back(def);
  }
  SmallVector<Operation *> dead;
  for (Operation &op : network.getBody().front())
    if (!live.contains(&op))
      dead.push_back(&op);
  if (dead.empty())
    return failure();
  for (Operation *op : dead)
    rewriter.modifyOpInPlace(op, [&] { op->dropAllReferences(); });
  for (Operation *op : dead)
    rewriter.eraseOp(op);
  return success();
}
