//===- sfq_not.sv - Clocked inverter (RSFQlib NOT) ------------------------===//
//
// docs/sfq.md §4: a sets the state; clk emits q after Delay if clear, and
// clears. Inputs inside a window are deferred.
//
//===----------------------------------------------------------------------===//

module sfq_not #(
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

  // ev_o: not_stores, not_repeats, not_reads, not_clears, setup_violations
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvStores          = 0;
  localparam int unsigned EvRepeats         = 1;
  localparam int unsigned EvReads           = 2;
  localparam int unsigned EvClears          = 3;
  localparam int unsigned EvSetupViolations = 4;

  logic [1:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic [CntW-1:0]      emits;
  logic                 set_q, state_d;

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
    .state_q_o  (set_q),
    .state_d_i  (state_d),
    .emits_i    (emits),
    .out_q_o,
    .overflow_o
  );

  // Port order: a, then clk; a clock while clear emits, so every clock
  // of a tick but a first one that finds the state set emits.
  always_comb begin
    logic set;
    set   = set_q;
    emits = '0;
    ev_o = '0;
    if (acc[0] != '0) begin
      ev_o[EvStores]  = set ? '0 : CntW'(1);
      ev_o[EvRepeats] = set ? acc[0] : acc[0] - CntW'(1);
      set                  = 1'b1;
    end
    if (acc[1] != '0) begin
      ev_o[EvClears] = set ? CntW'(1) : '0;
      ev_o[EvReads]  = set ? acc[1] - CntW'(1) : acc[1];
      emits               = ev_o[EvReads];
      set                 = 1'b0;
    end
    ev_o[EvSetupViolations] = reject;
    state_d = set;
  end

endmodule
