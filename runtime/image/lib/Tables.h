//===- Tables.h - Binary layout of the image tables -------------*- C++ -*-===//
//
// The five core sections of a version-2 image, one binary file each, and how
// an Image maps onto them. Counts that only the manifest records (slices per
// input and per population, synapses per stored projection, chips and links
// of the layout) travel in TableCounts, so the reader can size every table
// before touching its bytes. Target sections are their codecs' business.
// docs/formats.md ("Chip images") is the prose form of this file.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_TABLES_H
#define SNNC_IMAGE_TABLES_H

#include "snnc/image/detail/Bytes.h"

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace snnc::image::detail {

inline constexpr const char *kManifestFile = "manifest.json";

enum class Table { Neurons, Slices, Placement, Synapses, Layout };

inline constexpr std::array<Table, 5> kTables = {
    Table::Neurons, Table::Slices, Table::Placement, Table::Synapses,
    Table::Layout};

/// The owner of the core sections in the manifest's section table.
inline constexpr const char *kCoreOwner = "core";
/// Layout version of every core section file.
inline constexpr uint32_t kCoreSectionVersion = 1;

/// "neurons", ...; the manifest lists the core sections first, in kTables
/// order.
const char *sectionName(Table table);
/// "neurons.bin", ...
const char *fileName(Table table);

/// 8 doubles per neuron.
inline constexpr uint64_t kNeuronRecordBytes = 8 * 8;
/// first, count, pe: 3 uint32 per slice.
inline constexpr uint64_t kSliceRecordBytes = 3 * 4;
/// target u32, weight f32, delay u16 per synapse.
inline constexpr uint64_t kSynapseBytes = 4 + 4 + 2;
/// x, y: 2 int32 per grid point.
inline constexpr uint64_t kGridPointBytes = 2 * 4;

struct TableCounts {
  std::vector<uint32_t> slicesPerInput;
  std::vector<uint32_t> slicesPerPopulation;
  /// One per projection; 0 for procedural ones.
  std::vector<uint64_t> synapsesPerProjection;
  /// Chips and chip links of the machine layout.
  uint32_t layoutChips = 0;
  uint32_t layoutLinks = 0;
};

/// The counts of an Image in memory (for writing).
TableCounts countTables(const Image &image);

/// The exact byte size of `table` for the metadata in `image` (sizes,
/// placement and routing geometry, projection sources and storage) and
/// `counts`; nullopt when it would exceed 2^64 - 1.
std::optional<uint64_t> tableSize(Table table, const Image &image,
                                  const TableCounts &counts);

/// Writes `table` of `image`.
void encodeTable(Table table, const Image &image, ByteSink &sink);

/// Fills the part of `image` that `table` stores. `bytes.size()` must equal
/// tableSize(table, image, counts), which bounds every allocation made
/// here by the size of the file.
Status decodeTable(Table table, const std::vector<uint8_t> &bytes,
                   const TableCounts &counts, Image &image);

} // namespace snnc::image::detail

#endif // SNNC_IMAGE_TABLES_H
