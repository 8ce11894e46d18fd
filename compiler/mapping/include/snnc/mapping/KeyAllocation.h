//===- KeyAllocation.h - 32-bit routing keys for every slice ----*- C++ -*-===//
//
// A spike of neuron i of slice s travels with key base(s) | i. All slices use
// the same number of neuron bits (enough for the largest slice), so every
// base is aligned and the mask ~(2^neuronBits - 1) is contiguous.
//
// Bases follow the placement: base = (chip << peBits | local PE) <<
// neuronBits when that fits the key width ("topological" keys), otherwise
// the PEs in order are numbered densely. Either way slices on one chip hold
// one aligned key range, which is what lets table compression cover all
// sources of a chip with one entry when they share a route.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_KEYALLOCATION_H
#define SNNC_MAPPING_KEYALLOCATION_H

#include "snnc/mapping/Partition.h"
#include "snnc/mapping/Topology.h"

#include <cstdint>
#include <vector>

namespace snnc::mapping {

struct KeyAllocation {
  uint32_t keyBits = 32;
  uint32_t neuronBits = 0;
  /// Mask of every slice's entry: the block bits, neuron bits clear.
  uint32_t sliceMask = 0;
  std::vector<uint32_t> baseKey;
  bool topological = false;
};

/// Throws MappingError(KeySpaceExhausted) if the keys do not fit `keyBits`.
KeyAllocation allocateKeys(const Partition &partition,
                           const std::vector<uint32_t> &peOfSlice,
                           const Topology &topology, uint32_t keyBits);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_KEYALLOCATION_H
