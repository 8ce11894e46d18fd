//===- S2Dialect.td - The spinnaker2 target's dialect ------*- tablegen -*-===//
//
// The `s2` dialect holds what the spinnaker2 backend records on a lowered
// `snn` network: fixed-point formats, slices, placement, routing and the
// mapping report. It has attributes only; shared code never names it, and
// the target registers it through its TargetMachine.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_S2DIALECT_TD
#define SNNC_SPINNAKER2_S2DIALECT_TD

include "mlir/IR/DialectBase.td"

def S2_Dialect : Dialect {
  let name = "s2";
  let summary = "The spinnaker2 target's annotations of an snn network";
  let description = [{
    Discardable attributes the spinnaker2 passes attach to ops of the
    target-independent `snn` dialect, each of a typed `#s2.*` attribute:

    - `s2.quant` (#s2.quant) on every synaptic projection: its int16 weights
      and left shift (snn-quantize);
    - `s2.fixed` (#s2.fixed) on every `snn.neuron`: its integer constants
      (snn-quantize);
    - `s2.slices` (#s2.slices) on every `snn.neuron` and `s2.input_slices`
      (one #s2.slices per input port) on the `snn.network`: slice sizes
      (snn-partition), their PEs (snn-place) and routing keys (snn-route);
    - `s2.partition`, `s2.placement`, `s2.routing` and `s2.mapping_report`
      on the `snn.network`: what each mapping stage found.

    The dialect verifies each attribute on its own and against the op that
    carries it (population sizes, weight shapes, keys against the routing
    mask), so a stage reading them can rely on their invariants.
  }];
  let cppNamespace = "::snnc::spinnaker2";
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let discardableAttrs = (ins
    "QuantAttr":$quant,
    "FixedAttr":$fixed,
    "SlicesAttr":$slices,
    "::mlir::ArrayAttr":$input_slices,
    "PartitionAttr":$partition,
    "PlacementAttr":$placement,
    "RoutingAttr":$routing,
    "MappingReportAttr":$mapping_report
  );
  let extraClassDeclaration = [{
    void registerAttributes();
  }];
}

#endif // SNNC_SPINNAKER2_S2DIALECT_TD
