//===- SfqOps.td - The SFQ target's ops --------------------*- tablegen -*-===//
//
// The circuit, its cells (one op per kind of docs/sfq.md §2) and the named
// wires. ODS checks each cell's ports and parameter ranges; the circuit
// checks what ties the cells together: fan-out 1, every wire driven once,
// wire names unique, nothing but sfq cells inside.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_SFQOPS_TD
#define SNNC_SFQ_SFQOPS_TD

include "snnc/sfq/Dialect/SfqDialect.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"

def Sfq_NonNegative : ConfinedAttr<I64Attr, [IntNonNegative]>;
def Sfq_Positive : ConfinedAttr<I64Attr, [IntMinValue<1>]>;
// A synapse's pass threshold P is compared with the upper 32 bits of a
// draw (pass iff u < P), so it is a u32.
def Sfq_Threshold : ConfinedAttr<I64Attr, [IntNonNegative,
                                           IntMaxValue<4294967295>]>;

def Sfq_CircuitOp : Sfq_Op<"circuit", [
    Symbol, IsolatedFromAbove, SingleBlock, NoTerminator, NoRegionArguments,
    DeclareOpInterfaceMethods<RegionKindInterface>]> {
  let summary = "a network lowered onto SFQ cells";
  let description = [{
    The netlist of one lowered network (docs/sfq.md §2). Its body is a
    graph region, as `hw.module`'s is: a recurrent network's cycles need no
    forward declarations, and the order of the cells is the netlist's cell
    order, not a schedule. `slot_ticks` is the length of a network step in
    ticks of 100 fs, `library` the cell library profile whose delays and
    separations apply, `seed` (optional) the seed of the stochastic
    synapses' draws.

    ```mlir
    sfq.circuit @net attributes {library = "coldflux", slot_ticks = 1000} {
      %w = sfq.wire "n0.q"
      %x = sfq.input {element = 0}
      %e = sfq.merge %x, %w
      %q = sfq.neuron exc(%e) {reset = "zero", theta = 2}
      sfq.drive %w, %q
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, Sfq_Positive:$slot_ticks,
                       StrAttr:$library, OptionalAttr<I64Attr>:$seed);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let builders = [OpBuilder<(ins "llvm::StringRef":$name,
      "int64_t":$slotTicks, "llvm::StringRef":$library)>];
  let extraClassDeclaration = [{
    mlir::Block *getBodyBlock() { return &getBody().front(); }
  }];
}

//===----------------------------------------------------------------------===//
// Cells
//===----------------------------------------------------------------------===//

class Sfq_CellOp<string mnemonic, list<Trait> traits = []>
    : Sfq_Op<mnemonic, !listconcat([HasParent<"CircuitOp">], traits)>;

def Sfq_InputOp : Sfq_CellOp<"input"> {
  let summary = "where the spikes of one input element enter the circuit";
  let description = [{
    Emits a pulse for each spike of input element `element` (numbered over
    all input ports in image order), at the tick of docs/sfq.md §1.
  }];
  let arguments = (ins Sfq_NonNegative:$element);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "attr-dict";
}

def Sfq_SinkOp : Sfq_CellOp<"sink"> {
  let summary = "a matched load ending an unused output";
  let arguments = (ins Sfq_PulseType:$a);
  let assemblyFormat = "$a attr-dict";
}

def Sfq_JtlOp : Sfq_CellOp<"jtl"> {
  let summary = "a Josephson transmission line: delays a pulse";
  let arguments = (ins Sfq_PulseType:$a);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "$a attr-dict";
}

def Sfq_SplitOp : Sfq_CellOp<"split"> {
  let summary = "copies a pulse onto two outputs";
  let arguments = (ins Sfq_PulseType:$a);
  let results = (outs Sfq_PulseType:$q0, Sfq_PulseType:$q1);
  let assemblyFormat = "$a attr-dict";
}

def Sfq_MergeOp : Sfq_CellOp<"merge"> {
  let summary = "joins two pulse trains (pulses too close collide)";
  let arguments = (ins Sfq_PulseType:$a, Sfq_PulseType:$b);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "$a `,` $b attr-dict";
}

def Sfq_DffOp : Sfq_CellOp<"dff"> {
  let summary = "stores a pulse until the clock";
  let arguments = (ins Sfq_PulseType:$a, Sfq_PulseType:$clk);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "$a `,` $clk attr-dict";
}

def Sfq_NdroOp : Sfq_CellOp<"ndro"> {
  let summary = "non-destructive readout: set, reset, read on the clock";
  let arguments = (ins Sfq_PulseType:$set, Sfq_PulseType:$reset,
                       Sfq_PulseType:$clk);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "$set `,` $reset `,` $clk attr-dict";
}

class Sfq_GateOp<string mnemonic, string what> : Sfq_CellOp<mnemonic> {
  let summary = "clocked " # what # " of two pulse inputs";
  let arguments = (ins Sfq_PulseType:$a, Sfq_PulseType:$b,
                       Sfq_PulseType:$clk);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "$a `,` $b `,` $clk attr-dict";
}

def Sfq_And2Op : Sfq_GateOp<"and2", "AND">;
def Sfq_Or2Op : Sfq_GateOp<"or2", "OR">;
def Sfq_Xor2Op : Sfq_GateOp<"xor2", "XOR">;

def Sfq_NotOp : Sfq_CellOp<"not"> {
  let summary = "clocked inverter: a pulse on the clock unless `a` came";
  let arguments = (ins Sfq_PulseType:$a, Sfq_PulseType:$clk);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "$a `,` $clk attr-dict";
}

def Sfq_SynapseOp : Sfq_CellOp<"synapse"> {
  let summary = "a stochastic synapse: passes a pulse with probability p";
  let description = [{
    The k-th pulse it accepts draws u (the upper 32 bits of the counter RNG
    at stream, synapse `id` and k + 1) and passes iff u < `threshold`
    (docs/sfq.md §4). `p` and `bias_ua` are the probability and the bias
    current in µA it was lowered to (§6), `weight` the network's weight it
    stands for; none of the three changes what the circuit does.
  }];
  let arguments = (ins Sfq_PulseType:$a, Sfq_Threshold:$threshold,
                       Sfq_NonNegative:$id, OptionalAttr<F64Attr>:$bias_ua,
                       OptionalAttr<F64Attr>:$p,
                       OptionalAttr<F64Attr>:$weight);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "$a attr-dict";
  let hasVerifier = 1;
}

def Sfq_PulserOp : Sfq_CellOp<"pulser"> {
  let summary = "turns one pulse into `pulses` pulses `spacing` ticks apart";
  let arguments = (ins Sfq_PulseType:$a, Sfq_Positive:$pulses,
                       Sfq_Positive:$spacing);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "$a attr-dict";
}

def Sfq_NeuronOp : Sfq_CellOp<"neuron", [AttrSizedOperandSegments]> {
  let summary = "an integrate-and-fire loop of `theta` fluxons";
  let description = [{
    `exc` adds a fluxon, `inh` and `leak` remove one (all three optional:
    a neuron may have no excitatory synapse); after
    `exc` a loop holding `theta` fires and resets by `reset` ("zero",
    "subtract" or "release_one"; docs/sfq.md §4). `bias_ua` is its bias
    current in µA, `population` and `index` the neuron it implements
    (population numbered as every target numbers them); they are
    informational.

    ```mlir
    %q = sfq.neuron exc(%e) inh(%i) leak(%l) {reset = "zero", theta = 3}
    ```
  }];
  let arguments = (ins Optional<Sfq_PulseType>:$exc,
                       Optional<Sfq_PulseType>:$inh,
                       Optional<Sfq_PulseType>:$leak, Sfq_Positive:$theta,
                       StrAttr:$reset, OptionalAttr<F64Attr>:$bias_ua,
                       OptionalAttr<Sfq_NonNegative>:$population,
                       OptionalAttr<Sfq_NonNegative>:$index);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = [{
    (`exc` `(` $exc^ `)`)? (`inh` `(` $inh^ `)`)? (`leak` `(` $leak^ `)`)?
    attr-dict
  }];
  let hasVerifier = 1;
}

def Sfq_ClockOp : Sfq_CellOp<"clock"> {
  let summary = "emits a pulse every `period` ticks from tick `phase`";
  let arguments = (ins Sfq_Positive:$period, Sfq_NonNegative:$phase);
  let results = (outs Sfq_PulseType:$q);
  let assemblyFormat = "attr-dict";
}

//===----------------------------------------------------------------------===//
// Named wires
//===----------------------------------------------------------------------===//

def Sfq_WireOp : Sfq_Op<"wire", [HasParent<"CircuitOp">,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "a named pulse, driven by one sfq.drive";
  let description = [{
    Stands for the pulse its `sfq.drive` connects to it, under a name unique
    in the circuit (the printer names the value after it). It adds no cell:
    the netlist connects the driving output straight to the input using
    the wire.

    ```mlir
    %w = sfq.wire "n0.q"
    %j = sfq.jtl %w
    %q = sfq.neuron exc(%j) {reset = "zero", theta = 1}
    sfq.drive %w, %q
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs Sfq_PulseType:$out);
  let assemblyFormat = "$name attr-dict";
}

def Sfq_DriveOp : Sfq_Op<"drive", [HasParent<"CircuitOp">]> {
  let summary = "connects a pulse to a named wire";
  let arguments = (ins Sfq_PulseType:$wire, Sfq_PulseType:$source);
  let assemblyFormat = "$wire `,` $source attr-dict";
  let hasVerifier = 1;
}

#endif // SNNC_SFQ_SFQOPS_TD
