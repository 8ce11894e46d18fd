//===- snn_pe.sv - A SpiNNaker2-style neuromorphic processing element -----===//
//
// The hardware equivalent of what a SpiNNaker2 PE's software does each time
// step, for one slice of a population (docs/rtl.md has the full picture):
//   - a configuration bus that loads registers, the key table, neuron
//     parameters and the data SRAM (ring buffer, row headers, rows), with a
//     CRC-32 over every write so the driver can prove the load;
//   - CmdClear zeroes state, ring and counters; CmdNeuron runs the neuron
//     phase of one step (snn_neuron_engine), whose spikes leave as packets;
//   - between neuron phases, packets pushed into the input FIFO are turned
//     into ring-buffer contributions (snn_synapse_engine);
//   - counters for every event the energy model prices, a watchdog on busy
//     cycles without progress, and a sticky error code that halts the PE.
// Memories: data SRAM DmemWords x 32 (dual port: tables | ring), parameter
// SRAM MaxNeurons x 256, state SRAM MaxNeurons x 64, key table KeyEntries x
// 128; with the defaults (docs/rtl.md) they total the 128 KiB of a PE.
//
//===----------------------------------------------------------------------===//

module snn_pe
  import snn_pe_pkg::*;
#(
  parameter int unsigned MaxNeurons    = 256,
  parameter int unsigned DmemWords     = 27648,
  parameter int unsigned KeyEntries    = 256,
  parameter int unsigned FifoDepth     = 64,
  parameter int unsigned OutFifoDepth  = 8,
  // Test only: truncating instead of rounding shifts.
  parameter bit          TruncRounding = 1'b0,
  localparam int unsigned IdxW      = $clog2(MaxNeurons),
  localparam int unsigned NCntW     = $clog2(MaxNeurons + 1),
  localparam int unsigned DmemAddrW = $clog2(DmemWords),
  localparam int unsigned EntW      = $clog2(KeyEntries + 1),
  localparam int unsigned KeyW      = $clog2(KeyEntries)
) (
  input  logic                            clk_i,
  input  logic                            rst_ni,
  // configuration bus (write only)
  input  logic                            cfg_we_i,
  input  logic [CfgAddrW-1:0]             cfg_addr_i,
  input  logic [31:0]                     cfg_wdata_i,
  output logic [31:0]                     cfg_crc_o,
  // commands
  input  logic                            cmd_valid_i,
  input  cmd_e                            cmd_i,
  input  logic [31:0]                     cmd_step_i,
  output logic                            busy_o,
  // incoming packets: push only when pkt_in_full_o is low
  input  logic                            pkt_in_push_i,
  input  logic [31:0]                     pkt_in_key_i,
  output logic                            pkt_in_full_o,
  // outgoing spike packets
  output logic                            pkt_out_valid_o,
  output logic [31:0]                     pkt_out_key_o,
  input  logic                            pkt_out_ready_i,
  // readout values (v after the update) of recorded slices
  output logic                            rec_valid_o,
  output logic [IdxW-1:0]                 rec_idx_o,
  output logic [31:0]                     rec_v_o,
  // status
  output err_e                            err_code_o,
  output logic [31:0]                     err_info_o,
  output logic [63:0]                     counters_o [NumCounters]
);

  // ---------------------------------------------------------------------
  // Registers, error latch, mode
  // ---------------------------------------------------------------------
  typedef enum logic [1:0] {ModeIdle, ModeClear, ModeNeuron} mode_e;

  mode_e               mode_q;
  logic [NCntW-1:0]    neurons_q;
  logic [2:0]          flags_q;
  logic [31:0]         key_base_q, step_q, wd_limit_q, wd_cnt_q, crc_q;
  logic [15:0]         slot_mask_q;
  logic [4:0]          idx_bits_q;
  logic [EntW-1:0]     entries_q;
  logic [DmemAddrW:0]  ring_words_q, syn_end_q, clr_idx_q;
  err_e                err_q;
  logic [31:0]         err_info_q;
  logic                halted;

  assign halted     = (err_q != ErrNone);
  assign err_code_o = err_q;
  assign err_info_o = err_info_q;
  assign cfg_crc_o  = crc_q;

  logic ne_busy, sy_busy, in_empty, out_empty, in_full, in_overflow, in_pop;
  logic [31:0] in_key;
  logic engines_busy;
  assign engines_busy = (mode_q != ModeIdle) || ne_busy || sy_busy;
  assign busy_o = !halted && (engines_busy || !in_empty || !out_empty);

  // ---------------------------------------------------------------------
  // Configuration decode
  // ---------------------------------------------------------------------
  logic [3:0]  cfg_region;
  logic [19:0] cfg_off;
  assign cfg_region = cfg_addr_i[23:20];
  assign cfg_off    = cfg_addr_i[19:0];

  logic cfg_key_we, cfg_prm_we, cfg_dmem_we, cfg_reg_we, cfg_bad_addr;
  always_comb begin
    cfg_key_we   = 1'b0;
    cfg_prm_we   = 1'b0;
    cfg_dmem_we  = 1'b0;
    cfg_reg_we   = 1'b0;
    cfg_bad_addr = 1'b0;
    if (cfg_we_i) begin
      unique case (cfg_region)
        RegionRegs: begin
          cfg_reg_we   = (cfg_off <= 20'(RegWatchdog));
          cfg_bad_addr = !cfg_reg_we;
        end
        RegionKeys: begin
          cfg_key_we   = (32'(cfg_off[19:2]) < KeyEntries);
          cfg_bad_addr = !cfg_key_we;
        end
        RegionParams: begin
          cfg_prm_we   = (32'(cfg_off[19:3]) < MaxNeurons);
          cfg_bad_addr = !cfg_prm_we;
        end
        RegionDmem: begin
          cfg_dmem_we  = (32'(cfg_off) < DmemWords);
          cfg_bad_addr = !cfg_dmem_we;
        end
        default: cfg_bad_addr = 1'b1;
      endcase
    end
  end

  // Range checks of register values.
  logic cfg_bad_value;
  always_comb begin
    cfg_bad_value = 1'b0;
    if (cfg_reg_we) begin
      unique case (cfg_off[7:0])
        RegNeurons:   cfg_bad_value = (cfg_wdata_i > MaxNeurons);
        RegSlotMask:  cfg_bad_value = (cfg_wdata_i > 32'hFFFF) ||
                                      ((cfg_wdata_i & (cfg_wdata_i + 1)) != '0);
        RegIdxBits:   cfg_bad_value = (cfg_wdata_i > 32'd16);
        RegEntries:   cfg_bad_value = (cfg_wdata_i > KeyEntries);
        RegRingWords: cfg_bad_value = (cfg_wdata_i > DmemWords);
        RegSynEnd:    cfg_bad_value = (cfg_wdata_i > DmemWords);
        default:      cfg_bad_value = 1'b0;
      endcase
    end
  end

  // The neuron phase needs a ring of D * n words below the tables and
  // target indices that fit their field.
  logic config_consistent;
  logic [31:0] ring_need;
  assign ring_need = (32'(slot_mask_q) + 32'd1) * 32'(neurons_q);
  assign config_consistent = (ring_need == 32'(ring_words_q)) &&
                             (ring_words_q <= syn_end_q) &&
                             (32'(neurons_q) <= (32'd1 << idx_bits_q));

  logic cmd_clear, cmd_neuron;
  assign cmd_clear  = cmd_valid_i && (cmd_i == CmdClear);
  assign cmd_neuron = cmd_valid_i && (cmd_i == CmdNeuron);

  logic can_accept;
  assign can_accept = !engines_busy && in_empty && out_empty;

  // First error wins; the PE halts until reset.
  err_e        err_new;
  logic [31:0] err_new_info;
  logic        sy_err, wd_fire;
  err_e        sy_err_code;
  logic [31:0] sy_err_info;
  assign wd_fire = (mode_q != ModeClear) && busy_o && (wd_limit_q != '0) &&
                   (wd_cnt_q >= wd_limit_q);
  always_comb begin
    err_new      = ErrNone;
    err_new_info = '0;
    if (cfg_bad_addr) begin
      err_new      = ErrCfgAddr;
      err_new_info = 32'(cfg_addr_i);
    end else if (cfg_we_i && engines_busy) begin
      err_new      = ErrBusy;
      err_new_info = 32'(cfg_addr_i);
    end else if (cfg_bad_value) begin
      err_new      = ErrConfig;
      err_new_info = 32'(cfg_addr_i);
    end else if ((cmd_clear || cmd_neuron) && !can_accept) begin
      err_new      = ErrBusy;
      err_new_info = {30'd0, cmd_i};
    end else if (cmd_neuron && !config_consistent) begin
      err_new      = ErrConfig;
      err_new_info = ring_need;
    end else if (in_overflow) begin
      err_new      = ErrFifoOverflow;
      err_new_info = pkt_in_key_i;
    end else if (sy_err) begin
      err_new      = sy_err_code;
      err_new_info = sy_err_info;
    end else if (wd_fire) begin
      err_new      = ErrWatchdog;
      err_new_info = step_q;
    end
  end

  logic ne_start;
  assign ne_start = cmd_neuron && can_accept && config_consistent && !halted;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mode_q       <= ModeIdle;
      neurons_q    <= '0;
      flags_q      <= '0;
      key_base_q   <= '0;
      step_q       <= '0;
      slot_mask_q  <= '0;
      idx_bits_q   <= '0;
      entries_q    <= '0;
      ring_words_q <= '0;
      syn_end_q    <= '0;
      wd_limit_q   <= '0;
      wd_cnt_q     <= '0;
      clr_idx_q    <= '0;
      crc_q        <= 32'hFFFF_FFFF;
      err_q        <= ErrNone;
      err_info_q   <= '0;
    end else begin
      if (!halted && err_new != ErrNone) begin
        err_q      <= err_new;
        err_info_q <= err_new_info;
      end
      if (cfg_we_i) crc_q <= crc32_word(crc32_word(crc_q, 32'(cfg_addr_i)), cfg_wdata_i);
      if (cfg_reg_we && !cfg_bad_value && !engines_busy) begin
        unique case (cfg_off[7:0])
          RegNeurons:   neurons_q    <= NCntW'(cfg_wdata_i);
          RegFlags:     flags_q      <= cfg_wdata_i[2:0];
          RegKeyBase:   key_base_q   <= cfg_wdata_i;
          RegSlotMask:  slot_mask_q  <= cfg_wdata_i[15:0];
          RegIdxBits:   idx_bits_q   <= cfg_wdata_i[4:0];
          RegEntries:   entries_q    <= EntW'(cfg_wdata_i);
          RegRingWords: ring_words_q <= (DmemAddrW+1)'(cfg_wdata_i);
          RegSynEnd:    syn_end_q    <= (DmemAddrW+1)'(cfg_wdata_i);
          RegWatchdog:  wd_limit_q   <= cfg_wdata_i;
          default: ;
        endcase
      end
      // Watchdog: busy cycles without progress, i.e. since the neuron
      // command or the last packet the synapse engine took.
      if (ne_start || in_pop) begin
        wd_cnt_q <= '0;
      end else if (busy_o && mode_q != ModeClear && wd_cnt_q != '1) begin
        wd_cnt_q <= wd_cnt_q + 1'b1;
      end
      unique case (mode_q)
        ModeIdle: begin
          if (halted) begin
            mode_q <= ModeIdle;
          end else if (cmd_clear && can_accept) begin
            mode_q    <= ModeClear;
            clr_idx_q <= '0;
          end else if (ne_start) begin
            mode_q <= ModeNeuron;
            step_q <= cmd_step_i;
          end
        end
        ModeClear: begin
          clr_idx_q <= clr_idx_q + 1'b1;
          if (clr_idx_q + 1'b1 >= ring_words_q &&
              32'(clr_idx_q) + 32'd1 >= 32'(neurons_q)) begin
            mode_q <= ModeIdle;
          end
        end
        ModeNeuron: begin
          if (!ne_busy || halted) mode_q <= ModeIdle;
        end
        default: mode_q <= ModeIdle;
      endcase
    end
  end

  // ---------------------------------------------------------------------
  // Key table (flops: searched one probe a cycle)
  // ---------------------------------------------------------------------
  logic [KeyLanes*32-1:0] ktab_q [KeyEntries];
  logic [KeyW-1:0]        kt_idx;
  always_ff @(posedge clk_i) begin
    if (cfg_key_we && !engines_busy) begin
      ktab_q[KeyW'(cfg_off[19:2])][cfg_off[1:0]*32 +: 32] <= cfg_wdata_i;
    end
  end

  // ---------------------------------------------------------------------
  // FIFOs
  // ---------------------------------------------------------------------
  logic [$clog2(FifoDepth+1)-1:0]    in_count;
  logic [$clog2(OutFifoDepth+1)-1:0] out_count;
  logic        out_overflow;  // never: pushes wait for space
  snn_fifo #(
    .Width(32),
    .Depth(FifoDepth)
  ) u_in_fifo (
    .clk_i,
    .rst_ni,
    .clr_i      (halted || (mode_q == ModeClear)),
    .push_i     (pkt_in_push_i && !halted),
    .wdata_i    (pkt_in_key_i),
    .full_o     (in_full),
    .overflow_o (in_overflow),
    .pop_i      (in_pop),
    .rdata_o    (in_key),
    .empty_o    (in_empty),
    .count_o    (in_count)
  );
  assign pkt_in_full_o = in_full;

  logic        spk_valid, out_full, out_push;
  logic [31:0] spk_key;
  assign out_push = spk_valid && !out_full;
  snn_fifo #(
    .Width(32),
    .Depth(OutFifoDepth)
  ) u_out_fifo (
    .clk_i,
    .rst_ni,
    .clr_i      (halted),
    .push_i     (out_push),
    .wdata_i    (spk_key),
    .full_o     (out_full),
    .overflow_o (out_overflow),
    .pop_i      (pkt_out_ready_i),
    .rdata_o    (pkt_out_key_o),
    .empty_o    (out_empty),
    .count_o    (out_count)
  );
  assign pkt_out_valid_o = !out_empty;

  // ---------------------------------------------------------------------
  // Engines
  // ---------------------------------------------------------------------
  logic                  prm_req, st_req, ne_rb_req, ne_rb_we, ev_update;
  logic [IdxW-1:0]       prm_addr, st_addr;
  logic [1:0]            st_we;
  logic [63:0]           st_wdata, st_rdata;
  logic [ParamLanes*32-1:0] prm_rdata;
  logic [DmemAddrW-1:0]  ne_rb_addr;
  logic [31:0]           ne_rb_wdata;
  logic [31:0]           ra_rdata, rb_rdata;

  snn_neuron_engine #(
    .MaxNeurons   (MaxNeurons),
    .DmemAddrW    (DmemAddrW),
    .TruncRounding(TruncRounding)
  ) u_neuron (
    .clk_i,
    .rst_ni,
    .flush_i     (halted),
    .start_i     (ne_start),
    .step_i      (cmd_step_i[15:0]),
    .neurons_i   (neurons_q),
    .slot_mask_i (slot_mask_q),
    .cuba_i      (flags_q[FlagCuba]),
    .spiking_i   (flags_q[FlagSpiking]),
    .record_i    (flags_q[FlagRecord]),
    .key_base_i  (key_base_q),
    .busy_o      (ne_busy),
    .prm_req_o   (prm_req),
    .prm_addr_o  (prm_addr),
    .prm_rdata_i (prm_rdata),
    .st_req_o    (st_req),
    .st_we_o     (st_we),
    .st_addr_o   (st_addr),
    .st_wdata_o  (st_wdata),
    .st_rdata_i  (st_rdata),
    .rb_req_o    (ne_rb_req),
    .rb_we_o     (ne_rb_we),
    .rb_addr_o   (ne_rb_addr),
    .rb_wdata_o  (ne_rb_wdata),
    .rb_rdata_i  (rb_rdata),
    .spk_valid_o (spk_valid),
    .spk_key_o   (spk_key),
    .spk_ready_i (!out_full),
    .rec_valid_o,
    .rec_idx_o,
    .rec_v_o,
    .ev_update_o (ev_update)
  );

  logic                 sy_ra_req, sy_rb_req, sy_rb_we;
  logic [DmemAddrW-1:0] sy_ra_addr, sy_rb_addr;
  logic [31:0]          sy_rb_wdata;
  logic                 ev_packet, ev_drop, ev_probe, ev_header, ev_syn, ev_wrap;

  snn_synapse_engine #(
    .MaxNeurons(MaxNeurons),
    .KeyEntries(KeyEntries),
    .DmemAddrW (DmemAddrW)
  ) u_synapse (
    .clk_i,
    .rst_ni,
    .flush_i      (halted),
    .enable_i     (mode_q == ModeIdle && !halted),
    .pkt_valid_i  (!in_empty),
    .pkt_key_i    (in_key),
    .pkt_pop_o    (in_pop),
    .step_i       (step_q[15:0]),
    .neurons_i    (neurons_q),
    .slot_mask_i  (slot_mask_q),
    .idx_bits_i   (idx_bits_q),
    .entries_i    (entries_q),
    .ring_words_i (ring_words_q),
    .syn_end_i    (syn_end_q),
    .kt_idx_o     (kt_idx),
    .kt_entry_i   (ktab_q[kt_idx]),
    .ra_req_o     (sy_ra_req),
    .ra_addr_o    (sy_ra_addr),
    .ra_rdata_i   (ra_rdata),
    .rb_req_o     (sy_rb_req),
    .rb_we_o      (sy_rb_we),
    .rb_addr_o    (sy_rb_addr),
    .rb_wdata_o   (sy_rb_wdata),
    .rb_rdata_i   (rb_rdata),
    .busy_o       (sy_busy),
    .err_o        (sy_err),
    .err_code_o   (sy_err_code),
    .err_info_o   (sy_err_info),
    .ev_packet_o  (ev_packet),
    .ev_drop_o    (ev_drop),
    .ev_probe_o   (ev_probe),
    .ev_header_o  (ev_header),
    .ev_syn_o     (ev_syn),
    .ev_wrap_o    (ev_wrap)
  );

  // ---------------------------------------------------------------------
  // Memories and their port multiplexers
  // ---------------------------------------------------------------------
  logic clearing;
  assign clearing = (mode_q == ModeClear);

  // Data SRAM port A: loader writes, synapse engine table reads.
  logic                 dm_a_req, dm_a_we;
  logic [DmemAddrW-1:0] dm_a_addr;
  assign dm_a_req  = (cfg_dmem_we && !engines_busy) || sy_ra_req;
  assign dm_a_we   = cfg_dmem_we && !engines_busy;
  assign dm_a_addr = dm_a_we ? DmemAddrW'(cfg_off) : sy_ra_addr;

  // Data SRAM port B: the ring (clear, neuron phase, synapse adds).
  logic                 dm_b_req, dm_b_we;
  logic [DmemAddrW-1:0] dm_b_addr;
  logic [31:0]          dm_b_wdata;
  logic                 clr_ring, clr_state;
  assign clr_ring  = clearing && (clr_idx_q < ring_words_q);
  assign clr_state = clearing && (32'(clr_idx_q) < 32'(neurons_q));
  always_comb begin
    if (clearing) begin
      dm_b_req   = clr_ring;
      dm_b_we    = 1'b1;
      dm_b_addr  = DmemAddrW'(clr_idx_q);
      dm_b_wdata = '0;
    end else if (ne_busy) begin
      dm_b_req   = ne_rb_req;
      dm_b_we    = ne_rb_we;
      dm_b_addr  = ne_rb_addr;
      dm_b_wdata = ne_rb_wdata;
    end else begin
      dm_b_req   = sy_rb_req;
      dm_b_we    = sy_rb_we;
      dm_b_addr  = sy_rb_addr;
      dm_b_wdata = sy_rb_wdata;
    end
  end

  snn_sram_2p #(
    .Width(32),
    .Depth(DmemWords)
  ) u_dmem (
    .clk_i,
    .a_req_i   (dm_a_req),
    .a_we_i    (dm_a_we),
    .a_addr_i  (dm_a_addr),
    .a_wdata_i (cfg_wdata_i),
    .a_rdata_o (ra_rdata),
    .b_req_i   (dm_b_req),
    .b_we_i    (dm_b_we),
    .b_addr_i  (dm_b_addr),
    .b_wdata_i (dm_b_wdata),
    .b_rdata_o (rb_rdata)
  );

  // Parameter SRAM: loader writes one lane, neuron engine reads rows.
  logic                     pm_req;
  logic [ParamLanes-1:0]    pm_we;
  logic [IdxW-1:0]          pm_addr;
  logic                     pm_load;
  assign pm_load = cfg_prm_we && !engines_busy;
  assign pm_req  = pm_load || prm_req;
  assign pm_we   = pm_load ? (ParamLanes'(1) << cfg_off[2:0]) : '0;
  assign pm_addr = pm_load ? IdxW'(cfg_off[19:3]) : prm_addr;

  snn_sram_1p #(
    .Lanes(ParamLanes),
    .LaneW(32),
    .Depth(MaxNeurons)
  ) u_params (
    .clk_i,
    .req_i   (pm_req),
    .we_i    (pm_we),
    .addr_i  (pm_addr),
    .wdata_i ({ParamLanes{cfg_wdata_i}}),
    .rdata_o (prm_rdata)
  );

  // State SRAM: v and isyn; cleared by CmdClear.
  snn_sram_1p #(
    .Lanes(2),
    .LaneW(32),
    .Depth(MaxNeurons)
  ) u_state (
    .clk_i,
    .req_i   (clr_state || st_req),
    .we_i    (clr_state ? 2'b11 : st_we),
    .addr_i  (clr_state ? IdxW'(clr_idx_q) : st_addr),
    .wdata_i (clr_state ? 64'd0 : st_wdata),
    .rdata_o (st_rdata)
  );

  // ---------------------------------------------------------------------
  // Performance counters
  // ---------------------------------------------------------------------
  logic [63:0] state_words;
  assign state_words = flags_q[FlagCuba] ? 64'd3 : 64'd2;  // v (+ isyn) + slot

  logic [63:0] inc [NumCounters];
  always_comb begin
    inc[CntNeuronUpdates]  = 64'(ev_update);
    inc[CntSynEvents]      = 64'(ev_syn);
    inc[CntSramReads]      = (ev_update ? state_words : 64'd0) + 64'(ev_syn);
    inc[CntSramWrites]     = (ev_update ? state_words : 64'd0) + 64'(ev_syn);
    inc[CntSpikesOut]      = 64'(out_push);
    inc[CntPacketsIn]      = 64'(ev_packet);
    inc[CntPacketsDropped] = 64'(ev_drop);
    inc[CntTableReads]     = 64'(ev_probe) + 64'(ev_header) + 64'(ev_update);
    inc[CntRingAddReads]   = 64'(ev_syn);
    inc[CntAccWraps]       = 64'(ev_wrap);
    inc[CntBusyCycles]     = 64'(ne_busy || sy_busy);
  end

  logic [63:0] cnt_q [NumCounters];
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      for (int unsigned c = 0; c < NumCounters; c++) cnt_q[c] <= '0;
    end else if (cmd_clear && can_accept && !halted) begin
      for (int unsigned c = 0; c < NumCounters; c++) cnt_q[c] <= '0;
    end else begin
      for (int unsigned c = 0; c < NumCounters; c++) cnt_q[c] <= cnt_q[c] + inc[c];
    end
  end
  assign counters_o = cnt_q;

  logic unused_bits;
  assign unused_bits = ^cmd_step_i[31:16] ^ ^step_q[31:16] ^ ^in_count ^ ^out_count ^
                       out_overflow;

endmodule
