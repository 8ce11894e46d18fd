//===- Discretize.cpp - Continuous-time parameters to per-step factors ----===//
//
// Implements snn-discretize: neuron ops become snn.neuron with per-step
// factors, reservoirs split into a population and its procedural recurrent
// synapses, and delays in seconds become whole steps (docs/numerics.md §2).
//
//===----------------------------------------------------------------------===//

#include "snnc/Transforms/Passes.h"

#include "snn/ElementsData.h"
#include "snn/Limits.h"
#include "snn/NeuronParams.h"
#include "snn/SnnOps.h"

#include "mlir/IR/Builders.h"

#include <cmath>

namespace snnc {
#define GEN_PASS_DEF_SNNDISCRETIZE
#include "snnc/Transforms/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snn;

namespace {

/// dt / tau above which forward Euler overshoots (decay < 0). The slack
/// admits a tau equal to dt that went through float32, as NIR files store
/// it (1 ms becomes 0.99999976 ms).
constexpr double kEulerLimit = 1.0 + 1e-6;

/// Per-step factors of one population, one entry per neuron.
struct Factors {
  std::vector<double> decay, gain, drive, synDecay, synGain;
};

class Discretizer {
public:
  Discretizer(double dt, DiscretizationRule rule) : dt(dt), rule(rule) {}

  LogicalResult run(NetworkOp network);

private:
  LogicalResult rewriteNeuron(Operation *op);
  LogicalResult rewriteReservoir(ReservoirOp op);
  LogicalResult rewriteDelay(DelayOp op);
  LogicalResult rewriteSparseDelays(SparseOp op);

  /// Fills decay/gain/drive of a leaky membrane (lif, cuba_lif, li).
  LogicalResult leaky(Operation *op, int64_t n, const Param &tau,
                      const Param &r, const Param &vLeak, Factors &out);
  /// Fills decay/gain/drive of a non-leaky membrane (if, integrator).
  void perfect(int64_t n, const Param &r, Factors &out);
  /// Fills syn_decay/syn_gain of a CuBa synapse.
  LogicalResult synapse(Operation *op, int64_t n, const Param &tauSyn,
                        const Param &wIn, Factors &out);
  /// Converts a delay in seconds to steps, warning when it is not a whole
  /// number of steps; refuses one that is not finite or that exceeds
  /// kMaxDelaySteps. `what` names the delay in messages ("delay",
  /// "delays[3]"); `f32` says the value was stored as a float (sparse
  /// delays), so that messages quote it as written.
  FailureOr<int64_t> toSteps(Operation *op, double seconds, const Twine &what,
                             bool f32 = false);

