//===- ExportRoundTripTest.cpp - NIR -> MLIR -> NIR -> MLIR is the identity
//===//
//
// Each fixture is a NIR file built with the HDF5 C API. It is imported,
// exported and imported again (in a fresh context, as another process
// would); both imports must print the same MLIR, with and without
// locations, so node names survive too. Together the fixtures cover every
// NIR node type the importer reads.
//
//===----------------------------------------------------------------------===//

#include "ImportFixture.h"
#include "NirReader.h"

#include "snnc/Export/NIR.h"

#include "mlir/IR/OperationSupport.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fstream>
#include <set>

using namespace nirtest;
using namespace mlir;

namespace {

class RoundTripTest : public ImportTest {
protected:
  static std::string printed(ModuleOp module, bool locations) {
    std::string text;
    llvm::raw_string_ostream os(text);
    OpPrintingFlags flags;
    if (locations)
      flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
    module.print(os, flags);
    return text;
  }
  static void replaceAll(std::string &text, const std::string &from,
                         const std::string &to) {
    for (size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  }

  /// Imports `file`, exports it, imports the export in a fresh context and
  /// expects the same MLIR. Returns the exported file's node types.
  std::map<std::string, std::string> roundTrip(const std::string &file) {
    auto first = import(file);
    EXPECT_TRUE(first) << errors;
    if (!first)
      return {};
    // Same file name in another directory: the network is named after it.
    std::string dir = path("export");
    llvm::sys::fs::create_directories(dir);
    exported = dir + "/" + llvm::sys::path::filename(file).str();
    EXPECT_TRUE(succeeded(snnc::exportNIRFile(*first, exported))) << errors;
    MLIRContext fresh;
    std::string freshErrors;
    ScopedDiagnosticHandler handler(&fresh, [&](Diagnostic &diag) {
      freshErrors += diag.str() + "\n";
      return success();
    });
    auto second = snnc::importNIRFile(exported, &fresh);
    EXPECT_TRUE(second) << freshErrors;
    if (!second)
      return {};
    EXPECT_EQ(printed(*first, false), printed(*second, false));
    std::string withLocs = printed(*second, true);
    replaceAll(withLocs, exported, file);
    EXPECT_EQ(printed(*first, true), withLocs);
    return NirReader(exported).nodeTypes();
  }

  static std::set<std::string>
  typesOf(const std::map<std::string, std::string> &nodes) {
    std::set<std::string> types;
    for (const auto &[name, type] : nodes)
      types.insert(type);
    return types;
  }

  std::string exported;
};

std::vector<double> seq(size_t n, double start, double step) {
  std::vector<double> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = start + step * static_cast<double>(i);
  return v;
}

std::vector<Param> lif(int64_t n, bool reset = false) {
  std::vector<Param> p = {vec("tau", seq(n, 0.01, 0.001)),
                          vec("r", std::vector<double>(n, 1.0)),
                          vec("v_leak", std::vector<double>(n, 0.0)),
                          vec("v_threshold", seq(n, 1.0, 0.25))};
  if (reset)
    p.push_back(vec("v_reset", std::vector<double>(n, -0.5)));
  return p;
}

/// Input -> Affine -> LIF -> Linear -> CubaLIF (with a recurrent Linear).
void writeDense(const std::string &file, std::vector<double> wIn) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {1}, {3})});
  w.node("", "aff", "Affine",
         {arr("weight", {4, 3}, seq(12, -0.5, 0.1)),
          vec("bias", {0.1, 0, -0.1, 0.2})});
  w.node("", "lif", "LIF", lif(4, true));
  w.node("", "lin", "Linear", {arr("weight", {2, 4}, seq(8, 0.3, 0.05))});
  w.node("", "cuba", "CubaLIF",
         {vec("tau_mem", {0.02, 0.03}), vec("tau_syn", {0.005, 0.005}),
          vec("r", {1, 2}), vec("v_leak", {0, 0}), vec("v_threshold", {1, 1}),
          vec("w_in", wIn)});
  w.node("", "rec", "Linear", {arr("weight", {2, 2}, {0, -1, -1, 0})});
  w.node("", "out", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"cuba", "out"},
               {"rec", "cuba"},
               {"cuba", "rec"},
               {"lin", "cuba"},
               {"lif", "lin"},
               {"aff", "lif"},
               {"in", "aff"}});
}

