//===- SnnInterfaces.td - Neuron and synapse op interfaces -*- tablegen -*-===//
//
// Interfaces that let passes treat all populations, and all projections,
// uniformly (canonicalization, partitioning, placement).
//
//===----------------------------------------------------------------------===//

#ifndef SNN_INTERFACES_TD
#define SNN_INTERFACES_TD

include "mlir/IR/OpBase.td"

def Snn_NeuronOpInterface : OpInterface<"NeuronOpInterface"> {
  let cppNamespace = "::snn";
  let description = [{
    A population of neurons. Its inputs are currents that are summed before
    the neuron update; its single result is its spikes (or, for non-spiking
    readouts, its state as a current).
  }];
  let methods = [
    InterfaceMethod<"The summed input currents.", "::mlir::OperandRange",
      "getInputs">,
    InterfaceMethod<"Mutable access to the summed input currents.",
      "::mlir::MutableOperandRange", "getInputsMutable">,
    InterfaceMethod<"Number of neurons in the population.", "int64_t",
      "getNumNeurons", (ins), /*methodBody=*/"", [{
        return ::llvm::cast<::snn::SignalType>(
            $_op->getResult(0).getType()).getNumElements();
      }]>,
  ];
}

def Snn_SynapseOpInterface : OpInterface<"SynapseOpInterface"> {
  let cppNamespace = "::snn";
  let description = [{
    A projection: it maps one input signal onto a current, by a linear (or
    affine) map that may carry delays.
  }];
  let methods = [
    InterfaceMethod<"The presynaptic signal.", "::mlir::Value", "getInput">,
    InterfaceMethod<"The postsynaptic current.", "::mlir::Value", "getOutput">,
  ];
}

#endif // SNN_INTERFACES_TD
