//===- SnnOps.td - snn dialect operations ------------------*- tablegen -*-===//
//
// The network container, neuron populations, synaptic projections and the
// procedural reservoir of the `snn` dialect.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_OPS_TD
#define SNN_OPS_TD

include "snn/SnnDialect.td"
include "snn/SnnTypes.td"
include "snn/SnnAttrs.td"
include "snn/SnnInterfaces.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Network structure
//===----------------------------------------------------------------------===//

def Snn_NetworkOp : Snn_Op<"network", [
    FunctionOpInterface, IsolatedFromAbove, RegionKindInterface,
    HasOnlyGraphRegion, SingleBlock]> {
  let summary = "a spiking network: a graph of populations and projections";
  let description = [{
    The body is a graph region, so recurrent connections may refer to values
    defined later. Block arguments are the network's input ports; the
    `snn.output` terminator lists its output ports.

    ```mlir
    snn.network @lsm(%in: !snn.spikes<10>) -> !snn.current<2> {
      %i = snn.linear %in weight(dense<...> : tensor<100x10xf32>)
          : !snn.spikes<10> -> !snn.current<100>
      %s = snn.reservoir %i {...} : !snn.current<100> -> !snn.spikes<100>
      ...
      snn.output %r : !snn.current<2>
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let hasCanonicalizeMethod = 1;
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name,
                                 "::mlir::FunctionType":$type)>];
  let extraClassDeclaration = [{
    ::mlir::Region *getCallableRegion() { return &getBody(); }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() {
      return getFunctionType().getInputs();
    }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() {
      return getFunctionType().getResults();
    }
    static ::mlir::RegionKind getRegionKind(unsigned) {
      return ::mlir::RegionKind::Graph;
    }
    /// The terminator listing the network's outputs.
    OutputOp getOutputOp();
  }];
}

def Snn_OutputOp : Snn_Op<"output", [
    Pure, HasParent<"NetworkOp">, Terminator, ReturnLike]> {
  let summary = "the output ports of a network";
  let arguments = (ins Variadic<Snn_AnySignal>:$outputs);
  let assemblyFormat = "attr-dict ($outputs^ `:` qualified(type($outputs)))?";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Neuron populations
//===----------------------------------------------------------------------===//

class Snn_NeuronOp<string mnemonic, Type resultType, list<Trait> traits = []>
    : Snn_Op<mnemonic, traits # [Pure,
        Snn_NeuronOpInterface]> {
  let results = (outs resultType:$output);
  let assemblyFormat = [{
    ($inputs^)? attr-dict `:` functional-type($inputs, $output)
  }];
  let hasVerifier = 1;
}

def Snn_LIFOp : Snn_NeuronOp<"lif", Snn_SpikesType> {
  let summary = "leaky integrate-and-fire neurons";
  let description = [{
    `tau_mem * dv/dt = (v_leak - v) + r * I`; a neuron spikes when
    `v > v_threshold` and then `v = v_reset` (default 0).
  }];
  let arguments = (ins Variadic<Snn_CurrentType>:$inputs,
                       Snn_ParamAttr:$tau_mem, Snn_ParamAttr:$r,
                       Snn_ParamAttr:$v_leak, Snn_ParamAttr:$v_threshold,
                       OptionalAttr<Snn_ParamAttr>:$v_reset);
}

def Snn_CubaLIFOp : Snn_NeuronOp<"cuba_lif", Snn_SpikesType> {
  let summary = "current-based leaky integrate-and-fire neurons";
  let description = [{
    `tau_syn * dI/dt = -I + w_in * S` feeds
    `tau_mem * dv/dt = (v_leak - v) + r * I`; threshold and reset as `snn.lif`.
    `w_in` defaults to 1.
  }];
  let arguments = (ins Variadic<Snn_CurrentType>:$inputs,
                       Snn_ParamAttr:$tau_mem, Snn_ParamAttr:$tau_syn,
                       Snn_ParamAttr:$r, Snn_ParamAttr:$v_leak,
                       Snn_ParamAttr:$v_threshold,
                       OptionalAttr<Snn_ParamAttr>:$v_reset,
                       OptionalAttr<Snn_ParamAttr>:$w_in);
}

def Snn_IFOp : Snn_NeuronOp<"if", Snn_SpikesType> {
  let summary = "integrate-and-fire neurons (no leak)";
  let description = [{
    `dv/dt = r * I`; spikes when `v > v_threshold`, then `v = v_reset`.
  }];
  let arguments = (ins Variadic<Snn_CurrentType>:$inputs,
                       Snn_ParamAttr:$r, Snn_ParamAttr:$v_threshold,
                       OptionalAttr<Snn_ParamAttr>:$v_reset);
}

def Snn_LIOp : Snn_NeuronOp<"li", Snn_CurrentType> {
  let summary = "leaky integrators: a non-spiking readout";
  let description = [{
    `tau_mem * dv/dt = (v_leak - v) + r * I`; the result is `v`.
  }];
  let arguments = (ins Variadic<Snn_CurrentType>:$inputs,
                       Snn_ParamAttr:$tau_mem, Snn_ParamAttr:$r,
                       Snn_ParamAttr:$v_leak);
}

def Snn_IntegratorOp : Snn_NeuronOp<"integrator", Snn_CurrentType> {
  let summary = "perfect integrators: a non-spiking readout (NIR `I`)";
  let description = [{ `dv/dt = r * I`; the result is `v`. }];
  let arguments = (ins Variadic<Snn_CurrentType>:$inputs, Snn_ParamAttr:$r);
}

def Snn_ReservoirOp : Snn_Op<"reservoir", [Pure,
    Snn_NeuronOpInterface]> {
  let summary = "a procedural liquid-state-machine population";
  let description = [{
    `size` LIF neurons, each excitatory with probability
    `excitatory_fraction`, recurrently connected by `connectivity`
    (`#snn.fixed_probability` or `#snn.distance`) with weight magnitudes drawn
    from `w_ee`, `w_ei`, `w_ie`, `w_ii` (presynaptic type first); inhibitory
    rows are negative. The recurrent synapses are never written out: they are
    expanded from `seed`, row by row, whenever a pass or engine needs them.
    Recurrent spikes arrive after `delay` seconds (default: one step).
  }];
  let arguments = (ins Variadic<Snn_CurrentType>:$inputs,
                       ConfinedAttr<I64Attr, [IntPositive]>:$size,
                       F64Attr:$excitatory_fraction,
                       Snn_ConnectionRuleAttr:$connectivity,
                       Snn_WeightDistAttr:$w_ee, Snn_WeightDistAttr:$w_ei,
                       Snn_WeightDistAttr:$w_ie, Snn_WeightDistAttr:$w_ii,
                       I64Attr:$seed,
                       F64Attr:$tau_mem, F64Attr:$r, F64Attr:$v_leak,
                       F64Attr:$v_threshold, OptionalAttr<F64Attr>:$v_reset,
                       OptionalAttr<F64Attr>:$delay,
                       UnitAttr:$allow_self_connections);
  let results = (outs Snn_SpikesType:$output);
  let assemblyFormat = [{
    ($inputs^)? attr-dict `:` functional-type($inputs, $output)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The expander specification; valid only after verification.
    ::snn::reservoir::Spec getSpec();
  }];
}

