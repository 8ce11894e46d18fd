//===- TargetModel.cpp - The SFQ chip model; synapse and neuron bias -----===//

#include "snnc/sfq/TargetModel.h"
#include "snnc/Support/ClockRange.h"
#include "snnc/Support/FormatNumber.h"
#include "snnc/Support/Json.h"
#include "snnc/sfq/CellLibrary.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace snnc::sfq {
using image::ImageError;

uint64_t TargetModel::slotTicks() const {
  return static_cast<uint64_t>(std::llround(1e13 / pulseRateHz));
}

uint64_t TargetModel::clockTicks() const {
  return static_cast<uint64_t>(std::llround(1e13 / clockRateHz));
}

uint64_t TargetModel::inputSpacingTicks() const {
  return static_cast<uint64_t>(std::llround(inputSpacingPs * 10.0));
}

image::Expected<TargetModel> readTargetModel(const nlohmann::json &model,
                                             const nlohmann::json &overrides,
                                             std::string *badField) {
  auto bad = [badField](const std::string &field, const std::string &what) {
    if (badField)
      *badField = field;
    return ImageError{"target model", "field '" + field + "' " + what};
  };
  if (!model.is_object())
    return ImageError{"target model", "is not a JSON object"};
  if (!overrides.is_object())
    return ImageError{"target config", "is not a JSON object"};
  TargetModel m;
  double biasBits = m.biasBits, maxPulses = m.maxPulses,
         maxCells = static_cast<double>(m.maxCells);
  std::string mode = "stochastic", reset = "zero", clocking = "async";
  std::map<std::string, double *> reals = {
      {"pulse_rate_hz", &m.pulseRateHz},
      {"input_spacing_ps", &m.inputSpacingPs},
      {"max_clock_hz", &m.maxClockHz},
      {"clock_rate_hz", &m.clockRateHz},
      {"synapse_i50_ua", &m.i50Ua},
      {"synapse_sigma_ua", &m.sigmaUa},
      {"synapse_bias_min_ua", &m.biasMinUa},
      {"synapse_bias_max_ua", &m.biasMaxUa},
      {"synapse_bias_bits", &biasBits},
      {"synapse_bias_offset_ua", &m.biasOffsetUa},
      {"synapse_max_pulses", &maxPulses},
      {"loop_inductance_ph", &m.loopInductancePh},
      {"output_ic_ua", &m.outputIcUa},
      {"die_area_mm2", &m.dieAreaMm2},
      {"max_cells", &maxCells}};
  std::map<std::string, std::string *> names = {
      {"cell_library", &m.cellLibrary},
      {"synapse_mode", &mode},
      {"clocking", &clocking},
      {"neuron_reset", &reset}};
  for (const nlohmann::json *source : {&model, &overrides})
    for (auto it = source->begin(); it != source->end(); ++it) {
      if (it.key() == "description" || it.key() == "version")
        continue;
      const nlohmann::json &v = modelFieldValue(it.value());
      if (auto r = reals.find(it.key()); r != reals.end()) {
        if (!v.is_number() || !std::isfinite(v.get<double>()))
          return bad(it.key(), "must be a finite number; it is " + v.dump());
        *r->second = v.get<double>();
      } else if (auto n = names.find(it.key()); n != names.end()) {
        if (!v.is_string())
          return bad(it.key(), "must be a string; it is " + v.dump());
        *n->second = v.get<std::string>();
      } else if (it.key() == "neuron_leak") {
        if (!v.is_boolean())
          return bad(it.key(), "must be true or false; it is " + v.dump());
        m.leak = v.get<bool>();
      } else {
        return bad(it.key(), "is not a field of the sfq target model");
      }
    }

  std::vector<std::string> profiles = cellLibraryProfiles();
  if (std::find(profiles.begin(), profiles.end(), m.cellLibrary) ==
          profiles.end() &&
      !isCellLibraryFile(m.cellLibrary))
    return bad("cell_library", "is '" + m.cellLibrary +
                                   "'; it must be a shipped profile "
                                   "(coldflux-sfq5ee, pylse) or a .json "
                                   "cell library file");
  if (mode == "stochastic")
    m.synapseMode = SynapseMode::Stochastic;
  else if (mode == "deterministic")
    m.synapseMode = SynapseMode::Deterministic;
  else
    return bad("synapse_mode", "is '" + mode +
                                   "'; it must be stochastic (the seed's) or "
                                   "deterministic");
  if (clocking == "async")
    m.clocking = Clocking::Async;
  else if (clocking == "clocked")
    m.clocking = Clocking::Clocked;
  else
    return bad("clocking", "is '" + clocking +
                               "'; it must be async (merger trees) or "
                               "clocked (OR2 trees with path-balancing DFFs)");
  std::optional<ResetRule> rule = resetRuleNamed(reset);
  if (!rule)
    return bad("neuron_reset",
               "is '" + reset + "'; it must be zero, subtract or release_one");
  m.reset = *rule;

  // Rates: a slot of at least one tick, and no more than a second.
  if (!isModelledClock(m.pulseRateHz) || m.pulseRateHz > 1e13)
    return bad("pulse_rate_hz", "is " + formatNumber(m.pulseRateHz) +
                                    " Hz; it must lie in [1, 1e13] Hz (a "
                                    "slot of at least one 100 fs tick)");
  if (!isModelledClock(m.maxClockHz))
    return bad("max_clock_hz", "is " + formatNumber(m.maxClockHz) +
                                   " Hz; it must lie in [" +
                                   formatNumber(kMinClockHz) + ", " +
                                   formatNumber(kMaxClockHz) + "] Hz");
  if (!isModelledClock(m.clockRateHz) || m.clockRateHz > m.maxClockHz ||
      m.clockRateHz > 1e13)
    return bad("clock_rate_hz", "is " + formatNumber(m.clockRateHz) +
                                    " Hz; it must lie in [" +
                                    formatNumber(kMinClockHz) + ", " +
                                    formatNumber(std::min(m.maxClockHz, 1e13)) +
                                    "] Hz (max_clock_hz: the cells' fastest "
                                    "clock)");
  if (m.inputSpacingPs < 0 || m.inputSpacingPs > 1e6)
    return bad("input_spacing_ps", "is " + formatNumber(m.inputSpacingPs) +
                                       " ps; it must lie in [0, 1e6] ps");
  if (!(m.sigmaUa > 0))
    return bad("synapse_sigma_ua", "is " + formatNumber(m.sigmaUa) +
                                       " uA; the transfer function's width "
                                       "must be > 0");
  if (!(m.biasMinUa >= 0) || !(m.biasMaxUa > m.biasMinUa))
    return bad("synapse_bias_max_ua",
               "is " + formatNumber(m.biasMaxUa) +
                   " uA; the bias range must satisfy 0 <= "
                   "synapse_bias_min_ua (" +
                   formatNumber(m.biasMinUa) + ") < synapse_bias_max_ua");
  if (biasBits < 1 || biasBits > 24 || std::floor(biasBits) != biasBits)
    return bad("synapse_bias_bits", "is " + formatNumber(biasBits) +
                                        "; it must be a whole number in "
                                        "[1, 24]");
  m.biasBits = static_cast<uint32_t>(biasBits);
  if (maxPulses < 1 || maxPulses > 1024 || std::floor(maxPulses) != maxPulses)
    return bad("synapse_max_pulses", "is " + formatNumber(maxPulses) +
                                         "; it must be a whole number in "
                                         "[1, 1024]");
  m.maxPulses = static_cast<uint32_t>(maxPulses);
  if (!(m.loopInductancePh > 0) || m.loopInductancePh > 1e6)
    return bad("loop_inductance_ph", "is " + formatNumber(m.loopInductancePh) +
                                         " pH; a storage loop needs an "
                                         "inductance in (0, 1e6] pH");
  if (!(m.outputIcUa > 0) || m.outputIcUa > 1e6)
    return bad("output_ic_ua", "is " + formatNumber(m.outputIcUa) +
                                   " uA; a junction's critical current must "
                                   "lie in (0, 1e6] uA");
  if (!(m.dieAreaMm2 > 0))
    return bad("die_area_mm2",
               "is " + formatNumber(m.dieAreaMm2) + " mm^2; it must be > 0");
  if (maxCells < 1 || maxCells > 1e9 || std::floor(maxCells) != maxCells)
    return bad("max_cells", "is " + formatNumber(maxCells) +
                                "; it must be a whole number in [1, 1e9]");
  m.maxCells = static_cast<uint64_t>(maxCells);
  return m;
}

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

