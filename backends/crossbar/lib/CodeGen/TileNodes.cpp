//===- TileNodes.cpp - Which mesh node each tile sits at ------------------===//

#include "TileNodes.h"

#include <cstdlib>
#include <limits>

namespace snnc::crossbar {

std::vector<int64_t> assignTileNodes(const std::vector<int64_t> &homes,
                                     const std::vector<int64_t> &sliceNodes,
                                     const DeviceModel &model) {
  int64_t nodes = model.tilesPerChip, cols = model.meshCols;
  std::vector<bool> taken(nodes, false), hostsSlice(nodes, false);
  for (int64_t node : sliceNodes)
    hostsSlice[node] = true;
  // Homes first, in tile order, so that every slice keeps one tile beside
  // it before another tile of the same slice spills to a neighbour.
  std::vector<int64_t> out(homes.size(), -1);
  for (size_t t = 0; t < homes.size(); ++t)
    if (homes[t] >= 0 && homes[t] < nodes && !taken[homes[t]]) {
      taken[homes[t]] = true;
      out[t] = homes[t];
    }
  for (size_t t = 0; t < homes.size(); ++t) {
    if (out[t] >= 0)
      continue;
    // A tile without a home (none of the caller's) starts from node 0.
    int64_t home = homes[t] >= 0 && homes[t] < nodes ? homes[t] : 0, best = -1;
    auto cost = [&](int64_t n) {
      int64_t hops = std::llabs(n % cols - home % cols) +
                     std::llabs(n / cols - home / cols);
      // A node without a slice beats any node holding one.
      return (hostsSlice[n] ? nodes * 2 : 0) + hops;
    };
    int64_t bestCost = std::numeric_limits<int64_t>::max();
    for (int64_t n = 0; n < nodes; ++n)
      if (!taken[n] && cost(n) < bestCost) {
        best = n;
        bestCost = cost(n);
      }
    taken[best] = true;
    out[t] = best;
  }
  return out;
}

} // namespace snnc::crossbar
