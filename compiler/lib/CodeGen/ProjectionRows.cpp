//===- ProjectionRows.cpp - Presynaptic rows of any projection ------------===//
//
// Loads a projection and the snn.delay/snn.flatten ops around it, then
// produces its rows one presynaptic neuron at a time.
//
//===----------------------------------------------------------------------===//

#include "snnc/CodeGen/ProjectionRows.h"

#include "snn/ElementsData.h"
#include "snn/Limits.h"

#include <algorithm>
#include <limits>

using namespace mlir;
using namespace snn;
using namespace snnc;

static int64_t numElements(Value value) {
  return cast<SignalType>(value.getType()).getNumElements();
}

/// Refuses a step count written into the IR (not derived from seconds by
/// snn-discretize, which checks its own) that the image cannot store, before
/// it is narrowed to 32 bits.
static LogicalResult checkSteps(Operation *op, StringRef what, int64_t steps) {
  if (steps >= 0 && steps <= int64_t(kMaxDelaySteps))
    return success();
  return op->emitOpError()
         << what << " = " << steps << " steps is beyond the limit of "
         << kMaxDelaySteps
         << " steps: images store delays as 16-bit step counts";
}

/// Adds the steps of a discretized snn.delay to `delays` (per element).
/// Sums saturate, so a chain too long for the ring is refused by
/// NetworkImage rather than wrapping to a short delay.
static LogicalResult addDelay(DelayOp delay, std::vector<uint32_t> &delays) {
  if (!delay.getSteps())
    return delay.emitOpError("is in seconds; run snn-discretize first");
  int64_t n = numElements(delay.getInput());
  if (delays.empty())
    delays.assign(n, 0);
  auto add = [](uint32_t &sum, int64_t steps) {
    sum = uint32_t(std::min<uint64_t>(uint64_t(sum) + uint64_t(steps),
                                      std::numeric_limits<uint32_t>::max()));
  };
  if (auto scalar = dyn_cast<IntegerAttr>(*delay.getSteps())) {
    if (failed(checkSteps(delay, "steps", scalar.getInt())))
      return failure();
    for (uint32_t &d : delays)
      add(d, scalar.getInt());
    return success();
  }
  ArrayRef<int64_t> steps = cast<DenseI64ArrayAttr>(*delay.getSteps());
  for (int64_t i = 0; i < n; ++i) {
    if (failed(checkSteps(delay, "steps[" + std::to_string(i) + "]", steps[i])))
      return failure();
    add(delays[i], steps[i]);
  }
  return success();
}

