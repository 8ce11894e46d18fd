//===- CrossbarReport.cpp - The crossbar's part of the compile report -----===//

#include "CrossbarReport.h"

#include "EnergyData.h"

#include "llvm/Support/Format.h"

#include <map>

namespace snnc::crossbar {

nlohmann::json crossbarReport(ChipOp chip, const DeviceModel &model) {
  uint64_t tiles = 0, weighted = 0;
  std::map<uint64_t, uint64_t> tilesOf;
  // The mesh node of every tile, in tile order: crossbar.tiles does not
  // record it, and a NoC model or a placement plot may want it.
  nlohmann::json nodes = nlohmann::json::array();
  for (TileOp tile : chip.getBody().front().getOps<TileOp>()) {
    ++tiles;
    nodes.push_back(tile.getNode());
    weighted += tile.getSynapses();
    tilesOf[tile.getProjection()] += 1;
  }
  // Digital (readout) tiles: weight memory of a periphery, no array.
  uint64_t digitalTiles = 0, digitalWeights = 0;
  nlohmann::json digitalNodes = nlohmann::json::array();
  std::map<uint64_t, bool> digitalProjection;
  for (DigitalTileOp tile : chip.getBody().front().getOps<DigitalTileOp>()) {
    ++digitalTiles;
    digitalWeights += tile.getRowCount() * tile.getColCount();
    digitalNodes.push_back(tile.getNode());
    tilesOf[tile.getProjection()] += 1;
    digitalProjection[tile.getProjection()] = true;
  }
  uint64_t slices = 0;
  for (SliceOp slice : chip.getBody().front().getOps<SliceOp>()) {
    (void)slice;
    ++slices;
  }
  // A used tile has all its cells, whatever the size of its block.
  uint64_t cells = tiles * uint64_t(model.tileRows) * model.tileCols;
  uint64_t adcsPerTile = (uint64_t(model.tileCols) + model.columnsPerAdc - 1) /
                         model.columnsPerAdc;
  double joules = programmingJoulesPerPulse();
  uint64_t pulses = chip.getProgramPulses().value_or(0);
  uint64_t saved = chip.getSavedPulses().value_or(0);
  nlohmann::json projections = nlohmann::json::array();
  for (ProjectionOp p : chip.getBody().front().getOps<ProjectionOp>())
    projections.push_back({{"projection", p.getName().str()},
                           {"rows", p.getRows()},
                           {"cols", p.getCols()},
                           {"tiles", tilesOf[p.getIndex()]},
                           {"formed", p.getFormed()},
                           {"digital", digitalProjection[p.getIndex()]},
                           {"scale", p.getScale().convertToDouble()},
                           {"rms_error", p.getRmsError().convertToDouble()},
                           {"max_error", p.getMaxError().convertToDouble()}});
  return {{"tiles",
           {{"used", tiles},
            {"available", model.tilesPerChip},
            {"rows", model.tileRows},
            {"cols", model.tileCols},
            {"mesh_cols", model.meshCols},
            {"slices", slices}}},
          {"cells",
           {{"weighted", weighted},
            {"of_used_tiles", cells},
            {"utilisation", cells ? double(weighted) / double(cells) : 0.0}}},
          {"adcs",
           {{"count", tiles * adcsPerTile},
            {"bits", model.adcBits},
            {"columns_per_adc", model.columnsPerAdc},
            {"lsb_a", chip.getAdcLsb().convertToDouble()}}},
          {"programming",
           {{"cells", chip.getProgrammedCells().value_or(0)},
            {"pulses", pulses},
            {"joules_per_pulse", joules},
            {"energy_j", double(pulses) * joules},
            {"time_s", double(pulses) * model.writePulse}}},
          {"formed",
           {{"enabled", model.formedReservoir},
            {"cells", chip.getFormedCells().value_or(0)},
            {"saved_pulses", saved},
            {"saved_energy_j", double(saved) * joules},
            {"saved_time_s", double(saved) * model.writePulse}}},
          {"digital_readout",
           {{"enabled", model.digitalReadout},
            {"tiles", digitalTiles},
            {"weights", digitalWeights},
            {"bytes", 2 * digitalWeights},
            {"tile_nodes", digitalNodes}}},
          {"projections", projections},
          {"tile_nodes", nodes}};
}

void printCrossbarReport(const nlohmann::json &report, llvm::raw_ostream &out) {
  const nlohmann::json none = nlohmann::json::object();
  auto group = [&](const char *key) -> const nlohmann::json & {
    return report.contains(key) && report[key].is_object() ? report[key] : none;
  };
  const nlohmann::json &tiles = group("tiles"), &cells = group("cells"),
                       &adcs = group("adcs"), &prog = group("programming"),
                       &formed = group("formed"),
                       &digital = group("digital_readout");
  out << "target crossbar: " << tiles.value("used", uint64_t(0)) << " of "
      << tiles.value("available", uint64_t(0)) << " tiles of "
      << tiles.value("rows", 0) << " x " << tiles.value("cols", 0) << "; "
      << tiles.value("slices", uint64_t(0)) << " slices\n";
  out << llvm::format(
      "  cells                    %llu weighted of %llu in "
      "used tiles (%.2f %%)\n",
      (unsigned long long)cells.value("weighted", uint64_t(0)),
      (unsigned long long)cells.value("of_used_tiles", uint64_t(0)),
      100.0 * cells.value("utilisation", 0.0));
  out << llvm::format("  ADCs                     %llu of %d bits, %d "
                      "columns each, lsb %.4g A\n",
                      (unsigned long long)adcs.value("count", uint64_t(0)),
                      adcs.value("bits", 0), adcs.value("columns_per_adc", 0),
                      adcs.value("lsb_a", 0.0));
  out << llvm::format("  programming              %llu cells, %llu pulses, "
                      "%.4g J, %.4g s\n",
                      (unsigned long long)prog.value("cells", uint64_t(0)),
                      (unsigned long long)prog.value("pulses", uint64_t(0)),
                      prog.value("energy_j", 0.0), prog.value("time_s", 0.0));
  if (formed.value("enabled", false))
    out << llvm::format(
        "  formed reservoir         %llu cells; saved %llu pulses, %.4g J, "
        "%.4g s\n",
        (unsigned long long)formed.value("cells", uint64_t(0)),
        (unsigned long long)formed.value("saved_pulses", uint64_t(0)),
        formed.value("saved_energy_j", 0.0), formed.value("saved_time_s", 0.0));
  if (digital.value("tiles", uint64_t(0)))
    out << llvm::format(
        "  digital readout          %llu blocks, %llu int16 weights (%llu "
        "bytes) in periphery memory\n",
        (unsigned long long)digital.value("tiles", uint64_t(0)),
        (unsigned long long)digital.value("weights", uint64_t(0)),
        (unsigned long long)digital.value("bytes", uint64_t(0)));
  out << "weights (per projection, |w - stored|; stored = (G+ - G-) scale, "
         "or int16 x scale if digital):\n";
  out << "  " << llvm::left_justify("projection", 32)
      << " tiles        scale    rms error    max error\n";
  if (report.contains("projections") && report["projections"].is_array())
    for (const nlohmann::json &p : report["projections"])
      out << llvm::format("  %-32s %5llu %12.4g %12.4g %12.4g%s\n",
                          p.value("projection", std::string()).c_str(),
                          (unsigned long long)p.value("tiles", uint64_t(0)),
                          p.value("scale", 0.0), p.value("rms_error", 0.0),
                          p.value("max_error", 0.0),
                          p.value("formed", false)
                              ? " formed"
                              : (p.value("digital", false) ? " digital" : ""));
}

} // namespace snnc::crossbar
