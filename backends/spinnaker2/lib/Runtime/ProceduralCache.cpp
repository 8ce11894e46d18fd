//===- ProceduralCache.cpp - Expanded procedural rows, kept ---------------===//

#include "ProceduralCache.h"

#include "snnc/spinnaker2/FixedPoint.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <algorithm>

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
    projections[q].compact.begin.assign(rows, CompactRows::kNotExpanded);
    projections[q].compact.length.assign(rows, 0);
  }
}

image::ProceduralRows &ProceduralCache::expanderOf(uint32_t q) {
  Rows &rows = projections[q];
  // The expander costs O(size) to build, so only projections that ever
  // deliver a spike pay for one.
  if (!rows.expander) {
    const image::Projection &proj = image.projections[q];
    rows.expander = std::make_unique<image::ProceduralRows>(
        proj.procedural.spec,
        spinnaker2::fixedPoint(image).projections[q].scale,
        spinnaker2::quantizeWeight);
  }
  return *rows.expander;
}

void ProceduralCache::expand(uint32_t q, uint32_t pre) {
  Rows &rows = projections[q];
  expanderOf(q).expandRow(pre, rows.rows[pre]);
  rows.done[pre] = 1;
}

void ProceduralCache::appendCompact(uint32_t q, uint32_t pre,
                                    const Topology &topology) {
  expanderOf(q).expandRow(pre, scratch);
  CompactRows &rows = projections[q].compact;
  uint32_t target = image.projections[q].target;
  bool narrow = topology.narrowTargets[target];
  rows.begin[pre] = rows.weightQ.size();
  rows.length[pre] = static_cast<uint32_t>(scratch.size());
  for (const image::ExpandedSynapse &syn : scratch) {
    if (narrow)
      rows.target16.push_back(static_cast<uint16_t>(syn.target));
    else
      rows.target32.push_back(syn.target);
    rows.weightQ.push_back(syn.weightQ);
    rows.weight.push_back(syn.weight);
  }
  if (!topology.slicesPerRow[q])
    return;
  if (rows.sliceAt.empty())
    rows.sliceAt.assign(rows.begin.size(), 0);
  const std::vector<uint32_t> &sliceOf = topology.sliceOfNeuron[target];
  size_t slices = image.populations[target].slices.size();
  rows.sliceAt[pre] = rows.sliceCounts.size();
  rows.sliceCounts.resize(
      rows.sliceCounts.size() + topology.sliceStride[target], 0);
  uint16_t *counts = rows.sliceCounts.data() + rows.sliceAt[pre];
  // Topology allows this form only when no count can pass 16 bits.
  for (const image::ExpandedSynapse &syn : scratch)
    ++counts[sliceOf[syn.target]];
  rows.maxSliceCount =
      std::max(rows.maxSliceCount, *std::max_element(counts, counts + slices));
}

} // namespace snnc::runtime::detail
