//===- S2Attrs.td - The spinnaker2 target's attributes -----*- tablegen -*-===//
//
// Typed forms of what the spinnaker2 passes record: the fixed-point format
// of each projection and population, slices with their PEs and keys, the
// routing tables and the mapping report. Each verifies the invariants a
// later stage relies on.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_S2ATTRS_TD
#define SNNC_SPINNAKER2_S2ATTRS_TD

include "snnc/spinnaker2/Dialect/S2Dialect.td"
include "mlir/IR/AttrTypeBase.td"

//===----------------------------------------------------------------------===//
// Parameters
//===----------------------------------------------------------------------===//

/// A double, printed so that it parses back to the same bits.
class S2_F64<string desc> : AttrOrTypeParameter<"::llvm::APFloat", desc> {
  let comparator = "$_lhs.bitwiseIsEqual($_rhs)";
  let parser = "parseF64($_parser)";
  let printer = "$_printer.printFloat($_self)";
}

def S2_Bool : AttrOrTypeParameter<"bool", "true or false"> {
  let parser = "parseBool($_parser)";
  let printer = "$_printer << ($_self ? \"true\" : \"false\")";
}

/// `[a, b, c]`.
class S2_IntList<string desc> : ArrayRefParameter<"int64_t", desc> {
  let parser = "parseIntList($_parser)";
  let printer = "printIntList($_printer, $_self)";
}

/// An optional `[a, b, c]`; empty when absent.
class S2_OptionalIntList<string desc>
    : OptionalArrayRefParameter<"int64_t", desc> {
  let parser = "parseIntList($_parser)";
  let printer = "printIntList($_printer, $_self)";
}

/// One value per neuron, or one value for all of them: `7` or `[7, 8, 9]`.
class S2_PerNeuron<string desc> : ArrayRefParameter<"int64_t", desc> {
  let parser = "parsePerNeuron($_parser)";
  let printer = "printPerNeuron($_printer, $_self)";
}

class S2_OptionalPerNeuron<string desc>
    : OptionalArrayRefParameter<"int64_t", desc> {
  let parser = "parsePerNeuron($_parser)";
  let printer = "printPerNeuron($_printer, $_self)";
}

/// An attribute of this dialect, printed with its `#s2.` prefix.
class S2_Nested<string attr, string desc> : AttrOrTypeParameter<attr, desc> {
  let printer = "$_printer.printAttribute($_self)";
}

/// `[#s2.x<...>, ...]`.
class S2_NestedList<string attr, string desc>
    : ArrayRefParameter<attr, desc> {
  let parser = "parseAttrList<" # attr # ">($_parser)";
  let printer = "printAttrList($_printer, $_self)";
}

