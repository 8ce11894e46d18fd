//===- ChipProgram.cpp - Deriving what the crossbar engines run -----------===//

#include "snnc/crossbar/ChipProgram.h"

#include "snnc/crossbar/ImageSections.h"
#include "snnc/runtime/RunBookkeeping.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace snnc::crossbar {

namespace {

/// Global slice of element `e` of `slices` (which tile [0, size) in
/// order), offset by `base`.
uint32_t sliceOf(const std::vector<image::Slice> &slices, uint32_t base,
                 uint32_t e) {
  auto it = std::upper_bound(
      slices.begin(), slices.end(), e,
      [](uint32_t v, const image::Slice &s) { return v < s.first; });
  return base + uint32_t(it - slices.begin()) - 1;
}

/// Links of the union of XY routes from `from` to every point of `to` on
/// the mesh: a multicast tree, each link taken once.
uint32_t treeLinks(image::GridPoint from,
                   const std::vector<image::GridPoint> &to) {
  std::set<std::tuple<int32_t, int32_t, int32_t, int32_t>> links;
  for (image::GridPoint d : to) {
    int32_t x = from.x, y = from.y;
    while (x != d.x) {
      int32_t nx = x + (d.x > x ? 1 : -1);
      links.insert({x, y, nx, y});
      x = nx;
    }
    while (y != d.y) {
      int32_t ny = y + (d.y > y ? 1 : -1);
      links.insert({x, y, x, ny});
      y = ny;
    }
  }
  return uint32_t(links.size());
}

} // namespace

void activeRows(const std::vector<uint32_t> &spikes, uint32_t first,
                uint32_t count, std::vector<uint32_t> &rows) {
  rows.clear();
  auto it = std::lower_bound(spikes.begin(), spikes.end(), first);
  for (; it != spikes.end() && *it < first + count; ++it)
    rows.push_back(*it - first);
}

image::Expected<ChipProgram> loadChipProgram(const image::Image &image) {
  ChipProgram prog;
  prog.image = &image;
  image::Expected<DeviceModel> model = readDeviceModel(image.targetModel);
  if (!model)
    return image::ImageError{"target model", model.error().message()};
  prog.model = *model;
  const TileSection *data = image.sections.get<TileSection>(kTilesSection);
  if (!data)
    return image::ImageError{"sections", std::string("the image has no ") +
                                             kTilesSection + " section"};
  prog.map = &data->map;
  const TileMap &map = *prog.map;
  if (map.scale.size() != image.projections.size())
    return image::ImageError{
        kTilesSection, "holds scales of " + std::to_string(map.scale.size()) +
                           " projections; the image has " +
                           std::to_string(image.projections.size())};
  prog.tiles.reserve(map.tiles.size());
  for (const XbarTile &tile : map.tiles)
    prog.tiles.push_back(prepareTile(tile));
  prog.plan = planPeriphery(image, map, prog.model);

  prog.numInputs = uint32_t(image.inputs.size());
  size_t sources = image.inputs.size() + image.populations.size();
  prog.uses.resize(sources);
  prog.ringMask.assign(image.populations.size(), 0);
  for (uint32_t k = 0; k < map.tiles.size(); ++k) {
    const XbarTile &tile = map.tiles[k];
    const image::Projection &proj = image.projections[tile.projection];
    uint32_t source = proj.source.kind == image::SourceKind::Input
                          ? proj.source.index
                          : prog.numInputs + proj.source.index;
    prog.uses[source].push_back({k, tile.block.rowFirst, tile.block.rowCount,
                                 proj.target, tile.block.colFirst, tile.delay,
                                 prog.plan.multiplier[k]});
    uint32_t &mask = prog.ringMask[proj.target];
    mask = std::max(mask, runtime::detail::ringSlots(tile.delay) - 1);
  }

  // Units: the global slices and the PEs (tile nodes) they sit on.
  std::vector<image::SliceRef> slices = image::listSlices(image);
  std::vector<uint32_t> sliceBase(sources + 1, 0);
  for (size_t s = 0; s < sources; ++s) {
    size_t n = s < prog.numInputs
                   ? image.inputs[s].slices.size()
                   : image.populations[s - prog.numInputs].slices.size();
    sliceBase[s + 1] = sliceBase[s] + uint32_t(n);
  }
  for (const image::SliceRef &ref : slices) {
    prog.unitPe.push_back(image::sliceAt(image, ref).pe);
    prog.unitNeurons.push_back(ref.kind == image::SourceKind::Population
                                   ? image::sliceAt(image, ref).count
                                   : 0);
  }
  auto slicesOf = [&](size_t s) -> const std::vector<image::Slice> & {
    return s < prog.numInputs ? image.inputs[s].slices
                              : image.populations[s - prog.numInputs].slices;
  };
  bool sliced = true;
  for (size_t s = 0; s < sources; ++s)
    sliced &= !slicesOf(s).empty();
  if (sliced)
    for (const XbarTile &tile : map.tiles) {
      uint32_t p = image.projections[tile.projection].target;
      prog.unitOfTile.push_back(sliceOf(slicesOf(prog.numInputs + p),
                                        sliceBase[prog.numInputs + p],
                                        tile.block.colFirst));
    }

  // Mesh traffic per source element.
  const image::MachineLayout &layout = image.layout;
  uint32_t perChip = std::max(1u, image.placement.pesPerChip);
  prog.hopsModelled =
      sliced && image.placement.chips == 1 && layout.peSites.size() >= perChip;
  auto site = [&](uint32_t unit) {
    return layout.peSites[prog.unitPe[unit] % perChip];
  };
  prog.sent.resize(sources);
  prog.hops.resize(sources);
  for (size_t s = 0; s < sources; ++s) {
    uint32_t size = s < prog.numInputs
                        ? image.inputs[s].size
                        : image.populations[s - prog.numInputs].size;
    prog.sent[s].assign(size, 0);
    prog.hops[s].assign(size, 0);
    if (prog.uses[s].empty())
      continue;
    std::vector<uint32_t> units;
    std::vector<image::GridPoint> to;
    for (uint32_t e = 0; e < size; ++e) {
      units.clear();
      for (const TileUse &use : prog.uses[s])
        if (e >= use.rowFirst && e < use.rowFirst + use.rowCount)
          units.push_back(sliced ? prog.unitOfTile[use.tile] : use.tile);
      if (units.empty())
        continue;
      if (!sliced) {
        prog.sent[s][e] = 1;
        continue;
      }
      uint32_t own = sliceOf(slicesOf(s), sliceBase[s], e);
      std::sort(units.begin(), units.end());
      units.erase(std::unique(units.begin(), units.end()), units.end());
      to.clear();
      bool away = false;
      for (uint32_t u : units)
        if (prog.unitPe[u] != prog.unitPe[own]) {
          away = true;
          if (prog.hopsModelled)
            to.push_back(site(u));
        }
      prog.sent[s][e] = away;
      if (away && prog.hopsModelled)
        prog.hops[s][e] = treeLinks(site(own), to);
    }
  }

  prog.readCycles =
      uint32_t(std::ceil(prog.model.readPulse * prog.model.clockHz - 1e-9)) +
      prog.model.columnsPerAdc * prog.model.adcBits;
  return prog;
}

} // namespace snnc::crossbar
