//===- SnnDialect.td - The snn dialect definition ----------*- tablegen -*-===//
//
// The `snn` dialect describes spiking networks independently of any target:
// populations of neurons with NIR's continuous-time parameters (SI units), and
// the synaptic projections between them, in a graph region.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_DIALECT_TD
#define SNN_DIALECT_TD

include "mlir/IR/OpBase.td"

def Snn_Dialect : Dialect {
  let name = "snn";
  let summary = "Target-independent spiking neural networks";
  let description = [{
    Networks of spiking and non-spiking neuron populations connected by
    synaptic projections. Values carry either spikes (one bit per neuron per
    time step) or currents (one real value per neuron per step). Parameters
    follow the Neuromorphic Intermediate Representation (NIR): continuous time,
    SI units, scalars broadcast over a population, arrays are per neuron.
  }];
  let cppNamespace = "::snn";
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasCanonicalizer = 1;
  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();
  }];
}

class Snn_Op<string mnemonic, list<Trait> traits = []>
    : Op<Snn_Dialect, mnemonic, traits>;

#endif // SNN_DIALECT_TD
