//===- SfqTargetMachine.cpp - The SFQ target's half of the compiler -------===//
//
// Registers the SFQ target with the compiler: the sfq dialect, its
// conversion after the shared stages, its report (junctions, bias, area,
// timing) and its image.
//
//===----------------------------------------------------------------------===//

#include "EmitImage.h"
#include "EmitVerilog.h"
#include "SfqReport.h"

#include "snnc/Target/TargetMachine.h"
#include "snnc/sfq/Dialect/NetlistConversion.h"
#include "snnc/sfq/Dialect/SfqDialect.h"
#include "snnc/sfq/Dialect/SfqTestPasses.h"
#include "snnc/sfq/ImageSections.h"
#include "snnc/sfq/Passes.h"

using namespace mlir;

namespace snnc::sfq {
namespace {

class SfqTargetMachine : public TargetMachine {
public:
  std::string name() const override { return kTargetName; }
  std::string summary() const override {
    return "superconducting SFQ pulse circuit (stochastic synapses, "
           "fluxon-counting neurons)";
  }
  void registerPasses() const override {
    registerSfqPasses();
    registerSfqTestPasses();
  }
  void registerDialects(DialectRegistry &registry) const override {
    registry.insert<SfqDialect>();
  }

  std::string checkTargetConfig(const nlohmann::json &overrides,
                                std::string &field) const override {
    image::Expected<TargetModel> model = readTargetModel(
        nlohmann::json::parse(defaultTargetModelText()), overrides, &field);
    if (!model)
      return model.error().message();
    if (image::Expected<CellLibrary> library =
            loadCellLibrary(model->cellLibrary);
        !library) {
      field = "cell_library";
      return library.error().message();
    }
    return "";
  }

  /// Every neuron and every synapse is at least one cell.
  TargetCapacity capacity(const nlohmann::json &overrides) const override {
    image::Expected<TargetModel> model = readTargetModel(
        nlohmann::json::parse(defaultTargetModelText()),
        overrides.is_object() ? overrides : nlohmann::json::object());
    if (!model)
      return {};
    TargetCapacity c;
    c.neurons = model->maxCells;
    c.neuronsBasis = std::to_string(model->maxCells) + " cells (max_cells)";
    c.synapses = model->maxCells;
    c.synapsesBasis = c.neuronsBasis;
    return c;
  }

  void addLoweringPasses(OpPassManager &pm) const override {
    pm.addPass(createConvertSnnToSfq());
  }

  nlohmann::json report(ModuleOp, snn::NetworkOp network) const override {
    CircuitOp circuit = circuitOf(network);
    FailureOr<const SfqModel *> model = sfqModelOf(network);
    if (!circuit || failed(model))
      return nlohmann::json::object();
    nlohmann::json report = sfqReport(circuit, **model);
    return report.is_object() ? report : nlohmann::json::object();
  }

  void printReport(const nlohmann::json &report,
                   llvm::raw_ostream &out) const override {
    printSfqReport(report, out);
  }

  FailureOr<image::Image>
  buildImage(ModuleOp, snn::NetworkOp network,
             const nlohmann::json &report) const override {
    return buildSfqImage(network, report);
  }

  /// The circuit as the rtl engine verilates it: structural SystemVerilog
  /// over the hw/sfq cell models, with the library's delays and windows.
  FailureOr<std::string> emitVerilog(ModuleOp,
                                     snn::NetworkOp network) const override {
    FailureOr<const SfqModel *> model = sfqModelOf(network);
    CircuitOp circuit = circuitOf(network);
    if (failed(model) || !circuit)
      return failure();
    FailureOr<Netlist> netlist = buildNetlist(circuit);
    if (failed(netlist))
      return failure();
    TimingTable timing = (*model)->library.timing();
    if (std::string why = rtl::checkEmittable(*netlist, timing); !why.empty())
      return circuit.emitError("has no Verilog form: ") << why;
    return rtl::emitVerilog(*netlist, timing, circuit.getSymName().str());
  }
};

} // namespace
} // namespace snnc::sfq

extern "C" void snncInitializesfqTarget() {
  snnc::sfq::registerImageSections();
  snnc::registerTargetMachine(std::make_unique<snnc::sfq::SfqTargetMachine>());
}
