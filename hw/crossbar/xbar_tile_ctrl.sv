//===- xbar_tile_ctrl.sv - Word lines, tile reads and partial sums --------===//
//
// The tile controller of one unit (a population slice and the tiles whose
// columns it integrates). Between neuron phases it takes spike packets
// from the input FIFO and matches each against every entry of its tile
// table at once (a CAM of row ranges): each tile whose row range holds the
// packet gets that row's word line driven (an event on the row port, which
// the behavioural analog array latches), one tile per cycle, and counts
// the row.
// On CmdRead it reads every tile with driven rows: it starts the read
// pulse, waits read_cycles for the array to settle and the SAR ADCs to
// resolve, then takes the column samples one per cycle through the
// digital half of the ADC (xbar_adc_if) and adds code x m_q into the int64
// ring word of each target neuron in slot (step + the tile's delay). The
// row counts of a tile are cleared when it has been read.
// A digital tile (a readout block held as int16 weights in the unit's
// digital memory) has no array: a packet appends its local row to the
// tile's active-row list in that memory instead of driving a word line,
// and its read sums, per column, the weights of the listed rows, one
// weight per cycle (list word, then weight word, then add: a three-stage
// pipeline over the memory's two ports), then adds code x m_q into the
// ring as the ADC path does. A read of n rows x c columns takes n * c
// cycles and 5 more (select, three to drain the pipeline, next select).
//
//===----------------------------------------------------------------------===//

module xbar_tile_ctrl
  import xbar_pkg::*;
