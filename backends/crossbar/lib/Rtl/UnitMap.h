//===- UnitMap.h - The crossbar unit's address map and codes ---*- C++ -*-===//
//
// The numbers of hw/crossbar/xbar_pkg.sv, for the driver: configuration
// regions, registers and lanes, commands, errors and counter order. The
// unit's build parameters come from hw/crossbar/unit-config.json through
// compile definitions (hw/CMakeLists.txt), as they reach Verilator.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_RTL_UNITMAP_H
#define SNNC_CROSSBAR_RTL_UNITMAP_H

#include <cstdint>
#include <string>

namespace snnc::crossbar::rtl::unit {

inline constexpr uint32_t kMaxNeurons = SNNC_XBAR_MAX_NEURONS;
inline constexpr uint32_t kMaxTiles = SNNC_XBAR_MAX_TILES;
inline constexpr uint32_t kRingWords = SNNC_XBAR_RING_WORDS;
inline constexpr uint32_t kDigitalWords = SNNC_XBAR_DIGITAL_WORDS;
inline constexpr uint32_t kFifoDepth = SNNC_XBAR_IN_FIFO_DEPTH;
inline constexpr uint32_t kNocHopCycles = SNNC_XBAR_NOC_HOP_CYCLES;

/// Packets: source (input i, or inputs + population p) above the element.
inline constexpr uint32_t kElementBits = 20;
inline constexpr uint32_t kMaxSources = 1u << (32 - kElementBits);

enum Region : uint32_t {
  RegionRegs = 0,
  RegionTiles = 1,
  RegionParams = 2,
  RegionDigital = 3,
};

/// RegionDigital addresses words by a 20-bit offset.
static_assert(kDigitalWords <= (1u << 20),
              "digital_words beyond the 20-bit configuration offset");

inline uint32_t cfgAddress(Region region, uint32_t offset) {
  return (uint32_t(region) << 20) | offset;
}

enum Reg : uint32_t {
  RegNeurons = 0,
  RegFlags = 1,
  RegKeyBase = 2,
  RegSlotMask = 3,
  RegTiles = 4,
  RegAdcBits = 5,
  RegReadCycles = 6,
};

enum Flag : uint32_t { FlagCuba = 1, FlagSpiking = 2, FlagRecord = 4 };

inline constexpr uint32_t kTileLanes = 8;
enum TileLane : uint32_t {
  LaneRowKey = 0,
  LaneRowCount = 1,
  LaneColFirst = 2,
  LaneCols = 3,
  LaneDelay = 4,
  LaneMult = 5,
  LaneTileId = 6,
  /// kDigitalFlag | base: a digital tile whose active-row list (row count
  /// words) and then int16 weights (row-major) start at word `base` of
  /// the digital memory; 0 for a tile on the array.
  LaneDigital = 7,
};
inline constexpr uint32_t kDigitalFlag = 1u << 31;

inline constexpr uint32_t kParamLanes = 8;

enum Cmd : uint8_t { CmdNone = 0, CmdClear = 1, CmdNeuron = 2, CmdRead = 3 };

enum Err : uint8_t {
  ErrNone = 0,
  ErrFifoOverflow = 1,
  ErrConfig = 2,
  ErrCfgAddr = 3,
  ErrBusy = 4,
  ErrDelay = 5,
  ErrColumns = 6,
  ErrRowCount = 7,
  ErrDigital = 8,
};

inline std::string describeError(uint8_t code) {
  switch (code) {
  case ErrFifoOverflow:
    return "input FIFO overflow";
  case ErrConfig:
    return "configuration register out of range or inconsistent";
  case ErrCfgAddr:
    return "configuration write outside the map";
  case ErrBusy:
    return "command or configuration write while busy";
  case ErrDelay:
    return "tile delay 0 or beyond the ring";
  case ErrColumns:
    return "tile columns beyond the slice";
  case ErrRowCount:
    return "more rows driven than the tile has";
  case ErrDigital:
    return "digital tile beyond the digital memory";
  default:
    return "error code " + std::to_string(code);
  }
}

enum CounterIndex : unsigned {
  CntNeuronUpdates,
  CntRowDrives,
  CntCellReads,
  CntConversions,
  CntSaturations,
  CntPacketsIn,
  CntSpikesOut,
  CntTileReads,
  CntBusyCycles,
  CntDigitalReads,
  NumCounters
};

inline const char *counterName(unsigned c) {
  static const char *const names[NumCounters] = {
      "neuron_updates",  "row_drives",          "cell_reads", "adc_conversions",
      "adc_saturations", "packets_in",          "spikes_out", "tile_reads",
      "busy_cycles",     "digital_weight_reads"};
  return c < NumCounters ? names[c] : "?";
}

} // namespace snnc::crossbar::rtl::unit

#endif // SNNC_CROSSBAR_RTL_UNITMAP_H
