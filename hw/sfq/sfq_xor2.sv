//===- sfq_xor2.sv - Clocked XOR (RSFQlib XOR) ----------------------------===//
//
// docs/sfq.md §4: 0 -a-> 1, 0 -b-> 2, 1 -b-> 0, 2 -a-> 0, a repeated
// input keeps the state; clk emits q after Delay in 1 or 2 and returns to
// 0. Inputs inside a window are deferred.
//
//===----------------------------------------------------------------------===//

module sfq_xor2 #(
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
  output logic [4:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: xor2_firsts, xor2_seconds, xor2_reads, xor2_empty_clocks,
  //       setup_violations
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvFirsts          = 0;
  localparam int unsigned EvSeconds         = 1;
  localparam int unsigned EvReads           = 2;
  localparam int unsigned EvEmptyClocks     = 3;
  localparam int unsigned EvSetupViolations = 4;

  logic [2:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic [CntW-1:0]      emits;
  logic [1:0]           st_q, state_d;

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
    .state_q_o  (st_q),
    .state_d_i  (state_d),
    .emits_i    (emits),
    .out_q_o,
    .overflow_o
  );

  // Port order: a, b, clk. State 0: empty, 1: a stored, 2: b stored. n
  // pulses on one input: the first moves the state, and from the state it
  // reached the rest are repeats, except that after cancelling (back to
  // 0) the next one stores again.
  always_comb begin
    logic [1:0] st;
    st    = st_q;
    emits = '0;
    ev_o = '0;
    for (int unsigned p = 0; p < 2; p++) begin
      if (acc[p] != '0) begin
        // p = 0 is a (stores as 1, cancels 2); p = 1 is b.
        if (st == 2'(2 - p)) begin
          ev_o[EvSeconds] = ev_o[EvSeconds] + CntW'(1);
          ev_o[EvFirsts]  = ev_o[EvFirsts] + acc[p] - CntW'(1);
          st                    = (acc[p] > CntW'(1)) ? 2'(p + 1) : 2'd0;
        end else begin
          ev_o[EvFirsts] = ev_o[EvFirsts] + acc[p];
          st                   = 2'(p + 1);
        end
      end
    end
    if (acc[2] != '0) begin
      ev_o[EvReads]       = (st != 2'd0) ? CntW'(1) : '0;
      ev_o[EvEmptyClocks] = (st != 2'd0) ? acc[2] - CntW'(1) : acc[2];
      emits                     = (st != 2'd0) ? CntW'(1) : '0;
      st                        = 2'd0;
    end
    ev_o[EvSetupViolations] = reject;
    state_d = st;
  end

endmodule
