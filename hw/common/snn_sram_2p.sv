//===- snn_sram_2p.sv - True dual-port synchronous SRAM model -------------===//
//
// Two independent read/write ports with one cycle of read latency; a port's
// read data holds until that port reads again, so an engine may consume a
// word in any later cycle. A read and a write of the same word in the same
// cycle on different ports return the old word (read-first). The engines
// bounds-check every address before they issue it, so Depth need not be a
// power of two.
//
//===----------------------------------------------------------------------===//

module snn_sram_2p #(
  parameter int unsigned Width = 32,
  parameter int unsigned Depth = 1024,
  parameter int unsigned AddrW = $clog2(Depth)
) (
  input  logic             clk_i,
  // port A
  input  logic             a_req_i,
  input  logic             a_we_i,
  input  logic [AddrW-1:0] a_addr_i,
  input  logic [Width-1:0] a_wdata_i,
  output logic [Width-1:0] a_rdata_o,
  // port B
  input  logic             b_req_i,
  input  logic             b_we_i,
  input  logic [AddrW-1:0] b_addr_i,
  input  logic [Width-1:0] b_wdata_i,
  output logic [Width-1:0] b_rdata_o
);

  logic [Width-1:0] mem_q [Depth];

  always_ff @(posedge clk_i) begin
    if (a_req_i) begin
      if (a_we_i) mem_q[a_addr_i] <= a_wdata_i;
      else        a_rdata_o       <= mem_q[a_addr_i];
    end
    if (b_req_i) begin
      if (b_we_i) mem_q[b_addr_i] <= b_wdata_i;
      else        b_rdata_o       <= mem_q[b_addr_i];
    end
  end

endmodule
