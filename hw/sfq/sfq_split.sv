//===- sfq_split.sv - Splitter: one pulse in, one on each output ----------===//
//
// docs/sfq.md §4: an accepted pulse leaves q0 and q1, each after its own
// delay; one split_pulses count per accepted pulse (the event copies it to
// both outputs).
//
//===----------------------------------------------------------------------===//

module sfq_split #(
  parameter int unsigned Delay0 = 1,
  parameter int unsigned Delay1 = 1,
  parameter int unsigned SepAA  = 0,
  parameter int unsigned PulseW = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input port
  input  logic [PulseW-1:0]             in_a_i,
  // output ports
  output logic [PulseW-1:0]             out_q0_o,
  output logic [PulseW-1:0]             out_q1_o,
  output logic [1:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: split_pulses, pulse_collisions
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvSplitPulses     = 0;
  localparam int unsigned EvPulseCollisions = 1;

  logic [0:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic                 gate_ovf, q0_ovf, q1_ovf;

  sfq_gate #(
    .NumPorts (1),
    .Clocked  (1'b0),
    .PulseW   (PulseW),
    .Sep      (windows1(SepAA))
  ) u_gate (
    .clk_i,
    .rst_ni,
    .pulse_i    (in_a_i),
    .acc_o      (acc),
    .reject_o   (reject),
    .overflow_o (gate_ovf)
  );

  sfq_delay #(
    .Delay  (Delay0),
    .PulseW (PulseW)
  ) u_q0 (
    .clk_i,
    .rst_ni,
    .add_i      (acc[0]),
    .q_o        (out_q0_o),
    .overflow_o (q0_ovf)
  );

  sfq_delay #(
    .Delay  (Delay1),
    .PulseW (PulseW)
  ) u_q1 (
    .clk_i,
    .rst_ni,
    .add_i      (acc[0]),
    .q_o        (out_q1_o),
    .overflow_o (q1_ovf)
  );

  assign overflow_o = gate_ovf | q0_ovf | q1_ovf;

  always_comb begin
    ev_o = '0;
    ev_o[EvSplitPulses]     = acc[0];
    ev_o[EvPulseCollisions] = reject;
  end

endmodule
