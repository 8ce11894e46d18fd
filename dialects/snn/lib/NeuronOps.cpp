//===- NeuronOps.cpp - Neuron population verifiers ------------------------===//
//
// Verifies the neuron ops (shapes of summed inputs, parameter ranges and
// per-neuron array lengths) and the procedural reservoir.
//
//===----------------------------------------------------------------------===//

#include "snn/NeuronParams.h"
#include "snn/SnnOps.h"

#include <cmath>

using namespace mlir;
using namespace snn;

namespace {
/// What a parameter must satisfy besides being finite.
enum class Range { Any, Positive };

struct ParamCheck {
  StringRef name;
  Attribute attr; // null when an optional parameter is absent
  Range range;
};
} // namespace

static LogicalResult verifyInputShapes(Operation *op, OperandRange inputs) {
  auto population = cast<SignalType>(op->getResult(0).getType());
  for (auto [index, input] : llvm::enumerate(inputs)) {
    auto type = cast<SignalType>(input.getType());
    if (type.getShape() != population.getShape())
      return op->emitOpError("input #")
             << index << " has shape " << formatShape(type.getShape())
             << " but the population has shape "
             << formatShape(population.getShape());
  }
  return success();
}

static LogicalResult verifyParams(Operation *op, ArrayRef<ParamCheck> checks) {
  int64_t neurons =
      cast<SignalType>(op->getResult(0).getType()).getNumElements();
  for (const ParamCheck &check : checks) {
    if (!check.attr)
      continue;
    Param param(check.attr, 0.0);
    if (!param.isScalar() && static_cast<int64_t>(param.size()) != neurons)
      return op->emitOpError() << check.name << " has " << param.size()
                               << " per-neuron values but the population has "
                               << neurons << " neurons";
    size_t count = param.isScalar() ? 1 : param.size();
    for (size_t i = 0; i < count; ++i) {
      double v = param[i];
      if (!std::isfinite(v))
        return op->emitOpError() << check.name << " must be finite";
      if (check.range == Range::Positive && v <= 0.0) {
        InFlightDiagnostic diag = op->emitOpError()
                                  << check.name << " must be positive, got "
                                  << formatNumber(v);
        if (!param.isScalar())
          diag << " for neuron " << i;
        return diag;
      }
    }
  }
  return success();
}

/// A neuron must be able to leave its reset state towards the threshold, so
/// the threshold must lie strictly above the reset potential.
static LogicalResult verifyThreshold(Operation *op, Attribute thresholdAttr,
                                     Attribute resetAttr,
                                     StringRef thresholdName = "v_threshold",
                                     StringRef resetName = "v_reset") {
  Param threshold(thresholdAttr, 0.0), reset(resetAttr, 0.0);
  size_t count = std::max<size_t>({threshold.size(), reset.size(), 1});
  for (size_t i = 0; i < count; ++i) {
    if (threshold[i] > reset[i])
      continue;
    InFlightDiagnostic diag =
        op->emitOpError() << thresholdName << " (" << formatNumber(threshold[i])
                          << ") must be greater than " << resetName << " ("
                          << formatNumber(reset[i]) << ")";
    if (count > 1)
      diag << " for neuron " << i;
    return diag;
  }
  return success();
}

LogicalResult LIFOp::verify() {
  if (failed(verifyInputShapes(*this, getInputs())) ||
      failed(
          verifyParams(*this, {{"tau_mem", getTauMemAttr(), Range::Positive},
                               {"r", getRAttr(), Range::Positive},
                               {"v_leak", getVLeakAttr(), Range::Any},
                               {"v_threshold", getVThresholdAttr(), Range::Any},
                               {"v_reset", getVResetAttr(), Range::Any}})))
    return failure();
  return verifyThreshold(*this, getVThresholdAttr(), getVResetAttr());
}

LogicalResult CubaLIFOp::verify() {
  if (failed(verifyInputShapes(*this, getInputs())) ||
      failed(
          verifyParams(*this, {{"tau_mem", getTauMemAttr(), Range::Positive},
                               {"tau_syn", getTauSynAttr(), Range::Positive},
                               {"r", getRAttr(), Range::Positive},
                               {"v_leak", getVLeakAttr(), Range::Any},
                               {"v_threshold", getVThresholdAttr(), Range::Any},
                               {"v_reset", getVResetAttr(), Range::Any},
                               {"w_in", getWInAttr(), Range::Any}})))
    return failure();
  return verifyThreshold(*this, getVThresholdAttr(), getVResetAttr());
}

