//===- AdcInterfaceTest.cpp - xbar_adc_if against quantizeSample ----------===//

#include "snnc/crossbar/ColumnRead.h"

#include "Vxbar_adc_if.h"
#include "Vxbar_adc_if_trunc.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>

using namespace snnc::crossbar;

namespace {

/// The Verilated digital half of the ADC (combinational).
template <typename VModel> class Adc {
public:
  Adc() : context(std::make_unique<VerilatedContext>()) {
    model = std::make_unique<VModel>(context.get(), "adc");
  }
  ~Adc() { model->final(); }

  AdcResult convert(int64_t sample, uint32_t bits) {
    model->sample_i = static_cast<uint64_t>(sample);
    model->adc_bits_i = bits;
    model->eval();
    return {int32_t(int16_t(model->code_o)), bool(model->saturated_o)};
  }

private:
  std::unique_ptr<VerilatedContext> context;
  std::unique_ptr<VModel> model;
};

AdcRange rangeOf(uint32_t bits) {
  DeviceModel m;
  m.adcBits = bits;
  return adcRange(m);
}

/// Samples at and around every rounding and clamping edge of B bits.
std::vector<int64_t> edges(uint32_t bits) {
  std::vector<int64_t> out = {0, 1, -1, kSampleBound, -kSampleBound};
  int64_t half = int64_t(1) << 15, one = int64_t(1) << 16;
  int64_t top = int64_t(1) << (bits - 1);
  for (int64_t code : {int64_t(0), int64_t(1), top - 2, top - 1, top, top + 1})
    for (int64_t d : {-1, 0, 1})
      for (int64_t sign : {1, -1}) {
        out.push_back(sign * (code * one + half + d));
        out.push_back(sign * (code * one + d));
      }
  return out;
}

TEST(CrossbarAdcInterface, MatchesQuantizeSampleAtEveryEdge) {
  Adc<Vxbar_adc_if> adc;
  for (uint32_t bits = 1; bits <= 16; ++bits) {
    AdcRange range = rangeOf(bits);
    for (int64_t s : edges(bits)) {
      AdcResult want = quantizeSample(s, range), got = adc.convert(s, bits);
      EXPECT_EQ(got.code, want.code) << "B " << bits << " sample " << s;
      EXPECT_EQ(got.saturated, want.saturated)
          << "B " << bits << " sample " << s;
    }
  }
}

TEST(CrossbarAdcInterface, MatchesQuantizeSampleOnRandomSamples) {
  Adc<Vxbar_adc_if> adc;
  std::mt19937_64 rng(5);
  uint64_t saturated = 0;
  for (int i = 0; i < 20000; ++i) {
    uint32_t bits = 1 + uint32_t(rng() % 16);
    // Magnitudes up to a few times full scale, both signs.
    int64_t span = int64_t(1) << (bits + 17);
    int64_t s = int64_t(rng() % uint64_t(2 * span)) - span;
    AdcResult want = quantizeSample(s, rangeOf(bits)),
              got = adc.convert(s, bits);
    ASSERT_EQ(got.code, want.code) << "B " << bits << " sample " << s;
    ASSERT_EQ(got.saturated, want.saturated) << "B " << bits << " sample " << s;
    saturated += got.saturated;
  }
  EXPECT_GT(saturated, 1000u);
}

TEST(CrossbarAdcInterface, HalvesRoundAwayFromZeroAndTruncationDoesNot) {
  Adc<Vxbar_adc_if> adc;
  Adc<Vxbar_adc_if_trunc> trunc;
  int64_t half = int64_t(1) << 15;
  // +2.5 codes -> 3, -2.5 -> -3; truncation gives 2 and -2.
  EXPECT_EQ(adc.convert(5 * half, 5).code, 3);
  EXPECT_EQ(adc.convert(-5 * half, 5).code, -3);
  EXPECT_EQ(trunc.convert(5 * half, 5).code, 2);
  EXPECT_EQ(trunc.convert(-5 * half, 5).code, -2);
  // 5 bits: codes -16..15; 15.5 saturates, -16.2 does not.
  EXPECT_TRUE(adc.convert(31 * half, 5).saturated);
  EXPECT_EQ(adc.convert(31 * half, 5).code, 15);
  AdcResult low = adc.convert(-(16 * 2 * half + half * 4 / 5), 5);
  EXPECT_EQ(low.code, -16);
  EXPECT_FALSE(low.saturated);
}

} // namespace
