//===- ReadoutTap.h - What a trained readout sees of its source -*- C++ -*-===//
//
// `snnc fit` trains the weights of the one projection that feeds a readout
// output (an `li` or `integrator` population). The class is decoded from
// the readout's mean value over the inference window, and that mean is
// linear in the source's spikes: a spike of source neuron i emitted at step
// t adds W_ki * kernel[t] to readout k's mean, where the kernel is the
// readout's own leak and gain seen through the projection's delay. So the
// features are the source's spikes weighted by that kernel ("filtered
// states averaged over the window"; for an integrator and a one-step delay
// kernel[t] = gain (T - 1 - t) / T). A ridge fit on them gives weights that
// reproduce the fitted scores exactly on the float engine; on a target, the
// readout's own quantization is the only difference.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_BATCH_READOUTTAP_H
#define SNNC_BATCH_READOUTTAP_H

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::batch {

struct ReadoutTap {
  /// The image output the class is decoded from, and its population.
  uint32_t output = 0;
  uint32_t readout = 0;
  uint32_t classes = 0;
  /// The projection feeding the readout and its source.
  uint32_t projection = 0;
  image::ProjectionSource source;
  uint32_t sourceSize = 0;
  /// A name for reports: the source population or input port.
  std::string sourceName;
  /// Weight of a spike emitted at step t, t in [0, steps).
  std::vector<double> kernel;
  /// Readout mean per unit of constant input current (an affine bias), and
  /// the part of the mean the readout's own drive (v_leak) contributes.
  double biasGain = 0;
  double driveOffset = 0;
};

/// Finds output `output`'s readout and its one input projection, checks
/// that every readout neuron shares one decay, gain and drive and that the
/// projection has one delay, and builds the kernel for windows of `steps`.
image::Expected<ReadoutTap> findReadoutTap(const image::Image &image,
                                           uint32_t output, uint64_t steps);

} // namespace snnc::batch

#endif // SNNC_BATCH_READOUTTAP_H
