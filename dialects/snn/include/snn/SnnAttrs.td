//===- SnnAttrs.td - Reservoir rule and distribution attrs -*- tablegen -*-===//
//
// Attributes describing procedural connectivity: weight distributions and
// connection rules of `snn.reservoir`, and the neuron-parameter constraint.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_ATTRS_TD
#define SNN_ATTRS_TD

include "snn/SnnDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/CommonAttrConstraints.td"

def Snn_DistKind : I32EnumAttr<"DistKind", "weight distribution", [
    I32EnumAttrCase<"constant", 0>, I32EnumAttrCase<"uniform", 1>,
    I32EnumAttrCase<"normal", 2>, I32EnumAttrCase<"lognormal", 3>]> {
  let cppNamespace = "::snn";
  let genSpecializedAttr = 0;
}

def Snn_NeuronModel : I32EnumAttr<"NeuronModel", "discrete neuron model", [
    I32EnumAttrCase<"lif", 0>, I32EnumAttrCase<"cuba_lif", 1>,
    I32EnumAttrCase<"if_", 2, "if">, I32EnumAttrCase<"li", 3>,
    I32EnumAttrCase<"integrator", 4>]> {
  let cppNamespace = "::snn";
  let genSpecializedAttr = 0;
}

def Snn_NeuronModelAttr : EnumAttr<Snn_Dialect, Snn_NeuronModel, "model"> {
  let assemblyFormat = "`<` $value `>`";
}

def Snn_DiscretizationRule : I32EnumAttr<"DiscretizationRule",
    "discretization rule", [
    I32EnumAttrCase<"euler", 0>, I32EnumAttrCase<"exact", 1>]> {
  let cppNamespace = "::snn";
  let genSpecializedAttr = 0;
}

def Snn_TimeAttr : AttrDef<Snn_Dialect, "Time"> {
  let mnemonic = "time";
  let summary = "the time step and rule a network was discretized with";
  let description = [{ `#snn.time<dt = 1.0e-03, rule = euler>` }];
  let parameters = (ins APFloatParameter<"">:$dt,
                        "DiscretizationRule":$rule);
  let hasCustomAssemblyFormat = 1;
}

def Snn_WeightDistAttr : AttrDef<Snn_Dialect, "WeightDist"> {
  let mnemonic = "dist";
  let summary = "a distribution of synaptic weight magnitudes";
  let description = [{
    `#snn.dist<constant(w)>`, `#snn.dist<uniform(low, high)>`,
    `#snn.dist<normal(mean, stddev)>` or `#snn.dist<lognormal(mu, sigma)>`.
    Magnitudes are drawn from it; the sign comes from the presynaptic neuron.
  }];
  let parameters = (ins "DistKind":$kind, APFloatParameter<"">:$a,
                        APFloatParameter<"">:$b);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def Snn_FixedProbabilityAttr : AttrDef<Snn_Dialect, "FixedProbability"> {
  let mnemonic = "fixed_probability";
  let summary = "every ordered pair connects with probability p";
  let description = [{ `#snn.fixed_probability<0.01>` }];
  let parameters = (ins APFloatParameter<"">:$p);
  let hasCustomAssemblyFormat = 1;
}

def Snn_DistanceRuleAttr : AttrDef<Snn_Dialect, "DistanceRule"> {
  let mnemonic = "distance";
  let summary = "Maass-style distance-dependent connectivity on a 3-D grid";
  let description = [{
    `#snn.distance<grid = [15, 3, 3], lambda = 2.0, c_ee = 0.3, c_ei = 0.2,
    c_ie = 0.4, c_ii = 0.1>` connects a to b with probability
    c_pair * exp(-(D(a,b)/lambda)^2), where pair is the presynaptic type then
    the postsynaptic type and D is measured in grid units (x fastest).
  }];
  let parameters = (ins ArrayRefParameter<"int64_t">:$grid,
                        APFloatParameter<"">:$lambda,
                        APFloatParameter<"">:$c_ee, APFloatParameter<"">:$c_ei,
                        APFloatParameter<"">:$c_ie, APFloatParameter<"">:$c_ii);
  let hasCustomAssemblyFormat = 1;
}

def Snn_TargetAttr : AttrDef<Snn_Dialect, "Target"> {
  let mnemonic = "target";
  let summary = "the target a module is compiled for, with its options";
  let description = [{
    `#snn.target<"mychip">`, or with options
    `#snn.target<"mychip", seed = 7, firing_probability = 1.0e-01,
    overrides = "{\"clock_hz\": 150000000}">`. Set by `snn-target` on the
    module as `snn.target`; every target-specific pass reads its target
    from here, so one module is lowered for exactly one target. `overrides`
    is the text of a `--target-config` JSON file, kept in the IR so that a
    dumped stage replays without the file. Options at their defaults
    (seed 1, firing probability 0.01, no overrides) are not printed.
  }];
  let parameters = (ins StringRefParameter<"target name">:$name,
                        StringRefParameter<"target-config JSON text">:$overrides,
                        APFloatParameter<"assumed spikes per neuron per step">:$firingProbability,
                        "uint64_t":$seed);
  let builders = [
    AttrBuilder<(ins "llvm::StringRef":$name, "llvm::StringRef":$overrides,
                     "double":$firingProbability, "uint64_t":$seed), [{
      return $_get($_ctxt, name, overrides, llvm::APFloat(firingProbability),
                   seed);
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    double getFiringProbabilityValue() const {
      return getFiringProbability().convertToDouble();
    }
  }];
}

def Snn_ConnectionRuleAttr : AnyAttrOf<[Snn_FixedProbabilityAttr,
                                        Snn_DistanceRuleAttr]>;

/// A neuron parameter: an f64 scalar broadcast over the population, or an
/// array of f64 with one value per neuron (row-major over the shape).
def Snn_ParamAttr : AnyAttrOf<[F64Attr, DenseF64ArrayAttr]> {
  let summary = "an f64 scalar or a per-neuron array<f64>";
}

/// A delay in whole time steps: one for all elements, or one per element.
def Snn_StepsAttr : AnyAttrOf<[I64Attr, DenseI64ArrayAttr]> {
  let summary = "an i64 step count or a per-element array<i64>";
}

#endif // SNN_ATTRS_TD
