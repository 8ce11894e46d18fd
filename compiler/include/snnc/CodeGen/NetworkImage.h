//===- NetworkImage.h - Core image sections of a network --------*- C++ -*-===//
//
// What every target's image shares, built from a discretized snn.network:
// its populations (input ports first, then every snn.neuron in body order),
// its projections as row views (ProjectionRows.h) in the order the
// populations read them, and from these the core sections of an image
// (runtime/image): inputs, populations with their float parameters,
// projections with stored CSR rows or procedural specs, outputs, dt and
// rule. Every target numbers and names the network alike, so images,
// reports and diagnostics agree across targets; slices, placement, layout
// and the target's own sections stay the target's business.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CODEGEN_NETWORKIMAGE_H
#define SNNC_CODEGEN_NETWORKIMAGE_H

#include "snnc/CodeGen/ProjectionRows.h"

#include "snn/Limits.h"
#include "snn/SnnOps.h"
#include "snnc/image/Image.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace snnc {

/// Delays are stored as 16-bit step counts in the image's synapses.
using snn::kMaxDelaySteps;

/// A network input port (`op` null) or an snn.neuron.
struct NetworkPopulation {
  std::string name;
  int64_t input = -1;
  mutable snn::DiscreteNeuronOp op;
  uint32_t size = 0;
};

/// Rows plus source and target indices into DiscreteNetwork::populations.
struct NetworkProjection {
  std::unique_ptr<ProjectionRows> rows;
  uint32_t source = 0, target = 0;
};

struct DiscreteNetwork {
  mutable snn::NetworkOp network;
  /// Input ports in argument order ("input<i>"), then every snn.neuron in
  /// body order (named by its NameLoc, else "<model><i>", made unique).
  std::vector<NetworkPopulation> populations;
  /// For each snn.neuron in body order, one per input in operand order.
  std::vector<NetworkProjection> projections;

  /// "<source>-><target>", the name images and mappers give a projection.
  std::string projectionName(const NetworkProjection &projection) const;
  /// The op to attach a diagnostic about population `name` to.
  mlir::Operation *opNamed(llvm::StringRef name) const;
};

/// Fills `out` (which must be empty) from `network`, which must be
/// discretized. `target` names the target in diagnostics about what it
/// cannot take.
mlir::LogicalResult buildDiscreteNetwork(snn::NetworkOp network,
                                         llvm::StringRef target,
                                         DiscreteNetwork &out);

/// Called for each stored synapse as it is appended to projection
/// `projection`'s CSR rows, so that a target can keep its own form of each
/// weight in the same order.
using StoredSynapseFn =
    llvm::function_ref<void(size_t projection, const SynapseEntry &synapse)>;

/// Fills the core sections of `out` that follow from the network alone:
/// network name, dt and rule, inputs, populations (model, shape, float
/// parameters with projection biases folded in), projections (name, kind,
/// source, target, max delay, stored rows or procedural spec) and outputs,
/// in DiscreteNetwork order. Leaves version, target name and model, seed,
/// report, slices, placement, layout, weight errors and sections to the
/// caller. Fails with a diagnostic naming `target` when the network needs
/// what the core sections cannot hold.
mlir::LogicalResult fillCoreSections(const DiscreteNetwork &network,
                                     llvm::StringRef target, image::Image &out,
                                     StoredSynapseFn onStored = nullptr);

} // namespace snnc

#endif // SNNC_CODEGEN_NETWORKIMAGE_H
