//===- sfq_sink.sv - A matched load terminating an unused output ----------===//
//
// docs/sfq.md §2, §4: an asynchronous cell (a JTL into a resistor) that
// counts the pulses it takes and absorbs those inside its window.
//
//===----------------------------------------------------------------------===//

module sfq_sink #(
  parameter int unsigned SepAA  = 0,
  parameter int unsigned PulseW = sfq_pkg::PulseW
) (
  input  logic                          clk_i,
  input  logic                          rst_ni,
  // input port
  input  logic [PulseW-1:0]             in_a_i,
  output logic [1:0][sfq_pkg::CntW-1:0] ev_o,
  output logic                          overflow_o
);

  import sfq_pkg::*;

  // ev_o: sink_pulses, pulse_collisions
  // (Counters.def classes; the emitter sums entry i into the i-th).
  localparam int unsigned EvSinkPulses      = 0;
  localparam int unsigned EvPulseCollisions = 1;

  logic [0:0][CntW-1:0] acc;
  logic [CntW-1:0]      reject;

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
    .overflow_o
  );

  always_comb begin
    ev_o = '0;
    ev_o[EvSinkPulses]      = acc[0];
    ev_o[EvPulseCollisions] = reject;
  end

endmodule