TEST_F(RoundTripTest, DenseRecurrentCubaLIF) {
  writeDense(path(), {2, 2});
  auto types = typesOf(roundTrip(path()));
  EXPECT_EQ(types, (std::set<std::string>{"Input", "Affine", "LIF", "Linear",
                                          "CubaLIF", "Output"}));
  NirReader file(exported);
  // Layout of NIR's reference writer: f32 weights (out, in), f64 neuron
  // parameters over the population, int64 shapes, (N, 2) string edges.
  Stored weight = file.read("/node/nodes/aff/weight");
  EXPECT_EQ(weight.cls, H5T_FLOAT);
  EXPECT_EQ(weight.bytes, 4u);
  EXPECT_EQ(weight.dims, (std::vector<hsize_t>{4, 3}));
  Stored tau = file.read("/node/nodes/lif/tau");
  EXPECT_EQ(tau.bytes, 8u);
  EXPECT_EQ(tau.dims, (std::vector<hsize_t>{4}));
  EXPECT_DOUBLE_EQ(tau.values[1], 0.011);
  Stored shape = file.read("/node/nodes/in/shape");
  EXPECT_EQ(shape.cls, H5T_INTEGER);
  EXPECT_EQ(shape.values, (std::vector<double>{3}));
  EXPECT_EQ(file.read("/version").strings.size(), 1u);
  EXPECT_EQ(file.read("/node/type").strings,
            (std::vector<std::string>{"NIRGraph"}));
  EXPECT_EQ(file.edges().size(), 7u);
}

TEST_F(RoundTripTest, CubaLIFDefaultWIn) {
  // w_in = 1 is the default: imported without it, exported with it (NIR's
  // reader wants it), imported without it again.
  writeDense(path(), {1, 1});
  roundTrip(path());
  EXPECT_TRUE(NirReader(exported).read("/node/nodes/cuba/w_in").found);
}

void writeReadoutsThresholdAndSeveralPorts(const std::string &file) {
  NirWriter w(file);
  w.node("", "in_a", "Input", {ints("shape", {1}, {2})});
  w.node("", "in_b", "Input", {ints("shape", {1}, {3})});
  w.node("", "la", "Linear", {arr("weight", {2, 2}, {1, 0.5, -0.5, 1})});
  w.node("", "lb", "Linear", {arr("weight", {2, 3}, seq(6, 0.1, 0.1))});
  w.node("", "lc", "Linear", {arr("weight", {2, 3}, seq(6, -0.2, 0.1))});
  w.node("", "li", "LI",
         {vec("tau", {0.02, 0.04}), vec("r", {1, 1}), vec("v_leak", {0, 0.1})});
  w.node("", "integ", "I", {vec("r", {0.5, 2})});
  w.node("", "thr", "Threshold", {vec("threshold", {0.25, -0.5})});
  w.node("", "out_1", "Output", {ints("shape", {1}, {2})});
  w.node("", "out_2", "Output", {ints("shape", {1}, {2})});
  w.node("", "out_3", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"in_a", "la"},
               {"in_b", "lb"},
               {"la", "li"},
               {"lb", "li"},
               {"in_b", "lc"},
               {"lc", "integ"},
               {"la", "thr"},
               {"li", "out_1"},
               {"integ", "out_2"},
               {"thr", "out_3"}});
}

/// Two inputs, three readouts as outputs: LI, I and a Threshold.
TEST_F(RoundTripTest, ReadoutsThresholdAndSeveralPorts) {
  writeReadoutsThresholdAndSeveralPorts(path());
  auto nodes = roundTrip(path());
  EXPECT_EQ(nodes["thr"], "Threshold");
  EXPECT_EQ(nodes["integ"], "I");
  EXPECT_EQ(nodes["li"], "LI");
  EXPECT_EQ(nodes["in_b"], "Input");
  EXPECT_EQ(nodes["out_3"], "Output");
  // The threshold is stateless: an snn.neuron that keeps nothing.
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto neuron = first<snn::DiscreteNeuronOp>(*module);
  ASSERT_TRUE(neuron);
  EXPECT_EQ(nameOf(neuron), "thr");
  EXPECT_DOUBLE_EQ(cast<FloatAttr>(neuron.getDecayAttr()).getValueAsDouble(),
                   0.0);
  EXPECT_DOUBLE_EQ(cast<FloatAttr>(neuron.getGainAttr()).getValueAsDouble(),
                   1.0);
}

