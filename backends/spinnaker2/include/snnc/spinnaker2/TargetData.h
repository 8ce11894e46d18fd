//===- TargetData.h - Embedded spinnaker2 target data files -----*- C++ -*-===//
//
// The text of backends/spinnaker2/target.json (resource model), layout.json
// (snnc's layout choices and assumptions) and of its
// energy models (energy*.json, one per operating point, energy.json the
// default), embedded at build time.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_TARGETDATA_H
#define SNNC_SPINNAKER2_TARGETDATA_H

#include <string_view>
#include <vector>

namespace snnc::spinnaker2 {
struct EnergyModelText {
  std::string_view file;
  std::string_view json;
};

std::string_view targetJson();
/// snnc's layout choices for the many-core machine (layout.json), the layer
/// under target.json.
std::string_view layoutJson();
/// The default energy model (energy.json).
std::string_view energyJson();
/// Every shipped energy model, the default first.
std::vector<EnergyModelText> energyModelTexts();
} // namespace snnc::spinnaker2

#endif // SNNC_SPINNAKER2_TARGETDATA_H
