//===- ErrorTest.cpp - Malformed NIR files fail with a named diagnostic ---===//

#include "ImportFixture.h"

#include <fstream>

using namespace nirtest;

namespace {

using ErrorTest = ImportTest;

std::vector<Param> lifParams(int n) {
  std::vector<double> ones(n, 1.0), zeros(n, 0.0), tau(n, 0.01);
  return {vec("tau", tau), vec("r", ones), vec("v_leak", zeros),
          vec("v_threshold", ones)};
}

/// Input(2) -> fc -> lif -> Output, with the given overrides.
void writeBasic(const std::string &file, const std::string &fcType,
                std::vector<Param> fcParams, std::vector<Param> lif,
                std::vector<std::pair<std::string, std::string>> edges,
                std::vector<double> outShape = {2}) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {1}, {2})});
  w.node("", "fc", fcType, fcParams);
  w.node("", "lif", "LIF", lif);
  w.node("", "out", "Output",
         {ints("shape", {int64_t(outShape.size())}, outShape)});
  w.edges("", edges);
}

const std::vector<std::pair<std::string, std::string>> kChain = {
    {"in", "fc"}, {"fc", "lif"}, {"lif", "out"}};
const std::vector<double> kEye = {1, 0, 0, 1};

/// Expects the import to fail with a diagnostic at `node` containing `text`.
#define EXPECT_FAILS_AT(node, text)                                            \
  do {                                                                         \
    auto module = import(path());                                              \
    EXPECT_FALSE(module);                                                      \
    EXPECT_NE(errors.find(std::string("@") + node + ": "), std::string::npos)  \
        << errors;                                                             \
    EXPECT_NE(errors.find(text), std::string::npos) << errors;                 \
  } while (false)

TEST_F(ErrorTest, NotHdf5) {
  std::ofstream(path()) << "this is not an HDF5 file\n";
  EXPECT_FALSE(import(path()));
  EXPECT_NE(errors.find("not a readable HDF5"), std::string::npos) << errors;
  EXPECT_FALSE(import(path("missing")));
}

TEST_F(ErrorTest, TruncatedSample) {
  std::string sample = std::string(SNNC_NIR_SAMPLES) + "/two_lif_neurons.nir";
  if (!std::ifstream(sample))
    GTEST_SKIP() << "the sample NIR files (../shared/nir) are not beside the "
                    "repository";
  std::ifstream in(sample, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  ASSERT_GT(bytes.size(), 4096u);
  for (size_t keep : {size_t(0), size_t(8), size_t(512), size_t(2048),
                      bytes.size() / 2, bytes.size() - 1}) {
    std::ofstream(path(), std::ios::binary) << bytes.substr(0, keep);
    EXPECT_FALSE(import(path())) << "kept " << keep << " bytes";
    EXPECT_FALSE(errors.empty());
  }
}

TEST_F(ErrorTest, MissingVersion) {
  { NirWriter w(path(), /*withVersion=*/false); }
  EXPECT_FALSE(import(path()));
  EXPECT_NE(errors.find("no 'version'"), std::string::npos) << errors;
}

TEST_F(ErrorTest, MissingNodeGroup) {
  { NirWriter w(path(), true, /*withRoot=*/false); }
  EXPECT_FALSE(import(path()));
  EXPECT_NE(errors.find("no 'node' group"), std::string::npos) << errors;
}

TEST_F(ErrorTest, UnknownNodeType) {
  writeBasic(path(), "Quantum", {}, lifParams(2), kChain);
  EXPECT_FAILS_AT("fc", "unknown NIR node type 'Quantum'");
}

TEST_F(ErrorTest, ThresholdNeedsACurrent) {
  // Threshold imports as a stateless population, which reads currents.
  writeBasic(path(), "Threshold", {vec("threshold", {1, 1})}, lifParams(2),
             kChain);
  EXPECT_FAILS_AT("fc", "is fed spikes by 'in'");
}

TEST_F(ErrorTest, MissingParameter) {
  std::vector<Param> lif = lifParams(2);
  lif.pop_back(); // v_threshold
  writeBasic(path(), "Linear", {arr("weight", {2, 2}, kEye)}, lif, kChain);
  EXPECT_FAILS_AT("lif", "missing parameter 'v_threshold'");
}

TEST_F(ErrorTest, MissingWeight) {
  writeBasic(path(), "Affine", {vec("bias", {0, 0})}, lifParams(2), kChain);
  EXPECT_FAILS_AT("fc", "missing parameter 'weight'");
}

TEST_F(ErrorTest, WeightDoesNotFitInput) {
  writeBasic(path(), "Linear", {arr("weight", {2, 3}, std::vector<double>(6))},
             lifParams(2), kChain);
  EXPECT_FAILS_AT("fc", "weight expects 3 inputs but 'in' gives shape (2)");
}

TEST_F(ErrorTest, PopulationDoesNotFitProjection) {
  writeBasic(path(), "Linear", {arr("weight", {2, 2}, kEye)}, lifParams(3),
             kChain, {3});
  EXPECT_FAILS_AT("lif", "gets shape (2) from 'fc'");
}

TEST_F(ErrorTest, ParameterLengthsDisagree) {
  std::vector<Param> lif = lifParams(2);
  lif[0] = vec("tau", {0.01, 0.01, 0.01});
  writeBasic(path(), "Linear", {arr("weight", {2, 2}, kEye)}, lif, kChain);
  EXPECT_FAILS_AT("lif", "has 2 values but the population has 3");
}

TEST_F(ErrorTest, OutputShapeMismatch) {
  writeBasic(path(), "Linear", {arr("weight", {2, 2}, kEye)}, lifParams(2),
             kChain, {3});
  EXPECT_FAILS_AT("out", "declares shape (3) but 'lif' gives shape (2)");
}

TEST_F(ErrorTest, EdgeToMissingNode) {
  writeBasic(path(), "Linear", {arr("weight", {2, 2}, kEye)}, lifParams(2),
             {{"in", "fc"}, {"fc", "lif"}, {"lif", "ghost"}});
  EXPECT_FAILS_AT("ghost", "names node 'ghost', which does not exist in the "
                           "top-level graph");
}

TEST_F(ErrorTest, EdgeToMissingNodeInSubgraph) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, kEye)});
    w.subgraph("", "lif1");
    w.node("lif1", "input", "Input", {ints("shape", {1}, {2})});
    w.node("lif1", "lif1", "LIF", lifParams(2));
    w.node("lif1", "output", "Output", {ints("shape", {1}, {2})});
    w.edges("lif1", {{"input", "lif"}, {"lif", "output"}});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"in", "fc"}, {"fc", "lif1"}, {"lif1", "out"}});
  }
  EXPECT_FAILS_AT("lif1.lif",
                  "names node 'lif', which does not exist in graph 'lif1'");
}

