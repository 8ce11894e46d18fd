//===- SpikeBinary.h - The compact binary form of spike files ---*- C++ -*-===//
//
// Large spike trains in JSON cost ~10 bytes per event and a DOM to parse;
// the binary form costs about one byte per event (steps and indices are
// delta-coded varints, grouped by step) and is decoded in one pass. Layout
// (all integers little-endian; docs/formats.md "Binary spike files"):
//
//   header    magic "SNNCSPK1", u32 version, u32 flags, u64 file bytes,
//             u64 steps, u32 ports, u32 metadata bytes     (40 bytes)
//   metadata  UTF-8 JSON object text
//   ports     u32 kind, u32 name bytes, name, u32 rank, rank x u32 dims,
//             then spikes: u64 events, u64 payload bytes, payload;
//             or current: steps x size f64 values
//   trailer   u64 FNV-1a-64 of every byte before it
//
// The decoder checks sizes against the bytes actually present before it
// allocates anything, so a corrupt count cannot exhaust memory.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_SPIKEBINARY_H
#define SNNC_RUNTIME_SPIKEBINARY_H

#include "snnc/runtime/SpikeFile.h"

#include <cstdint>
#include <string>

namespace snnc::runtime {

/// The first eight bytes of every binary spike file.
inline constexpr char kSpikeMagic[] = "SNNCSPK1";
inline constexpr uint32_t kSpikeBinaryVersion = 1;
inline constexpr uint64_t kSpikeHeaderBytes = 40;
inline constexpr uint64_t kSpikeTrailerBytes = 8;

/// True when `bytes` starts with kSpikeMagic.
bool hasSpikeMagic(const std::string &bytes);

/// The binary form of `file`, which must satisfy validateSpikeFile (events
/// are normalized on the way).
std::string encodeSpikeBinary(const SpikeFile &file);

/// Decodes and validates a binary spike file; errors name `source` and the
/// byte offset of the offending field.
Expected<SpikeFile> decodeSpikeBinary(const std::string &bytes,
                                      const std::string &source);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_SPIKEBINARY_H
