//===- ColumnReadTest.cpp - Column currents, read noise and the ADC -------===//

#include "snnc/crossbar/ColumnRead.h"

#include "Models.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc::crossbar;

namespace {

using test::noiseless;

TEST(CrossbarColumnRead, ZeroWeightsReadZero) {
  DeviceModel m = noiseless();
  AdcRange r = adcRange(m);
  // Both devices at g_min: no difference, code 0.
  double i = columnCurrent(0.0, 2 * m.gMin * m.gMin, 0.7, m);
  EXPECT_EQ(i, 0.0);
  EXPECT_EQ(convert(i, r).code, 0);
  EXPECT_FALSE(convert(i, r).saturated);
}

TEST(CrossbarColumnRead, ASingleFullRowIsOneThirtySecondOfFullScale) {
  DeviceModel m = noiseless();
  AdcRange r = adcRange(m);
  EXPECT_EQ(r.minCode, -16);
  EXPECT_EQ(r.maxCode, 15);
  double diff = m.gMax - m.gMin;
  // Full scale is 32 such rows over 16 codes: one row is half a code.
  AdcResult one = convert(columnCurrent(diff, 0, 0, m), r);
  EXPECT_EQ(one.code, 1); // 0.5 rounds away from zero
  AdcResult neg = convert(columnCurrent(-diff, 0, 0, m), r);
  EXPECT_EQ(neg.code, -1);
  EXPECT_FALSE(one.saturated);
}

TEST(CrossbarColumnRead, AllRowsActiveSaturateAndAreCounted) {
  DeviceModel m = noiseless();
  AdcRange r = adcRange(m);
  double diff = 256 * (m.gMax - m.gMin);
  AdcResult high = convert(columnCurrent(diff, 0, 0, m), r);
  EXPECT_TRUE(high.saturated);
  EXPECT_EQ(high.code, 15);
  AdcResult low = convert(columnCurrent(-diff, 0, 0, m), r);
  EXPECT_TRUE(low.saturated);
  EXPECT_EQ(low.code, -16);
  // Exactly at the top code is not saturated.
  AdcResult edge = convert(15 * r.lsb, r);
  EXPECT_FALSE(edge.saturated);
  EXPECT_EQ(edge.code, 15);
}

TEST(CrossbarColumnRead, ReadNoiseHasTheSummedVariance) {
  DeviceModel m;
  m.sigmaReadFraction = 0.01;
  double squares = 4 * 25e-6 * 25e-6;
  double sum = 0, sq = 0;
  const int n = 20000;
  for (int k = 0; k < n; ++k) {
    double z = readNoiseDraw(3, uint64_t(k), 1, 2);
    double i = columnCurrent(0, squares, z, m);
    sum += i;
    sq += i * i;
  }
  double sd = std::sqrt(sq / n - (sum / n) * (sum / n));
  double want = m.readVoltage * 0.01 * std::sqrt(squares);
  EXPECT_NEAR(sd, want, 0.03 * want);
  // Keyed by (seed, step, tile, column): recomputable, and distinct.
  EXPECT_EQ(readNoiseDraw(3, 9, 1, 2), readNoiseDraw(3, 9, 1, 2));
  EXPECT_NE(readNoiseDraw(3, 9, 1, 2), readNoiseDraw(3, 9, 1, 3));
  EXPECT_NE(readNoiseDraw(3, 9, 1, 2), readNoiseDraw(3, 9, 2, 2));
  EXPECT_NE(readNoiseDraw(3, 9, 1, 2), readNoiseDraw(3, 10, 1, 2));
}

TEST(CrossbarColumnRead, EightBitsCutTheStepBySixteen) {
  DeviceModel m = noiseless();
  m.adcBits = 8;
  AdcRange r8 = adcRange(m);
  m.adcBits = 4;
  AdcRange r4 = adcRange(m);
  EXPECT_DOUBLE_EQ(r4.lsb / r8.lsb, 16.0);
  EXPECT_EQ(r8.maxCode, 127);
}

} // namespace

TEST(CrossbarColumnRead, SamplesRoundHalfAwayFromZeroAndSaturate) {
  DeviceModel m;
  AdcRange r = adcRange(m);
  const int64_t one = int64_t(1) << kSampleFractionBits;
  EXPECT_EQ(quantizeSample(one / 2, r).code, 1);
  EXPECT_EQ(quantizeSample(one / 2 - 1, r).code, 0);
  EXPECT_EQ(quantizeSample(-one / 2, r).code, -1);
  EXPECT_EQ(quantizeSample(-(one / 2 - 1), r).code, 0);
  EXPECT_EQ(quantizeSample(3 * one / 2, r).code, 2);
  EXPECT_EQ(quantizeSample(-3 * one / 2, r).code, -2);
  // 5 bits: codes -16 .. 15; 15.5 rounds to 16, which saturates.
  EXPECT_EQ(quantizeSample(15 * one + one / 2 - 1, r).code, 15);
  EXPECT_FALSE(quantizeSample(15 * one + one / 2 - 1, r).saturated);
  EXPECT_TRUE(quantizeSample(15 * one + one / 2, r).saturated);
  EXPECT_EQ(quantizeSample(-16 * one - one / 2 + 1, r).code, -16);
  EXPECT_FALSE(quantizeSample(-16 * one - one / 2 + 1, r).saturated);
  EXPECT_TRUE(quantizeSample(-16 * one - one / 2, r).saturated);
  // The analog half clamps far currents and maps NaN to 0.
  EXPECT_EQ(sampleCurrent(1e30, r), kSampleBound);
  EXPECT_EQ(sampleCurrent(-1e30, r), -kSampleBound);
  EXPECT_EQ(sampleCurrent(std::nan(""), r), 0);
  EXPECT_EQ(sampleCurrent(2.25 * r.lsb, r), 9 * one / 4);
}
