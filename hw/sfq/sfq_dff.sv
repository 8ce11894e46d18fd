//===- sfq_dff.sv - Destructive read-out flip-flop (RSFQlib DFF) ----------===//
//
// docs/sfq.md §4, the TimEx FSM of RSFQlib v3.0: a stores (a second a
// while full is dropped); clk emits q after Delay if full and empties.
// Inputs inside a window are deferred to its end (sfq_gate).
//
//===----------------------------------------------------------------------===//

module sfq_dff #(
  parameter int unsigned Delay     = 1,
  parameter int unsigned SepAA     = 0,
  parameter int unsigned SepAClk   = 0,
  parameter int unsigned SepClkA   = 0,
  parameter int unsigned SepClkClk = 0,
  parameter int unsigned PulseW    = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input ports
  input  logic [PulseW-1:0]             in_a_i,
  input  logic [PulseW-1:0]             in_clk_i,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  output logic [4:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: dff_stores, dff_drops, dff_reads, dff_empty_clocks, setup_violations
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvStores          = 0;
  localparam int unsigned EvDrops           = 1;
  localparam int unsigned EvReads           = 2;
  localparam int unsigned EvEmptyClocks     = 3;
  localparam int unsigned EvSetupViolations = 4;

  logic [1:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic [CntW-1:0]      emits;
  logic                 full_q, state_d;

  sfq_clocked_shell #(
    .NumPorts (2),
    .StateW   (1),
    .Delay    (Delay),
    .PulseW   (PulseW),
    .Sep      (windows2(SepAA, SepAClk, SepClkA, SepClkClk))
  ) u_shell (
    .clk_i,
    .rst_ni,
    .pulse_i    ({in_clk_i, in_a_i}),
    .acc_o      (acc),
    .reject_o   (reject),
    .state_q_o  (full_q),
    .state_d_i  (state_d),
    .emits_i    (emits),
    .out_q_o,
    .overflow_o
  );

  // Port order: a, then clk.
  always_comb begin
    logic full;
    full   = full_q;
    emits  = '0;
    ev_o = '0;
    if (acc[0] != '0) begin
      ev_o[EvStores] = full ? '0 : CntW'(1);
      ev_o[EvDrops]  = full ? acc[0] : acc[0] - CntW'(1);
      full                = 1'b1;
    end
    if (acc[1] != '0) begin
      ev_o[EvReads]       = full ? CntW'(1) : '0;
      ev_o[EvEmptyClocks] = full ? acc[1] - CntW'(1) : acc[1];
      emits                    = full ? CntW'(1) : '0;
      full                     = 1'b0;
    end
    ev_o[EvSetupViolations] = reject;
    state_d = full;
  end

endmodule
