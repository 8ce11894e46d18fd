//===- VerilatedPeAdapter.h - A Verilated snn_pe as a PeModel ---*- C++ -*-===//
//
// Works for any Verilation of hw/spinnaker2/snn_pe.sv built with --trace
// (the production model, and the test-only variants of hw/CMakeLists.txt),
// since they share the port list. Each PE has its own VerilatedContext, so
// models are independent and can be traced one at a time.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_RTL_VERILATEDPEADAPTER_H
#define SNNC_SPINNAKER2_RTL_VERILATEDPEADAPTER_H

#include "snnc/rtl/PeModel.h"

#include "verilated.h"
#include "verilated_vcd_c.h"

namespace snnc::rtl {

template <typename VModel> class VerilatedPeAdapter final : public PeModel {
public:
  explicit VerilatedPeAdapter(bool traced)
      : context(std::make_unique<VerilatedContext>()), traced(traced) {
    // Tracing must be enabled before the model exists; untraced models
    // skip the activity bookkeeping.
    context->traceEverOn(traced);
    model = std::make_unique<VModel>(context.get(), "pe");
    model->clk_i = 0;
    model->rst_ni = 1;
    model->pkt_out_ready_i = 1;
    model->eval();
    reset();
  }

  ~VerilatedPeAdapter() override {
    closeTrace();
    model->final();
  }

  void reset() override {
    model->rst_ni = 0;
    model->eval();
    clock();
    model->rst_ni = 1;
    model->eval();
    sample();
  }

  void tick(const PeInputs &in) override {
    // Inputs change with the rising edge's eval rather than the falling
    // one's: the same sampling, and the falling edge then evaluates no
    // input logic.
    model->clk_i = 0;
    model->eval();
    if (tracing)
      vcd->dump(2 * time);
    model->cfg_we_i = in.cfgWe;
    model->cfg_addr_i = in.cfgAddr;
    model->cfg_wdata_i = in.cfgData;
    model->cmd_valid_i = in.cmdValid;
    model->cmd_i = in.cmd;
    model->cmd_step_i = in.cmdStep;
    model->pkt_in_push_i = in.pktPush;
    model->pkt_in_key_i = in.pktKey;
    model->clk_i = 1;
    model->eval();
    if (tracing)
      vcd->dump(2 * time + 1);
    ++time;
    sample();
  }

  const PeOutputs &outputs() const override { return out; }

  uint64_t counter(unsigned index) const override {
    return model->counters_o[index];
  }

  bool openTrace(const std::string &path) override {
    if (!traced)
      return false;
    closeTrace();
    vcd = std::make_unique<VerilatedVcdC>();
    model->trace(vcd.get(), 99);
    vcd->open(path.c_str());
    if (!vcd->isOpen()) {
      vcd.reset();
      return false;
    }
    return true;
  }

  void setTracing(bool on, uint64_t cycle) override {
    tracing = on && vcd != nullptr;
    time = cycle;
  }

  void closeTrace() override {
    if (vcd) {
      vcd->close();
      vcd.reset();
    }
    tracing = false;
  }

private:
  void clock() {
    model->clk_i = 0;
    model->eval();
    if (tracing)
      vcd->dump(2 * time);
    model->clk_i = 1;
    model->eval();
    if (tracing)
      vcd->dump(2 * time + 1);
    ++time;
  }

  void sample() {
    out.busy = model->busy_o;
    out.pktInFull = model->pkt_in_full_o;
    out.pktOutValid = model->pkt_out_valid_o;
    out.pktOutKey = model->pkt_out_key_o;
    out.recValid = model->rec_valid_o;
    out.recIdx = model->rec_idx_o;
    out.recV = static_cast<int32_t>(model->rec_v_o);
    out.errCode = model->err_code_o;
    out.errInfo = model->err_info_o;
    out.crc = model->cfg_crc_o;
  }

  std::unique_ptr<VerilatedContext> context;
  std::unique_ptr<VModel> model;
  std::unique_ptr<VerilatedVcdC> vcd;
  PeOutputs out;
  bool traced;
  bool tracing = false;
  uint64_t time = 0;
};

} // namespace snnc::rtl

#endif // SNNC_SPINNAKER2_RTL_VERILATEDPEADAPTER_H
