//===- Manifest.h - manifest.json of a chip image ---------------*- C++ -*-===//
//
// The manifest holds everything but the per-neuron, per-slice, per-PE,
// per-synapse and per-site tables and the target sections' files: scalar
// metadata, ports, population and projection headers, the table counts and
// the section table (name, owner, file, version, size, checksum, header).
// Parsing is strict (unknown keys, wrong types and out-of-range numbers are
// errors naming the JSON path), so a corrupted manifest is caught here rather
// than as a confusing table size mismatch later.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_MANIFEST_H
#define SNNC_IMAGE_MANIFEST_H

#include "Tables.h"

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::image::detail {

/// One row of the section table.
struct SectionEntry {
  std::string name;
  /// "core" or the owning target.
  std::string owner;
  std::string file;
  uint32_t version = 0;
  uint64_t size = 0;
  uint64_t checksum = 0;
  /// The codec's header (an empty object for core sections).
  nlohmann::json header = nlohmann::json::object();
};

nlohmann::json buildManifest(const Image &image, const TableCounts &counts,
                             const std::vector<SectionEntry> &sections);

/// The bytes of manifest.json: two-space indented, keys sorted, newline at
/// the end.
std::string serializeManifest(const nlohmann::json &manifest);

/// Parses manifest.json text, refusing documents nested deeper than any
/// real manifest (which bounds the work of recursive consumers).
Expected<nlohmann::json> parseManifestText(const std::string &text);

/// Checks format and version, then fills the metadata of `image` (tables
/// and target sections left empty), `counts` and `sections`.
Status readManifest(const nlohmann::json &manifest, Image &image,
                    TableCounts &counts, std::vector<SectionEntry> &sections);

} // namespace snnc::image::detail

#endif // SNNC_IMAGE_MANIFEST_H
