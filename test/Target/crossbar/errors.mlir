// RUN: snnc-opt %s -split-input-file -verify-diagnostics
// Every xbar verifier message, one case each.

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 8 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // A block taller than the tile.
  // expected-error @+1 {{'xbar.tile' op block of 5 rows exceeds the tile's 4 rows}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 5 cols 0 + 2 node 0 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<5x2xf32> g_minus dense<1.0e-6> : tensor<5x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 8 cols 4 scale 1.0 rms_error 0.0 max_error 0.0
  // A block wider than the tile.
  // expected-error @+1 {{'xbar.tile' op block of 3 columns exceeds the tile's 2 columns}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 3 node 0 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x3xf32> g_minus dense<1.0e-6> : tensor<4x3xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 8 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // A conductance blob of another size than the block.
  // expected-error @+1 {{g_plus}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 0 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x1xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 8 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // Conductances are not negative.
  // expected-error @+1 {{'xbar.tile' op g_minus of cell (1, 0) must be a finite conductance >= 0 S; it is -1}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 2 cols 0 + 2 node 0 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<2x2xf32> g_minus dense<[[1.0e-6, 1.0e-6], [-1.0e-6, 1.0e-6]]> : tensor<2x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 8 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // Nor NaN.
  // expected-error @+1 {{'xbar.tile' op g_plus of cell (0, 1) must be a finite conductance >= 0 S; it is nan}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 1 cols 0 + 2 node 0 synapses 0 adc_rows 4
      g_plus dense<[[1.0e-6, 0x7FC00000]]> : tensor<1x2xf32> g_minus dense<1.0e-6> : tensor<1x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 8 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // More synapses than cells.
  // expected-error @+1 {{'xbar.tile' op counts 5 synapses in its 4 cells}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 2 cols 0 + 2 node 0 synapses 5 adc_rows 4
      g_plus dense<1.0e-6> : tensor<2x2xf32> g_minus dense<1.0e-6> : tensor<2x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 6 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // A block past the end of its projection's rows.
  // expected-error @+1 {{'xbar.tile' op tile 0's rows [4, 8) lie outside projection 0's 6 rows}}
  xbar.tile 0 projection 0 delay 1 rows 4 + 4 cols 0 + 2 node 0 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 4 cols 3 scale 1.0 rms_error 0.0 max_error 0.0
  // ... or its columns.
  // expected-error @+1 {{'xbar.tile' op tile 0's columns [2, 4) lie outside projection 0's 3 columns}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 2 + 2 node 0 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  // A tile of a projection the chip does not declare.
  // expected-error @+1 {{'xbar.tile' op tile 0 holds projection 3, which the chip does not declare}}
  xbar.tile 0 projection 3 delay 1 rows 0 + 4 cols 0 + 2 node 0 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 4 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // A node beyond the chip's.
  // expected-error @+1 {{'xbar.tile' op tile 0 sits at node 8, outside the chip's 8 nodes}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 8 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 4 cols 4 scale 1.0 rms_error 0.0 max_error 0.0
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 3 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
  // Two tiles on one node.
  // expected-error @+1 {{'xbar.tile' op tile 1 shares node 3 with tile 0}}
  xbar.tile 1 projection 0 delay 1 rows 0 + 4 cols 2 + 2 node 3 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 4 cols 4 scale 1.0 rms_error 0.0 max_error 0.0
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 3 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
  // Two tiles of one index.
  // expected-error @+1 {{'xbar.tile' op tile 0 appears twice}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 2 + 2 node 4 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.slice "lif0" (1) first 0 count 2 node 9
  // expected-error @-1 {{'xbar.slice' op slice of 'lif0' sits at node 9, outside the chip's 8 nodes}}
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.slice "input0" (0) input first 0 count 4 node 2
  xbar.slice "lif0" (1) first 0 count 2 node 2
  // expected-error @-1 {{'xbar.slice' op slice of 'lif0' shares node 2 with a slice of 'input0'}}
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  // expected-error @+2 {{'xbar.projection' op projection 0 appears twice on the chip}}
  xbar.projection 0 "input0->lif0" rows 4 cols 4 scale 1.0 rms_error 0.0 max_error 0.0
  xbar.projection 0 "input0->lif0" rows 4 cols 4 scale 1.0 rms_error 0.0 max_error 0.0
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  // expected-error @+1 {{'xbar.projection' op scale must be finite and >= 0; it is -1}}
  xbar.projection 0 "input0->lif0" rows 4 cols 4 scale -1.0 rms_error 0.0 max_error 0.0
}

// -----

// expected-error @+1 {{'xbar.chip' op ADC lsb must be a finite current > 0 A; it is 0}}
xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 0.0 rows 32 columns_per_adc 2 {
}

// -----

// expected-error @+1 {{'xbar.chip' op attribute 'adc_bits' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is 1 whose maximum value is 16}}
xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 17 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
}

// -----

// expected-error @+1 {{'xbar.chip' op attribute 'tile_rows' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
xbar.chip @net tiles 0 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
}

// -----

// expected-error @+1 {{'xbar.chip' op cannot hold 'arith.constant'}}
xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  %c = arith.constant 0 : i32
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 4 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // An ADC range that is not a power of two of full-weight rows.
  // expected-error @+1 {{'xbar.tile' op ADC full scale of 3 rows must be a power of two of at most the chip's 32}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 0 synapses 0 adc_rows 3
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "input0->lif0" rows 4 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // ... or beyond the chip's.
  // expected-error @+1 {{'xbar.tile' op ADC full scale of 64 rows must be a power of two of at most the chip's 32}}
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 0 synapses 0 adc_rows 64
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "lif0->li1" rows 4 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // A digital block holds int16 weights.
  // expected-error @+1 {{'xbar.digital_tile' op weights}}
  xbar.digital_tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 0 synapses 0
      weights dense<1> : tensor<4x2xi32>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "lif0->li1" rows 4 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // -32768 has no positive twin, so the weights are symmetric.
  // expected-error @+1 {{'xbar.digital_tile' op weight of cell (1, 1) is -32768; digital weights lie in [-32767, 32767]}}
  xbar.digital_tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 0 synapses 0
      weights dense<[[0, 0], [0, -32768], [0, 0], [0, 0]]> : tensor<4x2xi16>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "lif0->li1" rows 4 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // expected-error @+1 {{'xbar.digital_tile' op block of 5 rows exceeds the tile's 4 rows}}
  xbar.digital_tile 0 projection 0 delay 1 rows 0 + 5 cols 0 + 2 node 0 synapses 0
      weights dense<0> : tensor<5x2xi16>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "lif0->li1" rows 4 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 3 synapses 0 adc_rows 4
      g_plus dense<1.0e-6> : tensor<4x2xf32> g_minus dense<1.0e-6> : tensor<4x2xf32>
  // Array and digital tiles share one index space.
  // expected-error @+1 {{'xbar.digital_tile' op tile 0 appears twice}}
  xbar.digital_tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 3 synapses 0
      weights dense<0> : tensor<4x2xi16>
}

// -----

xbar.chip @net tiles 4 x 2 chip 8 mesh 4 adc 5 bits lsb 3.0e-7 rows 32 columns_per_adc 2 {
  xbar.projection 0 "lif0->li1" rows 4 cols 2 scale 1.0 rms_error 0.0 max_error 0.0
  // expected-error @+1 {{'xbar.digital_tile' op tile 0's rows [2, 6) lie outside projection 0's 4 rows}}
  xbar.digital_tile 0 projection 0 delay 1 rows 2 + 4 cols 0 + 2 node 3 synapses 0
      weights dense<0> : tensor<4x2xi16>
}
