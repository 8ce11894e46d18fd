//===- Noc.cpp - Cycle-approximate model of the spike network -------------===//

#include "snnc/rtl/Noc.h"

#include <algorithm>
#include <map>
#include <queue>
#include <tuple>
#include <utility>

namespace snnc::rtl {

Noc::Noc(const image::Image &image, const NocTiming &timing) : timing(timing) {
  const image::MachineLayout &layout = image.layout;
  uint32_t perChip = image.placement.pesPerChip;
  chips = static_cast<uint32_t>(layout.chipSites.size());
  cols = static_cast<int32_t>(layout.gridCols);
  rows = static_cast<int32_t>(layout.gridRows);
  chipLinksPerChip = std::max(1u, image::linkCount(layout));
  places.resize(size_t(image.placement.chips) * perChip);
  for (size_t p = 0; p < places.size(); ++p) {
    const image::GridPoint &at = layout.peSites[p % perChip];
    places[p] = {uint32_t(p / perChip), at.x, at.y};
  }
  parentChip.resize(chips);
  parentLink.resize(chips);
  for (uint32_t c = 0; c < image.placement.chips; ++c)
    image::chipTree(layout, c, parentLink[c], parentChip[c]);
  onChipLinks = chips * uint32_t(cols * rows) * 4;
  freeAt.assign(size_t(onChipLinks) + size_t(chips) * chipLinksPerChip, 0);
}

void Noc::chipPath(uint32_t from, uint32_t to,
                   std::vector<std::pair<uint32_t, uint32_t>> &path) const {
  path.clear();
  if (from == to)
    return;
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
