//===- NetworkMapping.h - A network as the mapper sees it -------*- C++ -*-===//
//
// A discretized snn.network with the mapping graph every target builds
// from it (snnc/CodeGen/NetworkGraph.h), under the spinnaker2 model; runs
// the staged mapper, turning MappingErrors into diagnostics located at the
// population they name.
// The partition, place and route passes and image emission all use it.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TRANSFORMS_NETWORKMAPPING_H
#define SNNC_TRANSFORMS_NETWORKMAPPING_H

#include "snn/SnnAttrs.h"
#include "snnc/CodeGen/NetworkImage.h"
#include "snnc/mapping/Mapper.h"

#include <memory>
#include <string>
#include <vector>

namespace snnc {

/// A network as the spinnaker2 passes see it: the shared numbering of its
/// populations and projections (snnc/CodeGen/NetworkImage.h), the mapping
/// graph built from it, and the machine it is mapped onto.
struct NetworkModel : DiscreteNetwork {
  mapping::MappingGraph graph;
  mapping::TargetModel target;
  /// The module's #snn.target: seed, firing probability, overrides.
  snn::TargetAttr targetAttr;
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
