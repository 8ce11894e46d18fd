//===- TableCompression.cpp - Shrink routing tables, keep semantics -------===//
//
// The dynamic programme, per chip. Keys received at the chip sit at the
// leaves of a binary trie over the key bits (only nodes where keys branch
// are materialised). For node v and a route r that keys of v fall through
// to when no entry inside v matches, f(v, r) is the fewest entries inside v
// that make every key of v leave correctly:
//
//   leaf with route q:  f = 0 if r == q, or r == "unmatched" and the key is
//                       default-routable; else 1 (an exact entry).
//   inner node:         f(v, r) = min(f(L, r) + f(R, r), cover(v)),
//                       cover(v) = 1 + min over routes q in v of
//                                  f(L, q) + f(R, q).
//
// A cover is one entry with v's prefix and route q placed after the entries
// inside v, so it only catches keys of v that nothing more specific caught.
// Routes absent from v act alike (every key of v mismatches them), so each
// node stores f only for its own routes plus two shared values: r =
// "unmatched" and r = "some other route". The table is f(root, unmatched).
//
//===----------------------------------------------------------------------===//

#include "snnc/mapping/TableCompression.h"
#include "snnc/mapping/MappingError.h"

#include <algorithm>
#include <limits>

namespace snnc::mapping {

namespace {

constexpr int64_t kUnmatched = -1;
constexpr int64_t kOther = -2;

struct RouteCost {
  uint32_t route;
  uint32_t cost;
};

struct Node {
  uint32_t lo, hi;
  int32_t left = -1, right = -1;
  uint32_t key = 0, mask = 0;
  uint32_t costsBegin = 0, costsEnd = 0;
  uint32_t unmatched = 0, other = 0, cover = 0, coverRoute = 0;
};

class ChipCompressor {
public:
  ChipCompressor(const std::vector<RoutingEntry> &entries,
                 const std::vector<uint8_t> &defaultable)
      : entries(entries), defaultable(defaultable) {}

  std::vector<RoutingEntry> run() {
    std::vector<RoutingEntry> out;
    if (entries.empty())
      return out;
    int32_t root = build(0, uint32_t(entries.size()));
    emit(root, kUnmatched, out);
    return out;
  }

private:
  int32_t build(uint32_t lo, uint32_t hi) {
    Node node;
    node.lo = lo;
    node.hi = hi;
    if (hi - lo == 1) {
      const RoutingEntry &e = entries[lo];
      node.key = e.key;
      node.mask = e.mask;
      node.costsBegin = uint32_t(costs.size());
      costs.push_back({e.route, 0});
      node.costsEnd = uint32_t(costs.size());
      node.unmatched = defaultable[lo] ? 0 : 1;
      node.other = 1;
      node.cover = 1;
      node.coverRoute = e.route;
      nodes.push_back(node);
      return int32_t(nodes.size() - 1);
    }
    // Keys are sorted and distinct: split at their highest differing bit.
    uint32_t diff = entries[lo].key ^ entries[hi - 1].key;
    uint32_t bit = 31 - uint32_t(__builtin_clz(diff));
    uint32_t mid = lo;
    while (mid < hi && !((entries[mid].key >> bit) & 1))
      ++mid;
    int32_t l = build(lo, mid), r = build(mid, hi);
    const Node &L = nodes[l], &R = nodes[r];
    node.left = l;
    node.right = r;
    uint32_t above = bit == 31 ? 0 : ~((uint32_t(2) << bit) - 1);
    node.mask = entries[lo].mask & above;
    node.key = entries[lo].key & node.mask;

    // Merge the children's route lists (both sorted by route).
    node.costsBegin = uint32_t(costs.size());
    uint32_t i = L.costsBegin, j = R.costsBegin;
    uint32_t best = std::numeric_limits<uint32_t>::max(), bestRoute = 0;
    while (i < L.costsEnd || j < R.costsEnd) {
      RouteCost rc;
      if (j >= R.costsEnd ||
          (i < L.costsEnd && costs[i].route < costs[j].route)) {
        rc = {costs[i].route, costs[i].cost + R.other};
        ++i;
      } else if (i >= L.costsEnd || costs[j].route < costs[i].route) {
        rc = {costs[j].route, L.other + costs[j].cost};
        ++j;
      } else {
        rc = {costs[i].route, costs[i].cost + costs[j].cost};
        ++i;
        ++j;
      }
      if (rc.cost < best) {
        best = rc.cost;
        bestRoute = rc.route;
      }
      costs.push_back(rc);
    }
    node.costsEnd = uint32_t(costs.size());
    node.cover = best + 1;
    node.coverRoute = bestRoute;
    for (uint32_t k = node.costsBegin; k < node.costsEnd; ++k)
      costs[k].cost = std::min(costs[k].cost, node.cover);
    node.unmatched = std::min(L.unmatched + R.unmatched, node.cover);
    node.other = std::min(L.other + R.other, node.cover);
    nodes.push_back(node);
    return int32_t(nodes.size() - 1);
  }

