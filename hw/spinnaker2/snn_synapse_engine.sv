//===- snn_synapse_engine.sv - Packets to ring-buffer contributions -------===//
//
// For each packet popped from the input FIFO: binary search of the sorted
// key table for the entry whose key block holds the packet's key (one probe
// a cycle), the row header of the key's element in that entry's header
// table, then every row word added into the ring: word = {w_q[15:0],
// delay << idx_bits | target}, contribution int32(w_q) << shift into word
// ((t + delay) mod D) * n + target, a wrapping 32-bit add. Entries with the
// same key (several projections from one source slice) are visited in turn,
// walking down from the last one. The first probe happens in the cycle the
// packet is popped and the walk check in a row's last cycle, so a packet
// that matches one entry costs max(3, 2 + ceil(log2(entries))) cycles plus
// 2 per row word: port A reads the row while port B reads, then writes,
// the ring word.
//
//===----------------------------------------------------------------------===//

module snn_synapse_engine
  import snn_pe_pkg::*;
#(
  parameter int unsigned MaxNeurons = 256,
  parameter int unsigned KeyEntries = 256,
  parameter int unsigned DmemAddrW  = 15,
  localparam int unsigned CntW = $clog2(MaxNeurons + 1),
  localparam int unsigned EntW = $clog2(KeyEntries + 1),
  localparam int unsigned KeyW = $clog2(KeyEntries)
) (
  input  logic                   clk_i,
  input  logic                   rst_ni,
  // abort the packet (the PE halted on an error)
  input  logic                   flush_i,
  // may start a new packet
  input  logic                   enable_i,
  // input FIFO head
  input  logic                   pkt_valid_i,
  input  logic [31:0]            pkt_key_i,
  output logic                   pkt_pop_o,
  // configuration
  input  logic [15:0]            step_i,
  input  logic [CntW-1:0]        neurons_i,
  input  logic [15:0]            slot_mask_i,
  input  logic [4:0]             idx_bits_i,
  input  logic [EntW-1:0]        entries_i,
  input  logic [DmemAddrW:0]     ring_words_i,
  input  logic [DmemAddrW:0]     syn_end_i,
  // key table read port (combinational)
  output logic [KeyW-1:0]        kt_idx_o,
  input  logic [KeyLanes*32-1:0] kt_entry_i,
  // table port of the data SRAM (reads)
  output logic                   ra_req_o,
  output logic [DmemAddrW-1:0]   ra_addr_o,
  input  logic [31:0]            ra_rdata_i,
  // ring port of the data SRAM
  output logic                   rb_req_o,
  output logic                   rb_we_o,
  output logic [DmemAddrW-1:0]   rb_addr_o,
  output logic [31:0]            rb_wdata_o,
  input  logic [31:0]            rb_rdata_i,
  // status
  output logic                   busy_o,
  output logic                   err_o,
  output err_e                   err_code_o,
  output logic [31:0]            err_info_o,
  // event pulses for the counters
  output logic                   ev_packet_o,
  output logic                   ev_drop_o,
  output logic                   ev_probe_o,
  output logic                   ev_header_o,
  output logic                   ev_syn_o,
  output logic                   ev_wrap_o
);

  typedef enum logic [2:0] {
    SyIdle, SySearch, SyMatch, SyHeader, SyRowA, SyRowB
  } sy_state_e;

  sy_state_e            state_q;
  logic [31:0]          key_q, w_q;
  logic [EntW-1:0]      lo_q, hi_q;
  logic                 walking_q, more_q;
  logic [4:0]           shift_q;
  logic [DmemAddrW:0]   p_q, end_q;
  logic [DmemAddrW-1:0] ring_addr_q;

  // Fields of the probed entry.
  logic [31:0] kt_key, kt_mask, kt_rows;
  logic [15:0] kt_base;
  logic [4:0]  kt_shift;
  assign kt_key   = kt_entry_i[31:0];
  assign kt_mask  = kt_entry_i[63:32];
  assign kt_base  = kt_entry_i[79:64];
  assign kt_shift = kt_entry_i[84:80];
  assign kt_rows  = kt_entry_i[127:96];

  logic unused_kt;
  assign unused_kt = ^kt_entry_i[95:85];

  // Binary search for the last entry whose key is <= the packet's key, over
  // [lo, hi); the first probe (at entries / 2) uses the FIFO head directly.
  logic [EntW:0]   mid_sum;
  logic [EntW-1:0] mid, mid0, probe_lo, probe_hi;
  logic [31:0]     probe_key;
  logic            probe_le;
  assign mid_sum   = {1'b0, lo_q} + {1'b0, hi_q};
  assign mid       = mid_sum[EntW:1];
  assign mid0      = entries_i >> 1;
  assign probe_key = (state_q == SyIdle) ? pkt_key_i : key_q;
  assign probe_le  = (kt_key <= probe_key);
  always_comb begin
    if (state_q == SyIdle) begin
      probe_lo = probe_le ? mid0 : '0;
      probe_hi = probe_le ? entries_i : mid0;
    end else begin
      probe_lo = probe_le ? mid : lo_q;
      probe_hi = probe_le ? hi_q : mid;
    end
  end

  // Entries with the same key sit next to each other: after a row, entry
  // lo - 1 is checked in the same cycle.
  logic [EntW-1:0] lo_down;
  assign lo_down = lo_q - 1'b1;

  always_comb begin
    unique case (state_q)
      SyIdle:           kt_idx_o = KeyW'(mid0);
      SySearch:         kt_idx_o = KeyW'(mid);
      SyMatch:          kt_idx_o = KeyW'(lo_q);
      default:          kt_idx_o = KeyW'(lo_down);
    endcase
  end

  // Element index of the key and its header address.
  logic [31:0] elem;
  logic [32:0] hdr_addr;
  logic        key_match;
  assign elem      = key_q & ~kt_mask;
  assign hdr_addr  = 33'(kt_base) + 33'(elem);
  assign key_match = ((key_q & kt_mask) == kt_key);

  // Whether another entry of the same key follows (in SyHeader and SyRowB).
  logic walk_on;
  assign walk_on = (lo_q != '0) && key_match;

  // Row header.
  logic [15:0] hdr_row, hdr_len;
  logic [16:0] hdr_end;
  assign hdr_row = ra_rdata_i[15:0];
  assign hdr_len = ra_rdata_i[31:16];
  assign hdr_end = 17'(hdr_row) + 17'(hdr_len);

  // Row word.
  logic signed [15:0] w_q16;
  logic [15:0]        dfield, tgt, delay, idx_mask;
  logic [15:0]        slot;
  logic [31:0]        w_shifted;
  logic [31:0]        ring_addr;
  assign w_q16     = $signed(ra_rdata_i[31:16]);
  assign dfield    = ra_rdata_i[15:0];
  assign idx_mask  = 16'((17'd1 << idx_bits_i) - 17'd1);
  assign tgt       = dfield & idx_mask;
  assign delay     = dfield >> idx_bits_i;
  assign slot      = (step_i + delay) & slot_mask_i;
  assign w_shifted = 32'(32'($signed(w_q16)) << shift_q);
  assign ring_addr = 32'(slot) * 32'(neurons_i) + 32'(tgt);

  logic bad_delay, bad_target;
  assign bad_delay  = (delay == 16'd0) || (delay > slot_mask_i);
  assign bad_target = (tgt >= 16'(neurons_i));

  // Ring add.
  logic [31:0] sum;
  assign sum = rb_rdata_i + w_q;

  always_comb begin
    pkt_pop_o   = 1'b0;
    ra_req_o    = 1'b0;
    ra_addr_o   = '0;
    rb_req_o    = 1'b0;
    rb_we_o     = 1'b0;
    rb_addr_o   = ring_addr_q;
    rb_wdata_o  = sum;
    err_o       = 1'b0;
    err_code_o  = ErrNone;
    err_info_o  = '0;
    ev_packet_o = 1'b0;
    ev_drop_o   = 1'b0;
    ev_probe_o  = 1'b0;
    ev_header_o = 1'b0;
    ev_syn_o    = 1'b0;
    ev_wrap_o   = 1'b0;
    unique case (state_q)
      SyIdle: begin
        if (enable_i && pkt_valid_i) begin
          pkt_pop_o   = 1'b1;
          ev_packet_o = 1'b1;
          ev_drop_o   = (entries_i == '0);
          ev_probe_o  = (entries_i > EntW'(1));
        end
      end
      SySearch: ev_probe_o = 1'b1;
      SyMatch: begin
        ev_probe_o = 1'b1;
        if (!key_match) begin
          ev_drop_o = !walking_q;
        end else if (elem >= kt_rows) begin
          err_o      = 1'b1;
          err_code_o = ErrKeyIndex;
          err_info_o = key_q;
        end else if (hdr_addr < 33'(ring_words_i) || hdr_addr >= 33'(syn_end_i)) begin
          err_o      = 1'b1;
          err_code_o = ErrHeaderAddr;
          err_info_o = hdr_addr[31:0];
        end else begin
          ra_req_o  = 1'b1;
          ra_addr_o = DmemAddrW'(hdr_addr);
        end
      end
      SyHeader: begin
        ev_header_o = 1'b1;
        ev_probe_o  = (hdr_len == 16'd0) && (lo_q != '0);
        if (hdr_len != 16'd0) begin
          if (17'(hdr_row) < 17'(ring_words_i) || hdr_end > 17'(syn_end_i)) begin
            err_o      = 1'b1;
            err_code_o = ErrRowBounds;
            err_info_o = ra_rdata_i;
          end else begin
            ra_req_o  = 1'b1;
            ra_addr_o = DmemAddrW'(hdr_row);
          end
        end
      end
      SyRowA: begin
        if (bad_delay) begin
          err_o      = 1'b1;
          err_code_o = ErrDelay;
          err_info_o = ra_rdata_i;
        end else if (bad_target) begin
          err_o      = 1'b1;
          err_code_o = ErrTarget;
          err_info_o = ra_rdata_i;
        end else begin
          ev_syn_o  = 1'b1;
          rb_req_o  = 1'b1;
          rb_addr_o = DmemAddrW'(ring_addr);
          if (p_q < end_q) begin
            ra_req_o  = 1'b1;
            ra_addr_o = DmemAddrW'(p_q);
          end
        end
      end
      SyRowB: begin
        rb_req_o   = 1'b1;
        rb_we_o    = 1'b1;
        ev_wrap_o  = (rb_rdata_i[31] == w_q[31]) && (sum[31] != w_q[31]);
        ev_probe_o = !more_q && (lo_q != '0);
      end
      default: ;
    endcase
  end

  assign busy_o = (state_q != SyIdle);

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      state_q <= SyIdle;
    end else if (flush_i || err_o) begin
      state_q <= SyIdle;
    end else begin
      unique case (state_q)
        SyIdle: begin
          if (enable_i && pkt_valid_i) begin
            key_q     <= pkt_key_i;
            walking_q <= 1'b0;
            if (entries_i == EntW'(1)) begin
              lo_q    <= '0;
              state_q <= SyMatch;
            end else if (entries_i != '0) begin
              lo_q    <= probe_lo;
              hi_q    <= probe_hi;
              state_q <= (probe_hi - probe_lo > EntW'(1)) ? SySearch : SyMatch;
            end
          end
        end
        SySearch: begin
          lo_q    <= probe_lo;
          hi_q    <= probe_hi;
          state_q <= (probe_hi - probe_lo > EntW'(1)) ? SySearch : SyMatch;
        end
        SyMatch: begin
          if (!key_match) begin
            state_q <= SyIdle;
          end else begin
            shift_q <= kt_shift;
            state_q <= SyHeader;
          end
        end
        SyHeader: begin
          p_q   <= (DmemAddrW+1)'(hdr_row) + 1'b1;
          end_q <= (DmemAddrW+1)'(hdr_end);
          if (hdr_len != 16'd0) begin
            state_q <= SyRowA;
          end else if (walk_on) begin
            lo_q      <= lo_down;
            walking_q <= 1'b1;
            state_q   <= SyMatch;
          end else begin
            state_q <= SyIdle;
          end
        end
        SyRowA: begin
          ring_addr_q <= DmemAddrW'(ring_addr);
          w_q         <= w_shifted;
          more_q      <= (p_q < end_q);
          if (p_q < end_q) p_q <= p_q + 1'b1;
          state_q     <= SyRowB;
        end
        SyRowB: begin
          if (more_q) begin
            state_q <= SyRowA;
          end else if (walk_on) begin
            lo_q      <= lo_down;
            walking_q <= 1'b1;
            state_q   <= SyMatch;
          end else begin
            state_q <= SyIdle;
          end
        end
        default: state_q <= SyIdle;
      endcase
    end
  end

  logic unused_bits;
  assign unused_bits = mid_sum[0] ^ ^ring_addr[31:DmemAddrW];

endmodule
