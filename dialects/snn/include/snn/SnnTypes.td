//===- SnnTypes.td - Spike and current types ---------------*- tablegen -*-===//
//
// The two signal kinds that flow along network edges.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_TYPES_TD
#define SNN_TYPES_TD

include "snn/SnnDialect.td"
include "mlir/IR/AttrTypeBase.td"

class Snn_SignalType<string name, string typeMnemonic, string what>
    : TypeDef<Snn_Dialect, name> {
  let mnemonic = typeMnemonic;
  let summary = what;
  let parameters = (ins ArrayRefParameter<"int64_t", "population shape">:$shape);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// Number of neurons (elements) the signal carries per time step.
    int64_t getNumElements() const;
  }];
}

def Snn_SpikesType : Snn_SignalType<"Spikes", "spikes",
    "spikes (!snn.spikes): one bit per neuron per step"> {
  let description = [{
    Spike trains of a population of the given shape, e.g. `!snn.spikes<100>`
    or `!snn.spikes<2x34x34>` (channels, height, width).
  }];
}

def Snn_CurrentType : Snn_SignalType<"Current", "current",
    "a current (!snn.current): one real value per neuron per step"> {
  let description = [{
    Real-valued input to (or readout of) a population of the given shape, e.g.
    `!snn.current<10>`. Currents arriving at a neuron op are summed.
  }];
}

def Snn_AnySignal : AnyTypeOf<[Snn_SpikesType, Snn_CurrentType],
    "spikes or a current">;

#endif // SNN_TYPES_TD
