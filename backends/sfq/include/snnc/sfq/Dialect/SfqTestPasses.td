//===- SfqTestPasses.td - Test passes of the sfq dialect ---*- tablegen -*-===//
//
// Passes that exist for lit: they exercise the dialect's C++ (the netlist
// conversion) on IR written by hand.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_SFQTESTPASSES_TD
#define SNNC_SFQ_SFQTESTPASSES_TD

include "mlir/Pass/PassBase.td"

def SfqRoundtripNetlist : Pass<"sfq-roundtrip-netlist", "mlir::ModuleOp"> {
  let summary = "rebuild every sfq.circuit from its C++ netlist";
  let description = [{
    Converts each `sfq.circuit` of the module to a `Netlist`
    (buildNetlist), builds a new circuit from it in its place (buildCircuit;
    the seed is kept, the informational attributes the netlist does not
    hold are dropped), and converts that one back too: it fails unless
    both netlists are equal. Run twice, it prints the same text.
  }];
  let dependentDialects = ["snnc::sfq::SfqDialect"];
}

#endif // SNNC_SFQ_SFQTESTPASSES_TD
