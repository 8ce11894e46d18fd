//===- Conductance.h - Weights as programmed conductance pairs --*- C++ -*-===//
//
// The mapping rule (docs/crossbar.md, "Weights"): each projection has one
// scale, s = max |w| / (g_max - g_min) (weight units per siemens). A weight
// w becomes a differential pair: k = round(|w| / s / step) levels above
// g_min (clamped to the top level), with step = (g_max - g_min) / (L - 1);
// the device of w's sign is programmed to g_min + k step and the other stays
// at g_min. The pair represents (G+ - G-) s. Programming lands off target
// by Gaussian noise of sigma_program, drawn once per device from a counter
// stream keyed by (seed, projection, synapse, polarity), and clamped at 0
// siemens: the image stores what was programmed, so an image is one chip.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CONDUCTANCE_H
#define SNNC_CROSSBAR_CONDUCTANCE_H

#include "snnc/crossbar/DeviceModel.h"

#include <cstddef>
#include <cstdint>

namespace snnc::crossbar {

struct ConductancePair {
  /// Siemens.
  double plus = 0;
  double minus = 0;

  double difference() const { return plus - minus; }
};

/// Weight units per siemens of difference for weights `w[0..n)`; 0 when
/// every weight is 0.
double projectionScale(const float *w, size_t n, const DeviceModel &model);

/// The level of |w| (0 .. levels - 1) under `scale`.
uint32_t levelOf(double w, double scale, const DeviceModel &model);

/// The target pair of weight `w` (both at g_min for w = 0 or scale = 0).
ConductancePair targetPair(double w, double scale, const DeviceModel &model);

/// `target` after programming with the model's noise.
ConductancePair programmed(const ConductancePair &target, uint64_t seed,
                           uint64_t projection, uint64_t synapse,
                           const DeviceModel &model);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CONDUCTANCE_H
