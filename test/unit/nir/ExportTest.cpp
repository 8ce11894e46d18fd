//===- ExportTest.cpp - What NIR export writes, materialises and refuses --===//

#include "ImportFixture.h"
#include "NirReader.h"

#include "snnc/Export/NIR.h"

#include "snnc/Support/Reservoir.h"

#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"

#include <fstream>

using namespace nirtest;
using namespace mlir;

namespace {

class ExportTest : public ImportTest {
protected:
  OwningOpRef<ModuleOp> parse(const std::string &text) {
    context.getOrLoadDialect<snn::SnnDialect>();
    errors.clear();
    return parseSourceString<ModuleOp>(text, &context);
  }
  /// Exports `text` to path(stem); returns whether it succeeded.
  bool exportText(const std::string &text, bool materialize = false,
                  const std::string &stem = "out") {
    auto module = parse(text);
    EXPECT_TRUE(module) << errors;
    if (!module)
      return false;
    snnc::NIRExportOptions options;
    options.materialize = materialize;
    return succeeded(snnc::exportNIRFile(*module, path(stem), options));
  }
  static bool exists(const std::string &file) {
    return llvm::sys::fs::exists(file);
  }
  /// Files in the test's temporary directory whose name starts with
  /// `prefix` (a leftover temporary would show up here).
  static int filesStartingWith(const std::string &prefix) {
    std::error_code ec;
    int n = 0;
    for (llvm::sys::fs::directory_iterator it(::testing::TempDir(), ec), end;
         it != end && !ec; it.increment(ec))
      if (llvm::StringRef(it->path()).contains(prefix))
        ++n;
    return n;
  }
};

const char *kReservoir = R"mlir(
snn.network @res(%in: !snn.spikes<4>) -> !snn.spikes<40> {
  %drive = snn.linear %in weight(dense<0.5> : tensor<40x4xf32>)
      : !snn.spikes<4> -> !snn.current<40>
  %pop = snn.reservoir %drive {size = 40, excitatory_fraction = 0.8,
      connectivity = #snn.fixed_probability<0.2>,
      w_ee = #snn.dist<normal(3.0, 1.0)>, w_ei = #snn.dist<normal(6.0, 1.5)>,
      w_ie = #snn.dist<constant(9.0)>, w_ii = #snn.dist<uniform(1.0, 2.0)>,
      seed = 7, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0
      DELAY} : (!snn.current<40>) -> !snn.spikes<40> loc("liquid")
  snn.output %pop : !snn.spikes<40>
}
)mlir";

std::string reservoir(const std::string &delay = "") {
  std::string text = kReservoir;
  text.replace(text.find("DELAY"), 5, delay);
  return text;
}

