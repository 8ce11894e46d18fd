//===- PeTables.h - What the driver loads into each PE ----------*- C++ -*-===//
//
// Turns an image into the contents of every population PE: registers, the
// sorted key table, neuron parameter rows and the data SRAM (ring buffer,
// then per key entry a row-header table and its rows), following the
// layouts of docs/rtl.md. Procedural projections are expanded here, through
// the same image::ProceduralRows every engine uses, and stored as ordinary
// rows. A slice that does not fit its PE is refused with an error naming
// the PE and the memory that overflowed.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_RTL_PETABLES_H
#define SNNC_SPINNAKER2_RTL_PETABLES_H

#include "PeMap.h"

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snnc::rtl {

struct KeyEntry {
  uint32_t key = 0;
  uint32_t mask = 0;
  /// Data SRAM address of the entry's row-header table.
  uint32_t rowBase = 0;
  uint32_t shift = 0;
  /// Elements of the source slice: headers in the table.
  uint32_t rows = 0;
  /// Words of the longest row (driver-side, for the watchdog limit).
  uint32_t longestRow = 0;
};

using ParamRow = std::array<uint32_t, pe::NumParamLanes>;

struct PeTable {
  /// Global slice index (image::listSlices order), its population and the
  /// slice's index within it.
  uint32_t globalSlice = 0;
  uint32_t population = 0;
  uint32_t slice = 0;
  uint32_t pe = 0;
  uint32_t first = 0;
  uint32_t count = 0;
  uint32_t keyBase = 0;
  uint32_t keyMask = 0;
  uint32_t flags = 0;
  uint32_t slotMask = 0;
  uint32_t idxBits = 0;
  uint32_t ringWords = 0;
  uint32_t synEnd = 0;
  uint32_t watchdog = 0;
  /// Sorted by key.
  std::vector<KeyEntry> entries;
  std::vector<ParamRow> params;
  /// Data SRAM words [ringWords, synEnd).
  std::vector<uint32_t> tables;
  /// Global slices whose packets this PE has rows for, ascending.
  std::vector<uint32_t> sources;
  uint64_t rowWords = 0;
};

/// "PE 2768 (chip 18, population 'lif0' slice 0)" or "(input 'in' ...)".
std::string peLabel(const image::Image &image, uint32_t globalSlice);

/// The tables of every population slice, in global slice order. `ringMask`
/// is the ring size minus one of each population (as the ref engine sizes
/// it); `record[p]` marks populations whose values the driver records.
image::Expected<std::vector<PeTable>>
buildPeTables(const image::Image &image, const std::vector<uint32_t> &ringMask,
              const std::vector<bool> &record, const pe::Limits &limits);

/// The configuration writes (address, data) that load `table`, registers
/// first.
std::vector<std::pair<uint32_t, uint32_t>> configWrites(const PeTable &table);

} // namespace snnc::rtl

#endif // SNNC_SPINNAKER2_RTL_PETABLES_H
