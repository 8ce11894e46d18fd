//===- KeyAllocation.cpp - 32-bit routing keys for every slice ------------===//

#include "snnc/mapping/KeyAllocation.h"
#include "snnc/Support/CeilLog2.h"
#include "snnc/mapping/MappingError.h"

#include <algorithm>
#include <numeric>

namespace snnc::mapping {

KeyAllocation allocateKeys(const Partition &partition,
                           const std::vector<uint32_t> &peOfSlice,
                           const Topology &topology, uint32_t keyBits) {
  KeyAllocation keys;
  keys.keyBits = keyBits;
  uint32_t largest = 1;
  for (const Slice &s : partition.slices)
    largest = std::max(largest, s.count);
  keys.neuronBits = ceilLog2(largest);
  uint64_t space = keyBits >= 32 ? 0xffffffffULL : (1ULL << keyBits) - 1;
  keys.sliceMask =
      static_cast<uint32_t>(space & ~((uint64_t(1) << keys.neuronBits) - 1));

  uint32_t n = partition.numSlices();
  keys.baseKey.resize(n);
  uint32_t peBits = ceilLog2(topology.pesPerChip());
  uint32_t chipBits = ceilLog2(topology.numChips());
  if (keys.neuronBits + peBits + chipBits <= keyBits) {
    keys.topological = true;
    for (uint32_t s = 0; s < n; ++s) {
      const PeLocation &loc = topology.pe(peOfSlice[s]);
      uint64_t block = (uint64_t(loc.chip) << peBits) | loc.local;
      keys.baseKey[s] = static_cast<uint32_t>(block << keys.neuronBits);
    }
    return keys;
  }
  // Dense numbering in PE order keeps each chip's slices contiguous.
  uint32_t needed = keys.neuronBits + ceilLog2(n);
  if (needed > keyBits)
    throw MappingError(MappingErrorKind::KeySpaceExhausted, "routing keys",
                       "packet_key_bits", needed, keyBits,
                       std::to_string(n) + " slices of up to " +
                           std::to_string(largest) + " neurons need " +
                           std::to_string(needed) +
                           "-bit routing keys, but packet_key_bits is " +
                           std::to_string(keyBits));
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return peOfSlice[a] < peOfSlice[b];
  });
  for (uint32_t i = 0; i < n; ++i)
    keys.baseKey[order[i]] =
        static_cast<uint32_t>(uint64_t(i) << keys.neuronBits);
  return keys;
}

} // namespace snnc::mapping
