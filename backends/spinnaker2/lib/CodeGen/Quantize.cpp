//===- Quantize.cpp - Per-target fixed-point formats ----------------------===//
//
// Implements snn-quantize: chooses each population's input and voltage
// scales and each projection's int16 weights and shift as docs/numerics.md §3
// specifies, records them as #s2.quant and #s2.fixed (the float values stay,
// for the float engine), and reports each projection's quantization error.
//
//===----------------------------------------------------------------------===//

#include "snnc/spinnaker2/Passes.h"

#include "ProjectionWeights.h"
#include "TargetModelCache.h"

#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"
#include "snn/SnnOps.h"
#include "snnc/spinnaker2/Dialect/S2Dialect.h"
#include "snnc/spinnaker2/FixedPoint.h"

#include "llvm/ADT/EquivalenceClasses.h"

#include <cmath>
#include <limits>

namespace snnc {
#define GEN_PASS_DEF_SNNQUANTIZE
#include "snnc/spinnaker2/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snn;
using namespace snnc;
namespace s2 = snnc::spinnaker2;

namespace {

/// A population and the projections that feed it.
struct Population {
  DiscreteNeuronOp op;
  std::vector<size_t> projections;
  double sIn = 1.0;
};

/// The quantized form of one projection.
struct QuantizedProjection {
  int32_t shift = 0;
  double scale = 0.0;
  std::vector<int64_t> weights;
  double rmsError = 0.0, maxError = 0.0;
};

class Quantizer {
public:
  LogicalResult run(NetworkOp network);

private:
  LogicalResult collect(NetworkOp network);
  LogicalResult checkRanges();
  LogicalResult chooseInputScales();
  QuantizedProjection quantize(const ProjectionWeights &p, double sIn);
  void annotateProjection(const ProjectionWeights &p,
                          const QuantizedProjection &q);
  void annotatePopulation(Population &pop);
  /// How much a population's synaptic filter can amplify a constant input
  /// (1 except for cuba_lif: syn_gain / (1 - syn_decay)).
  static double synapticGain(DiscreteNeuronOp op, int64_t neuron);