  /// f(node, inherited) as stored.
  uint32_t value(const Node &node, int64_t inherited) const {
    if (inherited == kUnmatched)
      return node.unmatched;
    if (inherited >= 0) {
      auto begin = costs.begin() + node.costsBegin;
      auto end = costs.begin() + node.costsEnd;
      auto it = std::lower_bound(
          begin, end, uint32_t(inherited),
          [](const RouteCost &c, uint32_t r) { return c.route < r; });
      if (it != end && it->route == uint32_t(inherited))
        return it->cost;
    }
    return node.other;
  }

  /// Post-order: entries inside a node precede its cover.
  void emit(int32_t index, int64_t inherited, std::vector<RoutingEntry> &out) {
    const Node &node = nodes[index];
    if (node.left < 0) {
      const RoutingEntry &e = entries[node.lo];
      bool fine = inherited == int64_t(e.route) ||
                  (inherited == kUnmatched && defaultable[node.lo]);
      if (!fine)
        out.push_back(e);
      return;
    }
    uint32_t split = value(nodes[node.left], inherited) +
                     value(nodes[node.right], inherited);
    if (node.cover < split) {
      emit(node.left, node.coverRoute, out);
      emit(node.right, node.coverRoute, out);
      out.push_back({node.key, node.mask, node.coverRoute});
    } else {
      emit(node.left, inherited, out);
      emit(node.right, inherited, out);
    }
  }

  const std::vector<RoutingEntry> &entries;
  const std::vector<uint8_t> &defaultable;
  std::vector<Node> nodes;
  std::vector<RouteCost> costs;
};

/// Whether an entry does only what the router's default route would do.
bool isDefaultRoutable(const RoutingTables &tables, const RoutingTable &table,
                       size_t index) {
  int32_t in = table.arrivalLink[index];
  if (in < 0)
    return false;
  uint32_t route = table.entries[index].route;
  const uint64_t *bits = &table.routeWords[size_t(route) * tables.layout.words];
  for (uint32_t w = 0; w < tables.layout.words; ++w) {
    uint64_t expect = (uint32_t(in) / 64 == w) ? uint64_t(1) << (in % 64) : 0;
    if (bits[w] != expect)
      return false;
  }
  return true;
}

} // namespace

RoutingTables compressRoutingTables(const RoutingTables &original,
                                    bool defaultRouting,
                                    CompressionStats *stats) {
  RoutingTables out;
  out.layout = original.layout;
  out.tables.resize(original.tables.size());
  CompressionStats st;
  std::vector<RoutingEntry> sorted;
  std::vector<uint8_t> defaultable;
  for (size_t c = 0; c < original.tables.size(); ++c) {
    const RoutingTable &in = original.tables[c];
    RoutingTable &t = out.tables[c];
    t.chip = in.chip;
    t.routeWords = in.routeWords;
    if (in.arrivalLink.size() != in.entries.size())
      throw MappingError(MappingErrorKind::RoutingMismatch, "routing tables",
                         "arrival links", double(in.entries.size()),
                         double(in.arrivalLink.size()),
                         "table compression needs the uncompressed tables of "
                         "buildRoutingTables (with arrival links)");
    std::vector<size_t> order(in.entries.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return in.entries[a].key < in.entries[b].key;
    });
    sorted.clear();
    defaultable.clear();
    uint64_t removable = 0;
    bool distinct = true;
    for (size_t k = 0; k < order.size(); ++k) {
      const RoutingEntry &e = in.entries[order[k]];
      distinct = distinct && (k == 0 || sorted.back().key != e.key) &&
                 e.mask == in.entries[order[0]].mask;
      sorted.push_back(e);
      bool d = defaultRouting && isDefaultRoutable(original, in, order[k]);
      defaultable.push_back(d ? 1 : 0);
      removable += d;
    }
    // The trie needs one entry per key, all with one mask; anything else
    // did not come from buildRoutingTables and is kept unchanged.
    t.entries =
        distinct ? ChipCompressor(sorted, defaultable).run() : in.entries;

    st.entriesBefore += in.entries.size();
    st.entriesAfterDefaultRemoval += in.entries.size() - removable;
    st.entriesAfter += t.entries.size();
    st.maxBefore =
        std::max<uint32_t>(st.maxBefore, uint32_t(in.entries.size()));
    st.maxAfterDefaultRemoval = std::max<uint32_t>(
        st.maxAfterDefaultRemoval, uint32_t(in.entries.size() - removable));
    st.maxAfter = std::max<uint32_t>(st.maxAfter, uint32_t(t.entries.size()));
    st.routersUsed += in.entries.empty() ? 0 : 1;
  }
  if (stats)
    *stats = st;
  return out;
}

void checkTableLimits(const RoutingTables &tables, const Topology &topology,
                      uint32_t limit) {
  for (const RoutingTable &t : tables.tables) {
    if (t.entries.size() <= limit)
      continue;
    Coord2 at = topology.chipCoord(t.chip);
    std::string router =
        "router (" + std::to_string(at[0]) + "," + std::to_string(at[1]) + ")";
    throw MappingError(MappingErrorKind::RoutingTableFull, router,
                       "routing_entries_per_router", double(t.entries.size()),
                       double(limit),
                       router + " needs " + std::to_string(t.entries.size()) +
                           " routing entries after compression, but "
                           "routing_entries_per_router is " +
                           std::to_string(limit));
  }
}

} // namespace snnc::mapping
