//===- xbar_unit.sv - One crossbar unit: a slice's tiles and periphery ----===//
//
// The digital part of a crossbar unit, for one population slice and the
// tiles whose columns it integrates (docs/crossbar.md): a configuration bus
// that loads registers, the tile table and neuron parameters; an input
// FIFO of spike packets; the tile controller (word lines, reads, the ADC's
// digital half, partial sums into the ring, xbar_tile_ctrl); the neuron
// periphery with spike packetisation (xbar_periphery); the int64 ring of
// partial sums (dual port: neuron phase or accumulation); the digital
// memory of the unit's digital (readout) tiles, their int16 weights and
// active-row lists (dual port: weights and lists read together, so a
// digital read adds one weight per cycle); counters of every event the
// energy model prices; and a sticky error code that halts the unit. The analog array is not here: the driver's behavioural model
// latches the word lines of the row port and answers the ADC port with
// column samples.
//
//===----------------------------------------------------------------------===//

module xbar_unit
  import xbar_pkg::*;
#(
  parameter int unsigned MaxNeurons  = 1024,
  parameter int unsigned MaxTiles    = 128,
  parameter int unsigned RingWords   = 8192,
  parameter int unsigned FifoDepth   = 64,
  // 16-bit words of the digital memory (at most 2^20: RegionDigital).
  parameter int unsigned DigitalWords = 65536,
  // Test only: a truncating ADC instead of rounding half away from zero.
  parameter bit          TruncAdc    = 1'b0,
  localparam int unsigned IdxW      = $clog2(MaxNeurons),
  localparam int unsigned NCntW     = $clog2(MaxNeurons + 1),
  localparam int unsigned TileW     = $clog2(MaxTiles),
  localparam int unsigned TCntW     = $clog2(MaxTiles + 1),
  localparam int unsigned RingAddrW = $clog2(RingWords),
  localparam int unsigned DmemAddrW = $clog2(DigitalWords),
  // The clear command walks the ring, the neuron states and the tiles.
  localparam int unsigned ClearWords = (RingWords > MaxNeurons) ?
      ((RingWords > MaxTiles) ? RingWords : MaxTiles) :
      ((MaxNeurons > MaxTiles) ? MaxNeurons : MaxTiles),
  localparam int unsigned ClearW = $clog2(ClearWords + 1)
) (
  input  logic                clk_i,
  input  logic                rst_ni,
  // configuration bus (write only)
  input  logic                cfg_we_i,
  input  logic [CfgAddrW-1:0] cfg_addr_i,
  input  logic [31:0]         cfg_wdata_i,
  // commands
  input  logic                cmd_valid_i,
  input  cmd_e                cmd_i,
  input  logic [31:0]         cmd_step_i,
  output logic                busy_o,
  // incoming packets: push only when pkt_in_full_o is low
  input  logic                pkt_in_push_i,
  input  logic [31:0]         pkt_in_key_i,
  output logic                pkt_in_full_o,
  // outgoing spike packets and readout values
  output logic                spike_valid_o,
  output logic [31:0]         spike_key_o,
  output logic                rec_valid_o,
  output logic [IdxW-1:0]     rec_idx_o,
  output logic [31:0]         rec_v_o,
  // the analog array
  output logic                row_valid_o,
  output logic [15:0]         row_tile_o,
  output logic [15:0]         row_o,
  output logic                read_start_o,
  output logic [15:0]         read_tile_o,
  output logic                adc_req_o,
  output logic [15:0]         adc_col_o,
  input  logic [SampleW-1:0]  adc_sample_i,
  // status
  output err_e                err_code_o,
  output logic [31:0]         err_info_o,
  output logic [63:0]         counters_o [NumCounters]
);

  ///////////////////////////////
  // Registers and error latch //
  ///////////////////////////////

  typedef enum logic [0:0] {ModeIdle, ModeClear} mode_e;

  mode_e                mode_q;
  logic [NCntW-1:0]     neurons_q;
  logic [2:0]           flags_q;
  logic [31:0]          key_base_q;
  logic [15:0]          slot_mask_q, read_cycles_q;
  logic [TCntW-1:0]     tiles_q;
  logic [4:0]           adc_bits_q;
  logic [ClearW-1:0]    clr_idx_q;
  err_e                 err_q;
  logic [31:0]          err_info_q;
  logic [63:0]          cnt_q [NumCounters];

  logic halted, per_busy, tile_busy, in_empty;
  assign halted     = (err_q != ErrNone);
  assign err_code_o = err_q;
  assign err_info_o = err_info_q;
  assign busy_o     = !halted && (mode_q != ModeIdle || per_busy || tile_busy || !in_empty);

  // Configuration decode.
  logic [3:0]  region;
  logic [19:0] offset;
  logic [16:0] entry;
  logic [2:0]  lane;
  assign region = cfg_addr_i[23:20];
  assign offset = cfg_addr_i[19:0];
  assign entry  = offset[19:3];
  assign lane   = offset[2:0];

  logic cfg_in_map, cfg_bad_value;
  always_comb begin
    unique case (region)
      RegionRegs:   cfg_in_map = (offset < 20'(NumRegs));
      RegionTiles:  cfg_in_map = (entry < 17'(MaxTiles)) && (32'(lane) < NumTileLanes);
      RegionParams: cfg_in_map = (entry < 17'(MaxNeurons));
      RegionDigital: cfg_in_map = (32'(offset) < DigitalWords);
      default:      cfg_in_map = 1'b0;
    endcase
    cfg_bad_value = 1'b0;
    if (region == RegionRegs) begin
      unique case (offset[7:0])
        RegNeurons:    cfg_bad_value = (cfg_wdata_i > 32'(MaxNeurons));
        RegTiles:      cfg_bad_value = (cfg_wdata_i > 32'(MaxTiles));
        RegSlotMask:   cfg_bad_value = (cfg_wdata_i > 32'hFFFF) ||
                                       ((cfg_wdata_i & (cfg_wdata_i + 1)) != '0);
        RegAdcBits:    cfg_bad_value = (cfg_wdata_i == '0) || (cfg_wdata_i > 32'd16);
        RegReadCycles: cfg_bad_value = (cfg_wdata_i > 32'hFFFF);
        default:       cfg_bad_value = 1'b0;
      endcase
    end
  end

  // The ring must hold every slot of every neuron.
  logic [31:0] ring_need;
  logic        ring_fits;
  assign ring_need = (32'(slot_mask_q) + 1) * 32'(neurons_q);
  assign ring_fits = (ring_need <= 32'(RingWords));

  logic cfg_ok, cmd_ok;
  assign cfg_ok = cfg_we_i && !halted && !busy_o && cfg_in_map && !cfg_bad_value;
  assign cmd_ok = cmd_valid_i && !halted && !busy_o && cmd_i != CmdNone &&
                  (cmd_i == CmdClear || ring_fits);

  err_e        tile_err;
  logic [31:0] tile_err_info;
  logic        in_overflow;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      err_q      <= ErrNone;
      err_info_q <= '0;
    end else if (!halted) begin
      if (cfg_we_i && busy_o) begin
        err_q      <= ErrBusy;
        err_info_q <= 32'(cfg_addr_i);
      end else if (cfg_we_i && !cfg_in_map) begin
        err_q      <= ErrCfgAddr;
        err_info_q <= 32'(cfg_addr_i);
      end else if (cfg_we_i && cfg_bad_value) begin
        err_q      <= ErrConfig;
        err_info_q <= 32'(cfg_addr_i);
      end else if (cmd_valid_i && cmd_i != CmdNone && busy_o) begin
        err_q      <= ErrBusy;
        err_info_q <= 32'(cmd_i);
      end else if (cmd_valid_i && cmd_i != CmdNone && cmd_i != CmdClear && !ring_fits) begin
        err_q      <= ErrConfig;
        err_info_q <= ring_need;
      end else if (in_overflow) begin
        err_q      <= ErrFifoOverflow;
        err_info_q <= pkt_in_key_i;
      end else if (tile_err != ErrNone) begin
        err_q      <= tile_err;
        err_info_q <= tile_err_info;
      end
    end
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      neurons_q     <= '0;
      flags_q       <= '0;
      key_base_q    <= '0;
      slot_mask_q   <= '0;
      tiles_q       <= '0;
      adc_bits_q    <= 5'd1;
      read_cycles_q <= '0;
    end else if (cfg_ok && region == RegionRegs) begin
      unique case (offset[7:0])
        RegNeurons:    neurons_q     <= NCntW'(cfg_wdata_i);
        RegFlags:      flags_q       <= cfg_wdata_i[2:0];
        RegKeyBase:    key_base_q    <= cfg_wdata_i;
        RegSlotMask:   slot_mask_q   <= cfg_wdata_i[15:0];
        RegTiles:      tiles_q       <= TCntW'(cfg_wdata_i);
        RegAdcBits:    adc_bits_q    <= cfg_wdata_i[4:0];
        RegReadCycles: read_cycles_q <= cfg_wdata_i[15:0];
        default: ;
      endcase
    end
  end

  ///////////////////
  // Clear command //
  ///////////////////

  logic clr_start, clearing;
  assign clr_start = cmd_ok && cmd_i == CmdClear;
  assign clearing  = (mode_q == ModeClear);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      mode_q    <= ModeIdle;
      clr_idx_q <= '0;
    end else if (clr_start) begin
      mode_q    <= ModeClear;
      clr_idx_q <= '0;
    end else if (clearing) begin
      clr_idx_q <= clr_idx_q + 1'b1;
      if (clr_idx_q + 1'b1 == ClearW'(ClearWords)) mode_q <= ModeIdle;
    end
  end

  ////////////////
  // Input FIFO //
  ////////////////

  logic        pkt_pop;
  logic [31:0] pkt_head;
  logic [$clog2(FifoDepth+1)-1:0] in_count;
  snn_fifo #(
    .Width (32),
    .Depth (FifoDepth)
  ) u_in_fifo (
    .clk_i,
    .rst_ni,
    .clr_i      (clr_start),
    .push_i     (pkt_in_push_i && !halted),
    .wdata_i    (pkt_in_key_i),
    .full_o     (pkt_in_full_o),
    .overflow_o (in_overflow),
    .pop_i      (pkt_pop),
    .rdata_o    (pkt_head),
    .empty_o    (in_empty),
    .count_o    (in_count)
  );
  logic unused_in_count;
  assign unused_in_count = ^in_count;

  //////////
  // Ring //
  //////////

  logic                 p_re, p_we, t_re, t_we;
  logic [RingAddrW-1:0] p_raddr, p_waddr, t_raddr, t_waddr;
  logic [63:0]          p_wdata, t_wdata, ring_rdata, ring_b_rdata;
  logic                 ring_clear;
  assign ring_clear = clearing && (32'(clr_idx_q) < RingWords);

  snn_sram_2p #(
    .Width (64),
    .Depth (RingWords)
  ) u_ring (
    .clk_i,
    .a_req_i   (p_re || t_re),
    .a_we_i    (1'b0),
    .a_addr_i  (p_re ? p_raddr : t_raddr),
    .a_wdata_i ('0),
    .a_rdata_o (ring_rdata),
    .b_req_i   (ring_clear || p_we || t_we),
    .b_we_i    (1'b1),
    .b_addr_i  (ring_clear ? RingAddrW'(clr_idx_q) : (p_we ? p_waddr : t_waddr)),
    .b_wdata_i (ring_clear ? 64'd0 : (p_we ? p_wdata : t_wdata)),
    .b_rdata_o (ring_b_rdata)
  );
  logic unused_ring_b;
  assign unused_ring_b = ^ring_b_rdata;

  ////////////////////
  // Digital memory //
  ////////////////////

  // Port A: the weights a digital read adds. Port B: configuration writes
  // (weights, while the unit is idle) and the tile controller's list
  // appends and reads (only while it is busy), so they never collide.
  logic                 dmem_re, dlist_req, dlist_we, dmem_cfg_we;
  logic [DmemAddrW-1:0] dmem_raddr, dlist_addr;
  logic [15:0]          dmem_rdata, dlist_wdata, dlist_rdata;
  assign dmem_cfg_we = cfg_ok && region == RegionDigital;

  snn_sram_2p #(
    .Width (16),
    .Depth (DigitalWords)
  ) u_dmem (
    .clk_i,
    .a_req_i   (dmem_re),
    .a_we_i    (1'b0),
    .a_addr_i  (dmem_raddr),
    .a_wdata_i ('0),
    .a_rdata_o (dmem_rdata),
    .b_req_i   (dmem_cfg_we || dlist_req),
    .b_we_i    (dmem_cfg_we || dlist_we),
    .b_addr_i  (dmem_cfg_we ? DmemAddrW'(offset) : dlist_addr),
    .b_wdata_i (dmem_cfg_we ? cfg_wdata_i[15:0] : dlist_wdata),
    .b_rdata_o (dlist_rdata)
  );

  //////////////////////////////////////
  // Neuron periphery and tile control //
  //////////////////////////////////////

  logic                 neuron_start, read_start;
  logic [31:0]          slot_base;
  logic                 upd, tile_read, row_drive, conversion, saturation;
  logic                 digital_read;
  logic [31:0]          cells;
  assign neuron_start = cmd_ok && cmd_i == CmdNeuron;
  assign read_start   = cmd_ok && cmd_i == CmdRead;
  logic [15:0]          step_slot;
  assign step_slot    = cmd_step_i[15:0] & slot_mask_q;
  assign slot_base    = 32'(step_slot) * 32'(neurons_q);
  logic unused_slot_base;
  assign unused_slot_base = ^slot_base[31:RingAddrW];

  xbar_periphery #(
    .MaxNeurons (MaxNeurons),
    .RingAddrW  (RingAddrW)
  ) u_periphery (
    .clk_i,
    .rst_ni,
    .param_we_i    (cfg_ok && region == RegionParams),
    .param_idx_i   (entry[IdxW-1:0]),
    .param_lane_i  (lane),
    .param_wdata_i (cfg_wdata_i),
    .clr_i         (clr_start),
    .clr_we_i      (clearing),
    .clr_idx_i     (32'(clr_idx_q)),
    .neurons_i     (neurons_q),
    .cuba_i        (flags_q[FlagCuba]),
    .spiking_i     (flags_q[FlagSpiking]),
    .record_i      (flags_q[FlagRecord]),
    .key_base_i    (key_base_q),
    .start_i       (neuron_start),
    .slot_base_i   (RingAddrW'(slot_base)),
    .ring_re_o     (p_re),
    .ring_raddr_o  (p_raddr),
    .ring_rdata_i  (ring_rdata),
    .ring_we_o     (p_we),
    .ring_waddr_o  (p_waddr),
    .ring_wdata_o  (p_wdata),
    .busy_o        (per_busy),
    .update_o      (upd),
    .spike_valid_o (spike_valid_o),
    .spike_key_o   (spike_key_o),
    .rec_valid_o   (rec_valid_o),
    .rec_idx_o     (rec_idx_o),
    .rec_v_o       (rec_v_o)
  );

  xbar_tile_ctrl #(
    .MaxTiles      (MaxTiles),
    .MaxNeurons    (MaxNeurons),
    .RingAddrW     (RingAddrW),
    .DigitalWords  (DigitalWords),
    .TruncRounding (TruncAdc)
  ) u_tiles (
    .clk_i,
    .rst_ni,
    .tile_we_i     (cfg_ok && region == RegionTiles),
    .tile_idx_i    (entry[TileW-1:0]),
    .tile_lane_i   (lane),
    .tile_wdata_i  (cfg_wdata_i),
    .clr_i         (clr_start),
    .clr_we_i      (clearing),
    .clr_idx_i     (32'(clr_idx_q)),
    .halt_i        (halted),
    .tiles_i       (tiles_q),
    .neurons_i     (neurons_q),
    .slot_mask_i   (slot_mask_q),
    .adc_bits_i    (adc_bits_q),
    .read_cycles_i (read_cycles_q),
    .pkt_empty_i   (in_empty),
    .pkt_i         (pkt_head),
    .pkt_pop_o     (pkt_pop),
    .read_i        (read_start),
    .step_i        (cmd_step_i),
    .ring_re_o     (t_re),
    .ring_raddr_o  (t_raddr),
    .ring_rdata_i  (ring_rdata),
    .ring_we_o     (t_we),
    .ring_waddr_o  (t_waddr),
    .ring_wdata_o  (t_wdata),
    .dmem_re_o     (dmem_re),
    .dmem_raddr_o  (dmem_raddr),
    .dmem_rdata_i  (dmem_rdata),
    .dlist_req_o   (dlist_req),
    .dlist_we_o    (dlist_we),
    .dlist_addr_o  (dlist_addr),
    .dlist_wdata_o (dlist_wdata),
    .dlist_rdata_i (dlist_rdata),
    .row_valid_o   (row_valid_o),
    .row_tile_o    (row_tile_o),
    .row_o         (row_o),
    .read_start_o  (read_start_o),
    .read_tile_o   (read_tile_o),
    .adc_req_o     (adc_req_o),
    .adc_col_o     (adc_col_o),
    .adc_sample_i  (adc_sample_i),
    .busy_o        (tile_busy),
    .row_drive_o   (row_drive),
    .tile_read_o   (tile_read),
    .cells_o       (cells),
    .digital_read_o (digital_read),
    .conversion_o  (conversion),
    .saturation_o  (saturation),
    .err_o         (tile_err),
    .err_info_o    (tile_err_info)
  );

  //////////////
  // Counters //
  //////////////

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      for (int unsigned c = 0; c < NumCounters; c++) cnt_q[c] <= '0;
    end else if (clr_start) begin
      for (int unsigned c = 0; c < NumCounters; c++) cnt_q[c] <= '0;
    end else begin
      cnt_q[CntNeuronUpdates] <= cnt_q[CntNeuronUpdates] + 64'(upd);
      cnt_q[CntRowDrives]     <= cnt_q[CntRowDrives] + 64'(row_drive);
      cnt_q[CntCellReads]     <= cnt_q[CntCellReads] + (tile_read ? 64'(cells) : 64'd0);
      cnt_q[CntConversions]   <= cnt_q[CntConversions] + 64'(conversion);
      cnt_q[CntSaturations]   <= cnt_q[CntSaturations] + 64'(saturation);
      cnt_q[CntPacketsIn]     <= cnt_q[CntPacketsIn] + 64'(pkt_pop);
      cnt_q[CntSpikesOut]     <= cnt_q[CntSpikesOut] + 64'(spike_valid_o);
      cnt_q[CntTileReads]     <= cnt_q[CntTileReads] + 64'(tile_read);
      cnt_q[CntBusyCycles]    <= cnt_q[CntBusyCycles] + 64'(busy_o);
      cnt_q[CntDigitalReads]  <= cnt_q[CntDigitalReads] + 64'(digital_read);
    end
  end
  assign counters_o = cnt_q;

endmodule
