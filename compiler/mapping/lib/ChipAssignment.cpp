//===- ChipAssignment.cpp - Groups to chips, slices to PEs ----------------===//
//
// Groups are few (one per chip used), so assigning them to chips is a small
// quadratic assignment problem: greedy construction by traffic, then
// pairwise chip swaps until none helps. Inside a chip, slices fill PEs in
// slice order along a snake through the cluster grid, so consecutive slices
// (neighbouring neurons, often the most connected) sit in the same or
// adjacent clusters before annealing starts.
//
//===----------------------------------------------------------------------===//

#include "snnc/mapping/MappingError.h"
#include "snnc/mapping/Placement.h"

#include <algorithm>
#include <cmath>

namespace snnc::mapping {

namespace {

/// Local PE indices of a chip in snake order over the cluster grid.
std::vector<uint32_t> snakeOrder(const Topology &topo) {
  std::vector<uint32_t> order(topo.pesPerChip());
  for (uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const PeLocation &la = topo.pe(a), &lb = topo.pe(b);
    if (la.qy != lb.qy)
      return la.qy < lb.qy;
    if (la.qx != lb.qx)
      return (la.qy % 2 == 0) ? la.qx < lb.qx : la.qx > lb.qx;
    return la.qp < lb.qp;
  });
  return order;
}

class ChipAssigner {
public:
  ChipAssigner(const SliceGraph &g, const Topology &topo,
               const Grouping &grouping)
      : topo(topo), groups(grouping.numGroups),
        traffic(size_t(groups) * groups, 0.0), chipOf(groups, -1),
        groupAt(topo.numChips(), -1) {
    for (uint32_t u = 0; u < g.numSlices; ++u)
      for (uint64_t e = g.adjBegin[u]; e < g.adjBegin[u + 1]; ++e) {
        uint32_t a = grouping.groupOfSlice[u];
        uint32_t b = grouping.groupOfSlice[g.adjNode[e]];
        if (a != b)
          traffic[size_t(a) * groups + b] += g.adjWeight[e];
      }
  }

  std::vector<int32_t> assign() {
    uint32_t chips = topo.numChips();
    // The most central chip leaves room to grow in every direction.
    uint32_t centre = 0;
    uint64_t bestSum = UINT64_MAX;
    for (uint32_t c = 0; c < chips; ++c) {
      uint64_t sum = 0;
      for (uint32_t d = 0; d < chips; ++d)
        sum += topo.chipHops(c, d);
      if (sum < bestSum) {
        bestSum = sum;
        centre = c;
      }
    }
    std::vector<double> toPlaced(groups, 0.0);
    for (uint32_t step = 0; step < groups; ++step) {
      uint32_t g = pickNextGroup(toPlaced, step == 0);
      uint32_t chip = centre;
      if (step > 0) {
        double best = HUGE_VAL;
        for (uint32_t c = 0; c < chips; ++c) {
          if (groupAt[c] >= 0)
            continue;
          double cost = placedCost(g, c) + 1e-9 * topo.chipHops(c, centre);
          if (cost < best) {
            best = cost;
            chip = c;
          }
        }
      }
      put(g, chip);
      for (uint32_t h = 0; h < groups; ++h)
        toPlaced[h] += pair(g, h);
    }
    improveBySwaps();
    return chipOf;
  }

private:
  double pair(uint32_t a, uint32_t b) const {
    return traffic[size_t(a) * groups + b] + traffic[size_t(b) * groups + a];
  }

  uint32_t pickNextGroup(const std::vector<double> &toPlaced, bool first) {
    uint32_t best = 0;
    double bestScore = -1;
    for (uint32_t g = 0; g < groups; ++g) {
      if (chipOf[g] >= 0)
        continue;
      double score = toPlaced[g];
      if (first)
        for (uint32_t h = 0; h < groups; ++h)
          score += pair(g, h);
      if (score > bestScore) {
        bestScore = score;
        best = g;
      }
    }
    return best;
  }

  /// Traffic x chip hops between `g` at `chip` and all placed groups.
  double placedCost(uint32_t g, uint32_t chip) const {
    double cost = 0;
    for (uint32_t h = 0; h < groups; ++h)
      if (h != g && chipOf[h] >= 0)
        cost += pair(g, h) * topo.chipHops(chip, uint32_t(chipOf[h]));
    return cost;
  }

  void put(uint32_t g, uint32_t chip) {
    chipOf[g] = int32_t(chip);
    groupAt[chip] = int32_t(g);
  }

  /// Moves or swaps groups between chips while that lowers the cost.
  void improveBySwaps() {
    for (int round = 0; round < 32; ++round) {
      bool changed = false;
      for (uint32_t g = 0; g < groups; ++g)
        for (uint32_t c = 0; c < topo.numChips(); ++c) {
          uint32_t from = uint32_t(chipOf[g]);
          if (c == from)
            continue;
          int32_t h = groupAt[c];
          double delta = 0;
          for (uint32_t x = 0; x < groups; ++x) {
            if (x == g || int32_t(x) == h)
              continue;
            uint32_t cx = uint32_t(chipOf[x]);
            delta += pair(g, x) *
                     (double(topo.chipHops(c, cx)) - topo.chipHops(from, cx));
            if (h >= 0)
              delta += pair(uint32_t(h), x) *
                       (double(topo.chipHops(from, cx)) - topo.chipHops(c, cx));
          }
          if (delta < -1e-9) {
            groupAt[from] = h;
            if (h >= 0)
              chipOf[h] = int32_t(from);
            put(g, c);
            changed = true;
          }
        }
      if (!changed)
        break;
    }
  }

  const Topology &topo;
  uint32_t groups;
  std::vector<double> traffic;
  std::vector<int32_t> chipOf;
  std::vector<int32_t> groupAt;
};

} // namespace

Placement initialPlacement(const SliceGraph &graph, const Topology &topology,
                           const Grouping &grouping) {
  Placement out;
  uint32_t n = graph.numSlices;
  if (n == 0)
    return out;
  if (grouping.numGroups > topology.numChips())
    throw MappingError(MappingErrorKind::NotEnoughPes, "machine", "chips",
                       grouping.numGroups, topology.numChips(),
                       "the network needs " +
                           std::to_string(grouping.numGroups) +
                           " chips but the machine has " +
                           std::to_string(topology.numChips()));
  std::vector<int32_t> chipOf =
      ChipAssigner(graph, topology, grouping).assign();
  std::vector<uint32_t> order = snakeOrder(topology);
  std::vector<uint32_t> filled(grouping.numGroups, 0);
  out.peOfSlice.resize(n);
  for (uint32_t s = 0; s < n; ++s) {
    uint32_t g = grouping.groupOfSlice[s];
    if (filled[g] >= topology.pesPerChip())
      throw MappingError(MappingErrorKind::NotEnoughPes, "chip group", "PEs",
                         filled[g] + 1, topology.pesPerChip(),
                         "a chip group holds more slices than a chip has PEs");
    out.peOfSlice[s] =
        uint32_t(chipOf[g]) * topology.pesPerChip() + order[filled[g]++];
  }
  out.initialCost = out.finalCost =
      placementCost(graph, topology, out.peOfSlice);
  return out;
}

} // namespace snnc::mapping
