//===- snn_sram_1p.sv - Single-port synchronous SRAM with lane enables ----===//
//
// One read/write port, one cycle of read latency, Lanes x LaneW bits per
// row with a write enable per lane: neuron state and parameter memories
// write single fields without a read-modify-write. Read data holds until
// the next read.
//
//===----------------------------------------------------------------------===//

module snn_sram_1p #(
  parameter int unsigned Lanes = 1,
  parameter int unsigned LaneW = 32,
  parameter int unsigned Depth = 256,
  parameter int unsigned AddrW = $clog2(Depth)
) (
  input  logic                   clk_i,
  input  logic                   req_i,
  input  logic [Lanes-1:0]       we_i,
  input  logic [AddrW-1:0]       addr_i,
  input  logic [Lanes*LaneW-1:0] wdata_i,
  output logic [Lanes*LaneW-1:0] rdata_o
);

  logic [Lanes*LaneW-1:0] mem_q [Depth];

  always_ff @(posedge clk_i) begin
    if (req_i) begin
      if (we_i == '0) begin
        rdata_o <= mem_q[addr_i];
      end else begin
        for (int unsigned l = 0; l < Lanes; l++) begin
          if (we_i[l]) mem_q[addr_i][l*LaneW +: LaneW] <= wdata_i[l*LaneW +: LaneW];
        end
      end
    end
  end

endmodule
