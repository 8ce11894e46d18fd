//===- SfqDialect.td - The SFQ target's dialect ------------*- tablegen -*-===//
//
// The `sfq` dialect is the IR form of the SFQ target's netlist
// (docs/sfq.md §2, snnc/sfq/Netlist.h): cells joined by pulse wires, every
// output driving exactly one input. Shared code never names it; the SFQ
// target registers it through its TargetMachine.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_SFQDIALECT_TD
#define SNNC_SFQ_SFQDIALECT_TD

include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/DialectBase.td"
include "mlir/IR/OpBase.td"

def Sfq_Dialect : Dialect {
  let name = "sfq";
  let summary = "A spiking network lowered onto SFQ cells and pulse wires";
  let description = [{
    One `sfq.circuit` per lowered network holds the netlist of docs/sfq.md
    §2 as a graph region: each cell is an op whose operands are the pulses
    driving its input ports and whose results (`!sfq.pulse`) are its output
    ports. An SFQ pulse is one flux quantum, so every output drives exactly
    one input: copies need an `sfq.split`, joins an `sfq.merge`, and an
    unused output ends in an `sfq.sink`. `sfq.wire` and `sfq.drive` name a
    pulse and let a lowering connect a value it creates later.
  }];
  let cppNamespace = "::snnc::sfq";
  let useDefaultTypePrinterParser = 1;
}

class Sfq_Type<string name, string typeMnemonic>
    : TypeDef<Sfq_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def Sfq_PulseType : Sfq_Type<"Pulse", "pulse"> {
  let summary = "a pulse wire from one output port to one input port";
  let description = [{
    The value of an SFQ output port: the train of single flux quanta it
    sends down its wire. It is used by exactly one input port.
  }];
}

class Sfq_Op<string mnemonic, list<Trait> traits = []>
    : Op<Sfq_Dialect, mnemonic, traits>;

#endif // SNNC_SFQ_SFQDIALECT_TD
