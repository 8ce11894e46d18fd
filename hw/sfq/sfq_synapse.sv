//===- sfq_synapse.sv - Stochastic synapse (the seed's mode) --------------===//
//
// docs/sfq.md §4, §6: the k-th pulse the synapse accepts since reset
// (k = 0, 1, ...) draws u = CounterRng::at(seed, kSynapseStream, Id,
// k + 1) >> 32 and passes iff u < Threshold; a passed pulse leaves q after
// Delay ticks. The draw is a pure function of (seed, Id, k), the same
// arithmetic as support/include/snnc/Support/CounterRng.h, so ref and rtl
// pass the same pulses. Pulses absorbed in the window draw nothing but,
// as in ref, still count as synaptic events (every arrival does).
//
//===----------------------------------------------------------------------===//

module sfq_synapse #(
  parameter int unsigned     Delay     = 1,
  // Pass iff the draw's upper 32 bits are below this.
  parameter int unsigned     Threshold = 32'h8000_0000,
  parameter longint unsigned Id        = 0,
  parameter int unsigned     SepAA     = 0,
  parameter int unsigned     PulseW    = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // the run's seed, constant during a run
  input  logic [63:0]                   seed_i,
  // input port
  input  logic [PulseW-1:0]             in_a_i,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  output logic [3:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: synaptic_events, synapse_passes, synapse_blocks, pulse_collisions
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvSynapticEvents  = 0;
  localparam int unsigned EvPasses          = 1;
  localparam int unsigned EvBlocks          = 2;
  localparam int unsigned EvPulseCollisions = 3;

  // An asynchronous cell takes at most a wire's pulses per tick.
  localparam int unsigned MaxPulse = (1 << PulseW) - 1;

  logic [0:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic [CntW-1:0]      passes, blocks;
  // Pulses accepted since reset: the next draw is index k + 1.
  logic [63:0]          k_q, k_d;
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

  // The hash runs only in ticks with a pulse.
  always_comb begin
    logic [31:0] u;
    logic [63:0] k;
    u      = '0;
    k      = '0;
    passes = '0;
    blocks = '0;
    if (acc[0] != '0) begin
      for (int unsigned j = 0; j < MaxPulse; j++) begin
        if (CntW'(j) < acc[0]) begin
          k = k_q + 64'(j) + 64'd1;
          u = 32'(rng_at(seed_i, SynapseStream, Id, k) >> 32);
          if (u < Threshold) begin
            passes = passes + CntW'(1);
          end else begin
            blocks = blocks + CntW'(1);
          end
        end
      end
    end
    k_d = k_q + 64'(acc[0]);
  end

  sfq_delay #(
    .Delay  (Delay),
    .PulseW (PulseW)
  ) u_q (
    .clk_i,
    .rst_ni,
    .add_i      (passes),
    .q_o        (out_q_o),
    .overflow_o (delay_ovf)
  );

  assign overflow_o = gate_ovf | delay_ovf;

  always_comb begin
    ev_o = '0;
    ev_o[EvSynapticEvents]  = acc[0] + reject;
    ev_o[EvPasses]          = passes;
    ev_o[EvBlocks]          = blocks;
    ev_o[EvPulseCollisions] = reject;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      k_q <= '0;
    end else begin
      k_q <= k_d;
    end
  end

endmodule
