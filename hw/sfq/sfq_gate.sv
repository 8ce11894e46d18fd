//===- sfq_gate.sv - Separation windows of one SFQ cell's inputs ----------===//
//
// The "after X, Y not within t" checks of docs/sfq.md §4, shared by every
// cell with inputs. A tick's pulses are taken in port order, and pulses of
// one port one after another, as ref takes its (tick, cell, port) events: a
// pulse on port Y violates when it comes less than Sep(X, Y) ticks after
// the last accepted pulse on X (the same tick included). Acceptance does not
// depend on the cell's state, so the gate decides it alone and hands the
// cell the accepted count per port; the cell's state machine then takes
// them in port order.
//
// An asynchronous cell (Clocked = 0) absorbs a violating pulse. A clocked
// cell defers it to the tick its window ends (the latest end when several
// windows are violated) and takes it there before the fresh pulses of that
// tick on that port (it arrived first): it is checked again, and when it
// violates again it is deferred again, but counted only the first time.
// Deferred pulses wait in a shift register of per-tick counts.
//
// Pulses of one port and tick are identical, so the first decides for the
// rest: if it violates they all do; if it is accepted, the rest see its
// window on its own port (Sep(Y, Y)) and are all accepted or all rejected.
// A port's accepted count is therefore 0, 1 or all of its pulses.
//
//===----------------------------------------------------------------------===//

