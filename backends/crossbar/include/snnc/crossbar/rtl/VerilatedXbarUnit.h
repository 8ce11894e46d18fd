//===- VerilatedXbarUnit.h - A Verilated xbar_unit as a model -*- C++ -*-===//
//
// Works for any Verilation of hw/crossbar/xbar_unit.sv built with --trace
// (the production unit and the test-only variants of hw/CMakeLists.txt),
// since they share the port list. Clock, reset and waveforms are the
// shared VerilatedUnit's; this maps the unit's port structs onto the model.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_RTL_VERILATEDXBARUNIT_H
#define SNNC_CROSSBAR_RTL_VERILATEDXBARUNIT_H

#include "snnc/crossbar/rtl/XbarUnitModel.h"
#include "snnc/rtl/VerilatedUnit.h"

namespace snnc::crossbar::rtl {

template <typename VModel>
class VerilatedXbarUnit final : public XbarUnitModel {
public:
  explicit VerilatedXbarUnit(bool traced) : unit(traced, "xbar") { reset(); }

  void reset() override {
    unit.reset();
    sample();
  }

  void tick(const XbarInputs &in) override {
    unit.tick([&in](VModel &m) {
      m.cfg_we_i = in.cfgWe;
      m.cfg_addr_i = in.cfgAddr;
      m.cfg_wdata_i = in.cfgData;
      m.cmd_valid_i = in.cmdValid;
      m.cmd_i = in.cmd;
      m.cmd_step_i = in.cmdStep;
      m.pkt_in_push_i = in.pktPush;
      m.pkt_in_key_i = in.pktKey;
      m.adc_sample_i = static_cast<uint64_t>(in.adcSample);
    });
    sample();
  }

  const XbarOutputs &outputs() const override { return out; }

  uint64_t counter(unsigned index) const override {
    return unit.ports().counters_o[index];
  }

  bool openTrace(const std::string &path) override {
    return unit.openTrace(path);
  }
  void setTracing(bool on, uint64_t cycle) override {
    unit.setTracing(on, cycle);
  }
  std::string closeTrace() override { return unit.closeTrace(); }

private:
  void sample() {
    const VModel &m = unit.ports();
    out.busy = m.busy_o;
    out.pktInFull = m.pkt_in_full_o;
    out.spikeValid = m.spike_valid_o;
    out.spikeKey = m.spike_key_o;
    out.recValid = m.rec_valid_o;
    out.recIdx = m.rec_idx_o;
    out.recV = static_cast<int32_t>(m.rec_v_o);
    out.rowValid = m.row_valid_o;
    out.rowTile = m.row_tile_o;
    out.row = m.row_o;
    out.readStart = m.read_start_o;
    out.readTile = m.read_tile_o;
    out.adcReq = m.adc_req_o;
    out.adcCol = m.adc_col_o;
    out.errCode = m.err_code_o;
    out.errInfo = m.err_info_o;
  }

  snnc::rtl::VerilatedUnit<VModel> unit;
  XbarOutputs out;
};

} // namespace snnc::crossbar::rtl

#endif // SNNC_CROSSBAR_RTL_VERILATEDXBARUNIT_H
