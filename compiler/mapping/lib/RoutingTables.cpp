//===- RoutingTables.cpp - Multicast trees as per-chip key/mask tables ----===//

#include "snnc/mapping/RoutingTables.h"
#include "snnc/mapping/MappingError.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace snnc::mapping {

namespace {

struct WordsHash {
  size_t operator()(const std::vector<uint64_t> &words) const {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (uint64_t w : words)
      h = (h ^ w) * 0x100000001b3ULL + (h >> 29);
    return static_cast<size_t>(h);
  }
};

/// Interns route bitsets of one table; ids follow first use, so they do not
/// depend on the hash function.
class RoutePool {
public:
  RoutePool(RoutingTable &table, uint32_t words) : table(table), words(words) {}

  uint32_t intern(const uint64_t *bits) {
    key.assign(bits, bits + words);
    auto [it, inserted] = ids.emplace(key, uint32_t(ids.size()));
    if (inserted)
      table.routeWords.insert(table.routeWords.end(), bits, bits + words);
    return it->second;
  }

private:
  RoutingTable &table;
  uint32_t words;
  std::vector<uint64_t> key;
  std::unordered_map<std::vector<uint64_t>, uint32_t, WordsHash> ids;
};

bool testBit(const uint64_t *words, uint32_t bit) {
  return (words[bit / 64] >> (bit % 64)) & 1;
}

} // namespace

bool RoutingTables::hasLink(const RoutingTable &t, uint32_t route,
                            uint32_t link) const {
  return testBit(&t.routeWords[size_t(route) * layout.words], link);
}

bool RoutingTables::hasPe(const RoutingTable &t, uint32_t route,
                          uint32_t pe) const {
  return testBit(&t.routeWords[size_t(route) * layout.words],
                 layout.numLinks + pe);
}

std::vector<uint32_t> RoutingTables::linksOf(const RoutingTable &t,
                                             uint32_t route) const {
  std::vector<uint32_t> out;
  for (uint32_t l = 0; l < layout.numLinks; ++l)
    if (hasLink(t, route, l))
      out.push_back(l);
  return out;
}

std::vector<uint32_t> RoutingTables::pesOf(const RoutingTable &t,
                                           uint32_t route) const {
  std::vector<uint32_t> out;
  for (uint32_t p = 0; p < layout.pesPerChip; ++p)
    if (hasPe(t, route, p))
      out.push_back(p);
  return out;
}

uint64_t RoutingTables::totalEntries() const {
  uint64_t n = 0;
  for (const RoutingTable &t : tables)
    n += t.entries.size();
  return n;
}

uint32_t RoutingTables::maxEntries() const {
  size_t n = 0;
  for (const RoutingTable &t : tables)
    n = std::max(n, t.entries.size());
  return static_cast<uint32_t>(n);
}

RoutingTables buildRoutingTables(const Destinations &destinations,
                                 const std::vector<uint32_t> &peOfSlice,
                                 const Topology &topology,
                                 const KeyAllocation &keys) {
  RoutingTables out;
  uint32_t chips = topology.numChips(), links = topology.numLinks();
  out.layout.numLinks = links;
  out.layout.pesPerChip = topology.pesPerChip();
  out.layout.words = (links + topology.pesPerChip() + 63) / 64;
  uint32_t words = out.layout.words;
  out.tables.resize(chips);
  std::vector<RoutePool> pools;
  pools.reserve(chips);
  for (uint32_t c = 0; c < chips; ++c) {
    out.tables[c].chip = c;
    pools.emplace_back(out.tables[c], words);
  }

  // Sources in key order, so every chip's entries come out key-sorted.
  std::vector<uint32_t> order(destinations.numSlices());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return keys.baseKey[a] < keys.baseKey[b];
  });

  std::vector<uint64_t> bits(size_t(chips) * words, 0);
  std::vector<int32_t> arrival(chips, -1);
  std::vector<uint8_t> onTree(chips, 0), touchedFlag(chips, 0);
  std::vector<uint32_t> touched;
  for (uint32_t s : order) {
    if (destinations.size(s) == 0)
      continue;
    uint32_t root = topology.pe(peOfSlice[s]).chip;
    const std::vector<int32_t> &parentChip = topology.parentChips(root);
    const std::vector<int32_t> &parentLink = topology.parentLinks(root);
    auto touch = [&](uint32_t c) {
      if (!touchedFlag[c]) {
        touchedFlag[c] = 1;
        touched.push_back(c);
      }
    };
    touched.clear();
    touch(root);
    onTree[root] = 1;
    for (uint64_t i = 0; i < destinations.size(s); ++i) {
      uint32_t pe = destinations.data(s)[i];
      uint32_t c = topology.pe(pe).chip;
      uint32_t bit = links + topology.pe(pe).local;
      bits[size_t(c) * words + bit / 64] |= uint64_t(1) << (bit % 64);
      touch(c);
      while (!onTree[c]) {
        int32_t parent = parentChip[c];
        if (parent < 0) {
          Coord2 a = topology.chipCoord(root), b = topology.chipCoord(c);
          throw MappingError(
              MappingErrorKind::RoutingMismatch, "chip links", "connectivity",
              0, 0,
              "no chip-link path from chip (" + std::to_string(a[0]) + "," +
                  std::to_string(a[1]) + ") to chip (" + std::to_string(b[0]) +
                  "," + std::to_string(b[1]) + ")");
        }
        onTree[c] = 1;
        uint32_t link = uint32_t(parentLink[c]);
        arrival[c] = int32_t(link);
        bits[size_t(parent) * words + link / 64] |= uint64_t(1) << (link % 64);
        c = uint32_t(parent);
        touch(c);
      }
    }
    arrival[root] = -1;
    std::sort(touched.begin(), touched.end());
    for (uint32_t c : touched) {
      uint64_t *routeBits = &bits[size_t(c) * words];
      RoutingTable &table = out.tables[c];
      table.entries.push_back(
          {keys.baseKey[s], keys.sliceMask, pools[c].intern(routeBits)});
      table.arrivalLink.push_back(arrival[c]);
      std::fill(routeBits, routeBits + words, 0);
      arrival[c] = -1;
      onTree[c] = 0;
      touchedFlag[c] = 0;
    }
  }
  return out;
}

} // namespace snnc::mapping
