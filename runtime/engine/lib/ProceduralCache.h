//===- ProceduralCache.h - Expanded procedural rows, kept -------*- C++ -*-===//
//
// Regenerating a reservoir row costs a hash per candidate synapse, far more
// than delivering it, and a row is a pure function of (spec, pre). Engines
// therefore expand each row once, through snnc::image::ProceduralRows (the
// one expander all engines and the RTL share), and reuse it.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_PROCEDURALCACHE_H
#define SNNC_RUNTIME_PROCEDURALCACHE_H

#include "snnc/image/Procedural.h"

#include <memory>
#include <vector>

namespace snnc::runtime::detail {

class ProceduralCache {
public:
  explicit ProceduralCache(const image::Image &image);

  /// The synapses of source neuron `pre` of procedural projection `q`.
  const std::vector<image::ExpandedSynapse> &row(uint32_t q, uint32_t pre) {
    Rows &rows = projections[q];
    if (!rows.done[pre])
      expand(q, pre);
    return rows.rows[pre];
  }

private:
  struct Rows {
    std::unique_ptr<image::ProceduralRows> expander;
    std::vector<std::vector<image::ExpandedSynapse>> rows;
    std::vector<uint8_t> done;
  };

  void expand(uint32_t q, uint32_t pre);

  const image::Image &image;
  std::vector<Rows> projections;
};

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_PROCEDURALCACHE_H
