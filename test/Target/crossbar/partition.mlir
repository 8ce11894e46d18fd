// RUN: snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/small-tiles.json" -snn-discretize -xbar-partition -split-input-file | FileCheck %s
// RUN: snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/small-tiles.json" -snn-discretize -xbar-partition -split-input-file | snnc-opt -split-input-file | FileCheck %s
// Slices are at most one tile periphery (min(tile_cols, neurons_per_tile)
// neurons) and input slices at most one tile's rows; with 4 x 4 tiles,
// exact multiples give full slices and one more element a slice of one.

// CHECK-LABEL: snn.network @exact
// CHECK: xbar.chip @exact tiles 4 x 4 chip 16 mesh 4 adc 5 bits lsb {{.*}} columns_per_adc 8 {
// CHECK-NEXT: xbar.slice "input0"(0) input first 0 count 4
// CHECK-NEXT: xbar.slice "input0"(0) input first 4 count 4
// CHECK-NEXT: xbar.slice "lif0"(1) first 0 count 4
// CHECK-NEXT: xbar.slice "lif0"(1) first 4 count 4
// CHECK-NEXT: }
snn.network @exact(%in: !snn.spikes<8>) -> !snn.spikes<8> {
  %w = snn.linear %in weight(dense<0.5> : tensor<8x8xf32>) : !snn.spikes<8> -> !snn.current<8>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<8>) -> !snn.spikes<8>
  snn.output %n : !snn.spikes<8>
}

// -----

// CHECK-LABEL: snn.network @off_by_one
// CHECK: xbar.chip @off_by_one
// CHECK-NEXT: xbar.slice "input0"(0) input first 0 count 4
// CHECK-NEXT: xbar.slice "input0"(0) input first 4 count 1
// CHECK-NEXT: xbar.slice "lif0"(1) first 0 count 4
// CHECK-NEXT: xbar.slice "lif0"(1) first 4 count 4
// CHECK-NEXT: xbar.slice "lif0"(1) first 8 count 1
// CHECK-NEXT: }
snn.network @off_by_one(%in: !snn.spikes<5>) -> !snn.spikes<9> {
  %w = snn.linear %in weight(dense<0.5> : tensor<9x5xf32>) : !snn.spikes<5> -> !snn.current<9>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<9>) -> !snn.spikes<9>
  snn.output %n : !snn.spikes<9>
}