#(
  parameter int unsigned MaxTiles      = 128,
  parameter int unsigned MaxNeurons    = 1024,
  parameter int unsigned RingAddrW     = 13,
  parameter int unsigned DigitalWords  = 65536,
  // Test only: a truncating ADC (xbar_adc_if).
  parameter bit          TruncRounding = 1'b0,
  localparam int unsigned TileW = $clog2(MaxTiles),
  localparam int unsigned TCntW = $clog2(MaxTiles + 1),
  localparam int unsigned NCntW = $clog2(MaxNeurons + 1),
  localparam int unsigned DmemAddrW = $clog2(DigitalWords)
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,
  // input port: configuration
  input  logic                 tile_we_i,
  input  logic [TileW-1:0]     tile_idx_i,
  input  logic [2:0]           tile_lane_i,
  input  logic [31:0]          tile_wdata_i,
  input  logic                 clr_i,        // abandon any read
  input  logic                 clr_we_i,     // forget tile clr_idx_i's rows
  input  logic [31:0]          clr_idx_i,
  input  logic                 halt_i,       // the unit has an error
  input  logic [TCntW-1:0]     tiles_i,
  input  logic [NCntW-1:0]     neurons_i,
  input  logic [15:0]          slot_mask_i,
  input  logic [4:0]           adc_bits_i,
  input  logic [15:0]          read_cycles_i,
  // packets from the input FIFO
  input  logic                 pkt_empty_i,
  input  logic [31:0]          pkt_i,
  output logic                 pkt_pop_o,
  // read command
  input  logic                 read_i,
  input  logic [31:0]          step_i,
  // ring port (read: one cycle latency)
  output logic                 ring_re_o,
  output logic [RingAddrW-1:0] ring_raddr_o,
  input  logic [63:0]          ring_rdata_i,
  output logic                 ring_we_o,
  output logic [RingAddrW-1:0] ring_waddr_o,
  output logic [63:0]          ring_wdata_o,
  // the digital memory: weights on port A (read: one cycle latency),
  // active-row lists on port B
  output logic                 dmem_re_o,
  output logic [DmemAddrW-1:0] dmem_raddr_o,
  input  logic [15:0]          dmem_rdata_i,
  output logic                 dlist_req_o,
  output logic                 dlist_we_o,
  output logic [DmemAddrW-1:0] dlist_addr_o,
  output logic [15:0]          dlist_wdata_o,
  input  logic [15:0]          dlist_rdata_i,
  // the analog array: word lines, read pulse, column samples
  output logic                 row_valid_o,
  output logic [15:0]          row_tile_o,
  output logic [15:0]          row_o,
  output logic                 read_start_o,
  output logic [15:0]          read_tile_o,
  output logic                 adc_req_o,
  output logic [15:0]          adc_col_o,
  input  logic [SampleW-1:0]   adc_sample_i,
  // output port: events and errors
  output logic                 busy_o,
  output logic                 row_drive_o,
  output logic                 tile_read_o,
  output logic [31:0]          cells_o,      // cells of the tile read
  output logic                 digital_read_o, // a digital weight added
  output logic                 conversion_o,
  output logic                 saturation_o,
  output err_e                 err_o,
  output logic [31:0]          err_info_o
);

  typedef enum logic [2:0] {
    TIdle, TScan, TSelect, TSettle, TConvert, TDrain, TDigital, TDigDrain
  } tile_state_e;

  // Tile table (one register per lane and entry) and driven-row counts.
  logic [31:0] row_key_q   [MaxTiles];
  logic [15:0] row_count_q [MaxTiles];
  logic [15:0] col_first_q [MaxTiles];
  logic [15:0] cols_q      [MaxTiles];
  logic [15:0] delay_q     [MaxTiles];
  logic [31:0] mult_q      [MaxTiles];
  logic [15:0] tile_id_q   [MaxTiles];
  logic        dig_q       [MaxTiles];
  logic [30:0] dbase_q     [MaxTiles];
  logic [15:0] rows_q      [MaxTiles];

  tile_state_e          state_q;
  logic [TileW-1:0]     k_q;
  logic [31:0]          pkt_q, step_q;
  logic [15:0]          col_q, wait_q;
  logic [RingAddrW-1:0] base_q;
  // Accumulation stage: the product of the previous column and its word.
  logic                 acc_valid_q;
  logic [RingAddrW-1:0] acc_addr_q;
  logic signed [63:0]   acc_prod_q;
  logic                 row_valid_q, read_start_q, dig_start_q;
  // Digital read: the list entry issued (di_q) and the pipeline behind it:
  // stage 1 has the row from the list, stage 2 the weight; each carries
  // its column and whether it is the column's first and last row.
  logic [15:0]          di_q;
  logic                 s1_valid_q, s1_first_q, s1_last_q;
  logic                 s2_valid_q, s2_first_q, s2_last_q;
  logic [15:0]          s1_col_q, s2_col_q;
  logic signed [31:0]   dacc_q;
  logic [15:0]          row_tile_q, row_q;
  err_e                 err_q;
  logic [31:0]          err_info_q;

  // The matches of a packet: every entry at once, taken in the cycle the
  // packet is popped and kept; word lines are then driven lowest entry
  // first, one per cycle.
  logic [MaxTiles-1:0] hits_q;
  logic [TileW-1:0]    first_hit;
  logic [15:0]         row_local;

  // The entries holding packet `pkt` ({mask, lowest entry}), in one pass.
  typedef struct packed {
    logic [MaxTiles-1:0] mask;
    logic [TileW-1:0]    first;
  } match_t;

  function automatic match_t match_of(input logic [31:0] pkt);
    match_t m;
    m = '0;
    for (int t = MaxTiles - 1; t >= 0; t--) begin
      if ((TCntW'(t) < tiles_i) && ((pkt - row_key_q[t]) < 32'(row_count_q[t]))) begin
        m.mask[t] = 1'b1;
        m.first   = TileW'(t);
      end
    end
    return m;
  endfunction

  function automatic logic [TileW-1:0] lowest(input logic [MaxTiles-1:0] v);
    logic [TileW-1:0] k;
    k = '0;
    for (int t = MaxTiles - 1; t >= 0; t--) begin
      if (v[t]) k = TileW'(t);
    end
    return k;
  endfunction

  function automatic logic [MaxTiles-1:0] without(input logic [MaxTiles-1:0] v,
                                                  input logic [TileW-1:0]    k);
    logic [MaxTiles-1:0] r;
    r    = v;
    r[k] = 1'b0;
    return r;
  endfunction

  // A digital tile's list and weights lie inside the digital memory: an
  // out-of-range entry is refused rather than wrapped onto another tile.
  function automatic logic dig_fits(input logic [TileW-1:0] t);
    logic [33:0] last;
    last = 34'(dbase_q[t]) + 34'(row_count_q[t]) +
           34'(row_count_q[t]) * 34'(cols_q[t]);
    return last <= 34'(DigitalWords);
  endfunction

  logic [MaxTiles-1:0] hits_rest;
  assign hits_rest = without(hits_q, first_hit);

  assign row_local = 16'(pkt_q - row_key_q[first_hit]);

  // Where the entry's columns land: slot (step + delay) of its neurons.
  logic [15:0] slot;
  logic [31:0] slot_base;
  logic [16:0] col_end;
  logic        unused_slot_base;
  assign unused_slot_base = ^slot_base[31:RingAddrW];
  assign slot      = 16'(step_q + 32'(delay_q[k_q])) & slot_mask_i;
  assign slot_base = 32'(slot) * 32'(neurons_i) + 32'(col_first_q[k_q]);
  assign col_end   = 17'(col_first_q[k_q]) + 17'(cols_q[k_q]);

  // The digital half of the ADC on the sample of this cycle's column.
  logic [CodeW-1:0] code;
  logic             saturated;
  xbar_adc_if #(
    .TruncRounding(TruncRounding)
  ) u_adc (
    .sample_i    (adc_sample_i),
    .adc_bits_i  (adc_bits_i),
    .code_o      (code),
    .saturated_o (saturated)
  );

  logic converting;
  assign converting = (state_q == TConvert);

  // Digital path: list reads issued, list appends, the weight's address
  // (base + list + row * cols + column) and the column sums.
  logic        dig_issue, dig_append, dig_flush, dig_done, scan_fits, read_fits;
  logic [31:0] list_addr, append_addr, weight_addr;
  logic signed [31:0] dig_sum;
  logic        unused_dmem_addr;
  assign scan_fits   = dig_fits(first_hit);
  assign read_fits   = dig_fits(k_q);
  assign dig_issue   = (state_q == TDigital) && !clr_i && !halt_i;
  assign dig_append  = (state_q == TScan) && (hits_q != '0) && dig_q[first_hit] &&
                       (rows_q[first_hit] < row_count_q[first_hit]) &&
                       scan_fits && !clr_i && !halt_i;
  assign dig_flush   = s2_valid_q && s2_last_q;
  assign dig_done    = (state_q == TDigDrain) && !s1_valid_q && !s2_valid_q;
  assign list_addr   = 32'(dbase_q[k_q]) + 32'(di_q);
  assign append_addr = 32'(dbase_q[first_hit]) + 32'(rows_q[first_hit]);
  assign weight_addr = 32'(dbase_q[k_q]) + 32'(row_count_q[k_q]) +
                       32'(dlist_rdata_i) * 32'(cols_q[k_q]) + 32'(s1_col_q);
  assign dig_sum     = (s2_first_q ? 32'sd0 : dacc_q) + 32'($signed(dmem_rdata_i));
  assign unused_dmem_addr = ^{list_addr[31:DmemAddrW], append_addr[31:DmemAddrW],
                              weight_addr[31:DmemAddrW]};

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q      <= TIdle;
      k_q          <= '0;
      pkt_q        <= '0;
      hits_q       <= '0;
      first_hit    <= '0;
      step_q       <= '0;
      col_q        <= '0;
      wait_q       <= '0;
      base_q       <= '0;
      acc_valid_q  <= 1'b0;
      acc_addr_q   <= '0;
      acc_prod_q   <= '0;
      row_valid_q  <= 1'b0;
      row_tile_q   <= '0;
      row_q        <= '0;
      read_start_q <= 1'b0;
      dig_start_q  <= 1'b0;
      di_q         <= '0;
      s1_valid_q   <= 1'b0;
      s1_first_q   <= 1'b0;
      s1_last_q    <= 1'b0;
      s1_col_q     <= '0;
      s2_valid_q   <= 1'b0;
      s2_first_q   <= 1'b0;
      s2_last_q    <= 1'b0;
      s2_col_q     <= '0;
      dacc_q       <= '0;
      err_q        <= ErrNone;
      err_info_q   <= '0;
    end else begin
      row_valid_q  <= 1'b0;
      read_start_q <= 1'b0;
      dig_start_q  <= 1'b0;
      // The ring takes a converted column, or a digital column's sum once
      // its last row's weight is in.
      acc_valid_q  <= converting || dig_flush;
      acc_addr_q   <= base_q + RingAddrW'(dig_flush ? s2_col_q : col_q);
      acc_prod_q   <= dig_flush ? 64'(dig_sum) * 64'($signed(mult_q[k_q]))
                                : 64'($signed(code)) * 64'($signed(mult_q[k_q]));
      s1_valid_q   <= dig_issue;
      s1_col_q     <= col_q;
      s1_first_q   <= (di_q == '0);
      s1_last_q    <= (di_q + 1'b1 == rows_q[k_q]);
      s2_valid_q   <= s1_valid_q && !clr_i && !halt_i;
      s2_col_q     <= s1_col_q;
      s2_first_q   <= s1_first_q;
      s2_last_q    <= s1_last_q;
      if (s2_valid_q) dacc_q <= dig_sum;
      if (clr_i || halt_i) begin
        state_q     <= TIdle;
        acc_valid_q <= 1'b0;
      end else begin
        unique case (state_q)
          TIdle: begin
            if (read_i) begin
              step_q  <= step_i;
              k_q     <= '0;
              state_q <= TSelect;
            end else if (!pkt_empty_i) begin
              // The comparators work only in the cycle a packet is popped.
              pkt_q               <= pkt_i;
              {hits_q, first_hit} <= match_of(pkt_i);
              state_q             <= TScan;
            end
          end
          TScan: begin
            if (hits_q == '0) begin
              // A packet no tile holds is dropped.
              state_q <= TIdle;
            end else begin
              // A digital tile's row goes to its list (dig_append), not
              // to a word line.
              row_valid_q <= !dig_q[first_hit];
              row_tile_q  <= tile_id_q[first_hit];
              row_q       <= row_local;
              if (rows_q[first_hit] >= row_count_q[first_hit]) begin
                err_q      <= ErrRowCount;
                err_info_q <= 32'(first_hit);
              end else if (dig_q[first_hit] && !scan_fits) begin
                err_q      <= ErrDigital;
                err_info_q <= 32'(first_hit);
              end
              hits_q    <= hits_rest;
              first_hit <= lowest(hits_rest);
              if (hits_rest == '0) state_q <= TIdle;
            end
          end
          TSelect: begin
            if (TCntW'(k_q) >= tiles_i) begin
              state_q <= TIdle;
            end else if (rows_q[k_q] == '0) begin
              k_q <= k_q + 1'b1;
            end else if (delay_q[k_q] == '0 || delay_q[k_q] > slot_mask_i) begin
              err_q      <= ErrDelay;
              err_info_q <= {16'(k_q), delay_q[k_q]};
            end else if (cols_q[k_q] == '0 || col_end > 17'(neurons_i)) begin
              err_q      <= ErrColumns;
              err_info_q <= {16'(k_q), cols_q[k_q]};
            end else if (dig_q[k_q] && !read_fits) begin
              err_q      <= ErrDigital;
              err_info_q <= 32'(k_q);
            end else if (dig_q[k_q]) begin
              dig_start_q <= 1'b1;
              base_q      <= RingAddrW'(slot_base);
              col_q       <= '0;
              di_q        <= '0;
              state_q     <= TDigital;
            end else begin
              read_start_q <= 1'b1;
              base_q       <= RingAddrW'(slot_base);
              col_q        <= '0;
              wait_q       <= (read_cycles_i == '0) ? 16'd1 : read_cycles_i;
              state_q      <= TSettle;
            end
          end
          TSettle: begin
            wait_q <= wait_q - 1'b1;
            if (wait_q == 16'd1) state_q <= TConvert;
          end
          TConvert: begin
            col_q <= col_q + 1'b1;
            if (col_q + 1'b1 == cols_q[k_q]) state_q <= TDrain;
          end
          TDrain: begin
            k_q     <= k_q + 1'b1;
            state_q <= TSelect;
          end
          TDigital: begin
            // One list word per cycle: rows innermost, then columns.
            if (di_q + 1'b1 == rows_q[k_q]) begin
              di_q  <= '0;
              col_q <= col_q + 1'b1;
              if (col_q + 1'b1 == cols_q[k_q]) state_q <= TDigDrain;
            end else begin
              di_q <= di_q + 1'b1;
            end
          end
          TDigDrain: begin
            // The last column's weight and sum leave the pipeline.
            if (dig_done) begin
              k_q     <= k_q + 1'b1;
              state_q <= TSelect;
            end
          end
          default: state_q <= TIdle;
        endcase
      end
    end
  end

  // The table is written by configuration; driven-row counts rise with
  // each matching packet and fall to zero once the tile is read.
  always_ff @(posedge clk_i) begin
    if (tile_we_i) begin
      unique case (tile_lane_i)
        3'(LaneRowKey):   row_key_q[tile_idx_i]   <= tile_wdata_i;
        3'(LaneRowCount): row_count_q[tile_idx_i] <= tile_wdata_i[15:0];
        3'(LaneColFirst): col_first_q[tile_idx_i] <= tile_wdata_i[15:0];
        3'(LaneCols):     cols_q[tile_idx_i]      <= tile_wdata_i[15:0];
        3'(LaneDelay):    delay_q[tile_idx_i]     <= tile_wdata_i[15:0];
        3'(LaneMult):     mult_q[tile_idx_i]      <= tile_wdata_i;
        3'(LaneTileId):   tile_id_q[tile_idx_i]   <= tile_wdata_i[15:0];
        3'(LaneDigital): begin
          dig_q[tile_idx_i]   <= tile_wdata_i[31];
          dbase_q[tile_idx_i] <= tile_wdata_i[30:0];
        end
        default: ;
      endcase
    end
    if (clr_we_i && clr_idx_i < 32'(MaxTiles)) begin
      rows_q[clr_idx_i[TileW-1:0]] <= '0;
    end else if (state_q == TScan && hits_q != '0) begin
      rows_q[first_hit] <= rows_q[first_hit] + 1'b1;
    end else if (state_q == TDrain || dig_done) begin
      rows_q[k_q] <= '0;
    end
  end

  assign pkt_pop_o    = (state_q == TIdle) && !clr_i && !halt_i && !read_i &&
                        !pkt_empty_i;
  assign ring_re_o    = converting || dig_flush;
  assign ring_raddr_o = base_q + RingAddrW'(dig_flush ? s2_col_q : col_q);
  assign ring_we_o    = acc_valid_q;
  assign ring_waddr_o = acc_addr_q;
  assign ring_wdata_o = ring_rdata_i + acc_prod_q;

  assign row_valid_o  = row_valid_q;
  assign row_tile_o   = row_tile_q;
  assign row_o        = row_q;
  assign read_start_o = read_start_q;
  assign read_tile_o  = tile_id_q[k_q];
  assign adc_req_o    = converting;
  assign adc_col_o    = col_q;

  assign dmem_re_o     = s1_valid_q;
  assign dmem_raddr_o  = DmemAddrW'(weight_addr);
  assign dlist_req_o   = dig_issue || dig_append;
  assign dlist_we_o    = dig_append;
  assign dlist_addr_o  = DmemAddrW'(dig_append ? append_addr : list_addr);
  assign dlist_wdata_o = row_local;

  // An error counts as busy until the unit has latched it and halts, so
  // that one raised in the last cycle of a packet is not lost to an idle
  // unit.
  assign busy_o       = (state_q != TIdle) || acc_valid_q || (err_q != ErrNone);
  assign row_drive_o  = (state_q == TScan) && (hits_q != '0) && !dig_q[first_hit] &&
                        !clr_i && !halt_i;
  assign tile_read_o  = read_start_q || dig_start_q;
  assign cells_o      = 32'(rows_q[k_q]) * 32'(cols_q[k_q]);
  assign conversion_o = converting && !clr_i && !halt_i;
  assign saturation_o = converting && saturated && !clr_i && !halt_i;
  assign digital_read_o = s2_valid_q && !clr_i && !halt_i;
  assign err_o        = err_q;
  assign err_info_o   = err_info_q;

endmodule