static uint32_t maxOf(const std::vector<uint32_t> &v) {
  return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

LogicalResult snnc::addProjectionBias(Operation *op,
                                      std::vector<double> &bias) {
  std::optional<ElementsAttr> attr;
  int64_t perValue = 1;
  if (auto affine = dyn_cast<AffineOp>(op)) {
    attr = affine.getBias();
  } else if (auto conv = dyn_cast<Conv2dOp>(op)) {
    attr = conv.getBias();
    perValue = bias.size() / conv.getWeight().getShapedType().getDimSize(0);
  }
  if (!attr)
    return success();
  FailureOr<std::vector<float>> values =
      readF32(*attr, [op] { return op->emitOpError(); });
  if (failed(values))
    return failure();
  for (size_t j = 0; j < bias.size(); ++j)
    bias[j] += (*values)[j / perValue];
  return success();
}

FailureOr<Operation *> snnc::traceProjection(Value value, Operation *user,
                                             StringRef target) {
  while (true) {
    if (auto arg = dyn_cast<BlockArgument>(value))
      return user->emitOpError("is driven by the network's current input #")
             << arg.getArgNumber() << "; the " << target
             << " target takes spike inputs only";
    Operation *def = value.getDefiningOp();
    if (auto delay = dyn_cast<DelayOp>(def)) {
      value = delay.getInput();
      continue;
    }
    if (auto flatten = dyn_cast<FlattenOp>(def)) {
      value = flatten.getInput();
      continue;
    }
    if (isa<SynapseOpInterface>(def))
      return def;
    if (isa<ScaleOp>(def))
      return def->emitOpError("must be folded into its projection before "
                              "quantization (run -canonicalize)");
    return user->emitOpError("is driven by '")
           << def->getName() << "' directly; on " << target
           << " populations receive currents only from synaptic projections";
  }
}

FailureOr<std::unique_ptr<ProjectionRows>>
ProjectionRows::build(Operation *synapse, Value current) {
  std::unique_ptr<ProjectionRows> rows(new ProjectionRows());
  rows->op = synapse;
  if (failed(rows->load(current)))
    return failure();
  return rows;
}

LogicalResult ProjectionRows::load(Value current) {
  auto synapse = cast<SynapseOpInterface>(op);
  sources = numElements(synapse.getInput());
  targets = numElements(synapse.getOutput());

  // Dendritic side: from what the population sees back to the synapse op.
  for (Value v = current; v != synapse.getOutput();) {
    Operation *def = v.getDefiningOp();
    if (auto delay = dyn_cast<DelayOp>(def)) {
      if (failed(addDelay(delay, postDelay)))
        return failure();
      v = delay.getInput();
    } else {
      v = cast<FlattenOp>(def).getInput();
    }
  }
  // Axonal side: from the synapse op's input back to the spiking source.
  Value v = synapse.getInput();
  while (true) {
    if (auto arg = dyn_cast<BlockArgument>(v)) {
      source.input = arg.getArgNumber();
      break;
    }
    Operation *def = v.getDefiningOp();
    if (auto delay = dyn_cast<DelayOp>(def)) {
      if (failed(addDelay(delay, preDelay)))
        return failure();
      v = delay.getInput();
    } else if (auto flatten = dyn_cast<FlattenOp>(def)) {
      v = flatten.getInput();
    } else if (auto neuron = dyn_cast<DiscreteNeuronOp>(def)) {
      source.population = neuron;
      break;
    } else {
      return op->emitOpError("reads spikes of '")
             << def->getName()
             << "'; projections must read the spikes of a network input or "
                "a population";
    }
  }

  auto error = [this] { return op->emitOpError(); };
  ElementsAttr weightAttr;
  if (auto linear = dyn_cast<LinearOp>(op))
    weightAttr = linear.getWeight();
  else if (auto affine = dyn_cast<AffineOp>(op))
    weightAttr = affine.getWeight();
  else if (auto conv = dyn_cast<Conv2dOp>(op))
    weightAttr = conv.getWeight();
  uint32_t synapticMax = 0;
  if (auto sparse = dyn_cast<SparseOp>(op)) {
    weightAttr = sparse.getValues();
    FailureOr<std::vector<int64_t>> ptr =
        readInts(sparse.getRowPtr(), 64, error);
    FailureOr<std::vector<int64_t>> cols =
        readInts(sparse.getColIdx(), 32, error);
    if (failed(ptr) || failed(cols))
      return failure();
    rowPtr = std::move(*ptr);
    colIdx = std::move(*cols);
    if (sparse.getDelays())
      return sparse.emitOpError("has delays in seconds; run snn-discretize "
                                "first");
    if (sparse.getDelaySteps()) {
      FailureOr<std::vector<int64_t>> steps =
          readInts(*sparse.getDelaySteps(), 32, error);
      if (failed(steps))
        return failure();
      synDelay = std::move(*steps);
      for (auto [i, d] : llvm::enumerate(synDelay)) {
        if (failed(checkSteps(op, "delay_steps[" + std::to_string(i) + "]", d)))
          return failure();
        synapticMax = std::max<uint32_t>(synapticMax, d);
      }
    }
  }
  if (weightAttr) {
    FailureOr<std::vector<float>> w = readF32(weightAttr, error);
    if (failed(w))
      return failure();
    weights = std::move(*w);
    stored = true;
  }
  if (auto procedural = dyn_cast<ProceduralOp>(op)) {
    expander = std::make_unique<reservoir::Expander>(procedural.getSpec());
    if (failed(checkSteps(op, "delay_steps", procedural.getDelaySteps())))
      return failure();
    proceduralDelay = procedural.getDelaySteps();
    maxDelaySteps = proceduralDelay + maxOf(preDelay) + maxOf(postDelay);
  } else {
    maxDelaySteps = 1 + maxOf(preDelay) + synapticMax + maxOf(postDelay);
  }
  return success();
}

void ProjectionRows::row(uint32_t pre, std::vector<SynapseEntry> &out) const {
  out.clear();
  if (isa<LinearOp, AffineOp>(op))
    denseRow(pre, out);
  else if (isa<SparseOp>(op))
    sparseRow(pre, out);
  else if (isa<Conv2dOp>(op))
    convRow(pre, out);
  else if (isa<SumPool2dOp>(op))
    poolRow(pre, out);
  else
    proceduralRow(pre, out);
  uint32_t axonal = preDelay.empty() ? 0 : preDelay[pre];
  for (SynapseEntry &s : out)
    s.delay += axonal + (postDelay.empty() ? 0 : postDelay[s.target]);
  std::sort(out.begin(), out.end(),
            [](const SynapseEntry &a, const SynapseEntry &b) {
              return a.target < b.target;
            });
}

void ProjectionRows::denseRow(uint32_t pre,
                              std::vector<SynapseEntry> &out) const {
  for (uint32_t o = 0; o < targets; ++o) {
    size_t k = static_cast<size_t>(o) * sources + pre;
    if (weights[k] == 0.0f)
      continue;
    out.push_back({o, weights[k], 1, int64_t(k)});
  }
}

void ProjectionRows::sparseRow(uint32_t pre,
                               std::vector<SynapseEntry> &out) const {
  for (int64_t k = rowPtr[pre]; k < rowPtr[pre + 1]; ++k)
    out.push_back({static_cast<uint32_t>(colIdx[k]), weights[k],
                   1 + (synDelay.empty() ? 0u : uint32_t(synDelay[k])), k});
}

void ProjectionRows::convRow(uint32_t pre,
                             std::vector<SynapseEntry> &out) const {
  auto conv = cast<Conv2dOp>(op);
  ArrayRef<int64_t> in = cast<SignalType>(conv.getInput().getType()).getShape();
  ArrayRef<int64_t> res = cast<SignalType>(conv.getType()).getShape();
  ArrayRef<int64_t> w = conv.getWeight().getShapedType().getShape();
  int64_t h = in[1], wd = in[2], outH = res[1], outW = res[2];
  int64_t ci = pre / (h * wd), y = (pre / wd) % h, x = pre % wd;
  int64_t groups = conv.getGroups(), inPerGroup = w[1];
  int64_t outPerGroup = w[0] / groups, g = ci / inPerGroup;
  ArrayRef<int64_t> s = conv.getStride(), p = conv.getPadding(),
                    d = conv.getDilation();
  for (int64_t co = g * outPerGroup; co < (g + 1) * outPerGroup; ++co)
    for (int64_t ky = 0; ky < w[2]; ++ky) {
      int64_t ny = y + p[0] - ky * d[0];
      if (ny < 0 || ny % s[0] || ny / s[0] >= outH)
        continue;
      for (int64_t kx = 0; kx < w[3]; ++kx) {
        int64_t nx = x + p[1] - kx * d[1];
        if (nx < 0 || nx % s[1] || nx / s[1] >= outW)
          continue;
        size_t k =
            ((co * inPerGroup + (ci - g * inPerGroup)) * w[2] + ky) * w[3] + kx;
        if (weights[k] == 0.0f)
          continue;
        uint32_t target = (co * outH + ny / s[0]) * outW + nx / s[1];
        out.push_back({target, weights[k], 1, int64_t(k)});
      }
    }
}

void ProjectionRows::poolRow(uint32_t pre,
                             std::vector<SynapseEntry> &out) const {
  auto pool = cast<SumPool2dOp>(op);
  ArrayRef<int64_t> in = cast<SignalType>(pool.getInput().getType()).getShape();
  ArrayRef<int64_t> res = cast<SignalType>(pool.getType()).getShape();
  int64_t h = in[1], wd = in[2], outH = res[1], outW = res[2];
  int64_t c = pre / (h * wd), y = (pre / wd) % h, x = pre % wd;
  ArrayRef<int64_t> k = pool.getKernelSize(), s = pool.getStride(),
                    p = pool.getPadding();
  for (int64_t ky = 0; ky < k[0]; ++ky) {
    int64_t ny = y + p[0] - ky;
    if (ny < 0 || ny % s[0] || ny / s[0] >= outH)
      continue;
    for (int64_t kx = 0; kx < k[1]; ++kx) {
      int64_t nx = x + p[1] - kx;
      if (nx < 0 || nx % s[1] || nx / s[1] >= outW)
        continue;
      uint32_t target = (c * outH + ny / s[0]) * outW + nx / s[1];
      out.push_back({target, 1.0f, 1, kNoStoredWeight});
    }
  }
}

void ProjectionRows::proceduralRow(uint32_t pre,
                                   std::vector<SynapseEntry> &out) const {
  thread_local std::vector<reservoir::Synapse> expanded;
  expander->expandRow(pre, expanded);
  out.reserve(expanded.size());
  for (const reservoir::Synapse &s : expanded)
    out.push_back({s.target, s.weight, proceduralDelay, kNoStoredWeight});
}
