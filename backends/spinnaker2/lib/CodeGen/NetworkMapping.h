//===- NetworkMapping.h - A network as the mapper sees it -------*- C++ -*-===//
//
// Builds the shared mapping library's graph from a discretized snn.network
// (input ports first, then every snn.neuron), runs the staged mapper, and
// turns MappingErrors into diagnostics located at the population they name.
// The partition, place and route passes and image emission all use it.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TRANSFORMS_NETWORKMAPPING_H
#define SNNC_TRANSFORMS_NETWORKMAPPING_H

#include "ProjectionRows.h"

#include "snn/SnnAttrs.h"

#include "snnc/mapping/Mapper.h"

#include <memory>
#include <string>
#include <vector>

namespace snnc {

/// A population of the mapping graph: a network input port (`op` null) or
/// an snn.neuron.
struct MappedPopulation {
  std::string name;
  int64_t input = -1;
  mutable snn::DiscreteNeuronOp op;
  uint32_t size = 0;
};

/// A projection of the mapping graph: rows plus source and target indices
/// into NetworkModel::populations.
struct MappedProjection {
  std::unique_ptr<ProjectionRows> rows;
  uint32_t source = 0, target = 0;
};

struct NetworkModel {
  mutable snn::NetworkOp network;
  std::vector<MappedPopulation> populations;
  std::vector<MappedProjection> projections;
  mapping::MappingGraph graph;
  mapping::TargetModel target;
  /// The module's #snn.target: seed, firing probability, overrides.
  snn::TargetAttr targetAttr;

  /// The op to attach a diagnostic about population `name` to.
  mlir::Operation *opNamed(llvm::StringRef name) const;
};

/// Builds the model of `network` under its module's #snn.target: the
/// spinnaker2 model with the attribute's overrides (TargetModelCache.h),
/// its firing probability and seed.
mlir::FailureOr<std::unique_ptr<NetworkModel>>
buildNetworkModel(snn::NetworkOp network);

/// Runs the mapper with `options`; on a MappingError, emits it at the
/// population (or network) it concerns and fails.
mlir::FailureOr<mapping::MappingResult>
runMapper(const NetworkModel &model, const mapping::MappingOptions &options);

/// Slice sizes and PEs recorded by earlier passes (#s2.slices), per mapping
/// population; fails naming the pass to run first.
mlir::FailureOr<std::vector<std::vector<uint32_t>>>
readSliceSizes(const NetworkModel &model);
mlir::FailureOr<std::vector<uint32_t>> readPlacement(const NetworkModel &model);

/// Records every population's #s2.slices from per-slice `sizes`, `pes` and
/// `keys` (the last two empty before placement and routing): on the
/// snn.neuron as s2.slices, for input ports in the network's
/// s2.input_slices.
void annotateSlices(const NetworkModel &model,
                    const mapping::Partition &partition,
                    llvm::ArrayRef<int64_t> sizes, llvm::ArrayRef<int64_t> pes,
                    llvm::ArrayRef<int64_t> keys);

} // namespace snnc

#endif // SNNC_TRANSFORMS_NETWORKMAPPING_H
