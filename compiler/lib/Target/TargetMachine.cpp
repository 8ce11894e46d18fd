//===- TargetMachine.cpp - The registry of built targets' compilers -------===//

#include "snnc/Target/TargetMachine.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

namespace snnc {

namespace {
std::vector<std::unique_ptr<TargetMachine>> &registry() {
  static std::vector<std::unique_ptr<TargetMachine>> targets;
  return targets;
}
} // namespace

TargetMachine::~TargetMachine() = default;

mlir::FailureOr<std::string>
TargetMachine::emitVerilog(mlir::ModuleOp, snn::NetworkOp network) const {
  return network.emitError("target '")
         << name()
         << "' has no Verilog of a compiled network: its RTL is a fixed "
            "design configured by the image (see docs/rtl.md)";
}

void registerTargetMachine(std::unique_ptr<TargetMachine> target) {
  for (const std::unique_ptr<TargetMachine> &known : registry())
    if (known->name() == target->name()) {
      llvm::errs() << "snnc: target '" << target->name()
                   << "' is registered twice\n";
      std::abort();
    }
  registry().push_back(std::move(target));
}

std::vector<const TargetMachine *> targetMachines() {
  std::vector<const TargetMachine *> out;
  for (const std::unique_ptr<TargetMachine> &target : registry())
    out.push_back(target.get());
  return out;
}

const TargetMachine *lookupTargetMachine(llvm::StringRef name,
                                         std::string &error) {
  std::string built;
  for (const std::unique_ptr<TargetMachine> &target : registry()) {
    if (target->name() == name)
      return target.get();
    built += (built.empty() ? "" : ", ") + target->name();
  }
  if (name.empty() && built.empty())
    error = "no target is built into this snnc (configure it with "
            "-DSNNC_TARGETS_TO_BUILD=<targets>)";
  else
    error = "target '" + name.str() +
            "' is not built into this snnc; built targets: " +
            (built.empty() ? std::string("none") : built);
  return nullptr;
}

} // namespace snnc