void writeCubaLI(const std::string &file) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {1}, {2})});
  w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
  w.node("", "cli", "CubaLI",
         {vec("tau_mem", {0.02, 0.02}), vec("tau_syn", {0.004, 0.006}),
          vec("r", {1.5, 1.5}), vec("v_leak", {0, 0}),
          vec("w_in", {0.5, 0.5})});
  w.node("", "out", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"in", "fc"}, {"fc", "cli"}, {"cli", "out"}});
}

TEST_F(RoundTripTest, CubaLI) {
  writeCubaLI(path());
  auto nodes = roundTrip(path());
  EXPECT_EQ(nodes["cli"], "CubaLI");
  // tau_syn dI/dt = -I + w_in S, then tau_mem dv/dt = v_leak - v + r I.
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  EXPECT_EQ(count<snn::LIOp>(*module), 2);
  auto syn = first<snn::LIOp>(*module);
  EXPECT_EQ(cast<FloatAttr>(syn.getRAttr()).getValueAsDouble(), 0.5);
  EXPECT_TRUE(isa<DenseF64ArrayAttr>(syn.getTauMemAttr()));
}

void writeConvolutionAndPooling(const std::string &file) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {3}, {1, 6, 6})});
  w.node("", "conv", "Conv2d",
         {arr("weight", {2, 1, 3, 3}, seq(18, -0.4, 0.05)),
          vec("bias", {0.1, -0.1}), ints("stride", {2}, {1, 1}),
          ints("padding", {2}, {1, 1}), ints("dilation", {2}, {1, 1}),
          ints("groups", {}, {1}), ints("input_shape", {2}, {6, 6})});
  w.node("", "if", "IF",
         {arr("r", {2, 6, 6}, std::vector<double>(72, 1.0)),
          arr("v_threshold", {2, 6, 6}, seq(72, 0.5, 0.01))});
  std::vector<Param> pool = {ints("kernel_size", {2}, {2, 2}),
                             ints("stride", {2}, {2, 2}),
                             ints("padding", {2}, {0, 0})};
  w.node("", "sum", "SumPool2d", pool);
  w.node("", "avg", "AvgPool2d", pool);
  w.node("", "avg2", "AvgPool2d", pool);
  w.node("", "flat", "Flatten",
         {ints("start_dim", {}, {0}), ints("end_dim", {}, {-1}),
          ints("input_type", {3}, {2, 3, 3})});
  w.node("", "lif", "LIF", lif(18));
  w.node("", "conv2", "Conv2d",
         {arr("weight", {1, 2, 2, 2}, seq(8, 0.1, 0.1)), vec("bias", {0}),
          ints("stride", {2}, {2, 2}), ints("padding", {2}, {0, 0}),
          ints("dilation", {2}, {1, 1}), ints("groups", {}, {1})});
  w.node("", "lif2", "LIF", lif(9));
  w.node("", "o_sum", "Output", {ints("shape", {3}, {2, 3, 3})});
  w.node("", "o_avg", "Output", {ints("shape", {3}, {2, 3, 3})});
  w.node("", "o_lif", "Output", {ints("shape", {1}, {18})});
  w.node("", "o_lif2", "Output", {ints("shape", {1}, {9})});
  w.edges("", {{"in", "conv"},
               {"conv", "if"},
               {"if", "sum"},
               {"sum", "o_sum"},
               {"if", "avg"},
               {"avg", "o_avg"},
               {"if", "avg2"},
               {"avg2", "flat"},
               {"flat", "lif"},
               {"lif", "o_lif"},
               {"if", "conv2"},
               {"conv2", "lif2"},
               {"lif2", "o_lif2"}});
}

/// Conv2d -> IF, then SumPool2d and AvgPool2d into outputs, an AvgPool2d
/// flattened into a 1-D LIF, and a Conv2d straight into a 1-D LIF.
TEST_F(RoundTripTest, ConvolutionAndPooling) {
  writeConvolutionAndPooling(path());
  auto nodes = roundTrip(path());
  EXPECT_EQ(nodes["conv"], "Conv2d");
  EXPECT_EQ(nodes["if"], "IF");
  EXPECT_EQ(nodes["sum"], "SumPool2d");
  EXPECT_EQ(nodes["avg"], "AvgPool2d");
  EXPECT_EQ(nodes["avg2"], "AvgPool2d");
}

