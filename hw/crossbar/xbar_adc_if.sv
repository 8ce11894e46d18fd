//===- xbar_adc_if.sv - The digital half of a column's SAR ADC ------------===//
//
// The analog front end resolves a column current to 1/2^16 of a code (the
// behavioural array's sample); this half rounds it half away from zero and
// clamps it to B two's-complement bits, flagging saturation, exactly as
// quantizeSample() of backends/crossbar/include/snnc/crossbar/ColumnRead.h.
// The saturation flag feeds the unit's adc_saturations counter, so the
// count is the RTL's own.
//
//===----------------------------------------------------------------------===//

module xbar_adc_if
  import xbar_pkg::*;
#(
  // Test only: truncate toward zero instead of rounding half away from
  // zero, a deliberately wrong ADC that the differential tests must catch.
  parameter bit TruncRounding = 1'b0
) (
  // input port
  input  logic [SampleW-1:0] sample_i,   // 1/2^16 codes, two's complement
  input  logic [4:0]         adc_bits_i, // B, 1..16
  // output port
  output logic [CodeW-1:0]   code_o,     // two's complement, B bits
  output logic               saturated_o
);

  logic               negative;
  logic [SampleW-1:0] magnitude, rounded;
  logic [SampleW-1:0] max_mag;   // 2^(B-1) - 1 above zero, 2^(B-1) below
  logic [SampleW-1:0] code_mag;

  assign negative  = sample_i[SampleW-1];
  assign magnitude = negative ? (~sample_i + 1'b1) : sample_i;
  assign rounded   = TruncRounding ? magnitude
                                   : magnitude + SampleW'(1 << (SampleFracBits - 1));

  always_comb begin
    code_mag = rounded >> SampleFracBits;
    max_mag  = (SampleW'(1) << (adc_bits_i - 5'd1)) - (negative ? '0 : SampleW'(1));
    saturated_o = (code_mag > max_mag);
    if (saturated_o) begin
      code_mag = max_mag;
    end
    code_o = negative ? CodeW'(~code_mag + 1'b1) : CodeW'(code_mag);
  end

endmodule
