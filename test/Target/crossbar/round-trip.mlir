// RUN: snnc-opt %s | snnc-opt | FileCheck %s
// The xbar ops print and parse back unchanged: a chip with its slices at
// their nodes, a projection and its tiles (dense literals here; large
// blocks are dense_resource blobs), a digital readout block.

// CHECK-LABEL: xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.000000e-07 rows 32 columns_per_adc 2
// CHECK-SAME: program_pulses = 40
// CHECK-NEXT: xbar.slice "input0"(0) input first 0 count 4 node 0
// CHECK-NEXT: xbar.slice "lif0"(1) first 0 count 2 node 1
// CHECK-NEXT: xbar.slice "lif0"(1) first 2 count 1 node 2
// CHECK-NEXT: xbar.projection 0 "input0->lif0" rows 4 cols 3 scale 4.000000e+04 rms_error 1.000000e-01 max_error 2.000000e-01
// CHECK-NEXT: xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 1 synapses 8 adc_rows 4 g_plus dense<{{.*}}> : tensor<4x2xf32> g_minus dense<5.000000e-07> : tensor<4x2xf32>
// CHECK-NEXT: xbar.tile 1 projection 0 delay 1 rows 0 + 4 cols 2 + 1 node 2 synapses 3 adc_rows 4 g_plus dense<{{.*}}> : tensor<4x1xf32> g_minus dense<5.000000e-07> : tensor<4x1xf32>
// CHECK-NEXT: xbar.projection 1 "lif0->lif0" rows 3 cols 3 scale 1.000000e+00 rms_error 0.000000e+00 max_error 0.000000e+00 formed
// CHECK-NEXT: xbar.projection 2 "lif0->li1" rows 3 cols 2 scale 1.000000e-03 rms_error 0.000000e+00 max_error 5.000000e-04
// CHECK-NEXT: xbar.digital_tile 2 projection 2 delay 1 rows 0 + 3 cols 0 + 2 node 1 synapses 5 weights dense<{{\[}}[32767, -32767], [0, 5], [-1, 12]]> : tensor<3x2xi16>
xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 attributes {programmed_cells = 4, program_pulses = 40} {
  xbar.slice "input0" (0) input first 0 count 4 node 0
  xbar.slice "lif0" (1) first 0 count 2 node 1
  xbar.slice "lif0" (1) first 2 count 1 node 2
  xbar.projection 0 "input0->lif0" rows 4 cols 3 scale 4.0e4 rms_error 0.1 max_error 0.2
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 1 synapses 8 adc_rows 4
      g_plus dense<[[2.5e-5, 0.5e-6], [0.5e-6, 2.5e-5], [1.0e-5, 1.0e-5], [0.5e-6, 0.5e-6]]> : tensor<4x2xf32>
      g_minus dense<0.5e-6> : tensor<4x2xf32>
  xbar.tile 1 projection 0 delay 1 rows 0 + 4 cols 2 + 1 node 2 synapses 3 adc_rows 4
      g_plus dense<[[2.5e-5], [0.5e-6], [1.0e-5], [0.5e-6]]> : tensor<4x1xf32>
      g_minus dense<0.5e-6> : tensor<4x1xf32>
  xbar.projection 1 "lif0->lif0" rows 3 cols 3 scale 1.0 rms_error 0.0 max_error 0.0 formed
  xbar.projection 2 "lif0->li1" rows 3 cols 2 scale 1.0e-3 rms_error 0.0 max_error 5.0e-4
  // A readout block in the periphery's memory shares a node with the array
  // tile there.
  xbar.digital_tile 2 projection 2 delay 1 rows 0 + 3 cols 0 + 2 node 1 synapses 5
      weights dense<[[32767, -32767], [0, 5], [-1, 12]]> : tensor<3x2xi16>
}
