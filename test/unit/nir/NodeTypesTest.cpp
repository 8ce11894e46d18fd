//===- NodeTypesTest.cpp - Conv1d, Threshold and CubaLI import ------------===//
//
// The NIR node types the snn dialect has no op of its own for: Conv1d as a
// conv2d over a unit height, Threshold as a memoryless snn.neuron, CubaLI as
// two chained snn.li. Also the string forms of a Conv padding.
//
//===----------------------------------------------------------------------===//

#include "ImportFixture.h"

#include <random>

using namespace nirtest;
using namespace mlir;

namespace {

using NodeTypesTest = ImportTest;

/// Input(c, length) -> Conv1d -> IF(out shape) -> Output.
void writeConv1d(const std::string &file, int64_t c, int64_t length,
                 std::vector<int64_t> wDims, std::vector<double> weight,
                 std::vector<Param> geometry, std::vector<int64_t> outShape) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {2}, {double(c), double(length)})});
  geometry.push_back(arr("weight", wDims, weight));
  w.node("", "conv", "Conv1d", geometry);
  int64_t n = outShape[0] * outShape[1];
  w.node("", "if", "IF",
         {arr("r", outShape, std::vector<double>(n, 1.0)),
          arr("v_threshold", outShape, std::vector<double>(n, 1.0))});
  std::vector<double> shape(outShape.begin(), outShape.end());
  w.node("", "out", "Output", {ints("shape", {2}, shape)});
  w.edges("", {{"in", "conv"}, {"conv", "if"}, {"if", "out"}});
}

TEST_F(NodeTypesTest, Conv1dComputesAOneDimensionalConvolution) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> dist(-1, 1);
  const int64_t c = 2, length = 9, out = 3, k = 3, stride = 2, pad = 1, dil = 2;
  std::vector<double> weight(out * c * k);
  for (double &v : weight)
    v = dist(rng);
  int64_t outLength = (length + 2 * pad - dil * (k - 1) - 1) / stride + 1;
  writeConv1d(path(), c, length, {out, c, k}, weight,
              {ints("stride", {}, {double(stride)}),
               ints("padding", {1}, {double(pad)}),
               ints("dilation", {}, {double(dil)}), ints("groups", {}, {1})},
              {out, outLength});
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto conv = first<snn::Conv2dOp>(*module);
  ASSERT_TRUE(conv);
  EXPECT_EQ(cast<snn::SignalType>(conv.getInput().getType()).getShape(),
            ArrayRef<int64_t>({c, 1, length}));
  EXPECT_EQ(conv.getStride(), ArrayRef<int64_t>({1, stride}));
  EXPECT_EQ(conv.getPadding(), ArrayRef<int64_t>({0, pad}));
  EXPECT_EQ(conv.getDilation(), ArrayRef<int64_t>({1, dil}));
  auto wShape = cast<ShapedType>(conv.getWeight().getType()).getShape();
  ASSERT_EQ(wShape, ArrayRef<int64_t>({out, c, 1, k}));
  std::vector<float> w2 = weights(conv.getWeight());
  // The 2-D convolution over a unit height equals NIR's 1-D one.
  std::bernoulli_distribution spike(0.5);
  for (int trial = 0; trial < 4; ++trial) {
    std::vector<double> x(c * length);
    for (double &v : x)
      v = spike(rng) ? 1.0 : 0.0;
    for (int64_t o = 0; o < out; ++o)
      for (int64_t i = 0; i < outLength; ++i) {
        double expected = 0, got = 0;
        for (int64_t ch = 0; ch < c; ++ch)
          for (int64_t t = 0; t < k; ++t) {
            int64_t at = i * stride - pad + t * dil;
            if (at < 0 || at >= length)
              continue;
            expected += weight[(o * c + ch) * k + t] * x[ch * length + at];
            got += w2[((o * c + ch) * 1 + 0) * k + t] * x[ch * length + at];
          }
        EXPECT_NEAR(got, expected, 1e-5);
      }
  }
  auto population = first<snn::IFOp>(*module);
  EXPECT_EQ(cast<snn::SignalType>(population.getType()).getShape(),
            ArrayRef<int64_t>({out, 1, outLength}));
}

