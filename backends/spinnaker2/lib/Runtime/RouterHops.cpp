//===- RouterHops.cpp - Chip-to-chip hops of each multicast tree ----------===//

#include "RouterHops.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace snnc::runtime::detail {

namespace {

using spinnaker2::RoutingEntry;
using spinnaker2::RoutingSection;

/// The resolved machine, cut to the chips that have router tables.
struct Mesh {
  uint32_t links = 0;
  bool defaultRoute = false;
  /// neighbour[chip * links + link], or -1.
  std::vector<int64_t> neighbour;
};

Mesh buildMesh(const image::Image &image, const RoutingSection &routes) {
  Mesh mesh;
  mesh.links = image::linkCount(image.layout);
  mesh.defaultRoute = routes.defaultRoute;
  uint32_t chips = image.placement.chips;
  mesh.neighbour.assign(size_t(chips) * mesh.links, -1);
  for (size_t k = 0; k < mesh.neighbour.size(); ++k) {
    int32_t next = image.layout.neighbours[k];
    if (next >= 0 && uint32_t(next) < chips)
      mesh.neighbour[k] = next;
  }
  return mesh;
}

const RoutingEntry *match(const RoutingSection &routes, uint32_t chip,
                          uint32_t key) {
  for (const RoutingEntry &e : routes.tables[chip].entries)
    if ((key & e.mask) == e.key)
      return &e;
  return nullptr;
}

/// Links traversed by the tree of `key` injected at `chip`. Each (chip,
/// outgoing link) is taken at most once, so a table with a cycle cannot
/// loop.
uint32_t treeHops(const RoutingSection &routes, const Mesh &mesh, uint32_t chip,
                  uint32_t key) {
  std::set<std::pair<uint32_t, uint32_t>> used;
  // (chip, link the packet arrived on its way along, or -1 at the source).
  std::vector<std::pair<uint32_t, int64_t>> work{{chip, -1}};
  uint32_t hops = 0;
  while (!work.empty()) {
    auto [c, via] = work.back();
    work.pop_back();
    std::vector<uint32_t> out;
    if (const RoutingEntry *e = match(routes, c, key)) {
      const uint64_t *words = routes.tables[c].routeWords.data() +
                              size_t(e->route) * routes.wordsPerRoute;
      for (uint32_t k = 0; k < mesh.links; ++k)
        if (words[k / 64] >> (k % 64) & 1)
          out.push_back(k);
    } else if (via >= 0 && mesh.defaultRoute) {
      out.push_back(static_cast<uint32_t>(via));
    }
    for (uint32_t k : out) {
      int64_t next = mesh.neighbour[size_t(c) * mesh.links + k];
      if (next < 0 || !used.insert({c, k}).second)
        continue;
      ++hops;
      work.push_back({static_cast<uint32_t>(next), int64_t(k)});
    }
  }
  return hops;
}

/// `global` is the global index of the first of `slices`.
void addSource(const image::Image &image, const RoutingSection &routes,
               const Mesh &mesh, const std::vector<image::Slice> &slices,
               uint32_t size, size_t &global,
               std::vector<std::vector<uint32_t>> &hops) {
  std::vector<uint32_t> perElement(size, 0);
  for (const image::Slice &s : slices) {
    uint32_t chip = s.pe / image.placement.pesPerChip;
    uint32_t key = routes.keys[global++].base;
    for (uint32_t i = 0; i < s.count; ++i)
      perElement[s.first + i] = treeHops(routes, mesh, chip, key | i);
  }
  hops.push_back(std::move(perElement));
}

} // namespace

void routerHops(const image::Image &image,
                std::vector<std::vector<uint32_t>> &hops) {
  hops.clear();
  if (image.placement.chips <= 1)
    return;
  const RoutingSection &routes = spinnaker2::routing(image);
  Mesh mesh = buildMesh(image, routes);
  size_t global = 0;
  for (const image::InputPort &port : image.inputs)
    addSource(image, routes, mesh, port.slices, port.size, global, hops);
  for (const image::Population &pop : image.populations)
    addSource(image, routes, mesh, pop.slices, pop.size, global, hops);
}

} // namespace snnc::runtime::detail
