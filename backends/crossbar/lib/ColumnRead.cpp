//===- ColumnRead.cpp - One column of one tile read and digitised ---------===//

#include "snnc/crossbar/ColumnRead.h"

#include "snnc/Support/CounterRng.h"

#include <cmath>

namespace snnc::crossbar {
namespace {
using snn::reservoir::detail::CounterRng;
using snn::reservoir::detail::Ziggurat;

/// "read": the stream of read noise.
constexpr uint64_t kReadStream = 0x72656164ULL;
} // namespace

AdcRange adcRange(const DeviceModel &model, uint32_t fullScaleRows) {
  AdcRange r;
  int32_t half = int32_t(1) << (model.adcBits - 1);
  r.minCode = -half;
  r.maxCode = half - 1;
  double fullScale =
      model.readVoltage * (model.gMax - model.gMin) * double(fullScaleRows);
  r.lsb = fullScale / double(half);
  return r;
}

int64_t sampleCurrent(double current, const AdcRange &range) {
  // Scaling by a power of two is exact (ldexp's result, without its call).
  constexpr double scale = double(int64_t(1) << kSampleFractionBits);
  double x = current / range.lsb * scale;
  // Far beyond any code: the comparator only tells the sign.
  constexpr double bound = double(kSampleBound);
  if (!(x == x))
    return 0;
  if (x >= bound)
    return kSampleBound;
  if (x <= -bound)
    return -kSampleBound;
  return std::llround(x);
}

AdcResult quantizeSample(int64_t sample, const AdcRange &range) {
  int64_t magnitude = sample < 0 ? -sample : sample;
  int64_t half = int64_t(1) << (kSampleFractionBits - 1);
  int64_t code = (magnitude + half) >> kSampleFractionBits;
  if (sample < 0)
    code = -code;
  if (code > range.maxCode)
    return {range.maxCode, true};
  if (code < range.minCode)
    return {range.minCode, true};
  return {int32_t(code), false};
}

AdcResult convert(double current, const AdcRange &range) {
  return quantizeSample(sampleCurrent(current, range), range);
}

double readNoiseDraw(uint64_t seed, uint64_t step, uint32_t tile,
                     uint32_t column) {
  CounterRng rng(seed, kReadStream ^ (step * 0x9E3779B97F4A7C15ULL),
                 (uint64_t(tile) << 32) | column);
  return Ziggurat::get()(rng);
}

double columnCurrent(double difference, double squares, double noiseDraw,
                     const DeviceModel &model) {
  double current = model.readVoltage * difference;
  if (model.sigmaReadFraction > 0 && squares > 0)
    current += model.readVoltage * model.sigmaReadFraction *
               std::sqrt(squares) * noiseDraw;
  return current;
}

} // namespace snnc::crossbar
