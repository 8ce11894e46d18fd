//===- SfqModel.cpp - The SFQ model of a module, read once ----------------===//

#include "SfqModel.h"

#include "snnc/Target/ModuleTarget.h"
#include "snnc/sfq/ImageSections.h"

#include "mlir/IR/BuiltinOps.h"

#include <map>
#include <memory>
#include <mutex>

using namespace mlir;

namespace snnc::sfq {

FailureOr<const SfqModel *> sfqModelOf(Operation *op) {
  FailureOr<snn::TargetAttr> target = moduleTargetFor(op, kTargetName);
  if (failed(target))
    return failure();
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<SfqModel>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  std::string key = target->getOverrides().str();
  if (auto it = cache.find(key); it != cache.end())
    return it->second.get();
  FailureOr<nlohmann::json> overrides = targetOverrides(*target, op);
  if (failed(overrides))
    return failure();
  nlohmann::json base = nlohmann::json::parse(defaultTargetModelText());
  image::Expected<TargetModel> model = readTargetModel(base, *overrides);
  if (!model)
    return op->emitError(model.error().message());
  image::Expected<CellLibrary> library = loadCellLibrary(model->cellLibrary);
  if (!library)
    return op->emitError(library.error().message());
  auto owned = std::make_unique<SfqModel>(
      SfqModel{*model, std::move(*library), withOverrides(base, *overrides)});
  return (cache[key] = std::move(owned)).get();
}

std::string circuitName(snn::NetworkOp network) {
  return (network.getSymName() + "_sfq").str();
}

CircuitOp circuitOf(snn::NetworkOp network) {
  auto module = network->getParentOfType<ModuleOp>();
  if (!module)
    return {};
  std::string name = circuitName(network);
  for (CircuitOp circuit : module.getOps<CircuitOp>())
    if (circuit.getSymName() == name)
      return circuit;
  return {};
}

double defaultBiasWattsPerNa() {
  nlohmann::json energy = nlohmann::json::parse(defaultEnergyModelText());
  return energy["static_w"]["bias_na"]["value"].get<double>();
}

} // namespace snnc::sfq
