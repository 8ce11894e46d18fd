//===- NodeTest.cpp - NIR import, one node type at a time -----------------===//

#include "ImportFixture.h"

using namespace nirtest;
using namespace mlir;

namespace {

using NodeTest = ImportTest;

/// Input(n) -> Linear(identity-ish) -> <neuron> -> Output.
void writeNeuronNet(const std::string &file, const std::string &type,
                    const std::vector<Param> &params, int n,
                    std::vector<int64_t> outShape) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {1}, {double(n)})});
  std::vector<double> eye(n * n, 0.0);
  for (int i = 0; i < n; ++i)
    eye[i * n + i] = 1.0;
  w.node("", "syn", "Linear", {arr("weight", {n, n}, eye)});
  w.node("", "pop", type, params);
  std::vector<double> shape(outShape.begin(), outShape.end());
  w.node("", "out", "Output", {ints("shape", {int64_t(shape.size())}, shape)});
  w.edges("", {{"pop", "out"}, {"syn", "pop"}, {"in", "syn"}});
}

TEST_F(NodeTest, LinearIntoLIF) {
  writeNeuronNet(path(), "LIF",
                 {vec("tau", {0.01, 0.02, 0.03}), vec("r", {1, 1, 1}),
                  vec("v_leak", {0, 0, 0}), vec("v_threshold", {1, 1, 1})},
                 3, {3});
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto lif = first<snn::LIFOp>(*module);
  ASSERT_TRUE(lif);
  EXPECT_EQ(nameOf(lif), "pop");
  // All-equal arrays collapse to scalars; per-neuron ones stay arrays.
  EXPECT_TRUE(isa<FloatAttr>(lif.getR()));
  EXPECT_TRUE(isa<DenseF64ArrayAttr>(lif.getTauMem()));
  EXPECT_FALSE(lif.getVResetAttr()) << "v_reset absent: default 0";
  auto linear = first<snn::LinearOp>(*module);
  ASSERT_TRUE(linear);
  EXPECT_EQ(nameOf(linear), "syn");
  auto network = first<snn::NetworkOp>(*module);
  EXPECT_EQ(network.getSymName(), "NodeTest_LinearIntoLIF_net");
  EXPECT_EQ(network.getArgumentTypes().size(), 1u);
}

TEST_F(NodeTest, CubaLIFWithResetAndDefaultWIn) {
  writeNeuronNet(path(), "CubaLIF",
                 {vec("tau_mem", {0.01, 0.01}), vec("tau_syn", {0.005, 0.005}),
                  vec("r", {2, 2}), vec("v_leak", {0, 0}),
                  vec("v_threshold", {1, 1.5}), vec("v_reset", {-0.5, -0.5})},
                 2, {2});
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto cuba = first<snn::CubaLIFOp>(*module);
  ASSERT_TRUE(cuba);
  EXPECT_FALSE(cuba.getWInAttr()) << "w_in absent: default 1";
  ASSERT_TRUE(cuba.getVResetAttr());
  EXPECT_DOUBLE_EQ(cast<FloatAttr>(*cuba.getVReset()).getValueAsDouble(), -0.5);
}

TEST_F(NodeTest, LIAndIntegratorAreReadouts) {
  writeNeuronNet(path("li"), "LI",
                 {vec("tau", {0.02}), vec("r", {1}), vec("v_leak", {0})}, 1,
                 {1});
  auto li = import(path("li"));
  ASSERT_TRUE(li) << errors;
  EXPECT_EQ(count<snn::LIOp>(*li), 1);
  EXPECT_TRUE(isa<snn::CurrentType>(
      first<snn::NetworkOp>(*li).getResultTypes().front()));
  writeNeuronNet(path("i"), "I", {vec("r", {1, 1})}, 2, {2});
  auto integrator = import(path("i"));
  ASSERT_TRUE(integrator) << errors;
  EXPECT_EQ(count<snn::IntegratorOp>(*integrator), 1);
}

TEST_F(NodeTest, OutputShapeMayDifferBySizeOneDims) {
  writeNeuronNet(path(), "IF",
                 {vec("r", {1, 1, 1}), vec("v_threshold", {1, 1, 1})}, 3,
                 {1, 3, 1});
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  EXPECT_EQ(count<snn::IFOp>(*module), 1);
}

