//===- TargetData.h - Embedded spinnaker2 target data files -----*- C++ -*-===//
//
// The text of backends/spinnaker2/target.json (resource model) and
// energy.json (per-event energies), embedded at build time.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_TARGETDATA_H
#define SNNC_SPINNAKER2_TARGETDATA_H

#include <string_view>

namespace snnc::spinnaker2 {
std::string_view targetJson();
std::string_view energyJson();
} // namespace snnc::spinnaker2

#endif // SNNC_SPINNAKER2_TARGETDATA_H
