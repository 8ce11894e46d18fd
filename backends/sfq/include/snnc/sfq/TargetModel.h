//===- TargetModel.h - The SFQ chip: timing, synapses, neurons --*- C++ -*-===//
//
// backends/sfq/target.json with a user's --target-config applied: which cell
// library, the pulse rate, the stochastic synapse's transfer function and
// bias DAC, and the neuron's storage loop (docs/sfq.md §1, §6, §7). The
// reader refuses, naming the field and the limit, anything the lowering
// could not honour: a zero or negative inductance or critical current, an
// empty bias range, a pulse slot under one tick.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_TARGETMODEL_H
#define SNNC_SFQ_TARGETMODEL_H

#include "snnc/image/ImageError.h"
#include "snnc/sfq/Netlist.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace snnc::sfq {

enum class SynapseMode { Stochastic, Deterministic };
/// Asynchronous merger trees, or clocked OR2 trees with path-balancing DFFs
/// and a clock tree (docs/sfq.md §12).
enum class Clocking { Async, Clocked };

struct TargetModel {
  std::string cellLibrary = "coldflux-sfq5ee";
  double pulseRateHz = 10e9;
  double inputSpacingPs = 10.2;
  double maxClockHz = 50e9;
  Clocking clocking = Clocking::Async;
  /// Clocked mode: the pipeline clock (<= maxClockHz).
  double clockRateHz = 50e9;
  SynapseMode synapseMode = SynapseMode::Stochastic;
  double i50Ua = 140;
  double sigmaUa = 2;
  double biasMinUa = 132;
  double biasMaxUa = 148;
  uint32_t biasBits = 8;
  double biasOffsetUa = 0;
  uint32_t maxPulses = 7;
  double loopInductancePh = 200;
  double outputIcUa = 250;
  ResetRule reset = ResetRule::Zero;
  bool leak = true;
  double dieAreaMm2 = 25;
  uint64_t maxCells = 50000000;

  /// One network step, in 100 fs ticks (>= 1).
  uint64_t slotTicks() const;
  uint64_t inputSpacingTicks() const;
  /// Clocked mode: one clock cycle, in ticks (>= 1).
  uint64_t clockTicks() const;
};

/// `model` is target.json, `overrides` a --target-config object (fields of
/// the same names, bare or {"value": x}). On error, `badField` names the
/// field.
image::Expected<TargetModel> readTargetModel(const nlohmann::json &model,
                                             const nlohmann::json &overrides,
                                             std::string *badField = nullptr);

/// The standard normal CDF and its inverse (p in (0, 1)).
double normalCdf(double x);
double normalQuantile(double p);

/// A synapse's bias, as the DAC sets it.
struct SynapseBias {
  uint32_t code = 0;
  /// I_min + code x step + the global offset.
  double biasUa = 0;
  /// p(biasUa), and the simulators' pass threshold round(p 2^32).
  double p = 0;
  uint32_t threshold = 0;
};

/// The DAC code whose pass probability is nearest `p` (in (0, 1]), before
/// the global offset is applied; then the offset. Codes span
/// [biasMinUa, biasMaxUa] in 2^biasBits - 1 steps.
SynapseBias synapseBiasFor(const TargetModel &model, double p);
/// p at the DAC's highest and lowest code (offset included).
double maxPassProbability(const TargetModel &model);
double minPassProbability(const TargetModel &model);

/// The largest threshold a neuron's loop can hold: floor(Ic,out L / Phi0).
uint64_t maxTheta(const TargetModel &model, double phi0Wb);
/// The bias that sets threshold `theta`: Ic,out - theta Phi0 / L (uA).
double neuronBiasUa(const TargetModel &model, uint64_t theta, double phi0Wb);

} // namespace snnc::sfq

#endif // SNNC_SFQ_TARGETMODEL_H
