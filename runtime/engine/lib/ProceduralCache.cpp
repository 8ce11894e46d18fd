//===- ProceduralCache.cpp - Expanded procedural rows, kept ---------------===//

#include "ProceduralCache.h"

namespace snnc::runtime::detail {

ProceduralCache::ProceduralCache(const image::Image &image) : image(image) {
  projections.resize(image.projections.size());
  for (size_t q = 0; q < image.projections.size(); ++q) {
    const image::Projection &proj = image.projections[q];
    if (!proj.isProcedural)
      continue;
    uint32_t rows = image::sourceSize(image, proj.source);
    projections[q].rows.resize(rows);
    projections[q].done.assign(rows, 0);
  }
}

void ProceduralCache::expand(uint32_t q, uint32_t pre) {
  Rows &rows = projections[q];
  // The expander costs O(size) to build, so only projections that ever
  // deliver a spike pay for one.
  if (!rows.expander) {
    const image::Projection &proj = image.projections[q];
    rows.expander = std::make_unique<image::ProceduralRows>(
        proj.procedural.spec, proj.scale);
  }
  rows.expander->expandRow(pre, rows.rows[pre]);
  rows.done[pre] = 1;
}

} // namespace snnc::runtime::detail
