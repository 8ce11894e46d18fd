//===- ColumnRead.h - One column of one tile read and digitised -*- C++ -*-===//
//
// The read contract that the ref and rtl engines share (docs/crossbar.md,
// "Reads"). In a step where some rows of a tile spiked, each column's
// differential current is
//
//   I = V sum_{active rows} (G+ - G-)  +  V sigma_read sqrt(sum (G+^2 + G-^2))
//   z
//
// where z is one standard normal draw keyed by (seed, step, tile, column):
// the sum of independent per-cell Gaussians is one Gaussian with the summed
// variance, exact in distribution and one draw per column. The ADC maps I
// to a two's-complement code of B bits, rounding half away from zero, with
// full scale V (g_max - g_min) adc_full_scale_rows; codes beyond the range
// saturate and are counted.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_COLUMNREAD_H
#define SNNC_CROSSBAR_COLUMNREAD_H

#include "snnc/crossbar/DeviceModel.h"

#include <cstdint>

namespace snnc::crossbar {

struct AdcRange {
  /// Amperes of one code step, and the code limits.
  double lsb = 0;
  int32_t minCode = 0;
  int32_t maxCode = 0;
};

/// The range of an ADC whose full scale is `fullScaleRows` rows of full
/// weight: lsb = V (g_max - g_min) fullScaleRows / 2^(B-1).
AdcRange adcRange(const DeviceModel &model, uint32_t fullScaleRows);
/// At the model's largest full scale, adc_full_scale_rows.
inline AdcRange adcRange(const DeviceModel &model) {
  return adcRange(model, model.adcFullScaleRows);
}

struct AdcResult {
  int32_t code = 0;
  bool saturated = false;
};

/// The SAR converter resolves the column current to 1/2^16 of a code before
/// it rounds: the analog front end hands the digital half a sample in those
/// units (two's complement, clamped to +-2^40), and the digital half (the
/// RTL's ADC interface, or quantizeSample) rounds it half away from zero
/// and clamps it to B bits.
inline constexpr int32_t kSampleFractionBits = 16;
inline constexpr int64_t kSampleBound = int64_t(1) << 40;

/// The analog half: the current in 1/2^16 codes, rounded to nearest.
int64_t sampleCurrent(double current, const AdcRange &range);
/// The digital half: a sample as a B-bit code, saturation flagged.
AdcResult quantizeSample(int64_t sample, const AdcRange &range);
/// Both halves: digitises a differential current.
AdcResult convert(double current, const AdcRange &range);

/// The standard normal draw of column `column` of tile `tile` in `step`.
double readNoiseDraw(uint64_t seed, uint64_t step, uint32_t tile,
                     uint32_t column);

/// The column's current from its active rows' sums: `difference` = sum of
/// (G+ - G-), `squares` = sum of (G+^2 + G-^2), in siemens and siemens^2.
double columnCurrent(double difference, double squares, double noiseDraw,
                     const DeviceModel &model);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_COLUMNREAD_H
