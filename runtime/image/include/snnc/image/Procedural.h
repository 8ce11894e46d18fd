//===- Procedural.h - Regenerating procedural synapse rows ------*- C++ -*-===//
//
// Procedural projections store a reservoir spec instead of synapses. Every
// engine regenerates rows through this one helper so that the ref, float
// and rtl engines see the same targets, the same float weights and the same
// int16 weights: the target's own weight rule (for the many-core target the
// compile-time rule of docs/numerics.md §3), passed in by the engine,
// applied to the expander's float weight.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_PROCEDURAL_H
#define SNNC_IMAGE_PROCEDURAL_H

#include "snnc/image/Image.h"

#include "snnc/Support/Reservoir.h"

#include <cstdint>
#include <vector>

namespace snnc::image {

using ProceduralSpec = snn::reservoir::Spec;

struct ExpandedSynapse {
  uint32_t target;
  float weight;
  int16_t weightQ;
};

/// A target's stored weight for real weight `weight` under `scale`.
using WeightQuantizer = int16_t (*)(double weight, double scale);

/// Expands rows of one procedural projection; build one per projection (and
/// thread) and reuse it, since construction costs O(size) (the E/I type
/// bitmap).
class ProceduralRows {
public:
  /// `spec` must pass snn::reservoir::validate (readImage guarantees it).
  ProceduralRows(const ProceduralSpec &spec, double scale,
                 WeightQuantizer quantize);

  /// Fills `row` (cleared first) with the synapses of source neuron `pre`,
  /// sorted by target.
  void expandRow(uint32_t pre, std::vector<ExpandedSynapse> &row);

  const snn::reservoir::Expander &expander() const { return expanderImpl; }

private:
  snn::reservoir::Expander expanderImpl;
  double scale;
  WeightQuantizer quantize;
  std::vector<snn::reservoir::Synapse> scratch;
};

/// One row without keeping an expander: O(size) per call, so loops over
/// rows should use ProceduralRows instead.
void expandProceduralRow(const ProceduralSpec &spec, uint32_t pre, double scale,
                         WeightQuantizer quantize,
                         std::vector<ExpandedSynapse> &row);

/// Calls `fn(pre, target, delay, weight)` for every synapse of `p` (whose
/// source has `sources` neurons) in row order, stored or regenerated, with
/// its real weight: for passes that read a network's weights unquantized.
template <typename Fn>
void forEachSynapse(const Projection &p, uint32_t sources, Fn fn) {
  if (p.isProcedural) {
    ProceduralRows rows(p.procedural.spec, 1.0,
                        [](double, double) -> int16_t { return 0; });
    std::vector<ExpandedSynapse> row;
    for (uint32_t pre = 0; pre < sources; ++pre) {
      rows.expandRow(pre, row);
      for (const ExpandedSynapse &s : row)
        fn(pre, s.target, uint16_t(p.procedural.delay), s.weight);
    }
    return;
  }
  const StoredSynapses &s = p.stored;
  for (uint32_t pre = 0; pre < sources; ++pre)
    for (uint64_t k = s.rowPtr[pre]; k < s.rowPtr[pre + 1]; ++k)
      fn(pre, s.target[k], s.delay[k], s.weight[k]);
}

} // namespace snnc::image

#endif // SNNC_IMAGE_PROCEDURAL_H
