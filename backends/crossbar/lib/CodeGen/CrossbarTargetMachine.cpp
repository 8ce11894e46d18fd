//===- CrossbarTargetMachine.cpp - The crossbar's half of the compiler ----===//
//
// Registers the RRAM crossbar target with the compiler: its passes after
// the shared stages (slices into tile peripheries, placement on the tile
// mesh, projections to programmed tiles), its report of tiles, cells,
// ADCs, programming cost and weight error, and its image.
//
//===----------------------------------------------------------------------===//

#include "CrossbarModel.h"
#include "CrossbarReport.h"
#include "EmitImage.h"
#include "XbarNetwork.h"

#include "snnc/Target/TargetMachine.h"
#include "snnc/crossbar/Dialect/XbarDialect.h"
#include "snnc/crossbar/ImageSections.h"
#include "snnc/crossbar/Passes.h"

#include <algorithm>

using namespace mlir;

namespace snnc::crossbar {
namespace {

class CrossbarTargetMachine : public TargetMachine {
public:
  std::string name() const override { return kTargetName; }
  std::string summary() const override {
    return "RRAM crossbar in-memory-computing chip";
  }
  void registerPasses() const override { registerCrossbarPasses(); }
  void registerDialects(DialectRegistry &registry) const override {
    registry.insert<XbarDialect>();
  }

  std::string checkTargetConfig(const nlohmann::json &overrides,
                                std::string &field) const override {
    image::Expected<DeviceModel> model = readDeviceModel(
        nlohmann::json::parse(defaultTargetModelText()), overrides, &field);
    if (!model)
      return model.error().message();
    return checkMappingLimits(*model, field);
  }

  TargetCapacity capacity(const nlohmann::json &overrides) const override {
    image::Expected<DeviceModel> model = readDeviceModel(
        nlohmann::json::parse(defaultTargetModelText()),
        overrides.is_object() ? overrides : nlohmann::json::object());
    if (!model)
      return {};
    // A tile's periphery holds min(tile_cols, neurons_per_tile) neurons;
    // synapses are bounded by the arrays only when no readout sits in the
    // peripheries' digital memory.
    uint64_t perTile = std::min(model->tileCols, model->neuronsPerTile);
    TargetCapacity c;
    c.neurons = uint64_t(model->tilesPerChip) * perTile;
    c.neuronsBasis = std::to_string(model->tilesPerChip) + " tiles x " +
                     std::to_string(perTile) + " neurons per tile";
    if (!model->digitalReadout) {
      c.synapses =
          uint64_t(model->tilesPerChip) * model->tileRows * model->tileCols;
      c.synapsesBasis = std::to_string(model->tilesPerChip) + " tiles of " +
                        std::to_string(model->tileRows) + " x " +
                        std::to_string(model->tileCols) + " cells";
    }
    return c;
  }

  void addLoweringPasses(OpPassManager &pm) const override {
    pm.addPass(createXbarPartition());
    pm.addPass(createXbarPlace());
    pm.addPass(createXbarMapTiles());
  }

  nlohmann::json report(ModuleOp, snn::NetworkOp network) const override {
    ChipOp chip = chipOf(network);
    FailureOr<snn::TargetAttr> target = crossbarTargetOf(network);
    if (!chip || failed(target))
      return nlohmann::json::object();
    FailureOr<const DeviceModel *> model = crossbarModel(*target, network);
    if (failed(model))
      return nlohmann::json::object();
    return crossbarReport(chip, **model);
  }

  void printReport(const nlohmann::json &report,
                   llvm::raw_ostream &out) const override {
    printCrossbarReport(report, out);
  }

  FailureOr<image::Image>
  buildImage(ModuleOp, snn::NetworkOp network,
             const nlohmann::json &report) const override {
    return buildCrossbarImage(network, report);
  }
};

} // namespace
} // namespace snnc::crossbar

extern "C" void snncInitializecrossbarTarget() {
  snnc::crossbar::registerImageSections();
  snnc::registerTargetMachine(
      std::make_unique<snnc::crossbar::CrossbarTargetMachine>());
}