TEST_F(NodeTest, Conv2dIntoMultiDimensionalIF) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {3}, {1, 4, 4})});
    w.node("", "conv", "Conv2d",
           {arr("weight", {2, 1, 3, 3}, std::vector<double>(18, 0.5)),
            vec("bias", {0.1, 0.2}), ints("stride", {2}, {1, 1}),
            ints("padding", {2}, {1, 1}), ints("dilation", {2}, {1, 1}),
            ints("groups", {}, {1})});
    w.node("", "if", "IF",
           {arr("r", {2, 4, 4}, std::vector<double>(32, 1.0)),
            arr("v_threshold", {2, 4, 4}, std::vector<double>(32, 1.0))});
    w.node("", "out", "Output", {ints("shape", {3}, {2, 4, 4})});
    w.edges("", {{"in", "conv"}, {"conv", "if"}, {"if", "out"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto conv = first<snn::Conv2dOp>(*module);
  ASSERT_TRUE(conv);
  EXPECT_EQ(cast<snn::SignalType>(conv.getType()).getShape(),
            ArrayRef<int64_t>({2, 4, 4}));
  auto ifOp = first<snn::IFOp>(*module);
  EXPECT_EQ(cast<snn::SignalType>(ifOp.getType()).getShape(),
            ArrayRef<int64_t>({2, 4, 4}));
}

TEST_F(NodeTest, SumPoolIntoOutputIsMaterialized) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {3}, {2, 4, 4})});
    w.node("", "pool", "SumPool2d",
           {ints("kernel_size", {2}, {2, 2}), ints("stride", {2}, {2, 2}),
            ints("padding", {2}, {0, 0})});
    w.node("", "out", "Output", {ints("shape", {3}, {2, 2, 2})});
    w.edges("", {{"in", "pool"}, {"pool", "out"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto pool = first<snn::SumPool2dOp>(*module);
  ASSERT_TRUE(pool);
  EXPECT_EQ(nameOf(pool), "pool");
}

TEST_F(NodeTest, FlattenOfSpikesThenLinear) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {3}, {2, 2, 2})});
    w.node("", "flat", "Flatten",
           {ints("start_dim", {}, {0}), ints("end_dim", {}, {-1}),
            ints("input_type", {3}, {2, 2, 2})});
    w.node("", "fc", "Linear",
           {arr("weight", {1, 8}, std::vector<double>(8, 1))});
    w.node("", "lif", "LIF",
           {vec("tau", {0.01}), vec("r", {1}), vec("v_leak", {0}),
            vec("v_threshold", {1})});
    w.node("", "out", "Output", {ints("shape", {1}, {1})});
    w.edges("",
            {{"in", "flat"}, {"flat", "fc"}, {"fc", "lif"}, {"lif", "out"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto flatten = first<snn::FlattenOp>(*module);
  ASSERT_TRUE(flatten);
  EXPECT_TRUE(isa<snn::SpikesType>(flatten.getType()));
  EXPECT_EQ(nameOf(flatten), "flat");
}

TEST_F(NodeTest, DelayAndScale) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "delay", "Delay", {vec("delay", {0.001, 0.002})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
    w.node("", "scale", "Scale", {vec("scale", {2, 2})});
    w.node("", "lif", "LIF",
           {vec("tau", {0.01}), vec("r", {1}), vec("v_leak", {0}),
            vec("v_threshold", {1})});
    w.node("", "out", "Output", {ints("shape", {1}, {1})});
    w.edges("", {{"in", "delay"},
                 {"delay", "fc"},
                 {"fc", "scale"},
                 {"scale", "lif"},
                 {"lif", "out"}});
  }
  auto module = import(path());
  // LIF has scalar parameters: a population of 1, but the scale gives 2.
  EXPECT_FALSE(module);
  EXPECT_NE(errors.find("@lif: "), std::string::npos) << errors;
  {
    NirWriter w(path("ok"));
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "delay", "Delay", {vec("delay", {0.001, 0.002})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
    w.node("", "scale", "Scale", {vec("scale", {2, 2})});
    w.node("", "lif", "LIF",
           {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0}),
            vec("v_threshold", {1, 1})});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"in", "delay"},
                 {"delay", "fc"},
                 {"fc", "scale"},
                 {"scale", "lif"},
                 {"lif", "out"}});
  }
  module = import(path("ok"));
  ASSERT_TRUE(module) << errors;
  auto delay = first<snn::DelayOp>(*module);
  ASSERT_TRUE(delay);
  EXPECT_TRUE(isa<snn::SpikesType>(delay.getType()));
  auto scale = first<snn::ScaleOp>(*module);
  ASSERT_TRUE(scale);
  EXPECT_TRUE(isa<FloatAttr>(scale.getFactor()));
}

TEST_F(NodeTest, RecurrentAndSummedInputs) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
    w.node("", "rec", "Linear", {arr("weight", {2, 2}, {0, -1, -1, 0})});
    w.node("", "lif", "LIF",
           {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0}),
            vec("v_threshold", {1, 1})});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"lif", "out"},
                 {"rec", "lif"},
                 {"lif", "rec"},
                 {"fc", "lif"},
                 {"in", "fc"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto lif = first<snn::LIFOp>(*module);
  EXPECT_EQ(lif.getInputs().size(), 2u);
  EXPECT_EQ(count<snn::LinearOp>(*module), 2);
}

TEST_F(NodeTest, NestedGraphsFlattenWithPathNames) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
    w.subgraph("", "layer");
    w.node("layer", "input", "Input", {ints("shape", {1}, {2})});
    w.node("layer", "lif", "LIF",
           {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0}),
            vec("v_threshold", {1, 1})});
    w.node("layer", "output", "Output", {ints("shape", {1}, {2})});
    w.edges("layer", {{"input", "lif"}, {"lif", "output"}});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"in", "fc"}, {"fc", "layer"}, {"layer", "out"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto lif = first<snn::LIFOp>(*module);
  ASSERT_TRUE(lif);
  EXPECT_EQ(nameOf(lif), "layer.lif");
  EXPECT_EQ(lif.getInputs().size(), 1u);
}

TEST_F(NodeTest, DottedEdgesReachIntoNestedGraphs) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
    w.subgraph("", "block");
    w.subgraph("block", "inner");
    w.node("block/inner", "lif", "LIF",
           {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0}),
            vec("v_threshold", {1, 1})});
    w.edges("block/inner", {});
    w.edges("block", {});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges(
        "",
        {{"in", "fc"}, {"fc", "block.inner.lif"}, {"block.inner.lif", "out"}});
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto lif = first<snn::LIFOp>(*module);
  ASSERT_TRUE(lif);
  EXPECT_EQ(nameOf(lif), "block.inner.lif");
  EXPECT_EQ(lif.getInputs().size(), 1u);
}

} // namespace