double normalQuantile(double p) {
  // Acklam's rational approximation (relative error 1.15e-9), then one
  // Halley step on erfc, which brings it to double precision.
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                             -2.759285104469687e+02, 1.383577518672690e+02,
                             -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                             -1.556989798598866e+02, 6.680131188771972e+01,
                             -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                             -2.400758277161838e+00, -2.549732539343734e+00,
                             4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                             2.445134137142996e+00, 3.754408661907416e+00};
  double x;
  if (p < 0.02425) {
    double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p > 1 - 0.02425) {
    double q = std::sqrt(-2 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else {
    double q = p - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) *
        q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  double e = normalCdf(x) - p;
  double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

namespace {

double passAt(const TargetModel &m, double biasUa) {
  return normalCdf((biasUa - m.i50Ua) / m.sigmaUa);
}

double codeStep(const TargetModel &m) {
  return (m.biasMaxUa - m.biasMinUa) / double((uint64_t(1) << m.biasBits) - 1);
}

} // namespace

SynapseBias synapseBiasFor(const TargetModel &m, double p) {
  uint64_t top = (uint64_t(1) << m.biasBits) - 1;
  double want = p >= 1 ? m.biasMaxUa : m.i50Ua + m.sigmaUa * normalQuantile(p);
  double code = std::round((want - m.biasMinUa) / codeStep(m));
  code = std::clamp(code, 0.0, double(top));
  // The nearest code in p, not in current: check the neighbour on the far
  // side of the rounding, as p is not linear in the bias.
  auto pOf = [&](double k) { return passAt(m, m.biasMinUa + k * codeStep(m)); };
  for (double k : {code - 1, code + 1})
    if (k >= 0 && k <= double(top) &&
        std::abs(pOf(k) - p) < std::abs(pOf(code) - p))
      code = k;
  SynapseBias bias;
  bias.code = static_cast<uint32_t>(code);
  bias.biasUa = m.biasMinUa + code * codeStep(m) + m.biasOffsetUa;
  bias.p = passAt(m, bias.biasUa);
  double t = std::round(bias.p * 4294967296.0);
  bias.threshold = static_cast<uint32_t>(std::min(t, 4294967295.0));
  return bias;
}

double maxPassProbability(const TargetModel &m) {
  return passAt(m, m.biasMaxUa + m.biasOffsetUa);
}

double minPassProbability(const TargetModel &m) {
  return passAt(m, m.biasMinUa + m.biasOffsetUa);
}

uint64_t maxTheta(const TargetModel &m, double phi0Wb) {
  double fluxonUa = phi0Wb / (m.loopInductancePh * 1e-12) * 1e6;
  return static_cast<uint64_t>(std::floor(m.outputIcUa / fluxonUa));
}

double neuronBiasUa(const TargetModel &m, uint64_t theta, double phi0Wb) {
  double fluxonUa = phi0Wb / (m.loopInductancePh * 1e-12) * 1e6;
  return m.outputIcUa - double(theta) * fluxonUa;
}

} // namespace snnc::sfq
