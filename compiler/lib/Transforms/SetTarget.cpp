//===- SetTarget.cpp - snn-target: the target travels in the IR -----------===//
//
// Puts #snn.target on the module: the target's name, the text of the
// --target-config file (so the IR is self-contained: snnc-opt on a dumped
// stage needs no file), the firing probability and the seed. Every
// target-specific pass reads these from the attribute and from nowhere
// else.
//
//===----------------------------------------------------------------------===//

#include "snnc/Target/TargetMachine.h"
#include "snnc/Transforms/Passes.h"

#include "snn/SnnAttrs.h"

#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

namespace snnc {
#define GEN_PASS_DEF_SNNTARGET
#include "snnc/Transforms/Passes.h.inc"
} // namespace snnc

using namespace mlir;

namespace {

struct SnnTargetPass : snnc::impl::SnnTargetBase<SnnTargetPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (target.empty()) {
      if (!module->getAttrOfType<snn::TargetAttr>(snn::kTargetAttrName)) {
        module.emitError("no target: give snn-target{target=NAME} or put ")
            << snn::kTargetAttrName << " on the module";
        return signalPassFailure();
      }
      return;
    }
    std::string error;
    if (!snnc::lookupTargetMachine(target, error)) {
      module.emitError(error);
      return signalPassFailure();
    }
    std::string overrides;
    if (!targetConfig.empty()) {
      auto buffer = llvm::MemoryBuffer::getFile(targetConfig);
      if (!buffer) {
        module.emitError("cannot read target config '")
            << targetConfig << "': " << buffer.getError().message();
        return signalPassFailure();
      }
      overrides = (*buffer)->getBuffer().str();
      nlohmann::json parsed =
          nlohmann::json::parse(overrides, nullptr, /*allow_exceptions=*/false);
      if (parsed.is_discarded() || !parsed.is_object()) {
        module.emitError("target config '")
            << targetConfig << "' is not a JSON object";
        return signalPassFailure();
      }
    }
    auto attr = snn::TargetAttr::getChecked(
        [&] { return module.emitError(); }, &getContext(),
        llvm::StringRef(target), llvm::StringRef(overrides),
        static_cast<double>(firingProbability), static_cast<uint64_t>(seed));
    if (!attr)
      return signalPassFailure();
    module->setAttr(snn::kTargetAttrName, attr);
  }
};

} // namespace
