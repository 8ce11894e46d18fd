//===- XbarDialect.td - The crossbar target's dialect ------*- tablegen -*-===//
//
// The `xbar` dialect is the lowered form of a network on an RRAM crossbar
// chip: which population slice sits beside which tile's periphery, which
// block of which projection each tile holds, and its programmed
// conductances. Shared code never names it; the crossbar target registers
// it through its TargetMachine.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_XBARDIALECT_TD
#define SNNC_CROSSBAR_XBARDIALECT_TD

include "mlir/IR/DialectBase.td"
include "mlir/IR/OpBase.td"

def Xbar_Dialect : Dialect {
  let name = "xbar";
  let summary = "A spiking network lowered onto RRAM crossbar tiles";
  let description = [{
    One `xbar.chip` per lowered `snn.network`, beside it in the module,
    holds what the crossbar passes decided (docs/crossbar.md):

    - `xbar.slice`: a slice of an input port or population, at most one
      tile's worth of rows or columns, and the mesh node whose digital
      periphery holds it (xbar-partition, xbar-place);
    - `xbar.projection`: a projection's shape, its weight scale and the
      error of its programmed weights (xbar-map-tiles);
    - `xbar.tile`: one physical tile: the block of its projection, its
      delay, its mesh node and its programmed G+ and G- (xbar-map-tiles).
  }];
  let cppNamespace = "::snnc::crossbar";
}

class Xbar_Op<string mnemonic, list<Trait> traits = []>
    : Op<Xbar_Dialect, mnemonic, traits>;

#endif // SNNC_CROSSBAR_XBARDIALECT_TD
