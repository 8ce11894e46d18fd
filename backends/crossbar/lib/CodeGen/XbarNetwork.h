//===- XbarNetwork.h - A network as the crossbar passes see it --*- C++ -*-===//
//
// The shared numbering of a discretized network (snnc/CodeGen/NetworkImage.h)
// with what the crossbar passes need beside it: the device model and the
// seed of the module's #snn.target, the mapping library's view of the chip
// and the network's mapping graph, and the xbar.chip holding what earlier
// passes recorded.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CODEGEN_XBARNETWORK_H
#define SNNC_CROSSBAR_CODEGEN_XBARNETWORK_H

#include "snnc/CodeGen/NetworkImage.h"
#include "snnc/crossbar/DeviceModel.h"
#include "snnc/crossbar/Dialect/XbarDialect.h"
#include "snnc/mapping/Mapper.h"

#include "snn/SnnAttrs.h"

#include <memory>

namespace snnc::crossbar {

struct XbarNetwork : DiscreteNetwork {
  const DeviceModel *model = nullptr;
  snn::TargetAttr targetAttr;
  mapping::TargetModel machine;
  mapping::MappingGraph graph;
};

/// Builds the crossbar view of `network`, which must be discretized and in
/// a module compiled for crossbar.
mlir::FailureOr<std::unique_ptr<XbarNetwork>>
buildXbarNetwork(snn::NetworkOp network);

/// The xbar.chip lowering `network`, or null.
ChipOp chipOf(snn::NetworkOp network);

/// The chip's slices in global slice order (population by population in
/// the shared numbering, each in neuron order), checked to cover every
/// population exactly; fails at the offending slice or the chip.
mlir::FailureOr<std::vector<SliceOp>> orderedSlices(ChipOp chip,
                                                    const XbarNetwork &network);

/// Tiles the network's projections take (one set per distinct delay of
/// each projection, docs/crossbar.md "Tiles"): the count mapTiles checks,
/// found before anything is partitioned. Digital readouts take none.
uint64_t tilesNeeded(const XbarNetwork &network);

/// Runs the shared mapper with the crossbar's resource model; mapping
/// errors become diagnostics at the population they name.
mlir::FailureOr<mapping::MappingResult>
runCrossbarMapper(const XbarNetwork &network,
                  const mapping::MappingOptions &options);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CODEGEN_XBARNETWORK_H
