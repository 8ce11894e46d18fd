//===- RidgeTest.cpp - Ridge readouts against closed forms ----------------===//

#include "snnc/readout/Ridge.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace snnc::readout;

namespace {

/// One feature, two classes: the centred closed form is w = Sxy / (Sxx +
/// lambda) for each one-hot column, b = mean(y) - w mean(x).
TEST(Ridge, MatchesTheClosedFormInOneDimension) {
  Features x{6, 1, {0, 1, 2, 3, 4, 5}};
  std::vector<uint32_t> labels = {0, 0, 0, 1, 1, 1};
  double lambda = 2.5;
  LinearReadout r = fitRidge(x, labels, 2, lambda);
  double mx = 2.5, sxx = 0, sxy1 = 0;
  for (int i = 0; i < 6; ++i) {
    double y1 = labels[i] == 1 ? 1 : 0;
    sxx += (i - mx) * (i - mx);
    sxy1 += (i - mx) * (y1 - 0.5);
  }
  double w1 = sxy1 / (sxx + lambda);
  EXPECT_NEAR(r.weight[1], w1, 1e-12);
  EXPECT_NEAR(r.weight[0], -w1, 1e-12);
  EXPECT_NEAR(r.bias[1], 0.5 - w1 * mx, 1e-12);
  EXPECT_NEAR(r.bias[0], 0.5 + w1 * mx, 1e-12);
}

/// Features whose one-hot targets are an exact linear function of them:
/// features 0-2 are 3 x (label == j), so class c < 3 scores x_c / 3 and
/// class 3 scores 1 - (x_0 + x_1 + x_2) / 3; features 3-7 are noise the
/// labels do not depend on. With a vanishing lambda the fit recovers that
/// map, and gives the noise features no weight.
TEST(Ridge, RecoversAKnownLinearReadoutFromSyntheticFeatures) {
  std::mt19937 rng(7);
  std::normal_distribution<double> normal(0.0, 1.0);
  const size_t n = 2000, f = 8, classes = 4;
  Features x{n, f, std::vector<double>(n * f)};
  std::vector<uint32_t> labels(n);
  for (size_t i = 0; i < n; ++i) {
    labels[i] = uint32_t(i % classes);
    for (size_t j = 0; j < f; ++j)
      x.values[i * f + j] = j < 3 ? (labels[i] == j ? 3.0 : 0.0) : normal(rng);
  }
  LinearReadout r = fitRidge(x, labels, classes, 1e-9);
  for (size_t c = 0; c < classes; ++c)
    for (size_t j = 0; j < f; ++j) {
      double want = j >= 3 ? 0 : c == 3 ? -1.0 / 3 : c == j ? 1.0 / 3 : 0;
      EXPECT_NEAR(r.weight[c * f + j], want, 1e-6)
          << "class " << c << " feature " << j;
    }
  EXPECT_NEAR(r.bias[3], 1.0, 1e-6);
  EXPECT_NEAR(r.bias[0], 0.0, 1e-6);
  EXPECT_EQ(accuracy(r, x, labels), 1.0);
  // Same data, same weights, bit for bit.
  LinearReadout again = fitRidge(x, labels, classes, 1e-9);
  EXPECT_EQ(r.weight, again.weight);
  EXPECT_EQ(r.bias, again.bias);
}

TEST(Ridge, LargerLambdaShrinksTheWeights) {
  Features x{4, 2, {1, 0, 0, 1, 1, 1, 0, 0}};
  std::vector<uint32_t> labels = {0, 1, 0, 1};
  double small = 0, large = 0;
  for (double w : fitRidge(x, labels, 2, 0.01).weight)
    small += w * w;
  for (double w : fitRidge(x, labels, 2, 100).weight)
    large += w * w;
  EXPECT_LT(large, small / 100);
}

/// Noisy two-class data in 20 dimensions: the eigendecomposition that
/// scores every candidate must agree with a direct fit of the training part,
/// and the refit covers all samples with the chosen strength.
TEST(Ridge, HeldOutChoiceAgreesWithDirectFits) {
  std::mt19937 rng(11);
  std::normal_distribution<double> noise(0, 1);
  size_t n = 400, f = 20, split = 300;
  Features x{n, f, std::vector<double>(n * f)};
  std::vector<uint32_t> labels(n);
  for (size_t i = 0; i < n; ++i) {
    labels[i] = uint32_t(i % 2);
    for (size_t j = 0; j < f; ++j)
      x.values[i * f + j] = noise(rng) + (j < 3 && labels[i] ? 0.8 : 0.0);
  }
  std::vector<double> grid = {1e-4, 1e-2, 1, 100};
  HeldOutFit fit = fitRidgeHeldOut(x, labels, 2, split, grid);
  ASSERT_EQ(fit.scores.size(), grid.size());
  Features train{split, f,
                 std::vector<double>(x.values.begin(),
                                     x.values.begin() + long(split * f))};
  Features held{
      n - split, f,
      std::vector<double>(x.values.begin() + long(split * f), x.values.end())};
  std::vector<uint32_t> trainLabels(labels.begin(),
                                    labels.begin() + long(split));
  std::vector<uint32_t> heldLabels(labels.begin() + long(split), labels.end());
  double best = 0;
  for (const LambdaScore &s : fit.scores) {
    LinearReadout direct = fitRidge(train, trainLabels, 2, s.lambda);
    EXPECT_DOUBLE_EQ(s.holdoutAccuracy, accuracy(direct, held, heldLabels))
        << "lambda " << s.lambda;
    best = std::max(best, s.holdoutAccuracy);
  }
  EXPECT_EQ(fit.scores[fit.chosen].holdoutAccuracy, best);
  EXPECT_GT(best, 0.7);
  LinearReadout all = fitRidge(
      x, labels, 2, fit.scores[fit.chosen].lambda * double(n) / double(split));
  // The refit reuses the two parts' Gram matrices: equal up to rounding.
  ASSERT_EQ(fit.readout.weight.size(), all.weight.size());
  for (size_t i = 0; i < all.weight.size(); ++i)
    EXPECT_NEAR(fit.readout.weight[i], all.weight[i], 1e-12) << i;
  for (size_t c = 0; c < 2; ++c)
    EXPECT_NEAR(fit.readout.bias[c], all.bias[c], 1e-12) << c;
  // Ties go to the stronger candidate.
  for (size_t i = fit.chosen + 1; i < fit.scores.size(); ++i)
    EXPECT_LT(fit.scores[i].holdoutAccuracy, best);
}

} // namespace
