//===- TargetModelCache.cpp - The spinnaker2 model, parsed once -----------===//

#include "TargetModelCache.h"

#include "snnc/Target/ModuleTarget.h"
#include "snnc/mapping/MappingError.h"
#include "snnc/spinnaker2/TargetData.h"

#include "mlir/IR/BuiltinOps.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>

using namespace mlir;

namespace snnc {

FailureOr<snn::TargetAttr> spinnaker2TargetOf(Operation *op) {
  return moduleTargetFor(op, "spinnaker2");
}

FailureOr<const mapping::TargetModel *> spinnaker2Model(snn::TargetAttr target,
                                                        Operation *op) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<mapping::TargetModel>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  std::string overrides = target.getOverrides().str();
  auto it = cache.find(overrides);
  if (it != cache.end())
    return it->second.get();
  try {
    nlohmann::json layout = nlohmann::json::parse(spinnaker2::layoutJson());
    nlohmann::json base = nlohmann::json::parse(spinnaker2::targetJson());
    nlohmann::json parsed;
    if (!overrides.empty())
      parsed = nlohmann::json::parse(overrides);
    auto model =
        std::make_unique<mapping::TargetModel>(mapping::targetModelFromJson(
            layout, base, overrides.empty() ? nullptr : &parsed, "spinnaker2"));
    return (cache[overrides] = std::move(model)).get();
  } catch (const nlohmann::json::exception &e) {
    return op->emitError("target overrides are not valid JSON: ") << e.what();
  } catch (const mapping::MappingError &e) {
    return op->emitError(e.what());
  }
}

} // namespace snnc
