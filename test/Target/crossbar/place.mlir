// RUN: snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/small-tiles.json" -snn-discretize -xbar-partition -xbar-place | FileCheck %s
// RUN: snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/small-tiles.json seed=7" -snn-discretize -xbar-partition -xbar-place | FileCheck %s --check-prefix=SEED
// RUN: snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/small-tiles.json seed=7" -snn-discretize -xbar-partition -xbar-place > %t.a
// RUN: snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/small-tiles.json seed=7" -snn-discretize -xbar-partition -xbar-place > %t.b
// RUN: diff %t.a %t.b
// RUN: not snnc-opt %s -snn-target="target=crossbar" -snn-discretize -xbar-place 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: not snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -xbar-place 2>&1 | FileCheck %s --check-prefix=OTHER
// Every slice gets its own node of the 16-node chip (the chip verifier
// holds them unique and inside it); the seed drives the annealer, and one
// seed places alike every time.

// CHECK: xbar.slice "input0"(0) input first 0 count 4 node {{[0-9]+}}
// CHECK-NEXT: xbar.slice "input0"(0) input first 4 count 4 node {{[0-9]+}}
// CHECK-NEXT: xbar.slice "lif0"(1) first 0 count 4 node {{[0-9]+}}
// CHECK-NEXT: xbar.slice "lif0"(1) first 4 count 4 node {{[0-9]+}}
// SEED: xbar.slice "input0"(0) input first 0 count 4 node
// ORDER: error: 'snn.network' op has no xbar.chip; run xbar-partition first
// OTHER: error: the module is compiled for target 'spinnaker2', not crossbar
snn.network @net(%in: !snn.spikes<8>) -> !snn.spikes<8> {
  %w = snn.linear %in weight(dense<0.5> : tensor<8x8xf32>) : !snn.spikes<8> -> !snn.current<8>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<8>) -> !snn.spikes<8>
  snn.output %n : !snn.spikes<8>
}
