//===- Procedural.cpp - Regenerating procedural synapse rows --------------===//

#include "snnc/image/Procedural.h"

namespace snnc::image {

ProceduralRows::ProceduralRows(const ProceduralSpec &spec, double scale,
                               WeightQuantizer quantize)
    : expanderImpl(spec), scale(scale), quantize(quantize) {}

void ProceduralRows::expandRow(uint32_t pre,
                               std::vector<ExpandedSynapse> &row) {
  expanderImpl.expandRow(pre, scratch);
  row.clear();
  row.reserve(scratch.size());
  for (const snn::reservoir::Synapse &s : scratch)
    row.push_back({s.target, s.weight, quantize(s.weight, scale)});
}

void expandProceduralRow(const ProceduralSpec &spec, uint32_t pre, double scale,
                         WeightQuantizer quantize,
                         std::vector<ExpandedSynapse> &row) {
  ProceduralRows(spec, scale, quantize).expandRow(pre, row);
}

} // namespace snnc::image