void writeConv1d(const std::string &file) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {2}, {2, 8})});
  w.node("", "c1", "Conv1d",
         {arr("weight", {3, 2, 3}, seq(18, -0.3, 0.04)),
          vec("bias", {0, 0.1, 0.2}), ints("stride", {}, {1}),
          ints("padding", {}, {1}), ints("dilation", {}, {1}),
          ints("groups", {}, {1})});
  w.node("", "lif", "LIF",
         {arr("tau", {3, 8}, std::vector<double>(24, 0.01)),
          arr("r", {3, 8}, std::vector<double>(24, 1)),
          arr("v_leak", {3, 8}, std::vector<double>(24, 0)),
          arr("v_threshold", {3, 8}, seq(24, 1, 0.01))});
  w.node("", "c2", "Conv1d",
         {arr("weight", {2, 3, 2}, seq(12, 0.2, -0.03)), vec("bias", {0, 0}),
          ints("stride", {}, {2}), ints("padding", {}, {0}),
          ints("dilation", {}, {1}), ints("groups", {}, {1})});
  w.node("", "if", "IF",
         {arr("r", {2, 4}, std::vector<double>(8, 1)),
          arr("v_threshold", {2, 4}, std::vector<double>(8, 1))});
  w.node("", "flat", "Flatten",
         {ints("start_dim", {}, {0}), ints("end_dim", {}, {1})});
  w.node("", "fc", "Linear", {arr("weight", {2, 8}, seq(16, 0, 0.1))});
  w.node("", "li", "LI",
         {vec("tau", {0.02, 0.02}), vec("r", {1, 1}), vec("v_leak", {0, 0})});
  w.node("", "out", "Output", {ints("shape", {2}, {2, 4})});
  w.node("", "out2", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"in", "c1"},
               {"c1", "lif"},
               {"lif", "c2"},
               {"c2", "if"},
               {"if", "out"},
               {"if", "flat"},
               {"flat", "fc"},
               {"fc", "li"},
               {"li", "out2"}});
}

/// Conv1d imports as a conv2d over a unit height; it exports as that
/// Conv2d, which imports to the same network.
TEST_F(RoundTripTest, Conv1d) {
  writeConv1d(path());
  auto nodes = roundTrip(path());
  EXPECT_EQ(nodes["c1"], "Conv2d");
  EXPECT_EQ(nodes["c2"], "Conv2d");
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  auto conv = first<snn::Conv2dOp>(*module);
  ASSERT_TRUE(conv);
  EXPECT_EQ(cast<snn::SignalType>(conv.getType()).getShape(),
            ArrayRef<int64_t>({3, 1, 8}));
}

void writeDelayAndScale(const std::string &file) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {1}, {2})});
  w.node("", "d_in", "Delay", {vec("delay", {0.001, 0.003})});
  w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0.5, 0, 1})});
  w.node("", "sc", "Scale", {vec("scale", {2, 0.5})});
  w.node("", "d_cur", "Delay", {vec("delay", {0.002, 0.002})});
  w.node("", "lif", "LIF", lif(2));
  w.node("", "out", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"in", "d_in"},
               {"d_in", "fc"},
               {"fc", "sc"},
               {"sc", "d_cur"},
               {"d_cur", "lif"},
               {"lif", "out"}});
}

/// Delay on spikes and on a current, Scale on a current.
TEST_F(RoundTripTest, DelayAndScale) {
  writeDelayAndScale(path());
  auto nodes = roundTrip(path());
  EXPECT_EQ(nodes["d_in"], "Delay");
  EXPECT_EQ(nodes["d_cur"], "Delay");
  EXPECT_EQ(nodes["sc"], "Scale");
}

void writeNestedGraph(const std::string &file) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {1}, {2})});
  w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
  w.subgraph("", "layer");
  w.node("layer", "input", "Input", {ints("shape", {1}, {2})});
  w.node("layer", "lif", "LIF", lif(2));
  w.node("layer", "w_rec", "Affine",
         {arr("weight", {2, 2}, {0, 0.5, 0.5, 0}), vec("bias", {0, 0})});
  w.node("layer", "output", "Output", {ints("shape", {1}, {2})});
  w.edges("layer", {{"input", "lif"},
                    {"lif", "w_rec"},
                    {"w_rec", "lif"},
                    {"lif", "output"}});
  w.node("", "out", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"in", "fc"}, {"fc", "layer"}, {"layer", "out"}});
}

