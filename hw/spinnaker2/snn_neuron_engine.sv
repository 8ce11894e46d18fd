//===- snn_neuron_engine.sv - The neuron phase of one time step -----------===//
//
// For step t, every neuron j of the slice in order: read its parameter row,
// its state and ring word (t mod D) * n + j; update it on the datapath;
// write the state back and clear the ring word; emit a spike packet with
// key key_base | j, or the new v on the record port for readouts. The
// reads of neuron j + 1 overlap the last product of neuron j and its
// update starts in j's write-back cycle, so a slice of n neurons takes
// 3n + 2 cycles (5n + 2 for CuBa-LIF) plus any output stall.
//
//===----------------------------------------------------------------------===//

module snn_neuron_engine
  import snn_pe_pkg::*;
#(
  parameter int unsigned MaxNeurons    = 256,
  parameter int unsigned DmemAddrW     = 15,
  parameter bit          TruncRounding = 1'b0,
  localparam int unsigned IdxW = $clog2(MaxNeurons),
  localparam int unsigned CntW = $clog2(MaxNeurons + 1)
) (
  input  logic                        clk_i,
  input  logic                        rst_ni,
  // abort the phase (the PE halted on an error)
  input  logic                        flush_i,
  // control
  input  logic                        start_i,
  input  logic [15:0]                 step_i,
  input  logic [CntW-1:0]             neurons_i,
  input  logic [15:0]                 slot_mask_i,
  input  logic                        cuba_i,
  input  logic                        spiking_i,
  input  logic                        record_i,
  input  logic [31:0]                 key_base_i,
  output logic                        busy_o,
  // parameter memory (read only here)
  output logic                        prm_req_o,
  output logic [IdxW-1:0]             prm_addr_o,
  input  logic [ParamLanes*32-1:0]    prm_rdata_i,
  // state memory: lane 0 v, lane 1 isyn
  output logic                        st_req_o,
  output logic [1:0]                  st_we_o,
  output logic [IdxW-1:0]             st_addr_o,
  output logic [63:0]                 st_wdata_o,
  input  logic [63:0]                 st_rdata_i,
  // ring port of the data SRAM
  output logic                        rb_req_o,
  output logic                        rb_we_o,
  output logic [DmemAddrW-1:0]        rb_addr_o,
  output logic [31:0]                 rb_wdata_o,
  input  logic [31:0]                 rb_rdata_i,
  // spike packets
  output logic                        spk_valid_o,
  output logic [31:0]                 spk_key_o,
  input  logic                        spk_ready_i,
  // readout values
  output logic                        rec_valid_o,
  output logic [IdxW-1:0]             rec_idx_o,
  output logic [31:0]                 rec_v_o,
  // one pulse per neuron updated
  output logic                        ev_update_o
);

  // NeRead/NeStart run only for the first neuron and after a stall; in
  // NeCalc the datapath works on neuron j while j + 1 is fetched.
  typedef enum logic [2:0] {NeIdle, NeRead, NeStart, NeCalc, NeStall} ne_state_e;

  ne_state_e            state_q;
  logic [IdxW-1:0]      j_q;
  logic [DmemAddrW-1:0] slot_base_q;
  logic                 last_q;
  logic                 dp_last, dp_done, dp_spike, dp_busy;
  logic [31:0]          dp_v, dp_isyn;

  // (t mod D) * n: the first ring word of this step's slot.
  logic [DmemAddrW-1:0] slot_base;
  logic [15:0]          slot;
  assign slot      = step_i & slot_mask_i;
  assign slot_base = DmemAddrW'(32'(slot) * 32'(neurons_i));

  // Fields of the parameter row.
  logic [31:0] shifts, syn_decay;
  assign shifts    = prm_rdata_i[LaneShifts*32 +: 32];
  assign syn_decay = prm_rdata_i[LaneSynDecay*32 +: 32];

  // Handshakes of this cycle.
  logic write_back, stall, start_next, fetch_next, dp_start;
  assign write_back = (state_q == NeCalc) && dp_done;
  assign stall      = write_back && dp_spike && !spk_ready_i;
  assign start_next = write_back && !last_q && !stall;
  assign fetch_next = (state_q == NeCalc) && dp_last && !last_q;
  assign dp_start   = (state_q == NeStart) || start_next;

  snn_neuron_dp #(
    .TruncRounding(TruncRounding)
  ) u_dp (
    .clk_i,
    .rst_ni,
    .start_i      (dp_start),
    .cuba_i,
    .spiking_i,
    .acc_i        (rb_rdata_i),
    .bias_i       (prm_rdata_i[LaneBias*32 +: 32]),
    .decay_i      (shifts[16:0]),
    .gain_m_i     (prm_rdata_i[LaneGainM*32 +: 32]),
    .gain_s_i     (shifts[22:17]),
    .drive_i      (prm_rdata_i[LaneDrive*32 +: 32]),
    .threshold_i  (prm_rdata_i[LaneThreshold*32 +: 32]),
    .reset_i      (prm_rdata_i[LaneReset*32 +: 32]),
    .syn_decay_i  (syn_decay[16:0]),
    .syn_gain_m_i (prm_rdata_i[LaneSynGainM*32 +: 32]),
    .syn_gain_s_i (shifts[28:23]),
    .v_i          (st_rdata_i[31:0]),
    .isyn_i       (st_rdata_i[63:32]),
    .busy_o       (dp_busy),
    .last_o       (dp_last),
    .done_o       (dp_done),
    .v_o          (dp_v),
    .isyn_o       (dp_isyn),
    .spike_o      (dp_spike)
  );

  logic unused_dp;
  assign unused_dp = dp_busy ^ ^shifts[31:29] ^ ^syn_decay[31:17];

  // Reads go to neuron j (first neuron) or j + 1 (overlapped); writes to j.
  logic            read_now;
  logic [IdxW-1:0] read_idx, mem_idx;
  assign read_now = (state_q == NeRead) || fetch_next;
  assign read_idx = (state_q == NeRead) ? j_q : j_q + 1'b1;
  assign mem_idx  = write_back ? j_q : read_idx;

  always_comb begin
    prm_req_o  = read_now;
    prm_addr_o = read_idx;
    st_req_o   = read_now || write_back;
    st_we_o    = write_back ? {cuba_i, 1'b1} : 2'b00;
    st_addr_o  = mem_idx;
    st_wdata_o = {dp_isyn, dp_v};
    rb_req_o   = read_now || write_back;
    rb_we_o    = write_back;
    rb_addr_o  = slot_base_q + DmemAddrW'(mem_idx);
    rb_wdata_o = '0;
  end

  // A spike leaves in the write-back cycle, or later if the queue is full.
  assign spk_valid_o = (write_back && dp_spike) || (state_q == NeStall);
  assign spk_key_o   = key_base_i | 32'(j_q);
  assign rec_valid_o = write_back && record_i;
  assign rec_idx_o   = j_q;
  assign rec_v_o     = dp_v;
  assign ev_update_o = write_back;
  assign busy_o      = (state_q != NeIdle);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q     <= NeIdle;
      j_q         <= '0;
      slot_base_q <= '0;
      last_q      <= 1'b0;
    end else if (flush_i) begin
      state_q <= NeIdle;
    end else begin
      unique case (state_q)
        NeIdle: begin
          if (start_i && neurons_i != '0) begin
            state_q     <= NeRead;
            j_q         <= '0;
            slot_base_q <= slot_base;
            last_q      <= (neurons_i == CntW'(1));
          end
        end
        NeRead:  state_q <= NeStart;
        NeStart: state_q <= NeCalc;
        NeCalc: begin
          if (write_back) begin
            if (stall) begin
              state_q <= NeStall;
            end else if (last_q) begin
              state_q <= NeIdle;
            end else begin
              j_q    <= j_q + 1'b1;
              last_q <= (CntW'(j_q) + CntW'(2) == neurons_i);
            end
          end
        end
        NeStall: begin
          if (spk_ready_i) begin
            // Neuron j + 1's operands were fetched before the stall and
            // wait in the memories' read registers.
            state_q <= last_q ? NeIdle : NeStart;
            j_q     <= j_q + 1'b1;
            last_q  <= (CntW'(j_q) + CntW'(2) == neurons_i);
          end
        end
        default: state_q <= NeIdle;
      endcase
    end
  end

endmodule
