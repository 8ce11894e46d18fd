//===- CeilLog2.h - ceil(log2 n): bits for n values, tree height -*- C++ -*-===//
//
// One helper for "how many bits number `n` distinct values" (routing keys)
// and "how tall is a balanced binary tree over `n` leaves" (SFQ splitter,
// OR2 and clock trees): the same ceil(log2 n), 0 for n <= 1.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SUPPORT_CEILLOG2_H
#define SNNC_SUPPORT_CEILLOG2_H

#include <cstdint>

namespace snnc {

inline uint32_t ceilLog2(uint64_t n) {
  uint32_t bits = 0;
  while (bits < 64 && (uint64_t(1) << bits) < n)
    ++bits;
  return bits;
}

} // namespace snnc

#endif // SNNC_SUPPORT_CEILLOG2_H
