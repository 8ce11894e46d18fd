//===- sfq_delay.sv - An SFQ cell output's exact delay --------------------===//
//
// Pulses in flight between a cell's decision and its output port. Any
// number may be in flight at once (a JTL passing pulses faster than its
// delay, a pulser's overlapping trains), so this is a shift register of
// per-tick pulse counts, one slot per tick up to the latest emission,
// rather than a single timer: each of `add_i` events emits Repeat pulses
// at Delay, Delay + Spacing, ... ticks after this one. Slot s holds the
// pulses leaving s ticks from now; slot 0 drives q_o.
//
//===----------------------------------------------------------------------===//

module sfq_delay #(
  // Ticks from the event to the first pulse, >= 1.
  parameter int unsigned Delay   = 1,
  // Pulses per event (a pulser's k) and ticks between them.
  parameter int unsigned Repeat  = 1,
  parameter int unsigned Spacing = 0,
  parameter int unsigned PulseW  = sfq_pkg::PulseW
) (
  input  logic                     clk_i,
  input  logic                     rst_ni,
  // events this tick
  input  logic [sfq_pkg::CntW-1:0] add_i,
  // pulses leaving this tick
  output logic [PulseW-1:0]        q_o,
  // a slot saturated (pulses were lost)
  output logic                     overflow_o
);

  import sfq_pkg::*;

  // A zero spacing stacks the whole train on one slot.
  localparam int unsigned Taps     = (Spacing == 0) ? 1 : Repeat;
  localparam int unsigned PerTap   = (Spacing == 0) ? Repeat : 1;
  localparam int unsigned Slots    = Delay + (Taps - 1) * Spacing;
  localparam int unsigned MaxPulse = (1 << PulseW) - 1;

  logic [Slots-1:0][PulseW-1:0] line_q, line_d;
  logic [Taps-1:0]              tap_sat;

  assign q_o = line_q[0];

  // An event at offset o lands in slot o - 1 of the next tick's line, on
  // what was slot o; taps are distinct slots, all ahead of slot 0.
  always_comb begin
    int unsigned at, sum;
    at      = 0;
    sum     = 0;
    line_d  = line_q >> PulseW;
    tap_sat = '0;
    // Idle ticks (nearly all of them) skip the taps.
    if (add_i != '0) begin
      for (int unsigned j = 0; j < Taps; j++) begin
        at         = Delay + j * Spacing - 1;
        sum        = 32'(line_d[at]) + 32'(add_i) * PerTap;
        tap_sat[j] = sum > MaxPulse;
        line_d[at] = tap_sat[j] ? PulseW'(MaxPulse) : PulseW'(sum);
      end
    end
  end

  assign overflow_o = |tap_sat;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      line_q <= '0;
    end else begin
      line_q <= line_d;
    end
  end

endmodule
