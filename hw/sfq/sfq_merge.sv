//===- sfq_merge.sv - Merger (confluence buffer) --------------------------===//
//
// docs/sfq.md §4: a pulse on a or b leaves q after Delay ticks, unless it
// falls inside a window (same input, or the other input's cross window),
// when it is absorbed and counted as a merge collision. Both inputs of one
// tick are taken a first.
//
// WrongMergeRule (test only) drops the cross-input windows, so two pulses
// on a and b close together both pass: the differential test must tell
// this RTL from ref.
//
//===----------------------------------------------------------------------===//

module sfq_merge #(
  parameter int unsigned Delay          = 1,
  parameter int unsigned SepAA          = 0,
  parameter int unsigned SepAB          = 0,
  parameter int unsigned SepBA          = 0,
  parameter int unsigned SepBB          = 0,
  parameter bit          WrongMergeRule = 1'b0,
  parameter int unsigned PulseW         = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input ports
  input  logic [PulseW-1:0]             in_a_i,
  input  logic [PulseW-1:0]             in_b_i,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  output logic [1:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: merge_pulses, merge_collisions
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvMergePulses     = 0;
  localparam int unsigned EvMergeCollisions = 1;

  localparam logic [127:0] Windows = windows2(
      SepAA, WrongMergeRule ? 0 : SepAB, WrongMergeRule ? 0 : SepBA, SepBB);

  logic [1:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic [CntW-1:0]      passed;
  logic                 gate_ovf, delay_ovf;

  sfq_gate #(
    .NumPorts (2),
    .Clocked  (1'b0),
    .PulseW   (PulseW),
    .Sep      (Windows)
  ) u_gate (
    .clk_i,
    .rst_ni,
    .pulse_i    ({in_b_i, in_a_i}),
    .acc_o      (acc),
    .reject_o   (reject),
    .overflow_o (gate_ovf)
  );

  assign passed = acc[0] + acc[1];

  sfq_delay #(
    .Delay  (Delay),
    .PulseW (PulseW)
  ) u_q (
    .clk_i,
    .rst_ni,
    .add_i      (passed),
    .q_o        (out_q_o),
    .overflow_o (delay_ovf)
  );

  assign overflow_o = gate_ovf | delay_ovf;

  always_comb begin
    ev_o = '0;
    ev_o[EvMergePulses]     = passed;
    ev_o[EvMergeCollisions] = reject;
  end

endmodule
