//===- sfq_ndro.sv - Non-destructive read-out cell (RSFQlib NDRO) ---------===//
//
// docs/sfq.md §4: a sets, b resets, clk emits q after Delay while set and
// leaves the state. Inputs inside a window are deferred (sfq_gate).
//
//===----------------------------------------------------------------------===//

module sfq_ndro #(
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
  output logic [6:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: ndro_sets, ndro_repeat_sets, ndro_resets, ndro_repeat_resets,
  //       ndro_reads, ndro_empty_clocks, setup_violations
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvSets            = 0;
  localparam int unsigned EvRepeatSets      = 1;
  localparam int unsigned EvResets          = 2;
  localparam int unsigned EvRepeatResets    = 3;
  localparam int unsigned EvReads           = 4;
  localparam int unsigned EvEmptyClocks     = 5;
  localparam int unsigned EvSetupViolations = 6;

  logic [2:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic [CntW-1:0]      emits;
  logic                 set_q, state_d;

  sfq_clocked_shell #(
    .NumPorts (3),
    .StateW   (1),
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
    .state_q_o  (set_q),
    .state_d_i  (state_d),
    .emits_i    (emits),
    .out_q_o,
    .overflow_o
  );

  // Port order: a (set), b (reset), clk.
  always_comb begin
    logic set;
    set   = set_q;
    emits = '0;
    ev_o = '0;
    if (acc[0] != '0) begin
      ev_o[EvSets]       = set ? '0 : CntW'(1);
      ev_o[EvRepeatSets] = set ? acc[0] : acc[0] - CntW'(1);
      set                      = 1'b1;
    end
    if (acc[1] != '0) begin
      ev_o[EvResets]       = set ? CntW'(1) : '0;
      ev_o[EvRepeatResets] = set ? acc[1] - CntW'(1) : acc[1];
      set                        = 1'b0;
    end
    if (acc[2] != '0) begin
      ev_o[EvReads]       = set ? acc[2] : '0;
      ev_o[EvEmptyClocks] = set ? '0 : acc[2];
      emits                     = set ? acc[2] : '0;
    end
    ev_o[EvSetupViolations] = reject;
    state_d = set;
  end

endmodule
