//===- ProceduralCache.h - Expanded procedural rows, kept -------*- C++ -*-===//
//
// Regenerating a reservoir row costs a hash per candidate synapse, far more
// than delivering it, and a row is a pure function of (spec, pre). Engines
// therefore expand each row once, through snnc::image::ProceduralRows (the
// one expander all engines and the RTL share), and reuse it.
//
// Rows are kept in one of two forms, each filled only when asked for:
// row() gives the expander's own synapses; the compact form (expand(),
// compact()) is what the step loop's delivery reads: every expanded row of
// a projection appended to one arena of narrow target indices and both
// weights, plus the row's synapse count per target slice when the topology
// counts slices per row.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_PROCEDURALCACHE_H
#define SNNC_SPINNAKER2_PROCEDURALCACHE_H

#include "Topology.h"

#include "snnc/image/Procedural.h"

#include <limits>
#include <memory>
#include <vector>

namespace snnc::runtime::detail {

class ProceduralCache {
public:
  /// The compact rows of one procedural projection. Row `pre`, once
  /// expanded, is [begin[pre], begin[pre] + length[pre]) of the arrays.
  struct CompactRows {
    static constexpr uint64_t kNotExpanded =
        std::numeric_limits<uint64_t>::max();
    std::vector<uint64_t> begin;
    std::vector<uint32_t> length;
    /// Targets narrowed to 16 bits when the target population has at most
    /// 65536 neurons (target32 stays empty), else in target32.
    std::vector<uint16_t> target16;
    std::vector<uint32_t> target32;
    std::vector<int16_t> weightQ;
    std::vector<float> weight;
    /// When Topology::slicesPerRow[q]: the synapses of row `pre` landing
    /// in target slice c at sliceCounts[sliceAt[pre] + c], rows
    /// Topology::sliceStride apart, and the largest count so far.
    std::vector<uint16_t> sliceCounts;
    std::vector<uint64_t> sliceAt;
    uint16_t maxSliceCount = 0;
  };

  explicit ProceduralCache(const image::Image &image);

  /// The synapses of source neuron `pre` of procedural projection `q`.
  const std::vector<image::ExpandedSynapse> &row(uint32_t q, uint32_t pre) {
    Rows &rows = projections[q];
    if (!rows.done[pre])
      expand(q, pre);
    return rows.rows[pre];
  }

  /// Makes sure every row of `pres` is in q's compact form. Appending may
  /// move the arrays, so take pointers into compact(q) only after this.
  void expand(uint32_t q, const std::vector<uint32_t> &pres,
              const Topology &topology) {
    CompactRows &rows = projections[q].compact;
    for (uint32_t pre : pres)
      if (rows.begin[pre] == CompactRows::kNotExpanded)
        appendCompact(q, pre, topology);
  }

  const CompactRows &compact(uint32_t q) const {
    return projections[q].compact;
  }

private:
  struct Rows {
    std::unique_ptr<image::ProceduralRows> expander;
    std::vector<std::vector<image::ExpandedSynapse>> rows;
    std::vector<uint8_t> done;
    CompactRows compact;
  };

  image::ProceduralRows &expanderOf(uint32_t q);
  void expand(uint32_t q, uint32_t pre);
  void appendCompact(uint32_t q, uint32_t pre, const Topology &topology);

  const image::Image &image;
  std::vector<Rows> projections;
  /// Reused row buffer of appendCompact().
  std::vector<image::ExpandedSynapse> scratch;
};

} // namespace snnc::runtime::detail

#endif // SNNC_SPINNAKER2_PROCEDURALCACHE_H
