//===- Procedural.h - Regenerating procedural synapse rows ------*- C++ -*-===//
//
// Procedural projections store a reservoir spec instead of synapses. Every
// engine regenerates rows through this one helper so that the ref, float
// and rtl engines see the same targets, the same float weights and the same
// int16 weights: w_q = clamp(llround(w / scale), -32767, 32767), the
// compile-time rule of docs/numerics.md §3, applied to the expander's float
// weight.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_PROCEDURAL_H
#define SNNC_IMAGE_PROCEDURAL_H

#include "snnc/image/Image.h"

#include "snn/Reservoir.h"

#include <cstdint>
#include <vector>

namespace snnc::image {

using ProceduralSpec = snn::reservoir::Spec;

struct ExpandedSynapse {
  uint32_t target;
  float weight;
  int16_t weightQ;
};

/// The int16 weight of real weight `weight` under `scale`.
int16_t quantizeWeight(double weight, double scale);

/// Expands rows of one procedural projection; build one per projection (and
/// thread) and reuse it, since construction costs O(size) (the E/I type
/// bitmap).
class ProceduralRows {
public:
  /// `spec` must pass snn::reservoir::validate (readImage guarantees it).
  ProceduralRows(const ProceduralSpec &spec, double scale);

  /// Fills `row` (cleared first) with the synapses of source neuron `pre`,
  /// sorted by target.
  void expandRow(uint32_t pre, std::vector<ExpandedSynapse> &row);

  const snn::reservoir::Expander &expander() const { return expanderImpl; }

private:
  snn::reservoir::Expander expanderImpl;
  double scale;
  std::vector<snn::reservoir::Synapse> scratch;
};

/// One row without keeping an expander: O(size) per call, so loops over
/// rows should use ProceduralRows instead.
void expandProceduralRow(const ProceduralSpec &spec, uint32_t pre, double scale,
                         std::vector<ExpandedSynapse> &row);

} // namespace snnc::image

#endif // SNNC_IMAGE_PROCEDURAL_H
