//===- sfq_jtl.sv - Josephson transmission line stage ---------------------===//
//
// docs/sfq.md §4: every accepted pulse leaves q after Delay ticks; a pulse
// inside the a -> a window is absorbed.
//
//===----------------------------------------------------------------------===//

module sfq_jtl #(
  parameter int unsigned Delay  = 1,
  parameter int unsigned SepAA  = 0,
  parameter int unsigned PulseW = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input port
  input  logic [PulseW-1:0]             in_a_i,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  output logic [1:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: jtl_pulses, pulse_collisions
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvJtlPulses       = 0;
  localparam int unsigned EvPulseCollisions = 1;

  logic [0:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic                 gate_ovf, delay_ovf;

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
    .Delay  (Delay),
    .PulseW (PulseW)
  ) u_q (
    .clk_i,
    .rst_ni,
    .add_i      (acc[0]),
    .q_o        (out_q_o),
    .overflow_o (delay_ovf)
  );

  assign overflow_o = gate_ovf | delay_ovf;

  always_comb begin
    ev_o = '0;
    ev_o[EvJtlPulses]       = acc[0];
    ev_o[EvPulseCollisions] = reject;
  end

endmodule
