//===- snn_neuron_dp.sv - One LIF/CuBa-LIF/IF/LI update in fixed point ----===//
//
// docs/numerics.md §3 steps 1-4, bit for bit with stepNeuron() of
// support/include/snnc/Support/FixedPointNeuron.h (every digital target's
// neuron: a SpiNNaker2 PE's, a crossbar periphery's), on one shared
// 32x32 multiplier: two products for LIF/IF/LI, four for CuBa-LIF. IF and
// LI are LIF with other constants; `spiking` tells spiking models from
// readouts. Operands are captured on start_i; results are valid while
// done_o is high (one cycle), and a new update may start in that cycle, so
// back-to-back updates take 3 cycles (5 for CuBa-LIF). last_o marks the
// cycle before done_o, in which the caller can fetch the next operands.
//
//===----------------------------------------------------------------------===//

module snn_neuron_dp
  import snn_fixed_pkg::*;
#(
  // Test only: truncate instead of rounding (see rshr in snn_fixed_pkg).
  parameter bit TruncRounding = 1'b0
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // operands, sampled when start_i is high
  input  logic        start_i,
  input  logic        cuba_i,
  input  logic        spiking_i,
  input  logic [31:0] acc_i,        // ring slot of this step
  input  logic [31:0] bias_i,
  input  logic [16:0] decay_i,      // Q16 in [0, 2^16]
  input  logic [31:0] gain_m_i,
  input  logic [5:0]  gain_s_i,
  input  logic [31:0] drive_i,
  input  logic [31:0] threshold_i,
  input  logic [31:0] reset_i,
  input  logic [16:0] syn_decay_i,  // Q16 in [0, 2^16]
  input  logic [31:0] syn_gain_m_i,
  input  logic [5:0]  syn_gain_s_i,
  input  logic [31:0] v_i,
  input  logic [31:0] isyn_i,
  // results
  output logic        busy_o,
  output logic        last_o,
  output logic        done_o,
  output logic [31:0] v_o,
  output logic [31:0] isyn_o,
  output logic        spike_o
);

  typedef enum logic [2:0] {
    DpIdle, DpSynDecay, DpSynGain, DpMemDecay, DpMemGain, DpDone
  } dp_state_e;

  dp_state_e   state_q, state_d;
  logic        spiking_q, spike_q;
  logic [31:0] x_q, in_q, v_q, isyn_q;
  logic [31:0] gain_m_q, drive_q, threshold_q, reset_q, syn_gain_m_q;
  logic [16:0] decay_q, syn_decay_q;
  logic [5:0]  gain_s_q, syn_gain_s_q;
  logic signed [63:0] part_q;  // rshr of the decay product, kept for the sum

  // The one multiplier: operands chosen by the step being computed.
  logic signed [31:0] mul_a, mul_b;
  logic signed [63:0] product;
  always_comb begin
    unique case (state_q)
      DpSynDecay: begin mul_a = $signed({15'd0, syn_decay_q}); mul_b = $signed(isyn_q); end
      DpSynGain:  begin mul_a = $signed(x_q);                  mul_b = $signed(syn_gain_m_q); end
      DpMemDecay: begin mul_a = $signed({15'd0, decay_q});     mul_b = $signed(v_q); end
      DpMemGain:  begin mul_a = $signed(in_q);                 mul_b = $signed(gain_m_q); end
      default:    begin mul_a = '0;                            mul_b = '0; end
    endcase
  end
  assign product = mul_a * mul_b;

  // Step 1: x = sat32(ring + bias), formed from the live operands on start.
  logic [31:0] x_start;
  assign x_start = sat32(64'($signed(acc_i)) + 64'($signed(bias_i)));

  // Steps 2 and 3, completed in the cycle of their second product.
  logic [31:0] isyn_next, v_next;
  assign isyn_next = sat32(part_q + rshr(product, syn_gain_s_q, TruncRounding));
  assign v_next    = sat32(part_q + 64'($signed(drive_q)) +
                           rshr(product, gain_s_q, TruncRounding));

  always_comb begin
    state_d = state_q;
    unique case (state_q)
      DpIdle:     if (start_i) state_d = cuba_i ? DpSynDecay : DpMemDecay;
      DpSynDecay: state_d = DpSynGain;
      DpSynGain:  state_d = DpMemDecay;
      DpMemDecay: state_d = DpMemGain;
      DpMemGain:  state_d = DpDone;
      DpDone:     state_d = start_i ? (cuba_i ? DpSynDecay : DpMemDecay) : DpIdle;
      default:    state_d = DpIdle;
    endcase
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= DpIdle;
    end else begin
      state_q <= state_d;
    end
  end

  always_ff @(posedge clk_i) begin
    unique case (state_q)
      DpIdle, DpDone: begin
        if (start_i) begin
          spiking_q    <= spiking_i;
          x_q          <= x_start;
          in_q         <= x_start;
          v_q          <= v_i;
          isyn_q       <= isyn_i;
          gain_m_q     <= gain_m_i;
          gain_s_q     <= gain_s_i;
          drive_q      <= drive_i;
          threshold_q  <= threshold_i;
          reset_q      <= reset_i;
          decay_q      <= decay_i;
          syn_decay_q  <= syn_decay_i;
          syn_gain_m_q <= syn_gain_m_i;
          syn_gain_s_q <= syn_gain_s_i;
          spike_q      <= 1'b0;
        end
      end
      DpSynDecay: part_q <= rshr(product, 6'd16, TruncRounding);
      DpSynGain: begin
        isyn_q <= isyn_next;
        in_q   <= isyn_next;
      end
      DpMemDecay: part_q <= rshr(product, 6'd16, TruncRounding);
      DpMemGain: begin
        // Step 4: strict threshold, then reset.
        if (spiking_q && ($signed(v_next) > $signed(threshold_q))) begin
          v_q     <= reset_q;
          spike_q <= 1'b1;
        end else begin
          v_q <= v_next;
        end
      end
      default: ;
    endcase
  end

  assign busy_o  = (state_q != DpIdle);
  assign last_o  = (state_q == DpMemGain);
  assign done_o  = (state_q == DpDone);
  assign v_o     = v_q;
  assign isyn_o  = isyn_q;
  assign spike_o = spike_q;

endmodule
