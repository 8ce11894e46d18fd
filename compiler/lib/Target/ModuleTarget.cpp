//===- ModuleTarget.cpp - A module's #snn.target, for a target's passes ---===//

#include "snnc/Target/ModuleTarget.h"
#include "snnc/Support/Json.h"

#include "mlir/IR/BuiltinOps.h"

using namespace mlir;

namespace snnc {

FailureOr<snn::TargetAttr> moduleTargetFor(Operation *op,
                                           StringRef targetName) {
  auto module =
      isa<ModuleOp>(op) ? cast<ModuleOp>(op) : op->getParentOfType<ModuleOp>();
  auto target =
      module ? module->getAttrOfType<snn::TargetAttr>(snn::kTargetAttrName)
             : snn::TargetAttr();
  if (!target)
    return op->emitError("the module names no target; run snn-target "
                         "first (snnc compile does)");
  if (target.getName() != targetName)
    return op->emitError("the module is compiled for target '")
           << target.getName() << "', not " << targetName;
  return target;
}

FailureOr<nlohmann::json> targetOverrides(snn::TargetAttr target,
                                          Operation *op) {
  StringRef text = target.getOverrides();
  if (text.empty())
    return nlohmann::json::object();
  nlohmann::json parsed = nlohmann::json::parse(text.str(), nullptr,
                                                /*allow_exceptions=*/false);
  if (!parsed.is_object())
    return op->emitError("target config is not a JSON object");
  return parsed;
}

nlohmann::json withOverrides(nlohmann::json model,
                             const nlohmann::json &overrides) {
  for (auto it = overrides.begin(); it != overrides.end(); ++it) {
    model[it.key()] = {{"value", modelFieldValue(it.value())},
                       {"source", "--target-config override"}};
  }
  return model;
}

} // namespace snnc