/// A nested NIRGraph flattens on import; it exports as one flat graph whose
/// node names keep the path, and imports back to the same network.
TEST_F(RoundTripTest, NestedGraph) {
  writeNestedGraph(path());
  auto nodes = roundTrip(path());
  EXPECT_EQ(nodes["layer.lif"], "LIF");
  EXPECT_EQ(nodes["layer.w_rec"], "Affine");
}

void writeFlattenOfSpikesAndOfCurrents(const std::string &file) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {3}, {2, 2, 2})});
  w.node("", "flat", "Flatten",
         {ints("start_dim", {}, {0}), ints("end_dim", {}, {-1}),
          ints("input_type", {3}, {2, 2, 2})});
  w.node("", "fc", "Linear", {arr("weight", {1, 8}, seq(8, 0.1, 0.1))});
  w.node("", "lif", "LIF", lif(1));
  w.node("", "conv", "Conv2d",
         {arr("weight", {1, 2, 1, 1}, {1, -1}), vec("bias", {0}),
          ints("stride", {2}, {1, 1}), ints("padding", {2}, {0, 0}),
          ints("dilation", {2}, {1, 1}), ints("groups", {}, {1})});
  w.node("", "flat2", "Flatten",
         {ints("start_dim", {}, {0}), ints("end_dim", {}, {-1})});
  w.node("", "lif4", "LIF", lif(4));
  w.node("", "out", "Output", {ints("shape", {1}, {1})});
  w.node("", "out4", "Output", {ints("shape", {1}, {4})});
  w.edges("", {{"in", "flat"},
               {"flat", "fc"},
               {"fc", "lif"},
               {"lif", "out"},
               {"in", "conv"},
               {"conv", "flat2"},
               {"flat2", "lif4"},
               {"lif4", "out4"}});
}

/// Flatten of spikes feeding a Linear, and an explicit Flatten of a current
/// feeding a 1-D population.
TEST_F(RoundTripTest, FlattenOfSpikesAndOfCurrents) {
  writeFlattenOfSpikesAndOfCurrents(path());
  auto nodes = roundTrip(path());
  EXPECT_EQ(nodes["flat"], "Flatten");
  EXPECT_EQ(nodes["flat2"], "Flatten");
}

/// The fixtures above hold every NIR node type snnc reads, each of them
/// passing through the round trip.
TEST_F(RoundTripTest, FixturesCoverEveryNodeType) {
  using Writer = void (*)(const std::string &);
  const std::pair<const char *, Writer> fixtures[] = {
      {"dense",
       [](const std::string &f) {
         writeDense(f, {2, 2});
       }},
      {"readouts", writeReadoutsThresholdAndSeveralPorts},
      {"cubali", writeCubaLI},
      {"conv", writeConvolutionAndPooling},
      {"conv1d", writeConv1d},
      {"delay", writeDelayAndScale},
      {"nested", writeNestedGraph},
      {"flatten", writeFlattenOfSpikesAndOfCurrents}};
  std::set<std::string> written;
  for (const auto &[stem, write] : fixtures) {
    write(path(stem));
    for (const auto &[name, type] : NirReader(path(stem)).nodeTypes())
      written.insert(type);
    SCOPED_TRACE(stem);
    roundTrip(path(stem));
  }
  EXPECT_EQ(written,
            (std::set<std::string>{
                "NIRGraph", "Input", "Output", "Affine", "Linear", "Conv1d",
                "Conv2d", "SumPool2d", "AvgPool2d", "Flatten", "Delay", "Scale",
                "Threshold", "I", "IF", "LI", "LIF", "CubaLI", "CubaLIF"}));
}

/// The published sample files (../shared/nir), where present.
TEST_F(RoundTripTest, SampleFiles) {
  const char *samples[] = {"two_lif_neurons.nir", "lif_rockpool.nir",
                           "cnn_sinabs.nir", "braille_noDelay_bias_zero.nir",
                           "braille_noDelay_bias_zero_subgraph_repaired.nir"};
  if (!std::ifstream(std::string(SNNC_NIR_SAMPLES) + "/two_lif_neurons.nir"))
    GTEST_SKIP() << "the sample NIR files (../shared/nir) are not beside the "
                    "repository";
  for (const char *sample : samples) {
    SCOPED_TRACE(sample);
    roundTrip(std::string(SNNC_NIR_SAMPLES) + "/" + sample);
  }
}

} // namespace