  std::vector<Population> populations;
  std::vector<ProjectionWeights> projections;
  llvm::DenseMap<Operation *, size_t> projectionIndex;
};

} // namespace

LogicalResult Quantizer::collect(NetworkOp network) {
  bool failedAny = false;
  for (Operation &op : network.getBody().front()) {
    if (isa<LIFOp, CubaLIFOp, IFOp, LIOp, IntegratorOp, ReservoirOp>(op))
      return op.emitOpError("is in continuous time; run snn-discretize "
                            "before snn-quantize");
    auto neuron = dyn_cast<DiscreteNeuronOp>(op);
    if (!neuron)
      continue;
    Population pop{neuron, {}, 1.0};
    for (Value input : neuron.getInputs()) {
      FailureOr<Operation *> source =
          traceProjection(input, neuron, "spinnaker2");
      if (failed(source)) {
        failedAny = true;
        continue;
      }
      auto [it, inserted] =
          projectionIndex.try_emplace(*source, projections.size());
      if (inserted) {
        FailureOr<std::unique_ptr<ProjectionRows>> rows =
            ProjectionRows::build(*source, input);
        if (failed(rows))
          return failure();
        FailureOr<ProjectionWeights> weights = analyzeProjection(**rows);
        if (failed(weights))
          return failure();
        projections.push_back(std::move(*weights));
      }
      pop.projections.push_back(it->second);
    }
    populations.push_back(std::move(pop));
  }
  return failure(failedAny);
}

double Quantizer::synapticGain(DiscreteNeuronOp op, int64_t neuron) {
  if (op.getModel() != NeuronModel::cuba_lif)
    return 1.0;
  Param decay(*op.getSynDecay(), 0.0), gain(*op.getSynGain(), 0.0);
  double leak = std::max(1.0 - decay[neuron], 1.0 / (1 << s2::kDecayBits));
  return std::max(1.0, std::abs(gain[neuron]) / leak);
}

/// The scale search below doubles s_in until the worst case fits the int32
/// accumulator. It assumes finite weights, and a synaptic filter whose gain
/// keeps the rounding margin (one LSB, plus half an LSB per synapse at the
/// finest shift) inside int32 however large s_in grows; refuse what breaks
/// either, or the search never ends.
LogicalResult Quantizer::checkRanges() {
  auto finite = [](const std::vector<double> &v) {
    return llvm::all_of(v, [](double x) { return std::isfinite(x); });
  };
  for (const ProjectionWeights &p : projections)
    if (!std::isfinite(p.maxAbs) || !finite(p.absSum) || !finite(p.bias))
      return p.op->emitOpError("has weights or biases that are not finite "
                               "(largest |w| = ")
             << formatNumber(p.maxAbs)
             << "): a weight beyond f32's 3.4e+38, such as a weight law "
                "whose samples overflow, cannot be quantized";
  for (Population &pop : populations)
    for (int64_t j = 0, n = pop.op.getNumNeurons(); j < n; ++j) {
      double fanIn = 0.0;
      for (size_t q : pop.projections)
        fanIn += projections[q].fanIn[j];
      double gain = synapticGain(pop.op, j);
      double margin = (1.0 + 0.5 * fanIn) * gain;
      if (!(margin <= INT32_MAX))
        return pop.op.emitOpError("neuron ")
               << j << ": the synaptic filter's gain " << formatNumber(gain)
               << " (syn_gain / (1 - syn_decay), from w_in) times the "
                  "rounding margin of its "
               << static_cast<int64_t>(fanIn) << " synapses is "
               << formatNumber(margin) << ", beyond the int32 accumulator's "
               << INT32_MAX << " at any input scale; reduce w_in";
    }
  return success();
}

/// Populations fed by a shared projection must share its scale, so they
/// share one s_in: the scales are chosen per connected group.
LogicalResult Quantizer::chooseInputScales() {
  llvm::EquivalenceClasses<size_t> groups;
  std::vector<int64_t> owner(projections.size(), -1);
  for (size_t p = 0; p < populations.size(); ++p) {
    groups.insert(p);
    for (size_t q : populations[p].projections) {
      if (owner[q] >= 0)
        groups.unionSets(p, owner[q]);
      owner[q] = p;
    }
  }
  for (auto it = groups.begin(); it != groups.end(); ++it) {
    if (!it->isLeader())
      continue;
    std::vector<size_t> members(groups.member_begin(it), groups.member_end());
    double finest = std::numeric_limits<double>::infinity(), coarsest = 0.0,
           bound = 0.0;
    for (size_t p : members) {
      Population &pop = populations[p];
      int64_t n = pop.op.getNumNeurons();
      for (size_t q : pop.projections) {
        double m = projections[q].maxAbs;
        if (m > 0) {
          finest = std::min(finest, m / s2::kWeightMax);
          coarsest = std::max(
              coarsest, m / (s2::kWeightMax * std::ldexp(1.0, s2::kMaxShift)));
        }
      }
      for (int64_t j = 0; j < n; ++j) {
        double b = 0.0;
        for (size_t q : pop.projections)
          b += projections[q].absSum[j] + std::abs(projections[q].bias[j]);
        bound = std::max(bound, b * synapticGain(pop.op, j));
      }
    }
    double sIn = std::max({std::isfinite(finest) ? finest : 0.0, coarsest,
                           bound / static_cast<double>(s2::kInputBound)});
    if (!(sIn > 0.0))
      sIn = 1.0;
    // Rounding can add up to half an LSB per synapse: double s_in until the
    // worst case provably fits the int32 accumulator.
    for (bool fits = false; !fits;) {
      fits = true;
      for (size_t p : members) {
        Population &pop = populations[p];
        std::vector<double> halfLsb;
        for (size_t q : pop.projections)
          halfLsb.push_back(
              std::ldexp(0.5, quantize(projections[q], sIn).shift));
        for (int64_t j = 0, n = pop.op.getNumNeurons(); j < n && fits; ++j) {
          double worst = 1.0;
          for (auto [q, half] : llvm::zip(pop.projections, halfLsb)) {
            const ProjectionWeights &w = projections[q];
            worst +=
                (w.absSum[j] + std::abs(w.bias[j])) / sIn + w.fanIn[j] * half;
          }
          fits = worst * synapticGain(pop.op, j) <= INT32_MAX;
        }
      }
      if (!fits)
        sIn *= 2;
      // checkRanges rules this out; never spin if it missed a case.
      if (!fits && !std::isfinite(sIn))
        return populations[members.front()].op.emitOpError(
            "no input scale keeps the worst case inside the int32 "
            "accumulator");
    }
    for (size_t p : members)
      populations[p].sIn = sIn;
  }
  return success();
}

QuantizedProjection Quantizer::quantize(const ProjectionWeights &p,
                                        double sIn) {
  QuantizedProjection q;
  while (q.shift < s2::kMaxShift &&
         p.maxAbs / (sIn * std::ldexp(1.0, q.shift)) > s2::kWeightMax)
    ++q.shift;
  q.scale = sIn * std::ldexp(1.0, q.shift);
  return q;
}

/// Quantizes the stored weights (or, for a procedural projection, expands
/// its rows again) and measures the error of the chosen scale.
static void quantizeWeights(const ProjectionWeights &p,
                            QuantizedProjection &q) {
  double sumSq = 0.0;
  uint64_t count = 0;
  auto add = [&](double w) {
    int64_t wq = s2::quantizeReal(w / q.scale, -s2::kWeightMax, s2::kWeightMax);
    double error = std::abs(w - wq * q.scale);
    sumSq += error * error;
    q.maxError = std::max(q.maxError, error);
    ++count;
    return wq;
  };
  if (auto procedural = dyn_cast<ProceduralOp>(p.op)) {
    reservoir::Expander expander(procedural.getSpec());
    std::vector<reservoir::Synapse> row;
    for (int64_t pre = 0; pre < expander.size(); ++pre) {
      expander.expandRow(pre, row);
      for (const reservoir::Synapse &s : row)
        add(s.weight);
    }
  } else if (isa<SumPool2dOp>(p.op)) {
    add(1.0);
  } else {
    q.weights.reserve(p.weights.size());
    for (float w : p.weights)
      q.weights.push_back(add(w));
  }
  q.rmsError = count ? std::sqrt(sumSq / count) : 0.0;
}

void Quantizer::annotateProjection(const ProjectionWeights &p,
                                   const QuantizedProjection &q) {
  Operation *op = p.op;
  MLIRContext *ctx = op->getContext();
  ElementsAttr weights;
  if (!q.weights.empty()) {
    ElementsAttr source;
    if (auto linear = dyn_cast<LinearOp>(op))
      source = linear.getWeight();
    else if (auto affine = dyn_cast<AffineOp>(op))
      source = affine.getWeight();
    else if (auto conv = dyn_cast<Conv2dOp>(op))
      source = conv.getWeight();
    else
      source = cast<SparseOp>(op).getValues();
    weights = makeInts(ctx, source.getShapedType().getShape(), q.weights, 16,
                       "s2_qweight");
  }
  ctx->getLoadedDialect<s2::S2Dialect>()->getQuantAttrHelper().setAttr(
      op,
      s2::QuantAttr::get(ctx, q.shift, APFloat(q.scale), APFloat(q.rmsError),
                         APFloat(q.maxError), weights));
  double relative = p.maxAbs > 0 ? q.rmsError / p.maxAbs : 0.0;
  op->emitRemark("quantized to int16 << ")
      << q.shift << " (LSB " << formatNumber(q.scale) << "): RMS error "
      << formatNumber(q.rmsError) << " (" << formatNumber(100 * relative)
      << "% of max |w| = " << formatNumber(p.maxAbs) << "), max error "
      << formatNumber(q.maxError);
}

/// A per-neuron #s2.fixed field: one value when all neurons agree.
static SmallVector<int64_t> intParam(ArrayRef<int64_t> values) {
  if (llvm::all_equal(values))
    return {values.front()};
  return SmallVector<int64_t>(values);
}

void Quantizer::annotatePopulation(Population &pop) {
  DiscreteNeuronOp op = pop.op;
  MLIRContext *ctx = op.getContext();
  int64_t n = op.getNumNeurons();
  bool spiking = isa<SpikesType>(op.getType());
  Param decay(op.getDecay(), 0), gain(op.getGain(), 0), drive(op.getDrive(), 0);
  Param threshold(op.getThresholdAttr(), 0), reset(op.getResetAttr(), 0);

  // Largest |v| the population can reach (docs/numerics.md §3, s_v).
  std::vector<double> bias(n, 0.0), input(n, 0.0);
  for (size_t q : pop.projections)
    for (int64_t j = 0; j < n; ++j) {
      bias[j] += projections[q].bias[j];
      input[j] += projections[q].absSum[j];
    }
  double vMax = 0.0;
  for (int64_t j = 0; j < n; ++j) {
    double in = (input[j] + std::abs(bias[j])) * synapticGain(op, j);
    double step = std::abs(drive[j]) + gain[j] * in;
    if (spiking)
      vMax = std::max({vMax, std::abs(threshold[j]), std::abs(reset[j]),
                       std::abs(threshold[j]) + step});
    else
      vMax = std::max(
          vMax, step / std::max(1.0 - decay[j], 1.0 / (1 << s2::kDecayBits)));
  }
  double sV = vMax > 0 ? vMax / static_cast<double>(s2::kVoltageRange) : 1.0;

  std::vector<int64_t> decayQ, gainM, gainS, driveQ, biasQ, thresholdQ, resetQ,
      synDecayQ, synGainM, synGainS;
  for (int64_t j = 0; j < n; ++j) {
    decayQ.push_back(s2::quantizeReal(decay[j] * (1 << s2::kDecayBits), 0,
                                      1 << s2::kDecayBits));
    s2::Multiplier g = s2::toMultiplier(gain[j] * pop.sIn / sV);
    gainM.push_back(g.m);
    gainS.push_back(g.s);
    driveQ.push_back(s2::quantizeReal(drive[j] / sV, INT32_MIN, INT32_MAX));
    biasQ.push_back(s2::quantizeReal(bias[j] / pop.sIn, INT32_MIN, INT32_MAX));
    if (spiking) {
      thresholdQ.push_back(
          s2::quantizeReal(threshold[j] / sV, INT32_MIN, INT32_MAX));
      resetQ.push_back(s2::quantizeReal(reset[j] / sV, INT32_MIN, INT32_MAX));
    }
  }
  SmallVector<int64_t> thresholdField, resetField, synDecayField, synGainMField,
      synGainSField;
  if (spiking) {
    thresholdField = intParam(thresholdQ);
    resetField = intParam(resetQ);
  }
  if (op.getModel() == NeuronModel::cuba_lif) {
    Param synDecay(*op.getSynDecay(), 0), synGain(*op.getSynGain(), 0);
    for (int64_t j = 0; j < n; ++j) {
      synDecayQ.push_back(s2::quantizeReal(synDecay[j] * (1 << s2::kDecayBits),
                                           0, 1 << s2::kDecayBits));
      s2::Multiplier g = s2::toMultiplier(synGain[j]);
      synGainM.push_back(g.m);
      synGainS.push_back(g.s);
    }
    synDecayField = intParam(synDecayQ);
    synGainMField = intParam(synGainM);
    synGainSField = intParam(synGainS);
  }
  ctx->getLoadedDialect<s2::S2Dialect>()->getFixedAttrHelper().setAttr(
      op,
      s2::FixedAttr::get(ctx, APFloat(pop.sIn), APFloat(sV), intParam(decayQ),
                         intParam(gainM), intParam(gainS), intParam(driveQ),
                         intParam(biasQ), thresholdField, resetField,
                         synDecayField, synGainMField, synGainSField));
}

LogicalResult Quantizer::run(NetworkOp network) {
  if (!network->hasAttr("snn.time"))
    return network.emitOpError("has no time step; run snn-discretize before "
                               "snn-quantize");
  for (auto [index, type] : llvm::enumerate(network.getArgumentTypes()))
    if (!isa<SpikesType>(type))
      return network.emitOpError("input #")
             << index << " is " << type
             << "; the spinnaker2 target takes spike inputs only";
  if (failed(collect(network)))
    return failure();
  if (failed(checkRanges()) || failed(chooseInputScales()))
    return failure();
  // A projection feeding several populations has one scale: their group's.
  std::vector<double> projectionScale(projections.size(), 1.0);
  for (const Population &pop : populations)
    for (size_t q : pop.projections)
      projectionScale[q] = pop.sIn;
  for (size_t q = 0; q < projections.size(); ++q) {
    QuantizedProjection quantized =
        quantize(projections[q], projectionScale[q]);
    quantizeWeights(projections[q], quantized);
    annotateProjection(projections[q], quantized);
  }
  for (Population &pop : populations)
    annotatePopulation(pop);
  return success();
}

namespace {
struct SnnQuantizePass : snnc::impl::SnnQuantizeBase<SnnQuantizePass> {
  using Base::Base;

  void runOnOperation() override {
    if (failed(spinnaker2TargetOf(getOperation())))
      return signalPassFailure();
    for (NetworkOp network : getOperation().getOps<NetworkOp>()) {
      Quantizer quantizer;
      if (failed(quantizer.run(network)))
        signalPassFailure();
    }
  }
};
} // namespace
