//===- VerilatedPeAdapter.h - A Verilated snn_pe as a PeModel ---*- C++ -*-===//
//
// Works for any Verilation of hw/spinnaker2/snn_pe.sv built with --trace
// (the production model, and the test-only variants of hw/CMakeLists.txt),
// since they share the port list. Clock, reset and waveforms are the shared
// VerilatedUnit's; this maps the PE's port structs onto the model.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_RTL_VERILATEDPEADAPTER_H
#define SNNC_SPINNAKER2_RTL_VERILATEDPEADAPTER_H

#include "snnc/rtl/VerilatedUnit.h"
#include "snnc/spinnaker2/rtl/PeModel.h"

namespace snnc::rtl {

template <typename VModel> class VerilatedPeAdapter final : public PeModel {
public:
  explicit VerilatedPeAdapter(bool traced) : unit(traced, "pe") {
    // The driver takes every output packet the cycle it appears.
    unit.ports().pkt_out_ready_i = 1;
    reset();
  }

  void reset() override {
    unit.reset();
    sample();
  }

  void tick(const PeInputs &in) override {
    unit.tick([&in](VModel &m) {
      m.cfg_we_i = in.cfgWe;
      m.cfg_addr_i = in.cfgAddr;
      m.cfg_wdata_i = in.cfgData;
      m.cmd_valid_i = in.cmdValid;
      m.cmd_i = in.cmd;
      m.cmd_step_i = in.cmdStep;
      m.pkt_in_push_i = in.pktPush;
      m.pkt_in_key_i = in.pktKey;
    });
    sample();
  }

  const PeOutputs &outputs() const override { return out; }

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
    out.pktOutValid = m.pkt_out_valid_o;
    out.pktOutKey = m.pkt_out_key_o;
    out.recValid = m.rec_valid_o;
    out.recIdx = m.rec_idx_o;
    out.recV = static_cast<int32_t>(m.rec_v_o);
    out.errCode = m.err_code_o;
    out.errInfo = m.err_info_o;
    out.crc = m.cfg_crc_o;
  }

  VerilatedUnit<VModel> unit;
  PeOutputs out;
};

} // namespace snnc::rtl

#endif // SNNC_SPINNAKER2_RTL_VERILATEDPEADAPTER_H
