//===- Procedural.cpp - Regenerating procedural synapse rows --------------===//

#include "snnc/image/Procedural.h"

#include "snnc/spinnaker2/FixedPoint.h"

namespace snnc::image {

int16_t quantizeWeight(double weight, double scale) {
  namespace s2 = snnc::spinnaker2;
  return static_cast<int16_t>(
      s2::quantizeReal(weight / scale, -s2::kWeightMax, s2::kWeightMax));
}

ProceduralRows::ProceduralRows(const ProceduralSpec &spec, double scale)
    : expanderImpl(spec), scale(scale) {}

void ProceduralRows::expandRow(uint32_t pre,
                               std::vector<ExpandedSynapse> &row) {
  expanderImpl.expandRow(pre, scratch);
  row.clear();
  row.reserve(scratch.size());
  for (const snn::reservoir::Synapse &s : scratch)
    row.push_back({s.target, s.weight, quantizeWeight(s.weight, scale)});
}

void expandProceduralRow(const ProceduralSpec &spec, uint32_t pre, double scale,
                         std::vector<ExpandedSynapse> &row) {
  ProceduralRows(spec, scale).expandRow(pre, row);
}

} // namespace snnc::image