TEST_F(NodeTypesTest, ConvPaddingSameAndValid) {
  writeConv1d(path("same"), 1, 6, {1, 1, 3}, {1, 2, 3},
              {str("padding", "same")}, {1, 6});
  auto same = import(path("same"));
  ASSERT_TRUE(same) << errors;
  EXPECT_EQ(first<snn::Conv2dOp>(*same).getPadding(),
            ArrayRef<int64_t>({0, 1}));
  writeConv1d(path("valid"), 1, 6, {1, 1, 3}, {1, 2, 3},
              {str("padding", "valid")}, {1, 4});
  auto valid = import(path("valid"));
  ASSERT_TRUE(valid) << errors;
  EXPECT_EQ(first<snn::Conv2dOp>(*valid).getPadding(),
            ArrayRef<int64_t>({0, 0}));
  // An even kernel would need padding on one side only.
  writeConv1d(path("even"), 1, 6, {1, 1, 2}, {1, 2}, {str("padding", "same")},
              {1, 6});
  EXPECT_FALSE(import(path("even")));
  EXPECT_NE(errors.find("@conv: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("padding 'same' needs stride 1"), std::string::npos)
      << errors;
  writeConv1d(path("odd"), 1, 6, {1, 1, 3}, {1, 2, 3}, {str("padding", "full")},
              {1, 8});
  EXPECT_FALSE(import(path("odd")));
  EXPECT_NE(errors.find("padding 'full' is neither"), std::string::npos)
      << errors;
}

TEST_F(NodeTypesTest, Conv1dNeedsSpikesOfAnInputOrPopulation) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {4})});
    w.node("", "fc", "Linear",
           {arr("weight", {4, 4}, std::vector<double>(16))});
    w.node("", "conv", "Conv1d", {arr("weight", {1, 2, 1}, {1, 1})});
    w.node("", "out", "Output", {ints("shape", {2}, {1, 2})});
    w.edges("", {{"in", "fc"}, {"fc", "conv"}, {"conv", "out"}});
  }
  EXPECT_FALSE(import(path()));
  EXPECT_NE(errors.find("@conv: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("needs (channels, length) spikes"), std::string::npos)
      << errors;
  writeConv1d(path("two"), 1, 6, {1, 1, 3}, {1, 2, 3},
              {ints("stride", {2}, {1, 1})}, {1, 4});
  EXPECT_FALSE(import(path("two")));
  EXPECT_NE(errors.find("'stride' must be one number"), std::string::npos)
      << errors;
}

TEST_F(NodeTypesTest, ThresholdIsAMemorylessPopulation) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
    w.node("", "thr", "Threshold", {vec("threshold", {0.5, -1})});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"in", "fc"}, {"fc", "thr"}, {"thr", "out"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto neuron = first<snn::DiscreteNeuronOp>(*module);
  ASSERT_TRUE(neuron);
  EXPECT_EQ(neuron.getModel(), snn::NeuronModel::lif);
  EXPECT_TRUE(isa<snn::SpikesType>(neuron.getType()));
  // The reset is never read (no memory) but must lie below the threshold.
  auto reset = dyn_cast<DenseF64ArrayAttr>(*neuron.getReset());
  ASSERT_TRUE(reset);
  EXPECT_EQ(reset.asArrayRef(), ArrayRef<double>({0.0, -2.0}));
}

TEST_F(NodeTypesTest, CubaLIWantsAPositiveWIn) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {1})});
    w.node("", "fc", "Linear", {arr("weight", {1, 1}, {1})});
    w.node("", "cli", "CubaLI",
           {vec("tau_mem", {0.02}), vec("tau_syn", {0.005}), vec("r", {1}),
            vec("v_leak", {0}), vec("w_in", {-1})});
    w.node("", "out", "Output", {ints("shape", {1}, {1})});
    w.edges("", {{"in", "fc"}, {"fc", "cli"}, {"cli", "out"}});
  }
  EXPECT_FALSE(import(path()));
  EXPECT_NE(errors.find("@cli: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("w_in must be positive"), std::string::npos) << errors;
}

} // namespace
