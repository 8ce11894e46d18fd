//===- Passes.td - The crossbar target's passes ------------*- tablegen -*-===//
//
// What the crossbar target runs after the shared stages (snn-target,
// snn-discretize): the partition into tile-sized slices, their placement on
// the tile mesh, and the lowering of the projections to programmed tiles.
// Each reads the target model (target.json under the --target-config
// overrides) and the seed from the module's #snn.target, and refuses a
// module for another target.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_PASSES_TD
#define SNNC_CROSSBAR_PASSES_TD

include "mlir/Pass/PassBase.td"

def XbarPartition : Pass<"xbar-partition", "mlir::ModuleOp"> {
  let summary = "slice populations into tile peripheries";
  let description = [{
    Refuses a network needing more tiles than the chip has (naming both
    counts), then slices every population into at most min(tile_cols,
    neurons_per_tile) neurons (one tile periphery) and every input port into
    at most tile_rows elements (one tile's rows) with the shared
    partitioner, and records them as `xbar.slice` ops of a new `xbar.chip`
    beside the network.
  }];
  let dependentDialects = ["snn::SnnDialect", "snnc::crossbar::XbarDialect"];
}

def XbarPlace : Pass<"xbar-place", "mlir::ModuleOp"> {
  let summary = "place slices on the tile mesh";
  let description = [{
    Puts every `xbar.slice` on its own mesh node with the shared placement
    (one chip of tiles_per_chip nodes, mesh_cols wide; seeded simulated
    annealing minimising traffic x hops) and records the node on the slice.
  }];
  let dependentDialects = ["snn::SnnDialect", "snnc::crossbar::XbarDialect"];
}

def XbarMapTiles : Pass<"xbar-map-tiles", "mlir::ModuleOp"> {
  let summary = "lower projections to programmed tiles";
  let description = [{
    Cuts every projection into tiles (one set per delay), maps its weights
    to conductance pairs with programming noise sampled from the compile
    seed (or formed conductances for reservoirs in formed mode), puts each
    tile on a mesh node (the node of the slice whose input it computes when
    free, else the nearest free node) and records the chip as
    `xbar.projection` and `xbar.tile` ops, with each projection's weight
    error and the chip's programming figures.
  }];
  let dependentDialects = ["snn::SnnDialect", "snnc::crossbar::XbarDialect"];
}

#endif // SNNC_CROSSBAR_PASSES_TD
