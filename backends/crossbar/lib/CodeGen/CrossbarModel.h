//===- CrossbarModel.h - The crossbar model, parsed once --------*- C++ -*-===//
//
// Every crossbar pass and the image builder read the target from the
// module's #snn.target: target.json under the attribute's overrides
// (--target-config), read and checked by readDeviceModel once per distinct
// overrides text and process. The shared mapping library sees the same
// chip as one board of one chip whose PEs are the tiles' mesh nodes.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CODEGEN_CROSSBARMODEL_H
#define SNNC_CROSSBAR_CODEGEN_CROSSBARMODEL_H

#include "snn/SnnAttrs.h"
#include "snnc/crossbar/DeviceModel.h"
#include "snnc/mapping/ResourceModel.h"
#include "snnc/mapping/TargetModel.h"

#include "mlir/IR/Operation.h"

namespace snnc::crossbar {

/// The #snn.target of the module holding `op`; fails with a diagnostic at
/// `op` when there is none or it names another target.
mlir::FailureOr<snn::TargetAttr> crossbarTargetOf(mlir::Operation *op);

/// Why the mapping library cannot number `model`'s chip (too many tiles or
/// grid columns), naming the field in `field`; "" when it can.
std::string checkMappingLimits(const DeviceModel &model, std::string &field);

/// The device model under `target`'s overrides; a bad field is diagnosed at
/// `op`, naming it. The model lives as long as the process.
mlir::FailureOr<const DeviceModel *> crossbarModel(snn::TargetAttr target,
                                                   mlir::Operation *op);

/// target.json with `target`'s overrides written into it: the document an
/// image carries, which readDeviceModel turns back into the same model.
mlir::FailureOr<nlohmann::json> resolvedModelJson(snn::TargetAttr target,
                                                  mlir::Operation *op);

/// The chip as the mapping library sees it: one chip of tiles_per_chip
/// nodes (one PE each) on a mesh_cols-wide grid, no chip links.
mapping::TargetModel mappingMachine(const DeviceModel &model);

/// Grid point of mesh node `node` (row-major, mesh_cols wide).
inline std::pair<int64_t, int64_t> nodeSite(const DeviceModel &model,
                                            int64_t node) {
  return {node % model.meshCols, node / model.meshCols};
}

/// The crossbar's per-node limits: a population slice is one tile
/// periphery (min(tile_cols, neurons_per_tile) neurons), an input slice
/// drives at most one tile's rows (tile_rows elements).
class CrossbarResourceModel : public mapping::ResourceModel {
public:
  explicit CrossbarResourceModel(const DeviceModel &model);
  const std::vector<mapping::ResourceLimit> &limits() const override {
    return limitList;
  }
  std::vector<mapping::ResourceCost>
  costsFor(const mapping::Population &population,
           const mapping::PopulationContext &context) const override;

private:
  std::vector<mapping::ResourceLimit> limitList;
};

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CODEGEN_CROSSBARMODEL_H
