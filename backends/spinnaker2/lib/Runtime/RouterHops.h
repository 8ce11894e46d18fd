//===- RouterHops.h - Chip-to-chip hops of each multicast tree --*- C++ -*-===//
//
// Routing is static, so the hops of a spike's packet depend only on its key:
// they are computed once per source element by following the image's
// router tables across the chip mesh, and a run adds them per spike.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_ROUTERHOPS_H
#define SNNC_SPINNAKER2_ROUTERHOPS_H

#include "snnc/image/Image.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <cstdint>
#include <vector>

namespace snnc::runtime::detail {

/// Chip-to-chip link traversals of the multicast tree of each element's
/// key, per source (inputs first, then populations), starting at the chip
/// of the element's slice. A chip whose table matches no entry forwards a
/// packet that arrived on a link straight on (default routing) when the
/// target model allows it, and drops it otherwise. On-chip NoC hops are not
/// counted. Leaves `hops` empty when every count is 0 (a single chip).
/// The chip mesh is the image's resolved layout.
void routerHops(const image::Image &image,
                std::vector<std::vector<uint32_t>> &hops);

} // namespace snnc::runtime::detail

#endif // SNNC_SPINNAKER2_ROUTERHOPS_H
