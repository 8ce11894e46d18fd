//===- CrossbarModel.cpp - The crossbar model of a module, parsed once ----===//

#include "CrossbarModel.h"

#include "snnc/CodeGen/NetworkGraph.h"
#include "snnc/Target/ModuleTarget.h"
#include "snnc/crossbar/ImageSections.h"

#include "mlir/IR/BuiltinOps.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

using namespace mlir;

namespace snnc::crossbar {

FailureOr<snn::TargetAttr> crossbarTargetOf(Operation *op) {
  return moduleTargetFor(op, kTargetName);
}

std::string checkMappingLimits(const DeviceModel &model, std::string &field) {
  // The mapping library numbers a chip's nodes in 16 bits and its grid
  // columns in 15; a chip beyond that is refused here, not truncated.
  if (model.tilesPerChip > 65535) {
    field = "tiles_per_chip";
    return "target model: field 'tiles_per_chip' must be at most 65535; it "
           "is " +
           std::to_string(model.tilesPerChip);
  }
  if (model.meshCols > 32767) {
    field = "mesh_cols";
    return "target model: field 'mesh_cols' must be at most 32767; it is " +
           std::to_string(model.meshCols);
  }
  return "";
}

FailureOr<const DeviceModel *> crossbarModel(snn::TargetAttr target,
                                             Operation *op) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<DeviceModel>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  std::string key = target.getOverrides().str();
  if (auto it = cache.find(key); it != cache.end())
    return it->second.get();
  FailureOr<nlohmann::json> overrides = targetOverrides(target, op);
  if (failed(overrides))
    return failure();
  nlohmann::json base = nlohmann::json::parse(defaultTargetModelText());
  image::Expected<DeviceModel> model = readDeviceModel(base, *overrides);
  if (!model)
    return op->emitError(model.error().message());
  if (std::string field, why = checkMappingLimits(*model, field); !why.empty())
    return op->emitError(why);
  auto owned = std::make_unique<DeviceModel>(model.value());
  return (cache[key] = std::move(owned)).get();
}

FailureOr<nlohmann::json> resolvedModelJson(snn::TargetAttr target,
                                            Operation *op) {
  FailureOr<nlohmann::json> overrides = targetOverrides(target, op);
  if (failed(overrides))
    return failure();
  return withOverrides(nlohmann::json::parse(defaultTargetModelText()),
                       *overrides);
}

mapping::TargetModel mappingMachine(const DeviceModel &model) {
  mapping::TargetModel machine;
  machine.name = kTargetName;
  machine.pesPerChip = model.tilesPerChip;
  machine.pesPerQpe = 1;
  machine.qpesPerChip = model.tilesPerChip;
  int32_t cols = int32_t(model.meshCols);
  int32_t rows = int32_t((model.tilesPerChip + cols - 1) / cols);
  machine.qpeGrid = {cols, rows};
  // The last row may be short: its empty sites are holes (1-based).
  for (int64_t site = model.tilesPerChip; site < int64_t(cols) * rows; ++site)
    machine.qpeGridHoles.push_back(
        {int32_t(site % cols) + 1, int32_t(site / cols) + 1});
  machine.clockHz = model.clockHz;
  machine.maxNeuronsPerPe = std::min(model.tileCols, model.neuronsPerTile);
  machine.chipsPerBoard = 1;
  machine.boardChipCoordinates = {{0, 0}};
  machine.linksPerChip = 0;
  machine.maxBoards = 1;
  machine.boardOrigins = {{0, 0}};
  return machine;
}

CrossbarResourceModel::CrossbarResourceModel(const DeviceModel &model) {
  limitList = {
      {"neurons_per_tile", "neurons",
       double(std::min(model.tileCols, model.neuronsPerTile))},
      {"tile_rows", "rows", double(model.tileRows)},
  };
}

std::vector<mapping::ResourceCost>
CrossbarResourceModel::costsFor(const mapping::Population &population,
                                const mapping::PopulationContext &) const {
  mapping::ResourceCost one;
  one.perNeuron = 1;
  if (population.modelKind == kInputPortModelKind)
    return {mapping::ResourceCost{}, one};
  return {one, mapping::ResourceCost{}};
}

} // namespace snnc::crossbar
