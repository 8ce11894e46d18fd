//===- TileNodes.h - Which mesh node each tile sits at ----------*- C++ -*-===//
//
// A population slice sits in the digital periphery of a mesh node; the
// tiles computing its input go to that node when it is free, else to the
// free node nearest it (Manhattan distance on the mesh, then lowest
// index), so that partial sums travel few hops. Nodes hosting no slice are
// taken before nodes hosting an input slice or a slice without tiles.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CODEGEN_TILENODES_H
#define SNNC_CROSSBAR_CODEGEN_TILENODES_H

#include "snnc/crossbar/DeviceModel.h"

#include <cstdint>
#include <vector>

namespace snnc::crossbar {

/// The node of each tile, given each tile's home node (the node of the
/// slice whose input it computes) and the nodes slices occupy. The caller
/// guarantees at most tiles_per_chip tiles and homes inside the chip.
std::vector<int64_t> assignTileNodes(const std::vector<int64_t> &homes,
                                     const std::vector<int64_t> &sliceNodes,
                                     const DeviceModel &model);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CODEGEN_TILENODES_H
