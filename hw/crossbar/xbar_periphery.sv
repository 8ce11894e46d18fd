//===- xbar_periphery.sv - The digital neurons beside a unit's tiles ------===//
//
// The neuron phase of one step: for each neuron of the slice, read its
// ring slot (an int64 partial-sum accumulator), saturate it to int32, run
// the shared fixed-point update (hw/common/snn_neuron_dp, the neuron of
// docs/numerics.md §3), write the state back and clear the slot. A spike
// is packetised here: its NoC packet is the slice's key base plus the
// neuron's index. Readout slices report v instead.
//
//===----------------------------------------------------------------------===//

module xbar_periphery
  import xbar_pkg::*;
  import snn_fixed_pkg::*;
#(
  parameter int unsigned MaxNeurons    = 1024,
  parameter int unsigned RingAddrW     = 13,
  // Test only: truncating shifts in the neuron datapath.
  parameter bit          TruncRounding = 1'b0,
  localparam int unsigned IdxW  = $clog2(MaxNeurons),
  localparam int unsigned NCntW = $clog2(MaxNeurons + 1)
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,
  // input port: configuration
  input  logic                 param_we_i,
  input  logic [IdxW-1:0]      param_idx_i,
  input  logic [2:0]           param_lane_i,
  input  logic [31:0]          param_wdata_i,
  input  logic                 clr_i,        // abandon the phase
  input  logic                 clr_we_i,     // zero neuron clr_idx_i's state
  input  logic [31:0]          clr_idx_i,
  input  logic [NCntW-1:0]     neurons_i,
  input  logic                 cuba_i,
  input  logic                 spiking_i,
  input  logic                 record_i,
  input  logic [31:0]          key_base_i,
  // input port: the phase
  input  logic                 start_i,
  input  logic [RingAddrW-1:0] slot_base_i,  // ring word of neuron 0
  // ring port (read: one cycle latency)
  output logic                 ring_re_o,
  output logic [RingAddrW-1:0] ring_raddr_o,
  input  logic [63:0]          ring_rdata_i,
  output logic                 ring_we_o,
  output logic [RingAddrW-1:0] ring_waddr_o,
  output logic [63:0]          ring_wdata_o,
  // output port
  output logic                 busy_o,
  output logic                 update_o,     // one neuron updated
  output logic                 spike_valid_o,
  output logic [31:0]          spike_key_o,
  output logic                 rec_valid_o,
  output logic [IdxW-1:0]      rec_idx_o,
  output logic [31:0]          rec_v_o
);

  typedef enum logic [1:0] {PIdle, PRead, PStart, PWait} per_state_e;

  per_state_e          state_q;
  logic [IdxW-1:0]     idx_q;
  logic [RingAddrW-1:0] base_q;
  logic [31:0]         params_q [MaxNeurons][ParamLanes];
  logic [31:0]         v_q [MaxNeurons];
  logic [31:0]         isyn_q [MaxNeurons];
  logic                spike_valid_q, rec_valid_q, update_q;
  logic [31:0]         spike_key_q, rec_v_q;
  logic [IdxW-1:0]     rec_idx_q;

  logic                dp_start, dp_done, dp_spike, dp_busy, dp_last;
  logic [31:0]         dp_v, dp_isyn;
  logic [31:0]         shifts, syn_decay;

  logic [RingAddrW-1:0] addr;
  logic                 last;
  assign addr = base_q + RingAddrW'(idx_q);
  assign last = (NCntW'(idx_q) + 1'b1 == neurons_i);

  assign dp_start  = (state_q == PStart);
  assign shifts    = params_q[idx_q][LaneShifts];
  assign syn_decay = params_q[idx_q][LaneSynDecay];

  snn_neuron_dp #(
    .TruncRounding(TruncRounding)
  ) u_dp (
    .clk_i,
    .rst_ni,
    .start_i      (dp_start),
    .cuba_i       (cuba_i),
    .spiking_i    (spiking_i),
    .acc_i        (sat32($signed(ring_rdata_i))),
    .bias_i       (params_q[idx_q][LaneBias]),
    .decay_i      (shifts[16:0]),
    .gain_m_i     (params_q[idx_q][LaneGainM]),
    .gain_s_i     (shifts[22:17]),
    .drive_i      (params_q[idx_q][LaneDrive]),
    .threshold_i  (params_q[idx_q][LaneThreshold]),
    .reset_i      (params_q[idx_q][LaneReset]),
    .syn_decay_i  (syn_decay[16:0]),
    .syn_gain_m_i (params_q[idx_q][LaneSynGainM]),
    .syn_gain_s_i (shifts[28:23]),
    .v_i          (v_q[idx_q]),
    .isyn_i       (isyn_q[idx_q]),
    .busy_o       (dp_busy),
    .last_o       (dp_last),
    .done_o       (dp_done),
    .v_o          (dp_v),
    .isyn_o       (dp_isyn),
    .spike_o      (dp_spike)
  );

  // The phase waits for done_o rather than overlapping updates: a unit's
  // latency is dominated by its tile reads, not its neurons.
  logic unused_dp;
  assign unused_dp = dp_busy ^ dp_last ^ ^shifts[31:29] ^ ^syn_decay[31:17];

  ///////////////////
  // Phase control //
  ///////////////////

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q       <= PIdle;
      idx_q         <= '0;
      base_q        <= '0;
      spike_valid_q <= 1'b0;
      rec_valid_q   <= 1'b0;
      update_q      <= 1'b0;
      spike_key_q   <= '0;
      rec_v_q       <= '0;
      rec_idx_q     <= '0;
    end else if (clr_i) begin
      state_q       <= PIdle;
      spike_valid_q <= 1'b0;
      rec_valid_q   <= 1'b0;
      update_q      <= 1'b0;
    end else begin
      spike_valid_q <= 1'b0;
      rec_valid_q   <= 1'b0;
      update_q      <= 1'b0;
      unique case (state_q)
        PIdle: begin
          if (start_i && neurons_i != '0) begin
            idx_q   <= '0;
            base_q  <= slot_base_i;
            state_q <= PRead;
          end
        end
        PRead:  state_q <= PStart;
        PStart: state_q <= PWait;
        PWait: begin
          if (dp_done) begin
            update_q      <= 1'b1;
            spike_valid_q <= dp_spike;
            spike_key_q   <= key_base_i + 32'(idx_q);
            rec_valid_q   <= record_i;
            rec_idx_q     <= idx_q;
            rec_v_q       <= dp_v;
            if (last) begin
              state_q <= PIdle;
            end else begin
              idx_q   <= idx_q + 1'b1;
              state_q <= PRead;
            end
          end
        end
        default: state_q <= PIdle;
      endcase
    end
  end

  // Parameters and state: register files, written by the configuration
  // bus, the clear command and the write-back of each update.
  always_ff @(posedge clk_i) begin
    if (param_we_i) begin
      params_q[param_idx_i][param_lane_i] <= param_wdata_i;
    end
    if (clr_we_i && clr_idx_i < 32'(MaxNeurons)) begin
      v_q[clr_idx_i[IdxW-1:0]]    <= '0;
      isyn_q[clr_idx_i[IdxW-1:0]] <= '0;
    end else if (state_q == PWait && dp_done) begin
      v_q[idx_q]    <= dp_v;
      isyn_q[idx_q] <= dp_isyn;
    end
  end

  // Ring: the slot is read before the update and cleared as it starts.
  assign ring_re_o    = (state_q == PRead);
  assign ring_raddr_o = addr;
  assign ring_we_o    = (state_q == PStart);
  assign ring_waddr_o = addr;
  assign ring_wdata_o = '0;

  // Busy until the last neuron's outputs have been shown and counted.
  assign busy_o        = (state_q != PIdle) || update_q || spike_valid_q || rec_valid_q;
  assign update_o      = update_q;
  assign spike_valid_o = spike_valid_q;
  assign spike_key_o   = spike_key_q;
  assign rec_valid_o   = rec_valid_q;
  assign rec_idx_o     = rec_idx_q;
  assign rec_v_o       = rec_v_q;

endmodule
