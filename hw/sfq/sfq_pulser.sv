//===- sfq_pulser.sv - Deterministic k-pulse synapse ----------------------===//
//
// docs/sfq.md §4 (not the seed's mode): an accepted pulse at t emits
// Pulses pulses at t + Delay + j * Spacing, j = 0 .. Pulses - 1. Trains of
// successive pulses may overlap; the delay line keeps every one. As in ref,
// every arrival (absorbed ones too) is a synaptic event, and a train counts
// all its pulses when its cause is accepted.
//
//===----------------------------------------------------------------------===//

module sfq_pulser #(
  parameter int unsigned Delay   = 1,
  parameter int unsigned Pulses  = 1,
  parameter int unsigned Spacing = 0,
  parameter int unsigned SepAA   = 0,
  parameter int unsigned PulseW  = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input port
  input  logic [PulseW-1:0]             in_a_i,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  output logic [2:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: synaptic_events, pulser_pulses, pulse_collisions
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvSynapticEvents  = 0;
  localparam int unsigned EvPulserPulses    = 1;
  localparam int unsigned EvPulseCollisions = 2;

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
    .Delay   (Delay),
    .Repeat  (Pulses),
    .Spacing (Spacing),
    .PulseW  (PulseW)
  ) u_q (
    .clk_i,
    .rst_ni,
    .add_i      (acc[0]),
    .q_o        (out_q_o),
    .overflow_o (delay_ovf)
  );

  assign overflow_o = gate_ovf | delay_ovf;

  // The whole train is counted when the pulse is accepted.
  always_comb begin
    ev_o = '0;
    ev_o[EvSynapticEvents]  = acc[0] + reject;
    ev_o[EvPulserPulses]    = CntW'(32'(acc[0]) * Pulses);
    ev_o[EvPulseCollisions] = reject;
  end

endmodule
