//===- SpikeList.cpp - Recorded spikes in step order, compact -------------===//

#include "snnc/runtime/SpikeList.h"

#include <algorithm>

namespace snnc::runtime {

SpikeEvent SpikeList::operator[](size_t k) const {
  auto group =
      std::upper_bound(groups.begin(), groups.end(), uint64_t(k),
                       [](uint64_t at, const Group &g) { return at < g.end; });
  return {group->step, indices[k]};
}

bool operator==(const SpikeList &a, const std::vector<SpikeEvent> &b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

} // namespace snnc::runtime
