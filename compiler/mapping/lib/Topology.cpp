//===- Topology.cpp - Physical layout of the machine: chips, QPEs, PEs ----===//

#include "snnc/mapping/Topology.h"
#include "snnc/mapping/MappingError.h"

#include <cstdlib>
#include <deque>
#include <map>
#include <set>

namespace snnc::mapping {

namespace {
constexpr uint16_t kUnreachable = 0xffff;
} // namespace

Topology::Topology(const TargetModel &target)
    : links(target.chipLinkDirections), pesPerChipCount(target.pesPerChip),
      cols(static_cast<uint32_t>(target.qpeGrid[0])),
      rows(static_cast<uint32_t>(target.qpeGrid[1])),
      interChipWeight(target.interChipHopWeight),
      defaultRoute(target.routerDefaultRoute) {
  std::map<Coord2, uint32_t> chipIndex;
  for (uint32_t b = 0; b < target.maxBoards; ++b) {
    const Coord2 origin = target.boardOrigins[b];
    for (const Coord2 &c : target.boardChipCoordinates) {
      Coord2 at = {origin[0] + c[0], origin[1] + c[1]};
      if (!chipIndex.emplace(at, static_cast<uint32_t>(chips.size())).second)
        throw MappingError(MappingErrorKind::InvalidTarget,
                           "board.board_origins", "overlap", 0, 0,
                           "target config: board " + std::to_string(b) +
                               " puts a second chip at (" +
                               std::to_string(at[0]) + "," +
                               std::to_string(at[1]) + ")");
      chips.push_back(at);
    }
  }

  // Clusters in row-major order, holes skipped; PEs numbered within them.
  std::set<Coord2> holes(target.qpeGridHoles.begin(),
                         target.qpeGridHoles.end());
  std::vector<PeLocation> chipPes;
  uint16_t cluster = 0;
  for (uint32_t y = 1; y <= rows; ++y)
    for (uint32_t x = 1; x <= cols; ++x) {
      if (holes.count({int32_t(x), int32_t(y)}))
        continue;
      for (uint32_t p = 0; p < target.pesPerQpe; ++p)
        chipPes.push_back(
            {0, static_cast<int16_t>(x - 1), static_cast<int16_t>(y - 1),
             static_cast<uint16_t>(p),
             static_cast<uint16_t>(cluster * target.pesPerQpe + p)});
      ++cluster;
    }
  pes.reserve(size_t(chips.size()) * pesPerChipCount);
  for (uint32_t c = 0; c < chips.size(); ++c)
    for (PeLocation loc : chipPes) {
      loc.chip = c;
      pes.push_back(loc);
    }

  reverse.assign(links.size(), -1);
  for (size_t a = 0; a < links.size(); ++a)
    for (size_t b = 0; b < links.size(); ++b)
      if (links[a][0] == -links[b][0] && links[a][1] == -links[b][1])
        reverse[a] = static_cast<int32_t>(b);

  uint32_t n = numChips(), l = numLinks();
  neighbours.assign(size_t(n) * l, -1);
  for (uint32_t c = 0; c < n; ++c)
    for (uint32_t k = 0; k < l; ++k) {
      auto it = chipIndex.find(
          {chips[c][0] + links[k][0], chips[c][1] + links[k][1]});
      if (it != chipIndex.end())
        neighbours[size_t(c) * l + k] = static_cast<int32_t>(it->second);
    }

  // Breadth-first search from every chip: distances and parent links.
  chipDistance.assign(size_t(n) * n, kUnreachable);
  treeParents.assign(n, std::vector<int32_t>(n, -1));
  treeParentChips.assign(n, std::vector<int32_t>(n, -1));
  std::deque<uint32_t> queue;
  for (uint32_t root = 0; root < n; ++root) {
    uint16_t *dist = &chipDistance[size_t(root) * n];
    std::vector<int32_t> &parent = treeParents[root];
    dist[root] = 0;
    queue.assign(1, root);
    while (!queue.empty()) {
      uint32_t c = queue.front();
      queue.pop_front();
      for (uint32_t k = 0; k < l; ++k) {
        int32_t next = neighbours[size_t(c) * l + k];
        if (next < 0 || dist[next] != kUnreachable)
          continue;
        dist[next] = static_cast<uint16_t>(dist[c] + 1);
        parent[next] = static_cast<int32_t>(k);
        treeParentChips[root][next] = static_cast<int32_t>(c);
        queue.push_back(static_cast<uint32_t>(next));
      }
    }
  }
}

int32_t Topology::chipAt(Coord2 coord) const {
  for (uint32_t c = 0; c < chips.size(); ++c)
    if (chips[c] == coord)
      return static_cast<int32_t>(c);
  return -1;
}

uint32_t Topology::nocHops(uint32_t peA, uint32_t peB) const {
  const PeLocation &a = pes[peA], &b = pes[peB];
  return static_cast<uint32_t>(std::abs(a.qx - b.qx) + std::abs(a.qy - b.qy));
}

image::MachineLayout resolvedLayout(const Topology &topology) {
  image::MachineLayout layout;
  layout.gridCols = topology.gridCols();
  layout.gridRows = topology.gridRows();
  for (uint32_t p = 0; p < topology.pesPerChip(); ++p)
    layout.peSites.push_back({topology.pe(p).qx, topology.pe(p).qy});
  for (uint32_t c = 0; c < topology.numChips(); ++c)
    layout.chipSites.push_back(
        {topology.chipCoord(c)[0], topology.chipCoord(c)[1]});
  for (uint32_t l = 0; l < topology.numLinks(); ++l)
    layout.linkDirections.push_back(
        {topology.linkDirection(l)[0], topology.linkDirection(l)[1]});
  for (uint32_t c = 0; c < topology.numChips(); ++c)
    for (uint32_t l = 0; l < topology.numLinks(); ++l)
      layout.neighbours.push_back(topology.neighbour(c, l));
  return layout;
}

} // namespace snnc::mapping
