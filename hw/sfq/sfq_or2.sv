//===- sfq_or2.sv - Clocked OR (RSFQlib OR2) ------------------------------===//
//
// docs/sfq.md §4: a or b sets the state; clk emits q after Delay if set,
// and clears it. Inputs inside a window are deferred.
//
//===----------------------------------------------------------------------===//

module sfq_or2 #(
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

  // ev_o: or2_stores, or2_repeats, or2_reads, or2_empty_clocks,
  //       setup_violations
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvStores          = 0;
  localparam int unsigned EvRepeats         = 1;
  localparam int unsigned EvReads           = 2;
  localparam int unsigned EvEmptyClocks     = 3;
  localparam int unsigned EvSetupViolations = 4;

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

  // Port order: a, b, clk.
  always_comb begin
    logic set;
    set   = set_q;
    emits = '0;
    ev_o = '0;
    for (int unsigned p = 0; p < 2; p++) begin
      if (acc[p] != '0) begin
        ev_o[EvStores]  = ev_o[EvStores] + (set ? '0 : CntW'(1));
        ev_o[EvRepeats] = ev_o[EvRepeats] +
                               (set ? acc[p] : acc[p] - CntW'(1));
        set                  = 1'b1;
      end
    end
    if (acc[2] != '0) begin
      ev_o[EvReads]       = set ? CntW'(1) : '0;
      ev_o[EvEmptyClocks] = set ? acc[2] - CntW'(1) : acc[2];
      emits                    = set ? CntW'(1) : '0;
      set                      = 1'b0;
    end
    ev_o[EvSetupViolations] = reject;
    state_d = set;
  end

endmodule
