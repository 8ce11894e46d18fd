//===- ComposeTest.cpp - Folded chains compute what the NIR graph does ----===//
//
// A projection fed by a non-spiking value is folded into one projection of
// spikes. These tests evaluate the NIR chain and the folded op on random
// spike inputs and compare.
//
//===----------------------------------------------------------------------===//

#include "ImportFixture.h"

#include <random>

using namespace nirtest;
using namespace mlir;

namespace {

using ComposeTest = ImportTest;

std::vector<double> randomValues(size_t n, std::mt19937 &rng) {
  std::uniform_real_distribution<double> dist(-1.0, 1.0);
  std::vector<double> v(n);
  for (double &x : v)
    x = dist(rng);
  return v;
}

std::vector<double> randomSpikes(size_t n, std::mt19937 &rng) {
  std::bernoulli_distribution dist(0.4);
  std::vector<double> v(n);
  for (double &x : v)
    x = dist(rng) ? 1.0 : 0.0;
  return v;
}

/// A (C, H, W) window sum (or a convolution when `w` is given).
std::vector<double> window(const std::vector<double> &x, int64_t c, int64_t h,
                           int64_t wd, const std::vector<double> *w, int64_t o,
                           int64_t k0, int64_t k1, int64_t s0, int64_t s1,
                           int64_t p0, int64_t p1, int64_t &oh, int64_t &ow) {
  oh = (h + 2 * p0 - k0) / s0 + 1;
  ow = (wd + 2 * p1 - k1) / s1 + 1;
  int64_t outC = w ? o : c;
  std::vector<double> y(outC * oh * ow, 0.0);
  for (int64_t oc = 0; oc < outC; ++oc)
    for (int64_t i = 0; i < oh; ++i)
      for (int64_t j = 0; j < ow; ++j)
        for (int64_t ic = w ? 0 : oc; ic < (w ? c : oc + 1); ++ic)
          for (int64_t a = 0; a < k0; ++a)
            for (int64_t b = 0; b < k1; ++b) {
              int64_t r = i * s0 - p0 + a, q = j * s1 - p1 + b;
              if (r < 0 || r >= h || q < 0 || q >= wd)
                continue;
              double tap = w ? (*w)[((oc * c + ic) * k0 + a) * k1 + b] : 1.0;
              y[(oc * oh + i) * ow + j] += tap * x[(ic * h + r) * wd + q];
            }
  return y;
}

TEST_F(ComposeTest, AffineChainFolds) {
  std::mt19937 rng(7);
  std::vector<double> w1 = randomValues(6, rng), b1 = randomValues(3, rng);
  std::vector<double> w2 = randomValues(6, rng), b2 = randomValues(2, rng);
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "a1", "Affine", {arr("weight", {3, 2}, w1), vec("bias", b1)});
    w.node("", "a2", "Affine", {arr("weight", {2, 3}, w2), vec("bias", b2)});
    w.node("", "li", "LI",
           {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0})});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"a2", "li"}, {"a1", "a2"}, {"in", "a1"}, {"li", "out"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  ASSERT_EQ(count<snn::AffineOp>(*module), 1);
  auto affine = first<snn::AffineOp>(*module);
  EXPECT_EQ(nameOf(affine), "a2");
  std::vector<float> w = weights(affine.getWeight());
  std::vector<float> b = weights(affine.getBias());
  ASSERT_EQ(w.size(), 4u);
  for (int o = 0; o < 2; ++o) {
    double bias = b2[o];
    for (int k = 0; k < 3; ++k)
      bias += w2[o * 3 + k] * b1[k];
    EXPECT_NEAR(b[o], bias, 1e-5);
    for (int i = 0; i < 2; ++i) {
      double sum = 0;
      for (int k = 0; k < 3; ++k)
        sum += w2[o * 3 + k] * w1[k * 2 + i];
      EXPECT_NEAR(w[o * 2 + i], sum, 1e-5);
    }
  }
}

