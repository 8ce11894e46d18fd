//===- UnitTables.cpp - What each crossbar unit is loaded with ------------===//

#include "UnitTables.h"

#include "UnitMap.h"

#include <algorithm>

namespace snnc::crossbar::rtl {

namespace {

image::ImageError refuse(const std::string &label, const std::string &what) {
  return image::ImageError{"", "rtl: " + label + ": " + what};
}

} // namespace

uint32_t packetOf(uint32_t source, uint32_t element) {
  return (source << unit::kElementBits) | element;
}

image::Expected<std::vector<UnitTable>>
buildUnitTables(const ChipProgram &prog) {
  const image::Image &image = *prog.image;
  if (prog.unitOfTile.size() != prog.tiles.size())
    return image::ImageError{
        "placement", "rtl: every input and population must be placed in "
                     "slices (the units the rtl engine simulates)"};
  size_t sources = image.inputs.size() + image.populations.size();
  if (sources > unit::kMaxSources)
    return image::ImageError{
        "", "rtl: " + std::to_string(sources) + " inputs and populations; " +
                "packets name at most " + std::to_string(unit::kMaxSources)};
  // Global slice index of each source's first slice.
  std::vector<uint32_t> sliceBase(sources + 1, 0);
  auto slicesOf = [&](size_t s) -> const std::vector<image::Slice> & {
    return s < prog.numInputs ? image.inputs[s].slices
                              : image.populations[s - prog.numInputs].slices;
  };
  for (size_t s = 0; s < sources; ++s) {
    uint32_t size = s < prog.numInputs
                        ? image.inputs[s].size
                        : image.populations[s - prog.numInputs].size;
    if (size > (1u << unit::kElementBits))
      return image::ImageError{
          "", "rtl: source " + std::to_string(s) + " has " +
                  std::to_string(size) + " elements; packets hold at most " +
                  std::to_string(1u << unit::kElementBits)};
    sliceBase[s + 1] = sliceBase[s] + uint32_t(slicesOf(s).size());
  }

  std::vector<bool> record(image.populations.size(), false);
  for (const image::Output &out : image.outputs)
    if (out.kind == image::OutputKind::Current &&
        out.population < record.size())
      record[out.population] = true;

  std::vector<UnitTable> tables;
  std::vector<int32_t> tableOfSlice(sliceBase[sources], -1);
  for (uint32_t p = 0; p < image.populations.size(); ++p) {
    const image::Population &pop = image.populations[p];
    uint32_t source = prog.numInputs + p;
    for (uint32_t k = 0; k < pop.slices.size(); ++k) {
      const image::Slice &s = pop.slices[k];
      UnitTable t;
      t.globalSlice = sliceBase[source] + k;
      t.pe = s.pe;
      t.population = p;
      t.first = s.first;
      t.neurons = s.count;
      t.flags = 0;
      if (pop.model == image::NeuronModel::CubaLif)
        t.flags |= unit::FlagCuba;
      if (pop.spiking)
        t.flags |= unit::FlagSpiking;
      if (record[p])
        t.flags |= unit::FlagRecord;
      t.keyBase = packetOf(source, s.first);
      t.slotMask = prog.ringMask[p];
      t.adcBits = prog.model.adcBits;
      t.readCycles = prog.readCycles;
      t.label = "unit on PE " + std::to_string(s.pe) + " (population '" +
                pop.name + "' slice " + std::to_string(k) + ")";
      if (t.neurons > unit::kMaxNeurons)
        return refuse(t.label, std::to_string(t.neurons) +
                                   " neurons; a unit holds at most " +
                                   std::to_string(unit::kMaxNeurons));
      uint64_t ring = uint64_t(t.slotMask + 1) * t.neurons;
      if (t.slotMask > 0xFFFF || ring > unit::kRingWords)
        return refuse(t.label, "a ring of " + std::to_string(t.slotMask + 1) +
                                   " slots x " + std::to_string(t.neurons) +
                                   " neurons; the unit's ring holds " +
                                   std::to_string(unit::kRingWords) + " words");
      if (t.readCycles > 0xFFFF)
        return refuse(t.label, "a tile read of " +
                                   std::to_string(t.readCycles) +
                                   " cycles; the unit counts at most 65535");
      tableOfSlice[t.globalSlice] = int32_t(tables.size());
      tables.push_back(std::move(t));
    }
  }

  for (uint32_t k = 0; k < prog.tiles.size(); ++k) {
    const XbarTile &tile = prog.map->tiles[k];
    uint32_t slice = prog.unitOfTile[k];
    int32_t idx = slice < tableOfSlice.size() ? tableOfSlice[slice] : -1;
    if (idx < 0)
      return image::ImageError{"", "rtl: tile " + std::to_string(k) +
                                       " has no population slice to feed"};
    UnitTable &t = tables[size_t(idx)];
    const image::Projection &proj = image.projections[tile.projection];
    uint32_t source = proj.source.kind == image::SourceKind::Input
                          ? proj.source.index
                          : prog.numInputs + proj.source.index;
    const TileUse *use = nullptr;
    for (const TileUse &u : prog.uses[source])
      if (u.tile == k)
        use = &u;
    if (!use)
      return image::ImageError{"", "rtl: tile " + std::to_string(k) +
                                       " is driven by no source"};
    if (use->colFirst < t.first ||
        uint64_t(use->colFirst) + tile.block.colCount >
            uint64_t(t.first) + t.neurons)
      return refuse(
          t.label, "tile " + std::to_string(k) + " (columns " +
                       std::to_string(use->colFirst) + ".." +
                       std::to_string(use->colFirst + tile.block.colCount - 1) +
                       ") reaches neurons beyond the slice's " +
                       std::to_string(t.first) + ".." +
                       std::to_string(t.first + t.neurons - 1));
    if (t.tiles.size() == unit::kMaxTiles)
      return refuse(t.label, "more than " + std::to_string(unit::kMaxTiles) +
                                 " tiles feed it");
    if (k > 0xFFFF || use->rowCount > 0xFFFF || tile.block.colCount > 0xFFFF ||
        use->delay > 0xFFFF)
      return refuse(t.label,
                    "tile " + std::to_string(k) +
                        " exceeds the 16-bit fields of the tile table");
    if (use->multiplier < INT32_MIN || use->multiplier > INT32_MAX)
      return refuse(t.label, "tile " + std::to_string(k) +
                                 " has a code multiplier beyond 32 bits");
    UnitTile ut;
    ut.rowKey = packetOf(source, use->rowFirst);
    ut.rowCount = use->rowCount;
    ut.colFirst = use->colFirst - t.first;
    ut.cols = tile.block.colCount;
    ut.delay = use->delay;
    ut.multiplier = int32_t(use->multiplier);
    ut.tile = k;
    if (tile.digital) {
      if (prog.tiles[k].weights.size() != size_t(ut.rowCount) * ut.cols)
        return image::ImageError{
            "", "rtl: digital tile " + std::to_string(k) + " holds " +
                    std::to_string(prog.tiles[k].weights.size()) +
                    " weights for " + std::to_string(ut.rowCount) + " x " +
                    std::to_string(ut.cols) + " cells"};
      // The list of active rows, then the weights (checked against the
      // memory once the unit's every tile is counted).
      ut.digital = true;
      ut.base = uint32_t(std::min<uint64_t>(t.digitalWords, UINT32_MAX));
      t.digitalWords += uint64_t(ut.rowCount) * (uint64_t(ut.cols) + 1);
    }
    t.tiles.push_back(ut);
    // The source slices whose elements reach these rows.
    const std::vector<image::Slice> &ss = slicesOf(source);
    for (uint32_t j = 0; j < ss.size(); ++j)
      if (ss[j].first < use->rowFirst + use->rowCount &&
          ss[j].first + ss[j].count > use->rowFirst)
        t.sources.push_back(sliceBase[source] + j);
  }
  for (UnitTable &t : tables) {
    if (t.digitalWords > unit::kDigitalWords)
      return refuse(t.label,
                    "its digital tiles need " + std::to_string(t.digitalWords) +
                        " words of digital memory (rows x (columns + 1) per "
                        "tile: its weights and an active-row list), more than "
                        "the unit's digital_words of " +
                        std::to_string(unit::kDigitalWords) +
                        " (hw/crossbar/unit-config.json)");
    std::sort(t.sources.begin(), t.sources.end());
    t.sources.erase(std::unique(t.sources.begin(), t.sources.end()),
                    t.sources.end());
  }
  return tables;
}

std::vector<std::pair<uint32_t, uint32_t>>
configWrites(const UnitTable &t, const ChipProgram &prog) {
  using namespace unit;
  std::vector<std::pair<uint32_t, uint32_t>> w;
  auto reg = [&](Reg r, uint32_t v) {
    w.emplace_back(cfgAddress(RegionRegs, r), v);
  };
  reg(RegNeurons, t.neurons);
  reg(RegFlags, t.flags);
  reg(RegKeyBase, t.keyBase);
  reg(RegSlotMask, t.slotMask);
  reg(RegTiles, uint32_t(t.tiles.size()));
  reg(RegAdcBits, t.adcBits);
  reg(RegReadCycles, t.readCycles);
  for (uint32_t k = 0; k < t.tiles.size(); ++k) {
    const UnitTile &u = t.tiles[k];
    uint32_t lanes[kTileLanes] = {
        u.rowKey,   u.rowCount,
        u.colFirst, u.cols,
        u.delay,    uint32_t(u.multiplier),
        u.tile,     u.digital ? kDigitalFlag | u.base : 0};
    for (uint32_t l = 0; l < kTileLanes; ++l)
      w.emplace_back(cfgAddress(RegionTiles, k * kTileLanes + l), lanes[l]);
    if (!u.digital)
      continue;
    // Every weight, zeros included: the memory holds no defined value
    // until written.
    const std::vector<int16_t> &weights = prog.tiles[u.tile].weights;
    uint32_t first = u.base + u.rowCount;
    for (size_t i = 0; i < weights.size(); ++i)
      w.emplace_back(cfgAddress(RegionDigital, first + uint32_t(i)),
                     uint32_t(uint16_t(weights[i])));
  }
  const PopulationPeriphery &per = prog.plan.populations[t.population];
  for (uint32_t j = 0; j < t.neurons; ++j) {
    const fixedpoint::NeuronConstants &c = per.neurons[t.first + j];
    uint32_t lanes[kParamLanes] = {uint32_t(c.decay) |
                                       uint32_t(c.gain.s) << 17 |
                                       uint32_t(c.synGain.s) << 23,
                                   uint32_t(c.gain.m),
                                   uint32_t(c.drive),
                                   uint32_t(c.bias),
                                   uint32_t(c.threshold),
                                   uint32_t(c.reset),
                                   uint32_t(c.synDecay),
                                   uint32_t(c.synGain.m)};
    for (uint32_t l = 0; l < kParamLanes; ++l)
      w.emplace_back(cfgAddress(RegionParams, j * kParamLanes + l), lanes[l]);
  }
  return w;
}

} // namespace snnc::crossbar::rtl
