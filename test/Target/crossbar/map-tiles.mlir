// RUN: snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/noiseless.json" -snn-discretize -xbar-partition -xbar-place -xbar-map-tiles | FileCheck %s
// RUN: snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/noiseless.json" -snn-discretize -xbar-partition -xbar-place -xbar-map-tiles | snnc-opt | FileCheck %s
// RUN: not snnc-opt %s -snn-target="target=crossbar target-config=%S/Inputs/noiseless.json" -snn-discretize -xbar-partition -xbar-map-tiles 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: not snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -xbar-map-tiles 2>&1 | FileCheck %s --check-prefix=OTHER
// Without programming noise, 4 x 4 tiles: the 5 x 3 projection becomes a
// full row block and a row block of one, once per delay (1 step direct,
// 3 steps through snn.delay); weights map to the documented levels.

// Weights 1, 0.5, 0.25 of a projection whose largest is 1 sit 15, 8 (7.5
// rounded away from zero) and 4 levels above g_min = 0.5 uS, in steps of
// 24.5/15 uS, on the device of their sign; 21 devices leave g_min, 10
// write-verify pulses each. The error of 0.5 -> 8 levels is 1/30. Each
// tile's ADC range is its largest column's sum of |w| in full-weight rows,
// rounded up to a power of two: 1 + 8/15 -> 2 rows, four 1s -> 4 rows.
// CHECK: xbar.chip @net tiles 4 x 4 chip 16 mesh 4 adc 5 bits lsb 9.8{{0*}}1E-6 rows 32 columns_per_adc 8
// CHECK-SAME: attributes {formed_cells = 0 : i64, program_pulses = 210 : i64, programmed_cells = 21 : i64, saved_pulses = 0 : i64}
// The population's one slice sits beside the first tile computing its input.
// CHECK: xbar.slice "lif0"(1) first 0 count 3 node [[HOME:[0-9]+]]
// CHECK-NEXT: xbar.projection 0 "input0->lif0" rows 5 cols 3 scale 40816.3265{{[0-9]*}} rms_error 0.0204124{{[0-9]*}} max_error 0.033333{{[0-9]*}}
// CHECK-NEXT: xbar.projection 1 "input0->lif0" rows 5 cols 3 scale 40816.3265{{[0-9]*}}
// CHECK-NEXT: xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 3 node [[HOME]] synapses 5 adc_rows 2
// CHECK-SAME: g_plus dense<{{\[\[}}2.500000e-05, 5.000000e-07, 7.03333353E-6], [1.35666669E-5, 2.500000e-05, 5.000000e-07], [5.000000e-07, 5.000000e-07, 5.000000e-07], [5.000000e-07, 5.000000e-07, 5.000000e-07]]> : tensor<4x3xf32>
// CHECK-SAME: g_minus dense<{{\[\[}}5.000000e-07, 5.000000e-07, 5.000000e-07], [5.000000e-07, 5.000000e-07, 5.000000e-07], [5.000000e-07, 5.000000e-07, 5.000000e-07], [5.000000e-07, 5.000000e-07, 1.35666669E-5]]> : tensor<4x3xf32>
// CHECK-NEXT: xbar.tile 1 projection 0 delay 1 rows 4 + 1 cols 0 + 3 node {{[0-9]+}} synapses 1 adc_rows 1 g_plus dense<5.000000e-07> : tensor<1x3xf32> g_minus dense<{{\[\[}}2.500000e-05, 5.000000e-07, 5.000000e-07]]> : tensor<1x3xf32>
// CHECK-NEXT: xbar.tile 2 projection 1 delay 3 rows 0 + 4 cols 0 + 3 node {{[0-9]+}} synapses 12 adc_rows 4 g_plus dense<2.500000e-05> : tensor<4x3xf32> g_minus dense<5.000000e-07> : tensor<4x3xf32>
// CHECK-NEXT: xbar.tile 3 projection 1 delay 3 rows 4 + 1 cols 0 + 3 node {{[0-9]+}} synapses 3 adc_rows 1
// ORDER: error: 'xbar.slice' op slice of 'input0' has no node; run xbar-place first
// OTHER: error: the module is compiled for target 'spinnaker2', not crossbar
snn.network @net(%in: !snn.spikes<5>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<[[1.0, 0.5, 0.0, 0.0, -1.0], [0.0, 1.0, 0.0, 0.0, 0.0], [0.25, 0.0, 0.0, -0.5, 0.0]]> : tensor<3x5xf32>) : !snn.spikes<5> -> !snn.current<3>
  %dl = snn.delay %in {delay = 0.002} : !snn.spikes<5>
  %v = snn.linear %dl weight(dense<1.0> : tensor<3x5xf32>) : !snn.spikes<5> -> !snn.current<3>
  %n = snn.lif %w, %v {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>, !snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}
