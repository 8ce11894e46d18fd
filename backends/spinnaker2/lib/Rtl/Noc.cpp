//===- Noc.cpp - Cycle-approximate model of the spike network -------------===//

#include "Noc.h"

#include "snnc/mapping/TargetModel.h"
#include "snnc/mapping/Topology.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <queue>
#include <tuple>
#include <utility>

namespace snnc::rtl {

namespace {

/// The mapper's view of the target, or nothing when the image's target
/// model lacks fields the mapper needs.
bool loadTopology(const image::Image &image,
                  std::unique_ptr<mapping::Topology> &out) {
  const nlohmann::json &model = image.targetModel;
  auto target = model.find("target");
  auto layout = model.find("layout");
  if (target == model.end() || !target->is_object() || layout == model.end() ||
      !layout->is_object())
    return false;
  auto over = model.find("overrides");
  const nlohmann::json *overrides =
      over != model.end() && over->is_object() ? &*over : nullptr;
  try {
    mapping::TargetModel t = mapping::targetModelFromJson(
        *layout, *target, overrides, image.targetName);
    out = std::make_unique<mapping::Topology>(t);
  } catch (const std::exception &) {
    return false;
  }
  return out->pesPerChip() == image.placement.pesPerChip &&
         out->numChips() >= image.placement.chips;
}

} // namespace

Noc::Noc(const image::Image &image, const NocTiming &timing) : timing(timing) {
  uint32_t perChip = std::max(1u, image.placement.pesPerChip);
  chips = std::max(1u, image.placement.chips);
  uint32_t pes = chips * perChip;
  std::unique_ptr<mapping::Topology> topo;
  fromTarget = loadTopology(image, topo);
  places.resize(pes);
  if (fromTarget) {
    cols = static_cast<int32_t>(topo->gridCols());
    rows = static_cast<int32_t>(topo->gridRows());
    chipLinksPerChip = std::max(1u, topo->numLinks());
    for (uint32_t p = 0; p < pes; ++p) {
      const mapping::PeLocation &loc = topo->pe(p);
      places[p] = {loc.chip, loc.qx, loc.qy};
    }
    parentChip.resize(chips);
    parentLink.resize(chips);
    for (uint32_t c = 0; c < chips; ++c) {
      parentChip[c] = topo->parentChips(c);
      parentLink[c] = topo->parentLinks(c);
    }
  } else {
    cols = static_cast<int32_t>(perChip);
    for (uint32_t p = 0; p < pes; ++p)
      places[p] = {p / perChip, static_cast<int32_t>(p % perChip), 0};
  }
  onChipLinks = chips * uint32_t(cols * rows) * 4;
  freeAt.assign(size_t(onChipLinks) + size_t(chips) * chipLinksPerChip, 0);
}

void Noc::chipPath(uint32_t from, uint32_t to,
                   std::vector<std::pair<uint32_t, uint32_t>> &path) const {
  path.clear();
  if (from == to)
    return;
  if (fromTarget) {
    const std::vector<int32_t> &pc = parentChip[from], &pl = parentLink[from];
    for (int32_t c = static_cast<int32_t>(to); c != static_cast<int32_t>(from);
         c = pc[c]) {
      if (pc[c] < 0) { // unreachable: the packet jumps there directly
        path.clear();
        return;
      }
      path.emplace_back(static_cast<uint32_t>(pc[c]),
                        static_cast<uint32_t>(pl[c]));
    }
    std::reverse(path.begin(), path.end());
    return;
  }
  // A row of chips: link 0 leads up, link 1 down.
  for (uint32_t c = from; c != to; c = c < to ? c + 1 : c - 1)
    path.emplace_back(c, c < to ? 0u : 1u);
}

uint32_t Noc::addTree(uint32_t srcPe, const std::vector<uint32_t> &dstPes) {
  Tree tree(1);
  // Routers by (chip, x, y); the source's router is node 0.
  const Place &src = places[srcPe];
  std::map<std::tuple<uint32_t, int32_t, int32_t>, uint32_t> index;
  index[{src.chip, src.qx, src.qy}] = 0;
  auto step = [&](uint32_t from, uint32_t chip, int32_t x, int32_t y,
                  uint32_t link, uint32_t cost, bool chipLink) {
    for (const Edge &e : tree[from].out)
      if (e.link == link)
        return e.child;
    auto [it, fresh] =
        index.emplace(std::make_tuple(chip, x, y), uint32_t(tree.size()));
    if (fresh)
      tree.emplace_back();
    tree[from].out.push_back({link, it->second, cost, chipLink});
    return it->second;
  };
  std::vector<std::pair<uint32_t, uint32_t>> path;
  for (uint32_t d = 0; d < dstPes.size(); ++d) {
    const Place &to = places[dstPes[d]];
    uint32_t node = 0;
    chipPath(src.chip, to.chip, path);
    for (size_t k = 0; k < path.size(); ++k) {
      // The link leads to the next pair's chip, or to the target's.
      uint32_t next = k + 1 < path.size() ? path[k + 1].first : to.chip;
      node =
          step(node, next, src.qx, src.qy,
               onChipLinks + path[k].first * chipLinksPerChip + path[k].second,
               timing.chipHopCycles, true);
    }
    int32_t x = src.qx, y = src.qy;
    while (x != to.qx || y != to.qy) {
      uint32_t dir;
      int32_t nx = x, ny = y;
      if (x != to.qx) {
        dir = to.qx > x ? 0 : 1;
        nx += to.qx > x ? 1 : -1;
      } else {
        dir = to.qy > y ? 2 : 3;
        ny += to.qy > y ? 1 : -1;
      }
      uint32_t link =
          ((to.chip * uint32_t(rows) + uint32_t(y)) * uint32_t(cols) +
           uint32_t(x)) *
              4 +
          dir;
      node = step(node, to.chip, nx, ny, link, timing.hopCycles, false);
      x = nx;
      y = ny;
    }
    tree[node].deliver.push_back(d);
  }
  trees.push_back(std::move(tree));
  return static_cast<uint32_t>(trees.size() - 1);
}

void Noc::carry(
    const std::vector<Injection> &packets,
    const std::function<void(size_t, uint32_t, uint64_t)> &deliver) {
  std::fill(freeAt.begin(), freeAt.end(), 0);
  // (time at a router, packet, node): earliest first, then packet order.
  using Event = std::tuple<uint64_t, size_t, uint32_t>;
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events;
  for (size_t i = 0; i < packets.size(); ++i)
    // One cycle into the source QPE's router.
    events.emplace(packets[i].emit + 1, i, 0);
  while (!events.empty()) {
    auto [t, i, n] = events.top();
    events.pop();
    const Node &node = trees[packets[i].tree][n];
    for (uint32_t d : node.deliver) {
      // One cycle out of the router into the PE.
      deliver(i, d, t + 1);
      ++totals.deliveries;
    }
    for (const Edge &e : node.out) {
      uint64_t depart = std::max(t, freeAt[e.link]);
      totals.contentionCycles += depart - t;
      freeAt[e.link] = depart + 1;
      ++(e.chipLink ? totals.chipHops : totals.nocHops);
      events.emplace(depart + e.cost, i, e.child);
    }
  }
}

} // namespace snnc::rtl
