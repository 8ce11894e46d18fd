//===- Destinations.cpp - The PEs each slice's spikes must reach ----------===//
//
// Destination sets are gathered through a PE bitmap instead of sorting, so
// building them for a dense slice graph costs O(edges + words touched).
//
//===----------------------------------------------------------------------===//

#include "snnc/mapping/RoutingTables.h"

#include <algorithm>
#include <tuple>

namespace snnc::mapping {

namespace {

/// A set of PE indices that empties itself into a sorted list.
class PeBitmap {
public:
  explicit PeBitmap(uint32_t numPes) : words((numPes + 63) / 64, 0) {}

  void add(uint32_t pe) {
    uint64_t &w = words[pe / 64];
    if (!w)
      touched.push_back(pe / 64);
    w |= uint64_t(1) << (pe % 64);
  }

  void drainInto(std::vector<uint32_t> &out) {
    std::sort(touched.begin(), touched.end());
    for (uint32_t i : touched) {
      for (uint64_t w = words[i]; w; w &= w - 1)
        out.push_back(i * 64 + uint32_t(__builtin_ctzll(w)));
      words[i] = 0;
    }
    touched.clear();
  }

private:
  std::vector<uint64_t> words;
  std::vector<uint32_t> touched;
};

} // namespace

Destinations sliceDestinations(const SliceGraph &graph,
                               const std::vector<uint32_t> &peOfSlice,
                               uint32_t numPes) {
  Destinations d;
  d.begin.assign(graph.numSlices + 1, 0);
  d.pes.reserve(graph.outTarget.size());
  PeBitmap set(numPes);
  for (uint32_t s = 0; s < graph.numSlices; ++s) {
    for (uint64_t e = graph.outBegin[s]; e < graph.outBegin[s + 1]; ++e)
      set.add(peOfSlice[graph.outTarget[e]]);
    set.drainInto(d.pes);
    d.begin[s + 1] = d.pes.size();
  }
  return d;
}

Destinations widenDestinations(const SliceGraph &graph,
                               const Partition &partition,
                               const std::vector<uint32_t> &peOfSlice,
                               const Topology &topology) {
  // Every slice's (population, chip, PE), sorted for range look-ups.
  using Key = std::tuple<uint32_t, uint32_t, uint32_t>;
  std::vector<Key> hosts;
  hosts.reserve(graph.numSlices);
  for (uint32_t t = 0; t < graph.numSlices; ++t)
    hosts.emplace_back(partition.slices[t].population,
                       topology.pe(peOfSlice[t]).chip, peOfSlice[t]);
  std::sort(hosts.begin(), hosts.end());

  Destinations d;
  d.begin.assign(graph.numSlices + 1, 0);
  PeBitmap set(topology.numPes());
  std::vector<uint32_t> pops, chips;
  std::vector<uint32_t> chipStamp(topology.numChips(), UINT32_MAX);
  for (uint32_t s = 0; s < graph.numSlices; ++s) {
    pops.clear();
    chips.clear();
    for (uint64_t e = graph.outBegin[s]; e < graph.outBegin[s + 1]; ++e) {
      uint32_t t = graph.outTarget[e];
      pops.push_back(partition.slices[t].population);
      uint32_t chip = topology.pe(peOfSlice[t]).chip;
      if (chipStamp[chip] != s) {
        chipStamp[chip] = s;
        chips.push_back(chip);
      }
    }
    std::sort(pops.begin(), pops.end());
    pops.erase(std::unique(pops.begin(), pops.end()), pops.end());
    for (uint32_t pop : pops)
      for (uint32_t chip : chips) {
        auto lo =
            std::lower_bound(hosts.begin(), hosts.end(), Key{pop, chip, 0});
        for (auto it = lo; it != hosts.end() && std::get<0>(*it) == pop &&
                           std::get<1>(*it) == chip;
             ++it)
          set.add(std::get<2>(*it));
      }
    set.drainInto(d.pes);
    d.begin[s + 1] = d.pes.size();
  }
  return d;
}

} // namespace snnc::mapping
