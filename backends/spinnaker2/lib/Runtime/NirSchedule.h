//===- NirSchedule.h - Update order and delays of NIR's step ----*- C++ -*-===//
//
// NIR's discrete-time frameworks run a whole graph once per step, so a spike
// crosses every feed-forward projection within the step it was emitted in,
// and only a projection that closes a loop reads the previous step. The
// image stores snnc's timing instead: every stored synapse delay is one base
// step plus the steps of explicit delays (docs/numerics.md §2). This file
// recovers NIR's timing from the image: the order in which a step updates
// populations, and each synapse's delay under that order (docs/nir.md,
// "The nir engine").
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_NIRSCHEDULE_H
#define SNNC_SPINNAKER2_NIRSCHEDULE_H

#include "Topology.h"

#include <cstdint>
#include <vector>

namespace snnc::runtime::detail {

struct NirSchedule {
  /// Populations in the order a step updates them: a reverse post-order of
  /// a depth-first search along projections with a zero-delay synapse,
  /// started from every input port in order, then from every population not
  /// reached yet, in index order.
  std::vector<uint32_t> order;
  /// Per projection: 1 when it is recurrent, i.e. its source population is
  /// updated no earlier than its target (self-projections included), so
  /// that its zero-delay synapses read the previous step.
  std::vector<uint8_t> recurrent;

  /// The NIR delay in steps of a synapse of projection `q` whose image delay
  /// is `stored`: a procedural (reservoir) projection keeps its delay, which
  /// has no base step; a stored one drops the base step, except that a
  /// recurrent projection keeps at least one step.
  uint32_t delay(const image::Projection &proj, uint32_t q,
                 uint32_t stored) const {
    if (proj.isProcedural)
      return stored;
    uint32_t extra = stored - 1;
    return extra == 0 && recurrent[q] ? 1 : extra;
  }
};

NirSchedule buildNirSchedule(const image::Image &image,
                             const Topology &topology);

} // namespace snnc::runtime::detail

#endif // SNNC_SPINNAKER2_NIRSCHEDULE_H
