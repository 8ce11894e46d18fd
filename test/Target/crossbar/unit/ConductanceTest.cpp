//===- ConductanceTest.cpp - The weight-to-conductance rule and its noise -===//

#include "snnc/crossbar/Conductance.h"

#include "Models.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace snnc::crossbar;

namespace {

using test::unprogrammedNoise;

TEST(CrossbarConductance, ZeroWeightsLeaveBothDevicesAtGmin) {
  DeviceModel m = unprogrammedNoise();
  std::vector<float> zeros(8, 0.0f);
  double scale = projectionScale(zeros.data(), zeros.size(), m);
  EXPECT_EQ(scale, 0.0);
  ConductancePair p = targetPair(0.0, scale, m);
  EXPECT_EQ(p.plus, m.gMin);
  EXPECT_EQ(p.minus, m.gMin);
  EXPECT_EQ(p.difference(), 0.0);
}

TEST(CrossbarConductance, TheSignPicksTheDeviceAndTheLargestWeightTheTopLevel) {
  DeviceModel m = unprogrammedNoise();
  std::vector<float> w = {0.5f, -1.0f, 0.25f};
  double scale = projectionScale(w.data(), w.size(), m);
  EXPECT_DOUBLE_EQ(scale, 1.0 / (m.gMax - m.gMin));
  ConductancePair neg = targetPair(-1.0, scale, m);
  EXPECT_DOUBLE_EQ(neg.minus, m.gMax);
  EXPECT_EQ(neg.plus, m.gMin);
  EXPECT_EQ(levelOf(-1.0, scale, m), 15u);
  // 0.5 of full scale is 7.5 levels: rounds half away from zero to 8.
  EXPECT_EQ(levelOf(0.5, scale, m), 8u);
  ConductancePair half = targetPair(0.5, scale, m);
  EXPECT_DOUBLE_EQ(half.plus, m.gMin + 8 * m.levelStep());
  // The represented weight is within half a level of the real one.
  for (float x : w)
    EXPECT_LE(std::fabs(targetPair(x, scale, m).difference() * scale - x),
              0.5 * m.levelStep() * scale + 1e-12);
}

TEST(CrossbarConductance, ProgrammingNoiseIsSeededPerDeviceAndUnbiased) {
  DeviceModel m;
  ConductancePair target{10e-6, m.gMin};
  ConductancePair a = programmed(target, 7, 3, 42, m);
  ConductancePair b = programmed(target, 7, 3, 42, m);
  EXPECT_EQ(a.plus, b.plus);
  EXPECT_EQ(a.minus, b.minus);
  EXPECT_NE(programmed(target, 8, 3, 42, m).plus, a.plus);
  EXPECT_NE(programmed(target, 7, 4, 42, m).plus, a.plus);
  double sum = 0, squares = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    double d = programmed(target, 1, 0, uint64_t(i), m).plus - target.plus;
    sum += d;
    squares += d * d;
  }
  double mean = sum / n, sd = std::sqrt(squares / n - mean * mean);
  EXPECT_NEAR(mean, 0.0, 4 * m.sigmaProgram / std::sqrt(double(n)));
  EXPECT_NEAR(sd, m.sigmaProgram, 0.03 * m.sigmaProgram);
  // Conductances never go negative.
  ConductancePair low{0.0, 0.0};
  for (int i = 0; i < 1000; ++i) {
    ConductancePair p = programmed(low, 1, 0, uint64_t(i), m);
    EXPECT_GE(p.plus, 0.0);
    EXPECT_GE(p.minus, 0.0);
  }
}

} // namespace
