//===- ToyTargetMachine.cpp - A target registered by a test only ----------===//
//
// The compile half of "toy", a target that exists only in this test: it
// proves that a target plugs into snnc through the registries alone. Toy
// runs in float on one unit per population; its image is the core sections
// every target shares (snnc/CodeGen/NetworkImage.h), one slice per input
// and population, and its own toy.dense.
//
//===----------------------------------------------------------------------===//

#include "ToySections.h"

#include "snnc/CodeGen/NetworkImage.h"
#include "snnc/Target/TargetMachine.h"

#include "snn/SnnOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace snnc;

namespace {

image::Slice wholeSlice(uint32_t unit, uint32_t size) {
  return {0, size, unit};
}

class ToyTargetMachine : public snnc::TargetMachine {
public:
  std::string name() const override { return "toy"; }
  std::string summary() const override {
    return "a test-only target: float LIF, one unit per population";
  }
  void addLoweringPasses(OpPassManager &) const override {}

  nlohmann::json report(ModuleOp, snn::NetworkOp network) const override {
    uint64_t populations = 0;
    network.walk([&](snn::DiscreteNeuronOp) { ++populations; });
    return {{"units", populations + network.getNumArguments()}};
  }
  void printReport(const nlohmann::json &report,
                   llvm::raw_ostream &out) const override {
    out << "toy: " << report.value("units", 0) << " units\n";
  }

  FailureOr<image::Image>
  buildImage(ModuleOp, snn::NetworkOp network,
             const nlohmann::json &report) const override {
    // Toy's engine reads dense matrices and nothing between them.
    for (snn::DiscreteNeuronOp op :
         network.getBody().getOps<snn::DiscreteNeuronOp>())
      for (Value input : op.getInputs())
        if (!input.getDefiningOp<snn::LinearOp>())
          return op.emitOpError("toy takes dense snn.linear inputs only");
    DiscreteNetwork net;
    image::Image out;
    if (failed(buildDiscreteNetwork(network, "toy", net)) ||
        failed(fillCoreSections(net, "toy", out)))
      return failure();
    out.snncVersion = "toy";
    out.targetName = "toy";
    out.report = report;
    uint32_t unit = 0;
    for (image::InputPort &port : out.inputs)
      port.slices = {wholeSlice(unit++, port.size)};
    for (image::Population &pop : out.populations)
      pop.slices = {wholeSlice(unit++, pop.size)};
    auto &dense = out.sections.emplace<toy::DenseSection>(toy::kDenseSection);
    for (const NetworkProjection &projection : net.projections) {
      const ProjectionRows &rows = *projection.rows;
      toy::DenseMatrix matrix{rows.numSources(), rows.numTargets(), {}};
      // snn.linear stores [target][source]; toy's rows are sources.
      ArrayRef<float> w = rows.storedWeights();
      for (uint32_t pre = 0; pre < matrix.rows; ++pre)
        for (uint32_t post = 0; post < matrix.cols; ++post)
          matrix.weight.push_back(w[size_t(post) * matrix.rows + pre]);
      dense.matrices.push_back(std::move(matrix));
    }
    out.placement = {1, unit, {}};
    for (uint32_t s = 0; s < unit; ++s)
      out.placement.sliceOfPe.push_back(s);
    out.layout = image::rowLayout(1, unit);
    return out;
  }
};

} // namespace

extern "C" void snncInitializetoyTarget() {
  snnc::toy::registerToySections();
  snnc::registerTargetMachine(std::make_unique<ToyTargetMachine>());
}