def Snn_DiscreteNeuronOp : Snn_Op<"neuron", [Pure, Snn_NeuronOpInterface]> {
  let summary = "a population in discrete time (after snn-discretize)";
  let description = [{
    Each step, with `x` the summed input currents:
    `isyn <- syn_decay * isyn + syn_gain * x` (cuba_lif only; then `in = isyn`,
    otherwise `in = x`), `v <- decay * v + drive + gain * in`; spiking models
    fire when `v > threshold` and reset `v` to `reset`. Readouts (`li`,
    `integrator`) return `v` as a current. `docs/numerics.md` is the contract.
  }];
  let arguments = (ins Variadic<Snn_CurrentType>:$inputs,
                       Snn_NeuronModelAttr:$model,
                       Snn_ParamAttr:$decay, Snn_ParamAttr:$gain,
                       Snn_ParamAttr:$drive,
                       OptionalAttr<Snn_ParamAttr>:$threshold,
                       OptionalAttr<Snn_ParamAttr>:$reset,
                       OptionalAttr<Snn_ParamAttr>:$syn_decay,
                       OptionalAttr<Snn_ParamAttr>:$syn_gain);
  let results = (outs Snn_AnySignal:$output);
  let assemblyFormat = [{
    ($inputs^)? attr-dict `:` functional-type($inputs, $output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Synaptic projections
//===----------------------------------------------------------------------===//

class Snn_SynapseOp<string mnemonic, list<Trait> traits = []>
    : Snn_Op<mnemonic, traits # [Pure,
        Snn_SynapseOpInterface]> {
  let results = (outs Snn_CurrentType:$output);
  let hasVerifier = 1;
}

def Snn_LinearOp : Snn_SynapseOp<"linear"> {
  let summary = "a dense projection W * s";
  let description = [{
    `weight` is an f32 tensor of shape (outputs, inputs), as in NIR. Large
    weights are best held as `dense_resource` blobs.
  }];
  let arguments = (ins Snn_SpikesType:$input, ElementsAttr:$weight);
  let assemblyFormat = [{
    $input `weight` `(` $weight `)` attr-dict `:` qualified(type($input)) `->`
    qualified(type($output))
  }];
}

def Snn_AffineOp : Snn_SynapseOp<"affine"> {
  let summary = "a dense projection W * s + b";
  let description = [{
    As `snn.linear`, plus a constant current `bias` (f32, one per output)
    injected every step.
  }];
  let arguments = (ins Snn_SpikesType:$input, ElementsAttr:$weight,
                       ElementsAttr:$bias);
  let assemblyFormat = [{
    $input `weight` `(` $weight `)` `bias` `(` $bias `)` attr-dict `:`
    qualified(type($input)) `->` qualified(type($output))
  }];
}

def Snn_SparseOp : Snn_SynapseOp<"sparse"> {
  let summary = "a sparse projection in CSR form, rows = presynaptic neurons";
  let description = [{
    Row `i` (presynaptic neuron `i`) holds the synapses
    `row_ptr[i] .. row_ptr[i+1]`, whose targets are `col_idx` and weights
    `values`. `row_ptr` is i64 with inputs + 1 entries, `col_idx` i32 and
    `values` f32 with one entry per synapse. Optional `delays` (f32 seconds,
    one per synapse) give per-synapse transmission delays.
  }];
  let arguments = (ins Snn_SpikesType:$input, ElementsAttr:$row_ptr,
                       ElementsAttr:$col_idx, ElementsAttr:$values,
                       OptionalAttr<ElementsAttr>:$delays,
                       OptionalAttr<ElementsAttr>:$delay_steps);
  let assemblyFormat = [{
    $input `rows` `(` $row_ptr `)` `cols` `(` $col_idx `)`
    `values` `(` $values `)` (`delays` `(` $delays^ `)`)?
    (`delay_steps` `(` $delay_steps^ `)`)? attr-dict `:`
    qualified(type($input)) `->` qualified(type($output))
  }];
}

def Snn_Conv2dOp : Snn_SynapseOp<"conv2d"> {
  let summary = "a 2-D convolution over (channels, height, width) spikes";
  let description = [{
    `weight` is f32 (out_channels, in_channels / groups, kh, kw); the optional
    `bias` (f32, out_channels) is injected every step. `stride`, `padding` and
    `dilation` are (height, width) pairs.
  }];
  let arguments = (ins Snn_SpikesType:$input, ElementsAttr:$weight,
                       OptionalAttr<ElementsAttr>:$bias,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding,
                       DenseI64ArrayAttr:$dilation,
                       ConfinedAttr<I64Attr, [IntPositive]>:$groups);
  let assemblyFormat = [{
    $input `weight` `(` $weight `)` (`bias` `(` $bias^ `)`)? attr-dict `:`
    qualified(type($input)) `->` qualified(type($output))
  }];
}

def Snn_SumPool2dOp : Snn_SynapseOp<"sum_pool2d"> {
  let summary = "sums spikes over 2-D windows, per channel";
  let arguments = (ins Snn_SpikesType:$input, DenseI64ArrayAttr:$kernel_size,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
  let assemblyFormat = [{
    $input attr-dict `:` qualified(type($input)) `->` qualified(type($output))
  }];
}

def Snn_ProceduralOp : Snn_SynapseOp<"procedural"> {
  let summary = "the recurrent synapses of a reservoir, expanded on demand";
  let description = [{
    What `snn-discretize` leaves of an `snn.reservoir`'s recurrent
    connectivity: the same rule, distributions and seed, as a projection from
    the population's spikes back onto it, with its delay in whole steps.
    Rows are never stored; `snn::reservoir::Expander` produces them.
  }];
  let arguments = (ins Snn_SpikesType:$input,
                       F64Attr:$excitatory_fraction,
                       Snn_ConnectionRuleAttr:$connectivity,
                       Snn_WeightDistAttr:$w_ee, Snn_WeightDistAttr:$w_ei,
                       Snn_WeightDistAttr:$w_ie, Snn_WeightDistAttr:$w_ii,
                       I64Attr:$seed,
                       ConfinedAttr<I64Attr, [IntPositive]>:$delay_steps,
                       UnitAttr:$allow_self_connections);
  let assemblyFormat = [{
    $input attr-dict `:` qualified(type($input)) `->` qualified(type($output))
  }];
  let extraClassDeclaration = [{
    /// The expander specification; valid only after verification.
    ::snn::reservoir::Spec getSpec();
  }];
}

def Snn_ScaleOp : Snn_Op<"scale", [Pure, AllTypesMatch<["input", "output"]>]> {
  let summary = "multiplies a current elementwise by a factor";
  let arguments = (ins Snn_CurrentType:$input, Snn_ParamAttr:$factor);
  let results = (outs Snn_CurrentType:$output);
  let assemblyFormat = "$input attr-dict `:` qualified(type($output))";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Snn_DelayOp : Snn_Op<"delay", [Pure, AllTypesMatch<["input", "output"]>]> {
  let summary = "delays a signal elementwise by a time in seconds";
  let description = [{
    On spikes, `delay` (scalar or one per element) is an axonal delay of each
    presynaptic neuron; on a current, a dendritic delay of each target.
    After `snn-discretize` the delay is given in whole `steps` instead.
  }];
  let arguments = (ins Snn_AnySignal:$input, OptionalAttr<Snn_ParamAttr>:$delay,
                       OptionalAttr<Snn_StepsAttr>:$steps);
  let results = (outs Snn_AnySignal:$output);
  let assemblyFormat = "$input attr-dict `:` qualified(type($output))";
  let hasVerifier = 1;
}

def Snn_FlattenOp : Snn_Op<"flatten", [Pure]> {
  let summary = "merges the dimensions start_dim..end_dim of a signal";
  let arguments = (ins Snn_AnySignal:$input, I64Attr:$start_dim,
                       I64Attr:$end_dim);
  let results = (outs Snn_AnySignal:$output);
  let assemblyFormat = [{
    $input attr-dict `:` qualified(type($input)) `->` qualified(type($output))
  }];
  let hasVerifier = 1;
}

#endif // SNN_OPS_TD
