//===- Tables.h - Binary layout of the image tables -------------*- C++ -*-===//
//
// The five binary files of a version-1 image and how an Image maps onto
// them. Counts that only the manifest records (slices per input and per
// population, synapses per stored projection, entries and routes per chip)
// travel in
// TableCounts, so the reader can size every table before touching its bytes.
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

enum class Table { Neurons, Slices, Placement, Synapses, Routing };

inline constexpr std::array<Table, 5> kTables = {
    Table::Neurons, Table::Slices, Table::Placement, Table::Synapses,
    Table::Routing};

/// "neurons.bin", ...; the manifest lists the files in kTables order.
const char *fileName(Table table);

/// 8 doubles then 10 int32 per neuron.
inline constexpr uint64_t kNeuronRecordBytes = 8 * 8 + 10 * 4;
/// first, count, pe, key, mask: 5 uint32 per slice.
inline constexpr uint64_t kSliceRecordBytes = 5 * 4;
/// target u32, weight f32, weight_q i16, delay u16 per synapse.
inline constexpr uint64_t kSynapseBytes = 4 + 4 + 2 + 2;
/// key, mask, route: 3 uint32 per routing entry.
inline constexpr uint64_t kEntryBytes = 3 * 4;

struct TableCounts {
  std::vector<uint32_t> slicesPerInput;
  std::vector<uint32_t> slicesPerPopulation;
  /// One per projection; 0 for procedural ones.
  std::vector<uint64_t> synapsesPerProjection;
  std::vector<uint64_t> entriesPerChip;
  std::vector<uint64_t> routesPerChip;
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
