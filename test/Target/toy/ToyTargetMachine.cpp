//===- ToyTargetMachine.cpp - A target registered by a test only ----------===//
//
// The compile half of "toy", a target that exists only in this test: it
// proves that a target plugs into snnc through the registries alone. Toy
// runs in float on one unit per population; its image is built here from
// the discretized network (neurons and dense projections), with nothing
// from any other target: the core sections plus its own toy.dense.
//
//===----------------------------------------------------------------------===//

#include "ToySections.h"

#include "snnc/Target/TargetMachine.h"

#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"
#include "snn/SnnOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace snnc;

namespace {

std::vector<uint32_t> shapeOf(Type type) {
  auto shape = cast<snn::SignalType>(type).getShape();
  return {shape.begin(), shape.end()};
}

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
    image::Image out;
    out.snncVersion = "toy";
    out.network = network.getSymName().str();
    out.targetName = "toy";
    out.report = report;
    auto time = network->getAttrOfType<snn::TimeAttr>("snn.time");
    out.dt = time.getDt().convertToDouble();
    auto &dense = out.sections.emplace<toy::DenseSection>(toy::kDenseSection);
    uint32_t unit = 0;
    for (auto [i, type] : llvm::enumerate(network.getArgumentTypes())) {
      image::InputPort port;
      port.index = i;
      port.name = "in" + std::to_string(i);
      port.shape = shapeOf(type);
      port.size = cast<snn::SignalType>(type).getNumElements();
      port.slices = {wholeSlice(unit++, port.size)};
      out.inputs.push_back(std::move(port));
    }
    llvm::DenseMap<Operation *, uint32_t> populationOf;
    for (snn::DiscreteNeuronOp op :
         network.getBody().getOps<snn::DiscreteNeuronOp>()) {
      image::Population pop;
      pop.name = "pop" + std::to_string(out.populations.size());
      pop.shape = shapeOf(op.getType());
      pop.size = op.getNumNeurons();
      pop.spiking = isa<snn::SpikesType>(op.getType());
      pop.model = image::NeuronModel::Lif;
      snn::Param decay(op.getDecay(), 0), gain(op.getGain(), 0),
          drive(op.getDrive(), 0), threshold(op.getThresholdAttr(), 0),
          reset(op.getResetAttr(), 0);
      for (uint32_t j = 0; j < pop.size; ++j) {
        image::FloatNeuron f;
        f.decay = decay[j];
        f.gain = gain[j];
        f.drive = drive[j];
        f.threshold = threshold[j];
        f.reset = reset[j];
        pop.floatParams.push_back(f);
      }
      pop.slices = {wholeSlice(unit++, pop.size)};
      populationOf[op] = out.populations.size();
      out.populations.push_back(std::move(pop));
    }
    for (snn::DiscreteNeuronOp op :
         network.getBody().getOps<snn::DiscreteNeuronOp>()) {
      for (Value input : op.getInputs()) {
        auto linear = input.getDefiningOp<snn::LinearOp>();
        if (!linear)
          return op.emitOpError("toy takes dense snn.linear inputs only");
        FailureOr<std::vector<float>> w = snn::readF32(
            linear.getWeight(), [&] { return linear.emitOpError(); });
        if (failed(w))
          return failure();
        image::Projection p;
        p.name = "proj" + std::to_string(out.projections.size());
        p.kind = image::ProjectionKind::Linear;
        p.target = populationOf[op];
        Value source = linear.getInput();
        uint32_t rows =
            cast<snn::SignalType>(source.getType()).getNumElements();
        if (auto arg = dyn_cast<BlockArgument>(source))
          p.source = {image::SourceKind::Input, arg.getArgNumber()};
        else
          p.source = {image::SourceKind::Population,
                      populationOf[source.getDefiningOp()]};
        uint32_t cols = out.populations[p.target].size;
        toy::DenseMatrix matrix{rows, cols, {}};
        image::StoredSynapses &s = p.stored;
        s.rowPtr.push_back(0);
        for (uint32_t pre = 0; pre < rows; ++pre) {
          for (uint32_t post = 0; post < cols; ++post)
            if (float v = (*w)[post * rows + pre]; v != 0) {
              s.target.push_back(post);
              s.weight.push_back(v);
              s.delay.push_back(1);
            }
          s.rowPtr.push_back(s.target.size());
          for (uint32_t post = 0; post < cols; ++post)
            matrix.weight.push_back((*w)[post * rows + pre]);
        }
        out.projections.push_back(std::move(p));
        dense.matrices.push_back(std::move(matrix));
      }
    }
    auto output = network.getOutputOp();
    for (auto [i, value] : llvm::enumerate(output.getOutputs()))
      out.outputs.push_back({uint32_t(i), populationOf[value.getDefiningOp()],
                             isa<snn::SpikesType>(value.getType())
                                 ? image::OutputKind::Spikes
                                 : image::OutputKind::Current});
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