  double dt;
  DiscretizationRule rule;
};

} // namespace

LogicalResult Discretizer::leaky(Operation *op, int64_t n, const Param &tau,
                                 const Param &r, const Param &vLeak,
                                 Factors &out) {
  for (int64_t i = 0; i < n; ++i) {
    double ratio = dt / tau[i];
    double decay;
    if (rule == DiscretizationRule::euler) {
      if (ratio > kEulerLimit) {
        InFlightDiagnostic diag =
            op->emitOpError("forward Euler is unstable: dt = ")
            << formatNumber(dt)
            << " s exceeds tau_mem = " << formatNumber(tau[i]) << " s";
        if (!tau.isScalar())
          diag << " for neuron " << i;
        return diag << "; use rule=exact or a smaller dt";
      }
      decay = std::max(0.0, 1.0 - ratio);
      out.gain.push_back(ratio * r[i]);
      out.drive.push_back(ratio * vLeak[i]);
    } else {
      decay = std::exp(-ratio);
      out.gain.push_back(r[i] * (1.0 - decay));
      out.drive.push_back(vLeak[i] * (1.0 - decay));
    }
    out.decay.push_back(decay);
  }
  return success();
}

void Discretizer::perfect(int64_t n, const Param &r, Factors &out) {
  for (int64_t i = 0; i < n; ++i) {
    out.decay.push_back(1.0);
    out.gain.push_back(dt * r[i]);
    out.drive.push_back(0.0);
  }
}

LogicalResult Discretizer::synapse(Operation *op, int64_t n,
                                   const Param &tauSyn, const Param &wIn,
                                   Factors &out) {
  for (int64_t i = 0; i < n; ++i) {
    double ratio = dt / tauSyn[i];
    if (rule == DiscretizationRule::euler) {
      if (ratio > kEulerLimit) {
        InFlightDiagnostic diag =
            op->emitOpError("forward Euler is unstable: dt = ")
            << formatNumber(dt)
            << " s exceeds tau_syn = " << formatNumber(tauSyn[i]) << " s";
        if (!tauSyn.isScalar())
          diag << " for neuron " << i;
        return diag << "; use rule=exact or a smaller dt";
      }
      out.synDecay.push_back(std::max(0.0, 1.0 - ratio));
      out.synGain.push_back(ratio * wIn[i]);
    } else {
      double decay = std::exp(-ratio);
      out.synDecay.push_back(decay);
      out.synGain.push_back(wIn[i] * (1.0 - decay));
    }
  }
  return success();
}

FailureOr<int64_t> Discretizer::toSteps(Operation *op, double seconds,
                                        const Twine &what, bool f32) {
  std::string written =
      f32 ? formatExact(static_cast<float>(seconds)) : formatExact(seconds);
  // Checked in double before any integer cast: a delay of 1e20 s is 1e23
  // steps, which int64_t cannot hold and uint32_t would wrap to a small,
  // valid-looking count.
  if (!std::isfinite(seconds) || seconds < 0.0)
    return op->emitOpError()
           << what << " must be a finite, non-negative number of seconds, got "
           << written;
  double exact = seconds / dt;
  double steps = std::round(exact);
  if (!(steps <= kMaxDelaySteps))
    return op->emitOpError()
           << what << " of " << written << " s is " << formatNumber(exact)
           << " steps of dt = " << formatNumber(dt)
           << " s, beyond the limit of " << kMaxDelaySteps << " steps ("
           << formatNumber(kMaxDelaySteps * dt)
           << " s): images store delays as 16-bit step counts";
  if (std::abs(exact - steps) > 1e-6 * std::max(1.0, exact))
    op->emitWarning() << what << " " << formatNumber(seconds)
                      << " s is not a whole number of dt = " << formatNumber(dt)
                      << " s steps; rounded to " << static_cast<int64_t>(steps);
  return static_cast<int64_t>(steps);
}

/// Builds the snn.neuron that replaces a continuous-time population.
static DiscreteNeuronOp buildNeuron(OpBuilder &builder, Operation *op,
                                    Type type, ValueRange inputs,
                                    NeuronModel model, const Factors &f,
                                    Attribute threshold, Attribute reset) {
  MLIRContext *ctx = builder.getContext();
  auto param = [&](const std::vector<double> &v) -> Attribute {
    return v.empty() ? Attribute() : makeParam(ctx, v);
  };
  return builder.create<DiscreteNeuronOp>(
      op->getLoc(), type, inputs, NeuronModelAttr::get(ctx, model),
      param(f.decay), param(f.gain), param(f.drive), threshold, reset,
      param(f.synDecay), param(f.synGain));
}

LogicalResult Discretizer::rewriteNeuron(Operation *op) {
  auto neuronIface = cast<NeuronOpInterface>(op);
  int64_t n = neuronIface.getNumNeurons();
  Builder b(op->getContext());
  Attribute zero = b.getF64FloatAttr(0.0);
  Factors f;
  NeuronModel model;
  Attribute threshold, reset;
  if (auto lif = dyn_cast<LIFOp>(op)) {
    model = NeuronModel::lif;
    if (failed(leaky(op, n, Param(lif.getTauMemAttr(), 0),
                     Param(lif.getRAttr(), 0), Param(lif.getVLeakAttr(), 0),
                     f)))
      return failure();
    threshold = lif.getVThresholdAttr();
    reset = lif.getVResetAttr() ? lif.getVResetAttr() : zero;
  } else if (auto cuba = dyn_cast<CubaLIFOp>(op)) {
    model = NeuronModel::cuba_lif;
    if (failed(leaky(op, n, Param(cuba.getTauMemAttr(), 0),
                     Param(cuba.getRAttr(), 0), Param(cuba.getVLeakAttr(), 0),
                     f)) ||
        failed(synapse(op, n, Param(cuba.getTauSynAttr(), 0),
                       Param(cuba.getWInAttr(), 1.0), f)))
      return failure();
    threshold = cuba.getVThresholdAttr();
    reset = cuba.getVResetAttr() ? cuba.getVResetAttr() : zero;
  } else if (auto ifOp = dyn_cast<IFOp>(op)) {
    model = NeuronModel::if_;
    perfect(n, Param(ifOp.getRAttr(), 0), f);
    threshold = ifOp.getVThresholdAttr();
    reset = ifOp.getVResetAttr() ? ifOp.getVResetAttr() : zero;
  } else if (auto li = dyn_cast<LIOp>(op)) {
    model = NeuronModel::li;
    if (failed(leaky(op, n, Param(li.getTauMemAttr(), 0),
                     Param(li.getRAttr(), 0), Param(li.getVLeakAttr(), 0), f)))
      return failure();
  } else {
    auto integrator = cast<IntegratorOp>(op);
    model = NeuronModel::integrator;
    perfect(n, Param(integrator.getRAttr(), 0), f);
  }
  OpBuilder builder(op);
  DiscreteNeuronOp neuron =
      buildNeuron(builder, op, op->getResult(0).getType(),
                  neuronIface.getInputs(), model, f, threshold, reset);
  op->getResult(0).replaceAllUsesWith(neuron.getResult());
  op->erase();
  return success();
}

LogicalResult Discretizer::rewriteReservoir(ReservoirOp op) {
  int64_t n = op.getType().getNumElements();
  Builder b(op.getContext());
  Factors f;
  if (failed(leaky(op, n, Param(op.getTauMemAttr(), 0), Param(op.getRAttr(), 0),
                   Param(op.getVLeakAttr(), 0), f)))
    return failure();
  // The recurrent loop reads the previous step's spikes, so its delay is at
  // least one step (docs/numerics.md §2).
  int64_t delaySteps = 1;
  if (FloatAttr delay = op.getDelayAttr()) {
    FailureOr<int64_t> steps = toSteps(op, delay.getValueAsDouble(), "delay");
    if (failed(steps))
      return failure();
    delaySteps = std::max<int64_t>(1, *steps);
  }
  Attribute reset = op.getVResetAttr() ? Attribute(op.getVResetAttr())
                                       : b.getF64FloatAttr(0.0);
  OpBuilder builder(op);
  DiscreteNeuronOp neuron =
      buildNeuron(builder, op, op.getType(), op.getInputs(), NeuronModel::lif,
                  f, op.getVThresholdAttr(), reset);
  auto recurrent = builder.create<ProceduralOp>(
      op.getLoc(), CurrentType::get(op.getContext(), op.getType().getShape()),
      neuron.getResult(), op.getExcitatoryFractionAttr(), op.getConnectivity(),
      op.getWEeAttr(), op.getWEiAttr(), op.getWIeAttr(), op.getWIiAttr(),
      op.getSeedAttr(), b.getI64IntegerAttr(delaySteps),
      op.getAllowSelfConnectionsAttr());
  neuron.getInputsMutable().append(recurrent.getResult());
  op.getResult().replaceAllUsesWith(neuron.getResult());
  op.erase();
  return success();
}

LogicalResult Discretizer::rewriteDelay(DelayOp op) {
  if (!op.getDelayAttr())
    return success();
  Param delay(*op.getDelay(), 0.0);
  Builder b(op.getContext());
  if (delay.isScalar()) {
    FailureOr<int64_t> steps = toSteps(op, delay[0], "delay");
    if (failed(steps))
      return failure();
    op.setStepsAttr(b.getI64IntegerAttr(*steps));
  } else {
    SmallVector<int64_t> steps;
    for (auto [i, d] : llvm::enumerate(delay.perNeuron())) {
      FailureOr<int64_t> step = toSteps(op, d, "delay[" + Twine(i) + "]");
      if (failed(step))
        return failure();
      steps.push_back(*step);
    }
    op.setStepsAttr(b.getDenseI64ArrayAttr(steps));
  }
  op.removeDelayAttr();
  return success();
}

LogicalResult Discretizer::rewriteSparseDelays(SparseOp op) {
  if (!op.getDelays())
    return success();
  FailureOr<std::vector<float>> delays =
      readF32(*op.getDelays(), [&] { return op.emitOpError(); });
  if (failed(delays))
    return failure();
  std::vector<int64_t> steps;
  steps.reserve(delays->size());
  for (auto [i, d] : llvm::enumerate(*delays)) {
    FailureOr<int64_t> step =
        toSteps(op, d, "delays[" + Twine(i) + "]", /*f32=*/true);
    if (failed(step))
      return failure();
    steps.push_back(*step);
  }
  op.setDelayStepsAttr(makeInts(op.getContext(),
                                {static_cast<int64_t>(steps.size())}, steps, 32,
                                "snn_delay_steps"));
  op.removeDelaysAttr();
  return success();
}

LogicalResult Discretizer::run(NetworkOp network) {
  if (auto time = network->getAttrOfType<TimeAttr>("snn.time"))
    return network.emitOpError("is already discretized (dt = ")
           << formatNumber(time.getDt().convertToDouble()) << " s)";
  SmallVector<Operation *> ops;
  for (Operation &op : network.getBody().front())
    ops.push_back(&op);
  bool failedAny = false;
  for (Operation *op : ops) {
    LogicalResult result = success();
    if (isa<LIFOp, CubaLIFOp, IFOp, LIOp, IntegratorOp>(op))
      result = rewriteNeuron(op);
    else if (auto reservoir = dyn_cast<ReservoirOp>(op))
      result = rewriteReservoir(reservoir);
    else if (auto delay = dyn_cast<DelayOp>(op))
      result = rewriteDelay(delay);
    else if (auto sparse = dyn_cast<SparseOp>(op))
      result = rewriteSparseDelays(sparse);
    failedAny |= failed(result);
  }
  if (failedAny)
    return failure();
  network->setAttr("snn.time",
                   TimeAttr::get(network.getContext(), APFloat(dt), rule));
  return success();
}

namespace {
struct SnnDiscretizePass : snnc::impl::SnnDiscretizeBase<SnnDiscretizePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!(dt > 0.0) || !std::isfinite(dt)) {
      module.emitError("snn-discretize: dt must be a positive number of "
                       "seconds, got ")
          << formatNumber(dt);
      return signalPassFailure();
    }
    std::optional<DiscretizationRule> parsedRule =
        symbolizeDiscretizationRule(rule);
    if (!parsedRule) {
      module.emitError("snn-discretize: unknown rule '")
          << rule << "'; expected euler or exact";
      return signalPassFailure();
    }
    Discretizer discretizer(dt, *parsedRule);
    for (NetworkOp network : module.getOps<NetworkOp>())
      if (failed(discretizer.run(network)))
        signalPassFailure();
  }
};
} // namespace
