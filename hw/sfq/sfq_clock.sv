//===- sfq_clock.sv - A clock source (leak clocks, clocked cells) ---------===//
//
// docs/sfq.md §3: emits at Phase + m * Period for m = 0, 1, ... from the
// tick after reset (tick 0); the pulse leaves at that tick, with no delay.
// A down-counter to the next pulse keeps the output a register, so no
// other cell sees it combinationally from an input.
//
//===----------------------------------------------------------------------===//

module sfq_clock #(
  parameter longint unsigned Period = 1,
  parameter longint unsigned Phase  = 0,
  parameter int unsigned     PulseW = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  output logic [0:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: clock_pulses
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvClockPulses = 0;

  // Ticks until the next pulse.
  logic [63:0] wait_q, wait_d;
  logic        fire;

  assign fire       = (wait_q == '0);
  assign wait_d     = fire ? Period - 64'd1 : wait_q - 64'd1;
  assign out_q_o    = PulseW'(fire);
  assign overflow_o = 1'b0;

  always_comb begin
    ev_o = '0;
    ev_o[EvClockPulses] = CntW'(fire);
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      wait_q <= Phase;
    end else begin
      wait_q <= wait_d;
    end
  end

endmodule
