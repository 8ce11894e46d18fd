// REQUIRES: spinnaker2-target
// snn-target puts the target and its options on the module, as one
// attribute every target-specific pass reads.
// RUN: snnc-opt %s -snn-target="target=spinnaker2" | FileCheck %s
// CHECK: module attributes {snn.target = #snn.target<"spinnaker2">}

// Options other than their defaults are printed, and round-trip.
// RUN: snnc-opt %s -snn-target="target=spinnaker2 seed=7 firing-probability=0.5" | FileCheck %s --check-prefix=OPTS
// OPTS: #snn.target<"spinnaker2", seed = 7, firing_probability = 5.000000e-01>
// RUN: snnc-opt %s -snn-target="target=spinnaker2 seed=7 firing-probability=0.5" | snnc-opt | FileCheck %s --check-prefix=OPTS

// The target-config file's text travels in the IR, so a dumped stage
// replays without the file.
// RUN: echo '{"clock_hz": {"value": 150000000}}' > %t.json
// RUN: snnc-opt %s -snn-target="target=spinnaker2 target-config=%t.json" | FileCheck %s --check-prefix=CONFIG
// CONFIG: overrides = "{\22clock_hz\22: {\22value\22: 150000000}}\0A"

// Refusals name the target, the file or the limit.
// RUN: not snnc-opt %s -snn-target="target=photonic" 2>&1 | FileCheck %s --check-prefix=UNBUILT
// UNBUILT: error: target 'photonic' is not built into this snnc; built targets: spinnaker2
// RUN: not snnc-opt %s -snn-target="target=spinnaker2 firing-probability=2" 2>&1 | FileCheck %s --check-prefix=PROB
// PROB: error: #snn.target firing_probability must lie in [0, 1], got 2.000000e+00
// RUN: not snnc-opt %s -snn-target 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: error: no target: give snn-target{target=NAME} or put snn.target on the module
// RUN: echo '[1]' > %t.bad.json
// RUN: not snnc-opt %s -snn-target="target=spinnaker2 target-config=%t.bad.json" 2>&1 | FileCheck %s --check-prefix=NOTOBJECT
// NOTOBJECT: error: target config '{{.*}}.bad.json' is not a JSON object
// RUN: printf '{\n  "clock_hz": .5\n}\n' > %t.syntax.json
// RUN: not snnc-opt %s -snn-target="target=spinnaker2 target-config=%t.syntax.json" 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: syntax.json:2:{{[0-9]+}}: error: target config is not valid JSON: syntax error while parsing value - invalid literal; last read: '{{.*}}.'
// RUN: not snnc-opt %s -snn-target="target=spinnaker2 target-config=%t.missing.json" 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: target config: cannot read '{{.*}}missing.json': No such file or directory
// A field out of range is named at its line in the configuration file.
// RUN: printf '{\n  "clock_hz": 0\n}\n' > %t.clock.json
// RUN: not snnc-opt %s -snn-target="target=spinnaker2 target-config=%t.clock.json" 2>&1 | FileCheck %s --check-prefix=RANGE
// RANGE: clock.json:2:3: error: target config: 'clock_hz' is 0; it must lie in [1, 1000000000000]
// RUN: echo '{"mesh": {"pes_per_qpe": 2147483650, "qpes_per_chip": 2}, "pes_per_chip": 4}' > %t.product.json
// RUN: not snnc-opt %s -snn-target="target=spinnaker2 target-config=%t.product.json" 2>&1 | FileCheck %s --check-prefix=PRODUCT
// PRODUCT: product.json:1:11: error: target config: 'mesh.pes_per_qpe' is 2147483650; it must lie in [1, 65536]

// A target pass refuses a module without a target, or for another one.
// RUN: not snnc-opt %s -snn-discretize -snn-quantize 2>&1 | FileCheck %s --check-prefix=NOTARGET
// NOTARGET: error: the module names no target; run snn-target first (snnc compile does)

snn.network @tiny(%in: !snn.spikes<2>) -> !snn.spikes<1> {
  %w = snn.linear %in weight(dense<[[1.0, 0.5]]> : tensor<1x2xf32>) : !snn.spikes<2> -> !snn.current<1>
  %s = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0, v_reset = 0.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %s : !snn.spikes<1>
}