LogicalResult IFOp::verify() {
  if (failed(verifyInputShapes(*this, getInputs())) ||
      failed(
          verifyParams(*this, {{"r", getRAttr(), Range::Positive},
                               {"v_threshold", getVThresholdAttr(), Range::Any},
                               {"v_reset", getVResetAttr(), Range::Any}})))
    return failure();
  return verifyThreshold(*this, getVThresholdAttr(), getVResetAttr());
}

LogicalResult LIOp::verify() {
  if (failed(verifyInputShapes(*this, getInputs())))
    return failure();
  return verifyParams(*this, {{"tau_mem", getTauMemAttr(), Range::Positive},
                              {"r", getRAttr(), Range::Positive},
                              {"v_leak", getVLeakAttr(), Range::Any}});
}

LogicalResult IntegratorOp::verify() {
  if (failed(verifyInputShapes(*this, getInputs())))
    return failure();
  return verifyParams(*this, {{"r", getRAttr(), Range::Positive}});
}

//===----------------------------------------------------------------------===//
// ReservoirOp
//===----------------------------------------------------------------------===//

static reservoir::WeightDist toDist(WeightDistAttr attr) {
  reservoir::WeightDist dist;
  switch (attr.getKind()) {
  case DistKind::constant:
    dist.kind = reservoir::WeightDist::Kind::Constant;
    break;
  case DistKind::uniform:
    dist.kind = reservoir::WeightDist::Kind::Uniform;
    break;
  case DistKind::normal:
    dist.kind = reservoir::WeightDist::Kind::Normal;
    break;
  case DistKind::lognormal:
    dist.kind = reservoir::WeightDist::Kind::LogNormal;
    break;
  }
  dist.a = attr.getA().convertToDouble();
  dist.b = attr.getB().convertToDouble();
  return dist;
}

/// Builds the expander spec shared by snn.reservoir and snn.procedural.
template <typename OpTy>
static reservoir::Spec buildSpec(OpTy op, int64_t size) {
  reservoir::Spec spec;
  spec.size = size;
  spec.excitatoryFraction = op.getExcitatoryFraction().convertToDouble();
  if (auto fixed = dyn_cast<FixedProbabilityAttr>(op.getConnectivity())) {
    spec.rule.kind = reservoir::ConnectionRule::Kind::FixedProbability;
    spec.rule.p = fixed.getP().convertToDouble();
  } else {
    auto distance = cast<DistanceRuleAttr>(op.getConnectivity());
    spec.rule.kind = reservoir::ConnectionRule::Kind::Distance;
    spec.rule.lambda = distance.getLambda().convertToDouble();
    for (auto [i, g] : llvm::enumerate(distance.getGrid()))
      if (i < 3)
        spec.rule.grid[i] = g;
    spec.rule.c = {distance.getCEe().convertToDouble(),
                   distance.getCEi().convertToDouble(),
                   distance.getCIe().convertToDouble(),
                   distance.getCIi().convertToDouble()};
  }
  spec.weights = {toDist(op.getWEe()), toDist(op.getWEi()), toDist(op.getWIe()),
                  toDist(op.getWIi())};
  spec.seed = static_cast<uint64_t>(op.getSeed());
  spec.allowSelfConnections = op.getAllowSelfConnections();
  return spec;
}

reservoir::Spec ReservoirOp::getSpec() {
  return buildSpec(*this, static_cast<int64_t>(getSize()));
}

reservoir::Spec ProceduralOp::getSpec() {
  return buildSpec(*this, getType().getNumElements());
}

/// Checks the parts of a procedural rule the expander's validate() does not.
template <typename OpTy> static LogicalResult verifyRule(OpTy op) {
  if (auto distance = dyn_cast<DistanceRuleAttr>(op.getConnectivity());
      distance && distance.getGrid().size() != 3)
    return op.emitOpError("distance rule needs a 3-D grid, got ")
           << distance.getGrid().size() << " dimensions";
  std::string problem = reservoir::validate(op.getSpec());
  if (!problem.empty())
    return op.emitOpError(problem);
  return success();
}

