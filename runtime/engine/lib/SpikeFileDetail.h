//===- SpikeFileDetail.h - Helpers of the spike file forms ------*- C++ -*-===//
//
// The JSON and binary readers and the value-file reader refuse the same
// things with the same words; these helpers hold the limits and the words.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_LIB_SPIKEFILEDETAIL_H
#define SNNC_RUNTIME_LIB_SPIKEFILEDETAIL_H

#include "snnc/runtime/SpikeFile.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::runtime::detail {

/// Longest port name, in bytes; names are labels, not payloads.
inline constexpr uint64_t kMaxNameBytes = 4096;
/// Highest port rank; shapes of real networks have a handful of axes.
inline constexpr uint64_t kMaxRank = 64;
/// Parses JSON text, refusing documents nested deeper than
/// snnc::kMaxJsonDepth (snnc/Support/Json.h).
Expected<nlohmann::json> parseJsonLimited(const std::string &text,
                                          const std::string &source);

/// The error the readers return: what is wrong with the file `source`.
inline ImageError fail(const std::string &source, const std::string &what) {
  return ImageError{source, what};
}

/// "[2, 3]"; "[]" for a scalar.
std::string shapeText(const std::vector<uint32_t> &shape);

/// "port 2 'in'", or "port 2" for an unnamed port.
std::string portLabel(size_t index, const std::string &name);

/// Checks a port name (UTF-8, at most kMaxNameBytes) and returns what is
/// wrong with it, or "" when nothing is.
std::string nameProblem(const std::string &name);

/// Reads a JSON shape (an array of positive 32-bit integers whose product
/// fits 32 bits) into `shape`; returns what is wrong, or "". `where` names
/// the array.
std::string readShape(const nlohmann::json &value, const std::string &where,
                      std::vector<uint32_t> &shape);

/// Reads a JSON integer in [0, max]; negatives and fractions are refused so
/// that "1.5" never silently becomes step 1.
bool readUnsigned(const nlohmann::json &value, uint64_t max, uint64_t &out);

/// a * b, or false when it overflows 64 bits.
bool mulOverflows(uint64_t a, uint64_t b, uint64_t &out);

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_LIB_SPIKEFILEDETAIL_H