TEST_F(ErrorTest, CycleThroughNonNeuronNodesOnly) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "a", "Delay", {vec("delay", {0.001})});
    w.node("", "b", "Delay", {vec("delay", {0.001})});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"a", "b"}, {"b", "a"}, {"in", "out"}});
  }
  auto module = import(path());
  EXPECT_FALSE(module);
  EXPECT_NE(errors.find("cycle"), std::string::npos) << errors;
  EXPECT_NE(errors.find("@a: "), std::string::npos) << errors;
}

TEST_F(ErrorTest, ProjectionFedByCurrent) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, kEye)});
    w.node("", "li", "LI",
           {vec("tau", {0.01}), vec("r", {1}), vec("v_leak", {0})});
    w.node("", "fc2", "Linear", {arr("weight", {2, 1}, {1, 1})});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"in", "fc"}, {"fc", "li"}, {"li", "fc2"}, {"fc2", "out"}});
  }
  EXPECT_FAILS_AT("fc2", "is fed by 'li', which gives a current");
}

TEST_F(ErrorTest, SpikesStraightIntoPopulation) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "lif", "LIF", lifParams(2));
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"in", "lif"}, {"lif", "out"}});
  }
  EXPECT_FAILS_AT("lif", "is fed spikes by 'in'");
}

TEST_F(ErrorTest, TwoInputsIntoASynapse) {
  writeBasic(path(), "Linear", {arr("weight", {2, 2}, kEye)}, lifParams(2),
             {{"in", "fc"}, {"in", "fc"}, {"fc", "lif"}, {"lif", "out"}});
  EXPECT_FAILS_AT("fc", "has 2 inputs");
}

TEST_F(ErrorTest, NonFiniteParameterNamesTheNode) {
  std::vector<Param> lif = lifParams(2);
  lif[0] = vec("tau", {0.01, std::nan("")});
  writeBasic(path(), "Linear", {arr("weight", {2, 2}, kEye)}, lif, kChain);
  auto module = import(path());
  EXPECT_FALSE(module);
  EXPECT_NE(errors.find("@lif: "), std::string::npos) << errors;
}

TEST_F(ErrorTest, InputWithoutShape) {
  {
    NirWriter w(path());
    w.node("", "in", "Input");
    w.node("", "out", "Output");
    w.edges("", {{"in", "out"}});
  }
  EXPECT_FAILS_AT("in", "missing parameter 'shape'");
}

TEST_F(ErrorTest, EmptyWeight) {
  writeBasic(path(), "Linear", {arr("weight", {0, 2}, {})}, lifParams(2),
             kChain);
  EXPECT_FAILS_AT("fc", "weight has an empty shape (0, 2)");
}

TEST_F(ErrorTest, PoolPaddingLargerThanHalfKernel) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {3}, {1, 4, 4})});
    w.node("", "pool", "SumPool2d",
           {ints("kernel_size", {2}, {2, 2}), ints("padding", {2}, {5, 5})});
    w.node("", "out", "Output");
    w.edges("", {{"in", "pool"}, {"pool", "out"}});
  }
  EXPECT_FAILS_AT("pool", "padding must be at most half the kernel size");
}

} // namespace
