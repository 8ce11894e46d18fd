//===- RouteCheck.cpp - Follow keys through routing tables ----------------===//

#include "snnc/mapping/RouteCheck.h"
#include "snnc/mapping/MappingError.h"

#include <algorithm>
#include <unordered_map>

namespace snnc::mapping {

namespace {

/// First-match lookup in O(distinct masks): entries grouped by mask, each
/// group a hash from masked key to the earliest entry index. Falls back to
/// a scan when a table has too many distinct masks to pay off.
class FastLookup {
public:
  explicit FastLookup(const RoutingTable &table) : table(table) {
    std::unordered_map<uint32_t, size_t> groupOf;
    for (size_t i = 0; i < table.entries.size(); ++i) {
      const RoutingEntry &e = table.entries[i];
      auto [it, inserted] = groupOf.emplace(e.mask, groups.size());
      if (inserted)
        groups.push_back({e.mask, {}});
      groups[it->second].second.emplace(e.key, int64_t(i));
    }
    scan = groups.size() > 64;
  }

  int64_t find(uint32_t key) const {
    if (scan)
      return lookupKey(table, key);
    int64_t best = -1;
    for (const auto &[mask, map] : groups) {
      auto it = map.find(key & mask);
      if (it != map.end() && (best < 0 || it->second < best))
        best = it->second;
    }
    return best;
  }

private:
  const RoutingTable &table;
  // emplace keeps the first (earliest) index of a duplicated key.
  std::vector<std::pair<uint32_t, std::unordered_map<uint32_t, int64_t>>>
      groups;
  bool scan = false;
};

template <typename Lookup>
bool trace(const RoutingTables &tables, const Topology &topology,
           uint32_t sourceChip, uint32_t key, bool defaultRouting,
           const Lookup &lookup, std::vector<uint32_t> &delivered) {
  delivered.clear();
  std::vector<uint8_t> seen(topology.numChips(), 0);
  std::vector<std::pair<uint32_t, int32_t>> stack{{sourceChip, -1}};
  while (!stack.empty()) {
    auto [chip, arrival] = stack.back();
    stack.pop_back();
    if (seen[chip]++)
      return false; // a second copy: the routes loop or overlap
    const RoutingTable &table = tables.tables[chip];
    int64_t index = lookup(chip, key);
    if (index < 0) {
      if (arrival < 0 || !defaultRouting)
        return false;
      int32_t next = topology.neighbour(chip, uint32_t(arrival));
      if (next < 0)
        return false;
      stack.push_back({uint32_t(next), arrival});
      continue;
    }
    uint32_t route = table.entries[size_t(index)].route;
    const uint64_t *bits =
        &table.routeWords[size_t(route) * tables.layout.words];
    for (uint32_t w = 0; w < tables.layout.words; ++w)
      for (uint64_t word = bits[w]; word; word &= word - 1) {
        uint32_t bit = w * 64 + uint32_t(__builtin_ctzll(word));
        if (bit < tables.layout.numLinks) {
          int32_t next = topology.neighbour(chip, bit);
          if (next < 0)
            return false;
          stack.push_back({uint32_t(next), int32_t(bit)});
        } else {
          delivered.push_back(chip * topology.pesPerChip() + bit -
                              tables.layout.numLinks);
        }
      }
  }
  std::sort(delivered.begin(), delivered.end());
  return true;
}

} // namespace

int64_t lookupKey(const RoutingTable &table, uint32_t key) {
  for (size_t i = 0; i < table.entries.size(); ++i)
    if ((key & table.entries[i].mask) == table.entries[i].key)
      return int64_t(i);
  return -1;
}

bool traceKey(const RoutingTables &tables, const Topology &topology,
              uint32_t sourceChip, uint32_t key, bool defaultRouting,
              std::vector<uint32_t> &delivered) {
  auto linear = [&](uint32_t chip, uint32_t k) {
    return lookupKey(tables.tables[chip], k);
  };
  return trace(tables, topology, sourceChip, key, defaultRouting, linear,
               delivered);
}

void verifyRouting(const RoutingTables &tables, const Topology &topology,
                   const Destinations &destinations,
                   const std::vector<uint32_t> &peOfSlice,
                   const KeyAllocation &keys, bool defaultRouting) {
  uint32_t neuronMask = uint32_t((uint64_t(1) << keys.neuronBits) - 1);
  for (const RoutingTable &t : tables.tables)
    for (const RoutingEntry &e : t.entries)
      if ((e.mask & neuronMask) || (e.key & ~e.mask))
        throw MappingError(MappingErrorKind::RoutingMismatch, "routing tables",
                           "neuron bits", 0, 0,
                           "a routing entry constrains the neuron bits of "
                           "the key or has key bits outside its mask");
  std::vector<FastLookup> index;
  index.reserve(tables.tables.size());
  for (const RoutingTable &t : tables.tables)
    index.emplace_back(t);
  auto fast = [&](uint32_t chip, uint32_t key) {
    return index[chip].find(key);
  };

  std::vector<uint32_t> got;
  for (uint32_t s = 0; s < destinations.numSlices(); ++s) {
    uint64_t want = destinations.size(s);
    if (want == 0)
      continue;
    uint32_t chip = topology.pe(peOfSlice[s]).chip;
    bool ok = trace(tables, topology, chip, keys.baseKey[s], defaultRouting,
                    fast, got);
    if (!ok || got.size() != want ||
        !std::equal(got.begin(), got.end(), destinations.data(s)))
      throw MappingError(
          MappingErrorKind::RoutingMismatch, "slice " + std::to_string(s),
          "destinations", double(want), double(got.size()),
          "routing check failed: key " + std::to_string(keys.baseKey[s]) +
              " of slice " + std::to_string(s) + " reaches " +
              std::to_string(got.size()) + " PEs" +
              (ok ? "" : " (dropped or looping)") + " instead of its " +
              std::to_string(want) + " destinations");
  }
}

} // namespace snnc::mapping