class S2_Attr<string name, string attrMnemonic>
    : AttrDef<S2_Dialect, name> {
  let mnemonic = attrMnemonic;
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// Fixed point (snn-quantize)
//===----------------------------------------------------------------------===//

def S2_QuantAttr : S2_Attr<"Quant", "quant"> {
  let summary = "a projection's int16 weights and left shift";
  let description = [{
    `#s2.quant<shift = 7, scale = 7.8e-03, rms_error = 1.2e-04,
    max_error = 3.9e-03, weights = dense<...> : tensor<2x3xi16>>`.
    A stored weight w is `weights * 2^shift` accumulator LSBs, i.e.
    `weights * scale` in the float network's units (docs/numerics.md §3).
    `rms_error` and `max_error` measure `|w - weights * scale|` over the
    projection's synapses. `weights` has the shape of the float weights;
    procedural and pooling projections, whose weights are not stored, have
    none.
  }];
  let parameters = (ins
    "int64_t":$shift,
    S2_F64<"value of one weight LSB">:$scale,
    S2_F64<"RMS quantization error">:$rms_error,
    S2_F64<"largest quantization error">:$max_error,
    OptionalParameter<"::mlir::ElementsAttr",
                      "the quantized weights (i16)">:$weights
  );
  let extraClassDeclaration = [{
    double getScaleValue() const { return getScale().convertToDouble(); }
    double getRmsErrorValue() const { return getRmsError().convertToDouble(); }
    double getMaxErrorValue() const { return getMaxError().convertToDouble(); }
  }];
}

def S2_FixedAttr : S2_Attr<"Fixed", "fixed"> {
  let summary = "a population's integer neuron constants";
  let description = [{
    `#s2.fixed<s_in = 6.1e-05, s_v = 1.9e-09, decay = 62259, gain_m = [...],
    gain_s = 30, drive = 0, bias = 0, threshold = 536870912, reset = 0>`.
    `s_in` and `s_v` are the real values of one input and one voltage LSB;
    every other field is one integer per neuron, or one for all of them
    (docs/numerics.md §3, "Per-neuron constants"). Spiking populations have
    `threshold` and `reset`, CuBa-LIF ones `syn_decay`, `syn_gain_m` and
    `syn_gain_s`.
  }];
  let parameters = (ins
    S2_F64<"real value of one input LSB">:$s_in,
    S2_F64<"real value of one voltage LSB">:$s_v,
    S2_PerNeuron<"Q16 membrane decay">:$decay,
    S2_PerNeuron<"gain multiplier">:$gain_m,
    S2_PerNeuron<"gain right shift">:$gain_s,
    S2_PerNeuron<"drive per step, voltage LSBs">:$drive,
    S2_PerNeuron<"bias per step, input LSBs">:$bias,
    S2_OptionalPerNeuron<"threshold, voltage LSBs">:$threshold,
    S2_OptionalPerNeuron<"reset, voltage LSBs">:$reset,
    S2_OptionalPerNeuron<"Q16 synaptic decay">:$syn_decay,
    S2_OptionalPerNeuron<"synaptic gain multiplier">:$syn_gain_m,
    S2_OptionalPerNeuron<"synaptic gain right shift">:$syn_gain_s
  );
  let extraClassDeclaration = [{
    double getSInValue() const { return getSIn().convertToDouble(); }
    double getSVValue() const { return getSV().convertToDouble(); }
    /// Neuron `neuron`'s value of a field (0 for an absent one).
    static int32_t at(::llvm::ArrayRef<int64_t> field, size_t neuron) {
      if (field.empty())
        return 0;
      return static_cast<int32_t>(field.size() == 1 ? field[0]
                                                    : field[neuron]);
    }
    /// The number of neurons the fields describe, or 1 if all are scalars.
    size_t getNumNeurons() const;
  }];
}

//===----------------------------------------------------------------------===//
// Mapping (snn-partition, snn-place, snn-route)
//===----------------------------------------------------------------------===//

def S2_SlicesAttr : S2_Attr<"Slices", "slices"> {
  let summary = "a population's slices, their PEs and routing keys";
  let description = [{
    `#s2.slices<sizes = [256, 44], pes = [2737, 2739], keys = [0, 256]>`:
    contiguous neuron ranges in population order, one per PE. snn-partition
    records the sizes, snn-place the global PE of each slice, snn-route its
    base routing key (neuron i of a slice sends key + i).
  }];
  let parameters = (ins
    S2_IntList<"neurons per slice">:$sizes,
    S2_OptionalIntList<"global PE of each slice">:$pes,
    S2_OptionalIntList<"base routing key of each slice">:$keys
  );
  let extraClassDeclaration = [{
    /// The number of neurons the slices cover.
    int64_t getNumNeurons() const;
  }];
}

def S2_PartitionAttr : S2_Attr<"Partition", "partition"> {
  let summary = "how many PEs the partition uses";
  let description = [{ `#s2.partition<pes_used = 11, pes_available = 7296>` }];
  let parameters = (ins "int64_t":$pes_used, "int64_t":$pes_available);
}

def S2_PlacementAttr : S2_Attr<"Placement", "placement"> {
  let summary = "the traffic x hops cost of a placement";
  let description = [{
    `#s2.placement<cost_initial = 64.68, cost_final = 35.16, seed = 1>`:
    the placement cost before and after annealing, and the seed it used.
  }];
  let parameters = (ins
    S2_F64<"cost of the initial placement">:$cost_initial,
    S2_F64<"cost after annealing">:$cost_final,
    "uint64_t":$seed
  );
}

def S2_RoutingTableAttr : S2_Attr<"RoutingTable", "table"> {
  let summary = "one chip router's key/mask table";
  let description = [{
    `#s2.table<chip = 3, entries = dense<[[0, 4294950912, 0]]> :
    tensor<1x3xi64>, routes = dense<[[16]]> : tensor<1x1xi64>>`: rows of
    (key, mask, route index) in match order, and the route pool, one row
    of link and PE bits per route.
  }];
  let parameters = (ins
    "int64_t":$chip,
    "::mlir::ElementsAttr":$entries,
    "::mlir::ElementsAttr":$routes
  );
  let extraClassDeclaration = [{
    int64_t getNumEntries() const {
      return getEntries().getShapedType().getDimSize(0);
    }
    int64_t getNumRoutes() const {
      return getRoutes().getShapedType().getDimSize(0);
    }
  }];
}

def S2_RoutingAttr : S2_Attr<"Routing", "routing"> {
  let summary = "the network's compressed multicast routing tables";
  let description = [{
    `#s2.routing<links = 6, words = 1, neuron_bits = 8,
    slice_mask = 4294967040, entries_before = 10, entries_after = 1,
    max_before = 10, max_after = 1, tables = [#s2.table<...>]>`. Every
    slice's key block is `slice_mask` wide: its low `neuron_bits` bits
    number the slice's neurons. Entry counts are totals over the routers
    and the largest per router, before and after compression; `tables`
    holds the non-empty tables after it.
  }];
  let parameters = (ins
    "int64_t":$links,
    "int64_t":$words,
    "int64_t":$neuron_bits,
    "int64_t":$slice_mask,
    "int64_t":$entries_before,
    "int64_t":$entries_after,
    "int64_t":$max_before,
    "int64_t":$max_after,
    S2_NestedList<"RoutingTableAttr", "non-empty router tables">:$tables
  );
}

//===----------------------------------------------------------------------===//
// Mapping report (snn-route)
//===----------------------------------------------------------------------===//

def S2_SpreadAttr : S2_Attr<"Spread", "spread"> {
  let summary = "a quantity's spread over the PEs in use";
  let description = [{
    `#s2.spread<min = 5.0, mean = 6.5, max = 8.0, total = 26.0>`
  }];
  let parameters = (ins S2_F64<"">:$min, S2_F64<"">:$mean, S2_F64<"">:$max,
                        S2_F64<"">:$total);
}

def S2_LimitUseAttr : S2_Attr<"LimitUse", "limit"> {
  let summary = "use of one per-PE limit of the resource model";
  let description = [{
    `#s2.limit<name = "sram_bytes_per_pe", unit = "B", capacity = 131072.0,
    use = #s2.spread<...>>`
  }];
  let parameters = (ins
    StringRefParameter<"the limit's name">:$name,
    StringRefParameter<"its unit">:$unit,
    S2_F64<"capacity of one PE">:$capacity,
    S2_Nested<"SpreadAttr", "use over the PEs">:$use
  );
}

def S2_PeUseAttr : S2_Attr<"PeUse", "pe_use"> {
  let summary = "per-PE resource use against the PE's limits";
  let parameters = (ins
    S2_Nested<"SpreadAttr", "neurons per PE">:$neurons,
    "uint32_t":$neurons_limit,
    S2_Nested<"SpreadAttr", "synapses per PE">:$synapses,
    S2_Nested<"SpreadAttr", "SRAM bytes per PE">:$sram_bytes,
    S2_F64<"SRAM bytes of one PE">:$sram_bytes_limit,
    S2_Nested<"SpreadAttr", "cycles per PE per step">:$cycles_per_step,
    S2_F64<"cycles of one PE per step">:$cycle_budget,
    S2_NestedList<"LimitUseAttr", "every limit of the model">:$limits
  );
}

def S2_RouteStatsAttr : S2_Attr<"RouteStats", "route_stats"> {
  let summary = "routing entries before and after compression, and keys";
  let parameters = (ins
    "uint32_t":$routers_used,
    "uint32_t":$entry_limit,
    "uint64_t":$entries_before,
    "uint32_t":$max_before,
    "uint64_t":$entries_after_default_removal,
    "uint32_t":$max_after_default_removal,
    "uint64_t":$entries_after,
    "uint32_t":$max_after,
    S2_Bool:$widened_destinations,
    "uint64_t":$exact_deliveries,
    "uint64_t":$routed_deliveries,
    "uint32_t":$key_neuron_bits,
    S2_Bool:$topological_keys
  );
}

def S2_TrafficAttr : S2_Attr<"Traffic", "traffic"> {
  let summary = "expected packets per time step and their hops";
  let parameters = (ins
    S2_F64<"">:$total,
    S2_F64<"">:$packets_emitted,
    S2_F64<"">:$traffic_x_hops,
    S2_F64<"">:$traffic_x_noc_hops,
    S2_F64<"">:$traffic_x_chip_hops,
    S2_F64<"">:$max_link_load,
    S2_F64<"">:$max_noc_link_load,
    S2_F64<"">:$max_chip_link_load,
    S2_F64<"">:$chip_group_cut,
    S2_F64<"">:$placement_cost_initial,
    S2_F64<"">:$placement_cost_final
  );
}

def S2_MappingReportAttr : S2_Attr<"MappingReport", "mapping_report"> {
  let summary = "what the mapping of a network uses";
  let description = [{
    The shared mapper's report (snnc/mapping/MappingReport.h) less its
    timings, which would make the IR differ between runs: PEs and chips,
    per-PE use against every limit, routing entries and traffic. The
    compile report and the image carry it as JSON.
  }];
  let parameters = (ins
    StringRefParameter<"target name">:$target,
    "uint32_t":$populations,
    "uint64_t":$neurons,
    "uint64_t":$synapses,
    "uint32_t":$pes_used,
    "uint32_t":$pes_available,
    "uint32_t":$chips_used,
    "uint32_t":$chips_available,
    S2_Nested<"PeUseAttr", "per-PE use">:$per_pe,
    S2_Nested<"RouteStatsAttr", "routing entries">:$routing,
    S2_Nested<"TrafficAttr", "traffic">:$traffic
  );
}

#endif // SNNC_SPINNAKER2_S2ATTRS_TD
