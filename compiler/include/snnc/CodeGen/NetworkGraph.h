//===- NetworkGraph.h - A network as the mapper sees it --------*- C++ -*-===//
//
// Every target that partitions and places with the shared mapping library
// (snnc/mapping) hands it the same graph: one mapping population per
// population of the shared numbering (input ports first, then every
// snn.neuron; NetworkImage.h), one mapping projection per projection, whose
// rows are read from the projection's row view on demand. Only the
// resource model and the machine differ between targets. Running the mapper
// turns its MappingErrors into diagnostics at the population they name.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CODEGEN_NETWORKGRAPH_H
#define SNNC_CODEGEN_NETWORKGRAPH_H

#include "snnc/CodeGen/NetworkImage.h"
#include "snnc/mapping/Mapper.h"

namespace snnc {

/// The model kind the mapping graph records for input ports: they send
/// spikes and hold no neuron state. Neurons record their snn::NeuronModel.
inline constexpr int32_t kInputPortModelKind = 100;

/// Adds the populations and projections of `network` to `graph` (which
/// should be empty). The projections' row callbacks read `network`'s row
/// views, so `graph` must not outlive `network`.
void buildMappingGraph(const DiscreteNetwork &network,
                       mapping::MappingGraph &graph);

/// Runs the mapper on `graph` (built from `network`) with `resources`, or
/// with the many-core resource model of `target` when `resources` is null.
/// On a MappingError, emits it at the population (or network) it concerns
/// and fails.
mlir::FailureOr<mapping::MappingResult>
runMapper(const DiscreteNetwork &network, const mapping::MappingGraph &graph,
          const mapping::TargetModel &target,
          const mapping::ResourceModel *resources,
          const mapping::MappingOptions &options);

} // namespace snnc

#endif // SNNC_CODEGEN_NETWORKGRAPH_H
