//===- sfq_neuron.sv - Fluxon-counting integrate-and-fire neuron ----------===//
//
// docs/sfq.md §4, §7: n fluxons in the loop. Within a tick the inputs are
// taken in port order, exc, inh, leak, each pulse in turn: exc n <- n + 1
// and, if n >= Theta, fire (q after Delay) and reset by ResetRule (0 zero,
// 1 subtract Theta, 2 release one fluxon); inh and leak n <- max(n - 1, 0).
// Every arrival, absorbed ones too, is a neuron update (as in ref).
// Undriven inputs are tied to 0 by the netlist top.
//
//===----------------------------------------------------------------------===//

module sfq_neuron #(
  parameter int unsigned     Delay       = 1,
  parameter longint unsigned Theta       = 1,
  parameter int unsigned     ResetRule   = 0,
  parameter int unsigned     SepExcExc   = 0,
  parameter int unsigned     SepExcInh   = 0,
  parameter int unsigned     SepExcLeak  = 0,
  parameter int unsigned     SepInhExc   = 0,
  parameter int unsigned     SepInhInh   = 0,
  parameter int unsigned     SepInhLeak  = 0,
  parameter int unsigned     SepLeakExc  = 0,
  parameter int unsigned     SepLeakInh  = 0,
  parameter int unsigned     SepLeakLeak = 0,
  parameter int unsigned     PulseW      = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input ports
  input  logic [PulseW-1:0]             in_exc_i,
  input  logic [PulseW-1:0]             in_inh_i,
  input  logic [PulseW-1:0]             in_leak_i,
  // output port
  output logic [PulseW-1:0]             out_q_o,
  // fires decided this tick (they leave q Delay ticks later)
  output logic [sfq_pkg::CntW-1:0]      fire_o,
  output logic [5:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: neuron_updates, neuron_excitations, neuron_inhibitions, neuron_leaks,
  //       neuron_fires, pulse_collisions
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvUpdates         = 0;
  localparam int unsigned EvExcitations     = 1;
  localparam int unsigned EvInhibitions     = 2;
  localparam int unsigned EvLeaks           = 3;
  localparam int unsigned EvFires           = 4;
  localparam int unsigned EvPulseCollisions = 5;

  localparam int unsigned MaxPulse = (1 << PulseW) - 1;
  localparam int unsigned RuleZero = 0;
  localparam int unsigned RuleSubtract = 1;

  logic [2:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;
  logic [CntW-1:0]      fires;
  logic [63:0]          n_q, n_d;
  logic                 gate_ovf, delay_ovf;

  sfq_gate #(
    .NumPorts (3),
    .Clocked  (1'b0),
    .PulseW   (PulseW),
    .Sep      (windows3(SepExcExc, SepExcInh, SepExcLeak,
                        SepInhExc, SepInhInh, SepInhLeak,
                        SepLeakExc, SepLeakInh, SepLeakLeak))
  ) u_gate (
    .clk_i,
    .rst_ni,
    .pulse_i    ({in_leak_i, in_inh_i, in_exc_i}),
    .acc_o      (acc),
    .reject_o   (reject),
    .overflow_o (gate_ovf)
  );

  always_comb begin
    logic [63:0] n;
    n     = n_q;
    fires = '0;
    for (int unsigned j = 0; j < MaxPulse; j++) begin
      if (CntW'(j) < acc[0]) begin
        n = n + 64'd1;
        if (n >= Theta) begin
          fires = fires + CntW'(1);
          if (ResetRule == RuleZero) begin
            n = '0;
          end else if (ResetRule == RuleSubtract) begin
            n = n - Theta;
          end else begin
            n = n - 64'd1;
          end
        end
      end
    end
    n   = (n > 64'(acc[1])) ? n - 64'(acc[1]) : '0;
    n   = (n > 64'(acc[2])) ? n - 64'(acc[2]) : '0;
    n_d = n;
  end

  sfq_delay #(
    .Delay  (Delay),
    .PulseW (PulseW)
  ) u_q (
    .clk_i,
    .rst_ni,
    .add_i      (fires),
    .q_o        (out_q_o),
    .overflow_o (delay_ovf)
  );

  assign fire_o     = fires;
  assign overflow_o = gate_ovf | delay_ovf;

  always_comb begin
    ev_o = '0;
    ev_o[EvUpdates]         = acc[0] + acc[1] + acc[2] + reject;
    ev_o[EvExcitations]     = acc[0];
    ev_o[EvInhibitions]     = acc[1];
    ev_o[EvLeaks]           = acc[2];
    ev_o[EvFires]           = fires;
    ev_o[EvPulseCollisions] = reject;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      n_q <= '0;
    end else begin
      n_q <= n_d;
    end
  end

endmodule
