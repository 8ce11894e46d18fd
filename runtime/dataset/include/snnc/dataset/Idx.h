//===- Idx.h - Reader of IDX files (MNIST, Fashion-MNIST) -------*- C++ -*-===//
//
// IDX is the format of MNIST and Fashion-MNIST: two zero bytes, a type
// byte, a dimension count, one big-endian u32 per dimension, then the
// values in row-major order. Files may be gzip-compressed (as the datasets
// ship); offsets in errors count bytes of the decompressed stream. Only
// unsigned-byte arrays (type 0x08, which both datasets use) are read.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_DATASET_IDX_H
#define SNNC_DATASET_IDX_H

#include "snnc/image/ImageError.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::dataset {

struct IdxArray {
  /// Outermost first: {60000, 28, 28} for MNIST's training images.
  std::vector<uint32_t> dims;
  /// Row-major, one byte per value.
  std::vector<uint8_t> values;
};

/// Reads `path` (plain or gzip). Refuses, naming the byte offset and the
/// field: a bad magic, an unsupported type, no dimensions or more than 8, a
/// zero dimension, a size past 2^32 values, a short or corrupt stream and
/// trailing bytes. Memory grows with the bytes actually read, so a header
/// that claims more than the file holds fails on truncation first.
image::Expected<IdxArray> readIdx(const std::string &path);

} // namespace snnc::dataset

#endif // SNNC_DATASET_IDX_H
