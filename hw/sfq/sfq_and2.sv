//===- sfq_and2.sv - Clocked AND (RSFQlib AND2) ---------------------------===//
//
// docs/sfq.md §4: a and b set their own flag; clk emits q after Delay if
// both are set, and clears both. Inputs inside a window are deferred.
//
//===----------------------------------------------------------------------===//

module sfq_and2 #(
  parameter int unsigned Delay     = 1,
  parameter int unsigned SepAA     = 0,
  parameter int unsigned SepAB     = 0,
  parameter int unsigned SepAClk   = 0,
  parameter int unsigned SepBA     = 0,
  parameter int unsigned SepBB     = 0,
  parameter int unsigned SepBClk   = 0,
  parameter int unsigned SepClkA   = 0,
  parameter int unsigned SepClkB   = 0,
  parameter int unsigned SepClkClk = 0,
  parameter int unsigned PulseW    = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input ports
  input  logic [PulseW-1:0]             in_a_i,
  input  logic [PulseW-1:0]             in_b_i,
  input  logic [PulseW-1:0]             in_clk_i,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  output logic [5:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: and2_stores, and2_repeats, and2_clocks_none, and2_clocks_one,
  //       and2_clocks_both, setup_violations
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvStores          = 0;
  localparam int unsigned EvRepeats         = 1;
  localparam int unsigned EvClocksNone      = 2;
  localparam int unsigned EvClocksOne       = 3;
  localparam int unsigned EvClocksBoth      = 4;
  localparam int unsigned EvSetupViolations = 5;

  logic [2:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic [CntW-1:0]      emits;
  // State: the b flag in bit 1, the a flag in bit 0.
  logic [1:0]           ab_q, state_d;

  sfq_clocked_shell #(
    .NumPorts (3),
    .StateW   (2),
    .Delay    (Delay),
    .PulseW   (PulseW),
    .Sep      (windows3(SepAA, SepAB, SepAClk,
                        SepBA, SepBB, SepBClk,
                        SepClkA, SepClkB, SepClkClk))
  ) u_shell (
    .clk_i,
    .rst_ni,
    .pulse_i    ({in_clk_i, in_b_i, in_a_i}),
    .acc_o      (acc),
    .reject_o   (reject),
    .state_q_o  (ab_q),
    .state_d_i  (state_d),
    .emits_i    (emits),
    .out_q_o,
    .overflow_o
  );

  // Port order: a, b, clk; only the first clock of a tick can see a flag.
  always_comb begin
    logic fa, fb;
    fa    = ab_q[0];
    fb    = ab_q[1];
    emits = '0;
    ev_o = '0;
    if (acc[0] != '0) begin
      ev_o[EvStores]  = fa ? '0 : CntW'(1);
      ev_o[EvRepeats] = fa ? acc[0] : acc[0] - CntW'(1);
      fa                    = 1'b1;
    end
    if (acc[1] != '0) begin
      ev_o[EvStores]  = ev_o[EvStores] + (fb ? '0 : CntW'(1));
      ev_o[EvRepeats] = ev_o[EvRepeats] +
                              (fb ? acc[1] : acc[1] - CntW'(1));
      fb                    = 1'b1;
    end
    if (acc[2] != '0) begin
      ev_o[EvClocksBoth] = (fa && fb) ? CntW'(1) : '0;
      ev_o[EvClocksOne]  = (fa != fb) ? CntW'(1) : '0;
      ev_o[EvClocksNone] = (!fa && !fb) ? acc[2] : acc[2] - CntW'(1);
      emits                    = (fa && fb) ? CntW'(1) : '0;
      fa                       = 1'b0;
      fb                       = 1'b0;
    end
    ev_o[EvSetupViolations] = reject;
    state_d = {fb, fa};
  end

endmodule
