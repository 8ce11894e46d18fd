//===- sfq_input.sv - A chip input: pulses injected by the driver ---------===//
//
// docs/sfq.md §1: the pulses of input element e leave this cell at the
// tick the driver presents them on pulse_i (a count, as on every wire; the
// DC/SFQ converter is off the model's boundary). A source has no delay, so
// q_o follows pulse_i in the same cycle.
//
//===----------------------------------------------------------------------===//

module sfq_input #(
  parameter int unsigned PulseW = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input port
  input  logic [PulseW-1:0]             pulse_i,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  output logic [0:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: input_pulses
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvInputPulses = 0;

  assign out_q_o    = pulse_i;
  assign overflow_o = 1'b0;

  always_comb begin
    ev_o = '0;
    ev_o[EvInputPulses] = CntW'(pulse_i);
  end

  // Stateless; the clock and reset are the uniform cell interface's.
  logic unused_clk;
  assign unused_clk = clk_i ^ rst_ni;

endmodule
