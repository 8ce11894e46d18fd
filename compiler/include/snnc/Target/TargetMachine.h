//===- TargetMachine.h - A target's half of the compiler --------*- C++ -*-===//
//
// The compiler knows a target only through this interface, in the manner of
// LLVM's TargetMachine and TargetRegistry: each backend registers one from
// its snncInitialize<Target>Target() (tools call them all through
// InitAllTargets.h, which expands the generated list of built targets).
// The shared pipeline (Pipeline.h) runs the target-independent stages and
// then the target's own passes; the target turns the lowered network into
// its chip image and reports what it used. Which target a module is for is
// one attribute on the module, #snn.target (see snn-target).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGET_TARGETMACHINE_H
#define SNNC_TARGET_TARGETMACHINE_H

#include "snn/SnnOps.h"
#include "snnc/image/Image.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace snnc {

/// The most a chip of a target can hold: bounds, not a fit (the target's
/// passes still decide), so that a network that cannot possibly fit is
/// refused before it is expanded. 0 means no bound is known.
struct TargetCapacity {
  uint64_t neurons = 0;
  /// Where the bound comes from ("7296 PEs x 256 neurons per PE").
  std::string neuronsBasis;
  uint64_t synapses = 0;
  std::string synapsesBasis;
};

class TargetMachine {
public:
  virtual ~TargetMachine();

  /// The name `--target` and #snn.target use, and images carry.
  virtual std::string name() const = 0;
  /// One line for `snnc targets`.
  virtual std::string summary() const = 0;

  /// Registers the target's passes (and dialects) for snnc-opt.
  virtual void registerPasses() const {}
  virtual void registerDialects(mlir::DialectRegistry &registry) const {}

  /// Why this target refuses the --target-config document `overrides`: a
  /// field's type, value, range or a product of fields, naming the field in
  /// `field` and the value and the limit in the message; "" when it takes
  /// it. snn-target asks before any pass runs, so that the refusal points
  /// into the configuration file rather than into the network.
  virtual std::string checkTargetConfig(const nlohmann::json &overrides,
                                        std::string &field) const {
    return "";
  }

  /// The machine's capacity under `overrides`, which checkTargetConfig has
  /// accepted.
  virtual TargetCapacity capacity(const nlohmann::json &overrides) const {
    return {};
  }

  /// Appends the target's passes, which run after snn-discretize on a
  /// module carrying #snn.target for this target.
  virtual void addLoweringPasses(mlir::OpPassManager &pm) const = 0;

  /// The target's part of the compile report: what it used (units, memory,
  /// routing) and how it quantized, as JSON kept in the image.
  virtual nlohmann::json report(mlir::ModuleOp module,
                                snn::NetworkOp network) const = 0;
  /// The report for people (`snnc compile --report table`).
  virtual void printReport(const nlohmann::json &report,
                           llvm::raw_ostream &out) const = 0;

  /// The chip image of a lowered network. `report` is stored in it. Fails
  /// with a diagnostic at the network.
  virtual mlir::FailureOr<image::Image>
  buildImage(mlir::ModuleOp module, snn::NetworkOp network,
             const nlohmann::json &report) const = 0;

  /// The lowered network as Verilog a user can read (`snnc compile
  /// --emit-verilog`): a target whose chip is a netlist of the network
  /// (a pulse circuit) writes it; the default refuses at the network.
  virtual mlir::FailureOr<std::string>
  emitVerilog(mlir::ModuleOp module, snn::NetworkOp network) const;
};

/// Registers `target`; a second target of one name is a programming error
/// (reported, then the process aborts).
void registerTargetMachine(std::unique_ptr<TargetMachine> target);
/// The registered targets, in registration order.
std::vector<const TargetMachine *> targetMachines();
/// The target `name`, or null with `error` naming it and the built ones.
const TargetMachine *lookupTargetMachine(llvm::StringRef name,
                                         std::string &error);

} // namespace snnc

#endif // SNNC_TARGET_TARGETMACHINE_H
