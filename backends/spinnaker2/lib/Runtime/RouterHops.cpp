//===- RouterHops.cpp - Chip-to-chip hops of each multicast tree ----------===//

#include "RouterHops.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

using nlohmann::json;

namespace snnc::runtime::detail {

namespace {

using Coord = std::pair<int64_t, int64_t>;

/// The image stores the target document as given, without the mapper's
/// built-in defaults (backends/spinnaker2/layout.json); these
/// mirror the defaults that fix the chip mesh, so that images of the
/// default single board resolve.
const json &meshDefaults() {
  static const json defaults = {
      {"board",
       {{"chip_link_directions",
         {{1, 0}, {1, 1}, {0, 1}, {-1, 0}, {-1, -1}, {0, -1}}},
        {"max_boards", 1},
        {"board_origins", {{0, 0}}}}},
      {"router_default_route", true}};
  return defaults;
}

/// `path` ("board.max_boards") in the overrides, the target document or the
/// defaults, unwrapping {"value": x} records; null when absent everywhere.
json lookup(const image::Image &image, const std::string &path) {
  std::vector<const json *> docs;
  for (const char *key : {"overrides", "target"}) {
    auto it = image.targetModel.find(key);
    if (it != image.targetModel.end() && it->is_object())
      docs.push_back(&*it);
  }
  docs.push_back(&meshDefaults());
  for (const json *doc : docs) {
    const json *node = doc;
    size_t start = 0;
    while (node && start <= path.size()) {
      size_t dot = path.find('.', start);
      std::string key = path.substr(start, dot - start);
      auto it = node->is_object() ? node->find(key) : node->end();
      node = node->is_object() && it != node->end() ? &*it : nullptr;
      start = dot == std::string::npos ? path.size() + 1 : dot + 1;
    }
    if (!node)
      continue;
    if (node->is_object() && node->contains("value"))
      return (*node)["value"];
    return *node;
  }
  return nullptr;
}

bool readCoords(const json &value, std::vector<Coord> &out) {
  if (!value.is_array())
    return false;
  for (const json &c : value) {
    if (!c.is_array() || c.size() != 2 || !c[0].is_number_integer() ||
        !c[1].is_number_integer())
      return false;
    out.emplace_back(c[0].get<int64_t>(), c[1].get<int64_t>());
  }
  return true;
}

struct Mesh {
  uint32_t links = 0;
  bool defaultRoute = false;
  /// neighbour[chip * links + link], or -1.
  std::vector<int64_t> neighbour;
};

/// Chips numbered as the mapper numbers them: board by board, each board's
/// chips in board_chip_coordinates order, offset by the board's origin.
bool buildMesh(const image::Image &image, Mesh &mesh) {
  std::vector<Coord> chipsOfBoard, origins, links;
  json maxBoards = lookup(image, "board.max_boards");
  json defaultRoute = lookup(image, "router_default_route");
  if (!readCoords(lookup(image, "board.board_chip_coordinates"),
                  chipsOfBoard) ||
      !readCoords(lookup(image, "board.board_origins"), origins) ||
      !readCoords(lookup(image, "board.chip_link_directions"), links) ||
      !maxBoards.is_number_integer() || maxBoards.get<int64_t>() < 0 ||
      !defaultRoute.is_boolean())
    return false;
  uint64_t boards =
      std::min<uint64_t>(maxBoards.get<uint64_t>(), origins.size());
  std::vector<Coord> chips;
  std::map<Coord, int64_t> index;
  for (uint64_t b = 0; b < boards; ++b)
    for (const Coord &c : chipsOfBoard) {
      Coord at{origins[b].first + c.first, origins[b].second + c.second};
      index.emplace(at, int64_t(chips.size()));
      chips.push_back(at);
    }
  if (chips.size() < image.placement.chips ||
      links.size() != image.routing.numLinks)
    return false;
  mesh.links = static_cast<uint32_t>(links.size());
  mesh.defaultRoute = defaultRoute.get<bool>();
  mesh.neighbour.assign(size_t(image.placement.chips) * mesh.links, -1);
  for (uint32_t c = 0; c < image.placement.chips; ++c)
    for (uint32_t k = 0; k < mesh.links; ++k) {
      auto it = index.find(
          {chips[c].first + links[k].first, chips[c].second + links[k].second});
      if (it != index.end() && it->second < image.placement.chips)
        mesh.neighbour[size_t(c) * mesh.links + k] = it->second;
    }
  return true;
}

const image::RoutingEntry *match(const image::Image &image, uint32_t chip,
                                 uint32_t key) {
  for (const image::RoutingEntry &e : image.routing.tables[chip].entries)
    if ((key & e.mask) == e.key)
      return &e;
  return nullptr;
}

/// Links traversed by the tree of `key` injected at `chip`. Each (chip,
/// outgoing link) is taken at most once, so a table with a cycle cannot
/// loop.
uint32_t treeHops(const image::Image &image, const Mesh &mesh, uint32_t chip,
                  uint32_t key) {
  std::set<std::pair<uint32_t, uint32_t>> used;
  // (chip, link the packet arrived on its way along, or -1 at the source).
  std::vector<std::pair<uint32_t, int64_t>> work{{chip, -1}};
  uint32_t hops = 0;
  while (!work.empty()) {
    auto [c, via] = work.back();
    work.pop_back();
    std::vector<uint32_t> out;
    if (const image::RoutingEntry *e = match(image, c, key)) {
      const uint64_t *words = image.routing.tables[c].routeWords.data() +
                              size_t(e->route) * image.routing.wordsPerRoute;
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

void addSource(const image::Image &image, const Mesh &mesh,
               const std::vector<image::Slice> &slices, uint32_t size,
               std::vector<std::vector<uint32_t>> &hops) {
  std::vector<uint32_t> perElement(size, 0);
  for (const image::Slice &s : slices) {
    uint32_t chip = s.pe / image.placement.pesPerChip;
    for (uint32_t i = 0; i < s.count; ++i)
      perElement[s.first + i] = treeHops(image, mesh, chip, s.keyBase | i);
  }
  hops.push_back(std::move(perElement));
}

} // namespace

bool routerHops(const image::Image &image,
                std::vector<std::vector<uint32_t>> &hops) {
  hops.clear();
  if (image.placement.chips <= 1)
    return true;
  Mesh mesh;
  if (!buildMesh(image, mesh))
    return false;
  for (const image::InputPort &port : image.inputs)
    addSource(image, mesh, port.slices, port.size, hops);
  for (const image::Population &pop : image.populations)
    addSource(image, mesh, pop.slices, pop.size, hops);
  return true;
}

} // namespace snnc::runtime::detail
