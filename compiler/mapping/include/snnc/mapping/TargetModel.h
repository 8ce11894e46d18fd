//===- TargetModel.h - Resource model of a many-core target -----*- C++ -*-===//
//
// The numbers the mapper needs about a chip, its on-chip mesh and the board,
// read from a target's JSON documents (backends/<target>/layout.json and
// target.json); the target supplies them, this library names none.
//
// Three layers are merged, later ones winning:
//   1. the target's layout document: values that are snnc design choices or
//      modelling assumptions for that machine, not published hardware data;
//   2. the target file itself (lenient: keys the mapper does not read, such
//      as energy or DVFS data, are ignored);
//   3. an optional user override file (`--target-config`, strict: unknown
//      keys and wrong types are errors naming the key).
// Every field in layers 1 and 2 is {"value": ..., "unit": ..., ...}; an
// override may give a plain value or {"value": ...}. Groups ("mesh",
// "board") nest as in target.json.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_TARGETMODEL_H
#define SNNC_MAPPING_TARGETMODEL_H

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snnc::mapping {

using Coord2 = std::array<int32_t, 2>;

struct TargetModel {
  std::string name;

  // --- Chip (published or derived; see the target's SOURCES.md) ----------
  uint32_t pesPerChip = 0;
  uint64_t sramBytesPerPe = 0;
  double clockHz = 0;
  double stepCycleBudget = 0;
  double cyclesPerNeuronUpdate = 0;
  double cyclesPerStepOverhead = 0;
  double cyclesPerSynapticEvent = 0;
  /// Null in target.json when the cost is amortised into the event cost.
  std::optional<double> cyclesPerPacketReceived;
  uint32_t routingEntriesPerRouter = 0;
  uint32_t packetKeyBits = 32;

  // --- On-chip mesh ------------------------------------------------------
  uint32_t pesPerQpe = 0;
  uint32_t qpesPerChip = 0;
  /// QPE grid [columns, rows]; positions are 1-based as in target.json.
  Coord2 qpeGrid = {0, 0};
  /// Grid positions without PEs. The NoC still spans them (hop distances
  /// are Manhattan distances on the full grid, as target.json says).
  std::vector<Coord2> qpeGridHoles;

  // --- Board -------------------------------------------------------------
  uint32_t chipsPerBoard = 0;
  std::vector<Coord2> boardChipCoordinates;
  uint32_t linksPerChip = 0;

  // --- snnc layout constants and assumptions (the target's layout.json) ---
  uint64_t sramReservedBytesPerPe = 0;
  uint32_t maxNeuronsPerPe = 0;
  uint32_t synapseWordBytes = 0;
  uint32_t rowHeaderBytes = 0;
  uint32_t ringBufferEntryBytes = 0;
  uint32_t neuronStateBytes = 0;
  /// Chip-to-chip link k leads to chip (x, y) + chipLinkDirections[k].
  std::vector<Coord2> chipLinkDirections;
  /// Routers forward a packet that matches no entry out of the link
  /// opposite its input link ("default routing").
  bool routerDefaultRoute = false;
  /// Cost of one chip-to-chip hop in units of one on-chip NoC hop.
  double interChipHopWeight = 1;
  uint32_t maxBoards = 1;
  /// Chip offset of board b (b < maxBoards).
  std::vector<Coord2> boardOrigins;
};

/// Loads `targetPath`, merged over the layout document `layoutPath` and
/// under `overridePath` (ignored when empty). The model is named after the
/// directory holding the target file.
TargetModel loadTargetModel(const std::string &layoutPath,
                            const std::string &targetPath,
                            const std::string &overridePath = {});

/// As loadTargetModel, on already-parsed documents; `overrides` may be null.
TargetModel targetModelFromJson(const nlohmann::json &layout,
                                const nlohmann::json &target,
                                const nlohmann::json *overrides,
                                const std::string &name);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_TARGETMODEL_H
