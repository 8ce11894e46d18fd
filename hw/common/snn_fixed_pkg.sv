//===- snn_fixed_pkg.sv - Fixed-point helpers of docs/numerics.md §3 -----===//
//
// The roundings and saturations that every digital neuron of every target
// shares (snnc/Support/FixedPointNeuron.h in C++): one definition, so that
// a SpiNNaker2 PE and a crossbar periphery cannot round differently.
//
//===----------------------------------------------------------------------===//

package snn_fixed_pkg;

  // Clamp to [-2^31, 2^31 - 1].
  function automatic logic [31:0] sat32(input logic signed [63:0] x);
    if (x > 64'sh0000_0000_7FFF_FFFF) return 32'h7FFF_FFFF;
    if (x < -64'sh0000_0000_8000_0000) return 32'h8000_0000;
    return x[31:0];
  endfunction

  // Rounding arithmetic shift: (x + 2^(n-1)) >> n, round half up; x for
  // n = 0. `trunc` drops the rounding term: a deliberately wrong variant
  // that the differential tests must catch.
  function automatic logic signed [63:0] rshr(input logic signed [63:0] x,
                                              input logic [5:0] n,
                                              input logic trunc);
    logic signed [63:0] half;
    if (n == 6'd0) return x;
    half = trunc ? 64'sd0 : (64'sd1 <<< (n - 6'd1));
    return (x + half) >>> n;
  endfunction

endpackage