TEST_F(ComposeTest, PoolFlattenAffineFolds) {
  std::mt19937 rng(11);
  std::vector<double> wt = randomValues(2 * 8, rng),
                      bias = randomValues(2, rng);
  for (const char *type : {"SumPool2d", "AvgPool2d"}) {
    std::string file = path(type);
    {
      NirWriter w(file);
      w.node("", "in", "Input", {ints("shape", {3}, {2, 4, 4})});
      w.node("", "pool", type,
             {ints("kernel_size", {2}, {2, 2}), ints("stride", {2}, {2, 2}),
              ints("padding", {2}, {0, 0})});
      w.node("", "flat", "Flatten",
             {ints("start_dim", {}, {0}), ints("end_dim", {}, {-1})});
      w.node("", "fc", "Affine",
             {arr("weight", {2, 8}, wt), vec("bias", bias)});
      w.node(
          "", "li", "LI",
          {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0})});
      w.node("", "out", "Output", {ints("shape", {1}, {2})});
      w.edges("", {{"in", "pool"},
                   {"pool", "flat"},
                   {"flat", "fc"},
                   {"fc", "li"},
                   {"li", "out"}});
    }
    auto module = import(file);
    ASSERT_TRUE(module) << errors;
    EXPECT_EQ(count<snn::SumPool2dOp>(*module), 0);
    auto affine = first<snn::AffineOp>(*module);
    ASSERT_TRUE(affine);
    std::vector<float> w = weights(affine.getWeight());
    ASSERT_EQ(w.size(), 2u * 32u);
    double scale = std::string(type) == "AvgPool2d" ? 0.25 : 1.0;
    for (int trial = 0; trial < 5; ++trial) {
      std::vector<double> x = randomSpikes(32, rng);
      int64_t oh, ow;
      std::vector<double> pooled =
          window(x, 2, 4, 4, nullptr, 0, 2, 2, 2, 2, 0, 0, oh, ow);
      for (int o = 0; o < 2; ++o) {
        double expected = 0, folded = 0;
        for (int k = 0; k < 8; ++k)
          expected += wt[o * 8 + k] * pooled[k] * scale;
        for (int k = 0; k < 32; ++k)
          folded += w[o * 32 + k] * x[k];
        EXPECT_NEAR(folded, expected, 1e-4) << type;
      }
    }
  }
}

TEST_F(ComposeTest, SumPoolIntoConvFolds) {
  std::mt19937 rng(3);
  std::vector<double> wt = randomValues(3 * 2 * 3 * 3, rng);
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {3}, {2, 6, 6})});
    w.node("", "pool", "SumPool2d",
           {ints("kernel_size", {2}, {2, 2}), ints("stride", {2}, {2, 2}),
            ints("padding", {2}, {0, 0})});
    w.node("", "conv", "Conv2d",
           {arr("weight", {3, 2, 3, 3}, wt), ints("stride", {2}, {1, 1}),
            ints("padding", {2}, {1, 1}), ints("dilation", {2}, {1, 1}),
            ints("groups", {}, {1})});
    w.node("", "if", "IF",
           {arr("r", {3, 3, 3}, std::vector<double>(27, 1)),
            arr("v_threshold", {3, 3, 3}, std::vector<double>(27, 1))});
    w.node("", "out", "Output", {ints("shape", {3}, {3, 3, 3})});
    w.edges("",
            {{"in", "pool"}, {"pool", "conv"}, {"conv", "if"}, {"if", "out"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  EXPECT_EQ(count<snn::SumPool2dOp>(*module), 0);
  auto conv = first<snn::Conv2dOp>(*module);
  ASSERT_TRUE(conv);
  EXPECT_TRUE(isa<snn::SpikesType>(conv.getInput().getType()));
  std::vector<float> folded = weights(conv.getWeight());
  auto shape = cast<ShapedType>(conv.getWeight().getType()).getShape();
  ASSERT_EQ(shape.size(), 4u);
  std::vector<double> fw(folded.begin(), folded.end());
  ArrayRef<int64_t> s = conv.getStride(), p = conv.getPadding();
  for (int trial = 0; trial < 5; ++trial) {
    std::vector<double> x = randomSpikes(2 * 36, rng);
    int64_t ph, pw, oh, ow, fh, fwd;
    std::vector<double> pooled =
        window(x, 2, 6, 6, nullptr, 0, 2, 2, 2, 2, 0, 0, ph, pw);
    std::vector<double> expected =
        window(pooled, 2, ph, pw, &wt, 3, 3, 3, 1, 1, 1, 1, oh, ow);
    std::vector<double> got = window(x, 2, 6, 6, &fw, 3, shape[2], shape[3],
                                     s[0], s[1], p[0], p[1], fh, fwd);
    ASSERT_EQ(fh, oh);
    ASSERT_EQ(fwd, ow);
    for (size_t i = 0; i < expected.size(); ++i)
      EXPECT_NEAR(got[i], expected[i], 1e-4) << "element " << i;
  }
}

} // namespace
