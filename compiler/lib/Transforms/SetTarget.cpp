//===- SetTarget.cpp - snn-target: the target travels in the IR -----------===//
//
// Puts #snn.target on the module: the target's name, the text of the
// --target-config file (so the IR is self-contained: snnc-opt on a dumped
// stage needs no file), the firing probability and the seed. Every
// target-specific pass reads these from the attribute and from nowhere
// else.
//
//===----------------------------------------------------------------------===//

#include "snnc/Support/InputFile.h"
#include "snnc/Support/Json.h"
#include "snnc/Target/TargetMachine.h"
#include "snnc/Transforms/NetworkSize.h"
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

/// Where in the configuration file `text` the field `field` ("mesh.chip_mesh")
/// is written: its key's line and column, or the file's start.
Location configLocation(const std::string &path, const std::string &text,
                        const std::string &field, MLIRContext *context) {
  std::string key = "\"" + field.substr(field.rfind('.') + 1) + "\"";
  unsigned line = 1, column = 1;
  if (size_t at = field.empty() ? std::string::npos : text.find(key);
      at != std::string::npos)
    for (size_t i = 0; i < at; ++i, ++column)
      if (text[i] == '\n') {
        ++line;
        column = 0;
      }
  return FileLineColLoc::get(context, path, line, column);
}

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
    const snnc::TargetMachine *machine =
        snnc::lookupTargetMachine(target, error);
    if (!machine) {
      module.emitError(error);
      return signalPassFailure();
    }
    std::string overrides;
    nlohmann::json parsed = nlohmann::json::object();
    if (!targetConfig.empty()) {
      if (std::string why = snnc::checkInputFile(targetConfig); !why.empty()) {
        module.emitError("target config: ") << why;
        return signalPassFailure();
      }
      auto buffer = llvm::MemoryBuffer::getFile(targetConfig);
      if (!buffer) {
        module.emitError("cannot read target config '")
            << targetConfig << "': " << buffer.getError().message();
        return signalPassFailure();
      }
      overrides = (*buffer)->getBuffer().str();
      snnc::JsonParse parse = snnc::parseJson(overrides);
      if (!parse.value) {
        emitError(FileLineColLoc::get(&getContext(), targetConfig,
                                      std::max(parse.line, 1u),
                                      std::max(parse.column, 1u)),
                  "target config is not valid JSON: " + parse.error);
        return signalPassFailure();
      }
      parsed = std::move(*parse.value);
      if (!parsed.is_object()) {
        module.emitError("target config '")
            << targetConfig << "' is not a JSON object";
        return signalPassFailure();
      }
      std::string field;
      if (std::string why = machine->checkTargetConfig(parsed, field);
          !why.empty()) {
        emitError(configLocation(targetConfig, overrides, field, &getContext()),
                  why);
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
    // Counted from types and attributes: a network no chip of the target
    // could hold is refused before any pass expands it.
    if (failed(snnc::checkCapacity(module, machine->capacity(parsed), target)))
      return signalPassFailure();
  }
};

} // namespace