TEST_F(ExportTest, ReservoirIsRefusedWithoutMaterialize) {
  EXPECT_FALSE(exportText(reservoir()));
  EXPECT_NE(errors.find("@liquid: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("procedural reservoir"), std::string::npos) << errors;
  EXPECT_NE(errors.find("--materialize"), std::string::npos) << errors;
  EXPECT_FALSE(exists(path("out")));
}

TEST_F(ExportTest, ReservoirMaterializesAsLIFAndDenseRecurrentLinear) {
  ASSERT_TRUE(exportText(reservoir(), true)) << errors;
  NirReader file(path("out"));
  auto types = file.nodeTypes();
  EXPECT_EQ(types["liquid"], "LIF");
  EXPECT_EQ(types["liquid.recurrent"], "Linear");
  auto edges = file.edges();
  auto has = [&](const char *from, const char *to) {
    return std::find(edges.begin(), edges.end(),
                     std::make_pair(std::string(from), std::string(to))) !=
           edges.end();
  };
  EXPECT_TRUE(has("liquid", "liquid.recurrent"));
  EXPECT_TRUE(has("liquid.recurrent", "liquid"));
  // The dense weight is the expander's rows, transposed to (post, pre).
  auto module = parse(reservoir());
  ASSERT_TRUE(module);
  snn::reservoir::Expander expander(first<snn::ReservoirOp>(*module).getSpec());
  Stored weight = file.read("/node/nodes/liquid.recurrent/weight");
  ASSERT_EQ(weight.dims, (std::vector<hsize_t>{40, 40}));
  std::vector<snn::reservoir::Synapse> row;
  size_t synapses = 0;
  for (int64_t pre = 0; pre < 40; ++pre) {
    expander.expandRow(pre, row);
    synapses += row.size();
    for (const auto &s : row)
      EXPECT_EQ(weight.values[s.target * 40 + pre], s.weight);
  }
  size_t nonzero = std::count_if(weight.values.begin(), weight.values.end(),
                                 [](double w) { return w != 0.0; });
  EXPECT_EQ(nonzero, synapses);
  EXPECT_GT(synapses, 0u);
  // snnc imports it back as a LIF reading its input and itself.
  auto back = import(path("out"));
  ASSERT_TRUE(back) << errors;
  auto lif = first<snn::LIFOp>(*back);
  ASSERT_TRUE(lif);
  EXPECT_EQ(lif.getInputs().size(), 2u);
}

TEST_F(ExportTest, ReservoirDelayBecomesADelayNode) {
  ASSERT_TRUE(exportText(reservoir(", delay = 0.002"), true)) << errors;
  NirReader file(path("out"));
  EXPECT_EQ(file.nodeTypes()["liquid.delay"], "Delay");
  Stored delay = file.read("/node/nodes/liquid.delay/delay");
  ASSERT_EQ(delay.values.size(), 40u);
  EXPECT_DOUBLE_EQ(delay.values[0], 0.002);
}

TEST_F(ExportTest, MaterializingAboveTheBoundIsRefused) {
  std::string text = reservoir();
  for (const char *from : {"40>", "40x4", "size = 40"}) {
    std::string f = from, t = f;
    t.replace(t.find("40"), 2, "5000");
    for (size_t at = text.find(f); at != std::string::npos;
         at = text.find(f, at + t.size()))
      text.replace(at, f.size(), t);
  }
  EXPECT_FALSE(exportText(text, true));
  EXPECT_NE(errors.find("5000 x 5000"), std::string::npos) << errors;
  EXPECT_NE(errors.find("16777216"), std::string::npos) << errors;
  EXPECT_FALSE(exists(path("out")));
}

const char *kSparse = R"mlir(
snn.network @sp(%in: !snn.spikes<3>) -> !snn.spikes<2> {
  %c = snn.sparse %in rows(dense<[0, 2, 3, 4]> : tensor<4xi64>)
      cols(dense<[0, 1, 1, 1]> : tensor<4xi32>)
      values(dense<[0.5, -1.0, 0.25, 1.0]> : tensor<4xf32>) DELAYS
      : !snn.spikes<3> -> !snn.current<2> loc("syn")
  %s = snn.lif %c {tau_mem = 0.01, r = 1.0, v_leak = 0.0, v_threshold = 1.0}
      : (!snn.current<2>) -> !snn.spikes<2> loc("pop")
  snn.output %s : !snn.spikes<2>
}
)mlir";

std::string sparse(const std::string &delays) {
  std::string text = kSparse;
  text.replace(text.find("DELAYS"), 6, delays);
  return text;
}

TEST_F(ExportTest, SparseBecomesDenseLinear) {
  ASSERT_TRUE(exportText(sparse(""))) << errors;
  NirReader file(path("out"));
  EXPECT_EQ(file.nodeTypes()["syn"], "Linear");
  Stored weight = file.read("/node/nodes/syn/weight");
  ASSERT_EQ(weight.dims, (std::vector<hsize_t>{2, 3}));
  // (post, pre): row 0 of the CSR (pre 0) reaches posts 0 and 1.
  EXPECT_EQ(weight.values, (std::vector<double>{0.5, 0, 0, -1.0, 0.25, 1.0}));
}

TEST_F(ExportTest, SparseDelaysPerPresynapticNeuron) {
  ASSERT_TRUE(exportText(
      sparse("delays(dense<[0.001, 0.001, 0.002, 0.0]> : tensor<4xf32>)")))
      << errors;
  NirReader file(path("out"));
  auto types = file.nodeTypes();
  EXPECT_EQ(types["syn.delay"], "Delay");
  Stored delay = file.read("/node/nodes/syn.delay/delay");
  ASSERT_EQ(delay.values.size(), 3u);
  EXPECT_FLOAT_EQ(delay.values[1], 0.002f);
  auto edges = file.edges();
  EXPECT_NE(
      std::find(edges.begin(), edges.end(),
                std::make_pair(std::string("syn.delay"), std::string("syn"))),
      edges.end());
}

TEST_F(ExportTest, SparseDelaysPerTarget) {
  // Synapses onto target 1 all wait 2 ms, those onto target 0 nothing.
  ASSERT_TRUE(exportText(
      sparse("delays(dense<[0.0, 0.002, 0.002, 0.002]> : tensor<4xf32>)")))
      << errors;
  NirReader file(path("out"));
  auto edges = file.edges();
  EXPECT_NE(
      std::find(edges.begin(), edges.end(),
                std::make_pair(std::string("syn"), std::string("syn.delay"))),
      edges.end());
  EXPECT_EQ(file.read("/node/nodes/syn.delay/delay").values.size(), 2u);
}

TEST_F(ExportTest, MixedSparseDelaysAreRefused) {
  EXPECT_FALSE(exportText(
      sparse("delays(dense<[0.001, 0.002, 0.003, 0.0]> : tensor<4xf32>)")));
  EXPECT_NE(errors.find("@syn: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("no NIR form"), std::string::npos) << errors;
}

TEST_F(ExportTest, DiscretizedNetworksAreRefused) {
  EXPECT_FALSE(exportText(R"mlir(
snn.network @d(%in: !snn.spikes<1>) -> !snn.spikes<1>
    attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>} {
  %c = snn.linear %in weight(dense<1.0> : tensor<1x1xf32>)
      : !snn.spikes<1> -> !snn.current<1>
  %s = snn.neuron %c {model = #snn.model<lif>, decay = 0.9, gain = 0.1,
      drive = 0.0, threshold = 1.0, reset = 0.0}
      : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %s : !snn.spikes<1>
})mlir"));
  EXPECT_NE(errors.find("before snn-discretize"), std::string::npos) << errors;
}

TEST_F(ExportTest, MultiDimensionalLinearResultIsRefused) {
  EXPECT_FALSE(exportText(R"mlir(
snn.network @m(%in: !snn.spikes<2>) -> !snn.spikes<2x2> {
  %c = snn.linear %in weight(dense<1.0> : tensor<4x2xf32>)
      : !snn.spikes<2> -> !snn.current<2x2>
  %s = snn.if %c {r = 1.0, v_threshold = 1.0}
      : (!snn.current<2x2>) -> !snn.spikes<2x2>
  snn.output %s : !snn.spikes<2x2>
})mlir"));
  EXPECT_NE(errors.find("1-D output"), std::string::npos) << errors;
}

const char *kPlain = R"mlir(
snn.network @plain(%a: !snn.spikes<2>, %b: !snn.spikes<2>) -> (!snn.spikes<2>, !snn.current<2>) {
  %ca = snn.linear %a weight(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>)
      : !snn.spikes<2> -> !snn.current<2>
  %cb = snn.linear %b weight(dense<0.5> : tensor<2x2xf32>)
      : !snn.spikes<2> -> !snn.current<2>
  %s = snn.lif %ca, %cb {tau_mem = 0.01, r = 1.0, v_leak = 0.0, v_threshold = 1.0}
      : (!snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  %r = snn.li %cb {tau_mem = 0.02, r = 1.0, v_leak = 0.0}
      : (!snn.current<2>) -> !snn.current<2>
  snn.output %s, %r : !snn.spikes<2>, !snn.current<2>
}
)mlir";

TEST_F(ExportTest, UnnamedOpsGetNamesFromTheGraphAlone) {
  ASSERT_TRUE(exportText(kPlain, false, "one")) << errors;
  // The same graph with its ops in another order gives the same names.
  std::string shuffled = kPlain;
  std::string li = shuffled.substr(shuffled.find("  %r = snn.li"));
  li = li.substr(0, li.find("  snn.output"));
  shuffled.erase(shuffled.find(li), li.size());
  shuffled.insert(shuffled.find("  %ca = "), li);
  ASSERT_TRUE(exportText(shuffled, false, "two")) << errors;
  auto one = NirReader(path("one")).nodeTypes();
  auto two = NirReader(path("two")).nodeTypes();
  EXPECT_EQ(one, two);
  EXPECT_EQ(one["input_0"], "Input");
  EXPECT_EQ(one["input_1"], "Input");
  EXPECT_EQ(one["output_1"], "Output");
  EXPECT_EQ(one.size(), 8u);
  // Operand order survives as edge order: lif reads %ca before %cb.
  auto back = import(path("one"));
  ASSERT_TRUE(back) << errors;
  auto lif = first<snn::LIFOp>(*back);
  ASSERT_TRUE(lif);
  auto firstInput = lif.getInputs()[0].getDefiningOp<snn::LinearOp>();
  ASSERT_TRUE(firstInput);
  EXPECT_EQ(firstInput.getInput(),
            first<snn::NetworkOp>(*back).getBody().front().getArgument(0));
}

TEST_F(ExportTest, ChainedReadoutsPairIntoOneCubaLI) {
  // Three snn.li in a chain: the first two form a CubaLI, the third reads it.
  ASSERT_TRUE(exportText(R"mlir(
snn.network @chain(%in: !snn.spikes<2>) -> !snn.current<2> {
  %c = snn.linear %in weight(dense<1.0> : tensor<2x2xf32>)
      : !snn.spikes<2> -> !snn.current<2>
  %a = snn.li %c {tau_mem = 0.005, r = 1.0, v_leak = 0.0}
      : (!snn.current<2>) -> !snn.current<2>
  %b = snn.li %a {tau_mem = 0.01, r = 1.0, v_leak = 0.0}
      : (!snn.current<2>) -> !snn.current<2>
  %d = snn.li %b {tau_mem = 0.02, r = 1.0, v_leak = 0.0}
      : (!snn.current<2>) -> !snn.current<2>
  snn.output %d : !snn.current<2>
})mlir"))
      << errors;
  auto types = NirReader(path("out")).nodeTypes();
  int cubaLI = 0, li = 0;
  for (const auto &[name, type] : types) {
    cubaLI += type == "CubaLI";
    li += type == "LI";
  }
  EXPECT_EQ(cubaLI, 1);
  EXPECT_EQ(li, 1);
  auto back = import(path("out"));
  ASSERT_TRUE(back) << errors;
  EXPECT_EQ(count<snn::LIOp>(*back), 3);
}

TEST_F(ExportTest, FailureLeavesTheOldFileAndNoTemporary) {
  { std::ofstream(path("out")) << "previous contents\n"; }
  EXPECT_FALSE(exportText(reservoir()));
  std::ifstream in(path("out"));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "previous contents");
  EXPECT_EQ(filesStartingWith("ExportTest_FailureLeaves"), 1);
  // A successful export replaces it, again without leftovers.
  ASSERT_TRUE(exportText(reservoir(), true)) << errors;
  EXPECT_TRUE(NirReader(path("out")).ok());
  EXPECT_EQ(filesStartingWith("ExportTest_FailureLeaves"), 1);
}

TEST_F(ExportTest, UnwritableDestinationIsAnError) {
  auto module = parse(kPlain);
  ASSERT_TRUE(module);
  EXPECT_TRUE(failed(snnc::exportNIRFile(*module, ::testing::TempDir() +
                                                      "/no/such/dir/x.nir")));
  EXPECT_NE(errors.find("cannot"), std::string::npos) << errors;
}

} // namespace
