//===- PeMap.h - The PE's address map, codes and counters, in C++ -*- C++
//-*-===//
//
// Mirrors hw/spinnaker2/snn_pe_pkg.sv: the configuration address map,
// register indices, commands, error codes and counter order that the
// driver and the RTL must agree on. The RTL unit tests exercise each one,
// so a mismatch fails there rather than silently in a run.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_RTL_PEMAP_H
#define SNNC_SPINNAKER2_RTL_PEMAP_H

#include <cstdint>

namespace snnc::rtl::pe {

// Configuration regions (address bits [23:20]) and their word offsets.
inline constexpr uint32_t kRegionRegs = 0x0u << 20;
inline constexpr uint32_t kRegionKeys = 0x1u << 20;   // entry * 4 + lane
inline constexpr uint32_t kRegionParams = 0x2u << 20; // neuron * 8 + lane
inline constexpr uint32_t kRegionDmem = 0x3u << 20;   // data SRAM word

enum Reg : uint32_t {
  RegNeurons = 0,
  RegFlags = 1,
  RegKeyBase = 2,
  RegSlotMask = 3,
  RegIdxBits = 4,
  RegEntries = 5,
  RegRingWords = 6,
  RegSynEnd = 7,
  RegWatchdog = 8,
};

inline constexpr uint32_t kFlagCuba = 1u << 0;
inline constexpr uint32_t kFlagSpiking = 1u << 1;
inline constexpr uint32_t kFlagRecord = 1u << 2;

enum Command : uint8_t { CmdNone = 0, CmdClear = 1, CmdNeuron = 2 };

enum Error : uint8_t {
  ErrNone = 0,
  ErrFifoOverflow = 1,
  ErrKeyIndex = 2,
  ErrHeaderAddr = 3,
  ErrRowBounds = 4,
  ErrDelay = 5,
  ErrTarget = 6,
  ErrWatchdog = 7,
  ErrConfig = 8,
  ErrCfgAddr = 9,
  ErrBusy = 10,
};

/// What an error code means, for messages.
const char *describeError(uint8_t code);

enum Counter : unsigned {
  CntNeuronUpdates = 0,
  CntSynEvents,
  CntSramReads,
  CntSramWrites,
  CntSpikesOut,
  CntPacketsIn,
  CntPacketsDropped,
  CntTableReads,
  CntRingAddReads,
  CntAccWraps,
  CntBusyCycles,
  NumCounters
};

/// Counter names as docs/rtl.md and the run report use them.
const char *counterName(unsigned counter);

// Neuron parameter row lanes.
enum ParamLane : uint32_t {
  LaneShifts = 0, // decay[16:0] | gain_s << 17 | syn_gain_s << 23
  LaneGainM = 1,
  LaneDrive = 2,
  LaneBias = 3,
  LaneThreshold = 4,
  LaneReset = 5,
  LaneSynDecay = 6,
  LaneSynGainM = 7,
  NumParamLanes = 8,
};

/// Row words: {w_q[15:0], delay << idxBits | target}; headers: {len, addr}.
inline uint32_t rowWord(int16_t weightQ, uint32_t delay, uint32_t target,
                        uint32_t idxBits) {
  return (uint32_t(uint16_t(weightQ)) << 16) | (delay << idxBits) | target;
}
inline uint32_t rowHeader(uint32_t addr, uint32_t len) {
  return (len << 16) | addr;
}

/// CRC-32 (polynomial 0x04C11DB7, MSB first, no reflection) of one word, as
/// crc32_word in snn_pe_pkg.sv; the PE folds in the address, then the data
/// of every configuration write, from 0xFFFFFFFF.
inline uint32_t crc32Word(uint32_t crc, uint32_t data) {
  for (int i = 31; i >= 0; --i) {
    bool bit = ((crc >> 31) ^ (data >> i)) & 1u;
    crc = (crc << 1) ^ (bit ? 0x04C11DB7u : 0u);
  }
  return crc;
}
inline constexpr uint32_t kCrcInit = 0xFFFFFFFFu;

/// Build parameters of the Verilated PE (hw/spinnaker2/pe-config.json).
struct Limits {
  uint32_t maxNeurons = SNNC_PE_MAX_NEURONS;
  uint32_t dmemWords = SNNC_PE_DMEM_WORDS;
  uint32_t keyEntries = SNNC_PE_KEY_ENTRIES;
  uint32_t inFifoDepth = SNNC_PE_IN_FIFO_DEPTH;
  uint32_t neuronCyclesMax = SNNC_PE_NEURON_CYCLES_MAX;
};

} // namespace snnc::rtl::pe

#endif // SNNC_SPINNAKER2_RTL_PEMAP_H