module sfq_gate #(
  parameter int unsigned                     NumPorts = 1,
  parameter bit                              Clocked  = 1'b0,
  parameter int unsigned                     PulseW   = sfq_pkg::PulseW,
  // Window of (after X, on Y) in bits [32*(X*NumPorts+Y) +: 32]; 0: none.
  parameter logic [NumPorts*NumPorts*32-1:0] Sep      = '0
) (
  input  logic                                   clk_i,
  input  logic                                   rst_ni,
  // pulses arriving this tick, per port
  input  logic [NumPorts-1:0][PulseW-1:0]        pulse_i,
  // pulses the cell takes this tick, per port (deferred ones included)
  output logic [NumPorts-1:0][sfq_pkg::CntW-1:0] acc_o,
  // pulses of this tick absorbed (asynchronous) or deferred for the first
  // time (clocked)
  output logic [sfq_pkg::CntW-1:0]               reject_o,
  // a deferral slot saturated (pulses were lost)
  output logic                                   overflow_o
);

  import sfq_pkg::*;

  function automatic int unsigned window(input int unsigned after,
                                         input int unsigned on);
    return Sep[32*(after*NumPorts+on) +: 32];
  endfunction

  function automatic int unsigned max_window();
    int unsigned m;
    m = 0;
    for (int unsigned i = 0; i < NumPorts * NumPorts; i++) begin
      if (Sep[32*i +: 32] > m) m = Sep[32*i +: 32];
    end
    return m;
  endfunction

  // The widest window on port `on`: how far ahead a pulse on it can be
  // deferred.
  function automatic int unsigned on_window(input int unsigned on);
    int unsigned m;
    m = 0;
    for (int unsigned x = 0; x < NumPorts; x++) begin
      if (window(x, on) > m) m = window(x, on);
    end
    return m;
  endfunction

  localparam int unsigned MaxSep = max_window();

  if (MaxSep == 0) begin : g_open
    // No windows: every pulse is taken.
    always_comb begin
      for (int unsigned p = 0; p < NumPorts; p++) begin
        acc_o[p] = CntW'(pulse_i[p]);
      end
    end
    assign reject_o   = '0;
    assign overflow_o = 1'b0;

    logic unused_clk;
    assign unused_clk = clk_i ^ rst_ni;
  end else begin : g_windows
    // Ticks since the last accepted pulse per port, saturating at MaxSep
    // (also "never"): a window of t is violated iff age < t.
    localparam int unsigned AgeW  = $clog2(MaxSep + 1);
    // Deferrals land 1 .. MaxSep ticks ahead.
    localparam int unsigned PtrW  = $clog2(MaxSep + 1);

    logic [AgeW-1:0] age_q [NumPorts];
    logic [AgeW-1:0] age_d [NumPorts];
    // Pulses deferred per port and future tick, and this tick's deferrals.
    logic [DeferW-1:0] due_now   [NumPorts];
    logic [CntW-1:0]   defer_cnt [NumPorts];
    logic [PtrW-1:0]   defer_at  [NumPorts];
    logic [CntW-1:0]   reject;

    // Whether a pulse on `on` violates a window, given the ages, and the
    // ticks to the end of the latest violated window.
    function automatic logic [32:0] check(
        input int unsigned on, input logic [AgeW-1:0] age [NumPorts]);
      logic        viol;
      int unsigned wait_ticks;
      viol       = 1'b0;
      wait_ticks = 0;
      for (int unsigned x = 0; x < NumPorts; x++) begin
        if (window(x, on) != 0 && 32'(age[x]) < window(x, on)) begin
          viol = 1'b1;
          if (window(x, on) - 32'(age[x]) > wait_ticks) begin
            wait_ticks = window(x, on) - 32'(age[x]);
          end
        end
      end
      return {viol, wait_ticks};
    endfunction

    always_comb begin
      logic [AgeW-1:0] age [NumPorts];
      logic [32:0]     c;
      logic [CntW-1:0] n, fresh_acc;
      age       = age_q;
      c         = '0;
      n         = '0;
      fresh_acc = '0;
      reject    = '0;
      for (int unsigned p = 0; p < NumPorts; p++) begin
        acc_o[p]     = '0;
        defer_cnt[p] = '0;
        defer_at[p]  = '0;
        // Deferred pulses first: they arrived before this tick's.
        n = CntW'(due_now[p]) + CntW'(pulse_i[p]);
        if (n != '0) begin
          c = check(p, age);
          if (c[32]) begin
            defer_cnt[p] = n;
            defer_at[p]  = PtrW'(c[31:0]);
          end else begin
            age[p]   = '0;
            acc_o[p] = CntW'(1);
            if (n > CntW'(1)) begin
              c = check(p, age);
              if (c[32]) begin
                defer_cnt[p] = n - CntW'(1);
                defer_at[p]  = PtrW'(c[31:0]);
              end else begin
                acc_o[p] = n;
              end
            end
          end
          // Only a fresh pulse counts as a violation: a deferred one was
          // counted when it was first deferred.
          fresh_acc = (acc_o[p] > CntW'(due_now[p])) ?
                      acc_o[p] - CntW'(due_now[p]) : '0;
          reject    = reject + CntW'(pulse_i[p]) - fresh_acc;
        end
      end
    end

    always_comb begin
      for (int unsigned p = 0; p < NumPorts; p++) begin
        if (acc_o[p] != '0) begin
          age_d[p] = AgeW'(1);
        end else if (32'(age_q[p]) < MaxSep) begin
          age_d[p] = age_q[p] + AgeW'(1);
        end else begin
          age_d[p] = age_q[p];
        end
      end
    end

    assign reject_o = reject;

    always_ff @(posedge clk_i or negedge rst_ni) begin
      if (!rst_ni) begin
        for (int unsigned p = 0; p < NumPorts; p++) begin
          age_q[p] <= AgeW'(MaxSep);
        end
      end else begin
        age_q  <= age_d;
      end
    end

    if (Clocked) begin : g_defer
      logic [NumPorts-1:0] defer_sat;

      // One shift register per port, as long as the widest window on it;
      // slot s holds the pulses due s ticks from now.
      for (genvar p = 0; p < NumPorts; p++) begin : g_port
        localparam int unsigned Slots = on_window(p);

        if (Slots == 0) begin : g_never
          // Nothing violates on this port, so nothing is deferred to it.
          assign due_now[p]   = '0;
          assign defer_sat[p] = 1'b0;
        end else begin : g_slots
          logic [Slots-1:0][DeferW-1:0] due_q, due_d;

          assign due_now[p] = due_q[0];

          // A deferral o ticks ahead lands in slot o - 1 of the next tick.
          always_comb begin
            int unsigned sum;
            sum            = 0;
            due_d          = due_q >> DeferW;
            defer_sat[p]   = 1'b0;
            if (defer_cnt[p] != '0) begin
              sum          = 32'(due_d[defer_at[p] - 1]) + 32'(defer_cnt[p]);
              defer_sat[p] = sum > (1 << DeferW) - 1;
              due_d[defer_at[p] - 1] = defer_sat[p] ? {DeferW{1'b1}} :
                                                      DeferW'(sum);
            end
          end

          always_ff @(posedge clk_i or negedge rst_ni) begin
            if (!rst_ni) begin
              due_q <= '0;
            end else begin
              due_q <= due_d;
            end
          end
        end
      end

      assign overflow_o = |defer_sat;
    end else begin : g_absorb
      always_comb begin
        for (int unsigned p = 0; p < NumPorts; p++) begin
          due_now[p] = '0;
        end
      end
      assign overflow_o = 1'b0;

      logic unused_defer;
      always_comb begin
        unused_defer = 1'b0;
        for (int unsigned p = 0; p < NumPorts; p++) begin
          unused_defer = unused_defer ^ (^defer_at[p]) ^ (^defer_cnt[p]);
        end
      end
    end
  end

endmodule
