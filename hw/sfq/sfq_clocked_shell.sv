//===- sfq_clocked_shell.sv - What every clocked SFQ cell shares ----------===//
//
// docs/sfq.md §4: a clocked cell (TimEx FSM of RSFQlib v3.0) defers a pulse
// that comes inside a window (sfq_gate, Clocked = 1), keeps its state in
// flops and sends its output after its delay (sfq_delay). The cell module
// keeps only its state machine: from the pulses accepted per port and the
// state it computes the next state and the pulses to emit.
//
//===----------------------------------------------------------------------===//

module sfq_clocked_shell #(
  parameter int unsigned                     NumPorts = 2,
  parameter int unsigned                     StateW   = 1,
  parameter int unsigned                     Delay    = 1,
  parameter int unsigned                     PulseW   = sfq_pkg::PulseW,
  // Windows as sfq_gate takes them.
  parameter logic [NumPorts*NumPorts*32-1:0] Sep      = '0
) (
  input  logic                                   clk_i,
  input  logic                                   rst_ni,
  // pulses arriving this tick, per port (port 0 in the low bits)
  input  logic [NumPorts-1:0][PulseW-1:0]        pulse_i,
  // pulses the state machine takes this tick, per port
  output logic [NumPorts-1:0][sfq_pkg::CntW-1:0] acc_o,
  // pulses deferred for the first time this tick
  output logic [sfq_pkg::CntW-1:0]               reject_o,
  output logic [StateW-1:0]                      state_q_o,
  input  logic [StateW-1:0]                      state_d_i,
  // pulses the state machine emits this tick (they leave after Delay)
  input  logic [sfq_pkg::CntW-1:0]               emits_i,
  output logic [PulseW-1:0]                      out_q_o,
  output logic                                   overflow_o
);

  logic gate_ovf, delay_ovf;

  sfq_gate #(
    .NumPorts (NumPorts),
    .Clocked  (1'b1),
    .PulseW   (PulseW),
    .Sep      (Sep)
  ) u_gate (
    .clk_i,
    .rst_ni,
    .pulse_i,
    .acc_o,
    .reject_o,
    .overflow_o (gate_ovf)
  );

  sfq_delay #(
    .Delay  (Delay),
    .PulseW (PulseW)
  ) u_q (
    .clk_i,
    .rst_ni,
    .add_i      (emits_i),
    .q_o        (out_q_o),
    .overflow_o (delay_ovf)
  );

  assign overflow_o = gate_ovf | delay_ovf;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q_o <= '0;
    end else begin
      state_q_o <= state_d_i;
    end
  end

endmodule
