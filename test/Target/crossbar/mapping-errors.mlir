// RUN: not snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/two-tiles.json" -snn-discretize -xbar-partition 2>&1 | FileCheck %s
// RUN: not snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -xbar-partition 2>&1 | FileCheck %s --check-prefix=OTHER
// RUN: not snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/bad-adc_bits-17.json" -snn-discretize -xbar-partition 2>&1 | FileCheck %s --check-prefix=FIELD
// A network needing more tiles than the chip has is refused at the network
// with both counts; a module for another target, and a bad field of the
// target model, are refused naming them.

// CHECK: error: the network needs 3 tiles of 256 x 256; the chip has 2 (tiles_per_chip; --target-config can change it)
// OTHER: error: the module is compiled for target 'spinnaker2', not crossbar
// FIELD: error: target model: field 'adc_bits' must lie in [1, 16]; it is 17
snn.network @wide(%in: !snn.spikes<600>) -> !snn.spikes<10> {
  %w = snn.linear %in weight(dense<0.5> : tensor<10x600xf32>) : !snn.spikes<600> -> !snn.current<10>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<10>) -> !snn.spikes<10>
  snn.output %n : !snn.spikes<10>
}