LogicalResult ProceduralOp::verify() {
  if (getInput().getType().getNumElements() != getType().getNumElements())
    return emitOpError("recurrent synapses connect a population to itself, "
                       "but the input has ")
           << getInput().getType().getNumElements()
           << " neurons and the result " << getType().getNumElements();
  return verifyRule(*this);
}

LogicalResult ReservoirOp::verify() {
  if (getType().getNumElements() != static_cast<int64_t>(getSize()))
    return emitOpError("size is ") << getSize() << " but the result has "
                                   << getType().getNumElements() << " neurons";
  if (failed(verifyInputShapes(*this, getInputs())))
    return failure();
  if (failed(verifyRule(*this)))
    return failure();
  if (failed(
          verifyParams(*this, {{"tau_mem", getTauMemAttr(), Range::Positive},
                               {"r", getRAttr(), Range::Positive},
                               {"v_leak", getVLeakAttr(), Range::Any},
                               {"v_threshold", getVThresholdAttr(), Range::Any},
                               {"v_reset", getVResetAttr(), Range::Any}})))
    return failure();
  if (FloatAttr delay = getDelayAttr();
      delay && !(delay.getValueAsDouble() >= 0.0))
    return emitOpError("delay must be non-negative, got ")
           << formatNumber(delay.getValueAsDouble());
  return verifyThreshold(*this, getVThresholdAttr(), getVResetAttr());
}

//===----------------------------------------------------------------------===//
// DiscreteNeuronOp
//===----------------------------------------------------------------------===//

/// Checks that each value of a factor lies in [lo, hi].
static LogicalResult verifyFactorRange(Operation *op, StringRef name,
                                       Attribute attr, double lo, double hi) {
  if (!attr)
    return success();
  Param param(attr, 0.0);
  for (size_t i = 0, e = param.isScalar() ? 1 : param.size(); i < e; ++i)
    if (!(param[i] >= lo && param[i] <= hi)) {
      InFlightDiagnostic diag = op->emitOpError()
                                << name << " must lie in [" << formatNumber(lo)
                                << ", " << formatNumber(hi) << "], got "
                                << formatNumber(param[i]);
      if (!param.isScalar())
        diag << " for neuron " << i;
      return diag;
    }
  return success();
}

LogicalResult DiscreteNeuronOp::verify() {
  NeuronModel model = getModel();
  bool spiking = model == NeuronModel::lif || model == NeuronModel::cuba_lif ||
                 model == NeuronModel::if_;
  bool isSpikes = isa<SpikesType>(getType());
  if (spiking != isSpikes)
    return emitOpError("a ")
           << stringifyNeuronModel(model) << " population returns "
           << (spiking ? "spikes" : "a current") << ", not " << getType();
  if (spiking != static_cast<bool>(getThresholdAttr()) ||
      spiking != static_cast<bool>(getResetAttr()))
    return emitOpError(spiking ? "spiking models need threshold and reset"
                               : "readouts take no threshold or reset");
  bool cuba = model == NeuronModel::cuba_lif;
  if (cuba != static_cast<bool>(getSynDecayAttr()) ||
      cuba != static_cast<bool>(getSynGainAttr()))
    return emitOpError(cuba ? "cuba_lif needs syn_decay and syn_gain"
                            : "only cuba_lif takes syn_decay and syn_gain");
  if (failed(verifyInputShapes(*this, getInputs())) ||
      failed(verifyParams(*this, {{"decay", getDecayAttr(), Range::Any},
                                  {"gain", getGainAttr(), Range::Any},
                                  {"drive", getDriveAttr(), Range::Any},
                                  {"threshold", getThresholdAttr(), Range::Any},
                                  {"reset", getResetAttr(), Range::Any},
                                  {"syn_decay", getSynDecayAttr(), Range::Any},
                                  {"syn_gain", getSynGainAttr(), Range::Any}})))
    return failure();
  // A decay outside [0, 1] makes the membrane oscillate or grow without
  // bound; the fixed-point form also stores it as a Q16 fraction.
  if (failed(verifyFactorRange(*this, "decay", getDecayAttr(), 0.0, 1.0)) ||
      failed(
          verifyFactorRange(*this, "syn_decay", getSynDecayAttr(), 0.0, 1.0)) ||
      failed(verifyFactorRange(*this, "gain", getGainAttr(), 0.0, 1e30)))
    return failure();
  if (spiking)
    return verifyThreshold(*this, getThresholdAttr(), getResetAttr(),
                           "threshold", "reset");
  return success();
}
