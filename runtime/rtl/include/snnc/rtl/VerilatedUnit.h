//===- VerilatedUnit.h - Clock, reset and VCD of a Verilated unit -*- C++
//-*-===//
//
// Every Verilated unit of every target has a `clk_i` and an active-low
// `rst_ni` and is built with --trace; this is the part of driving it that
// does not depend on its other ports: its own VerilatedContext (so models
// are independent and can be traced one at a time), the two clock phases
// with inputs applied at the rising edge's eval, reset, and VCD capture.
// A target's adapter maps its port struct onto the model in tick()'s
// callback.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RTL_VERILATEDUNIT_H
#define SNNC_RTL_VERILATEDUNIT_H

#include "snnc/rtl/CheckedVcdFile.h"

#include "verilated.h"
#include "verilated_vcd_c.h"

#include <cstdint>
#include <memory>
#include <string>

namespace snnc::rtl {

template <typename VModel> class VerilatedUnit {
public:
  /// Clock low, reset released, not yet evaluated: set any constant inputs
  /// on ports(), then reset(). `instance` is the top scope in waveforms.
  VerilatedUnit(bool traced, const char *instance)
      : context(std::make_unique<VerilatedContext>()), traced(traced) {
    // Tracing must be enabled before the model exists; untraced models
    // skip the activity bookkeeping.
    context->traceEverOn(traced);
    model = std::make_unique<VModel>(context.get(), instance);
    model->clk_i = 0;
    model->rst_ni = 1;
  }

  ~VerilatedUnit() {
    closeTrace();
    model->final();
  }

  VModel &ports() { return *model; }
  const VModel &ports() const { return *model; }

  /// Holds `rst_ni` low through one clock cycle.
  void reset() {
    model->eval();
    model->rst_ni = 0;
    model->eval();
    tick([](VModel &) {});
    model->rst_ni = 1;
    model->eval();
  }

  /// One clock cycle. Inputs change with the rising edge's eval rather than
  /// the falling one's: the same sampling, and the falling edge then
  /// evaluates no input logic.
  template <typename Apply> void tick(Apply applyInputs) {
    model->clk_i = 0;
    model->eval();
    if (tracing)
      vcd->dump(2 * time);
    applyInputs(*model);
    model->clk_i = 1;
    model->eval();
    if (tracing)
      vcd->dump(2 * time + 1);
    ++time;
  }

  bool openTrace(const std::string &path) {
    if (!traced)
      return false;
    closeTrace();
    file = std::make_unique<CheckedVcdFile>();
    vcd = std::make_unique<VerilatedVcdC>(file.get());
    model->trace(vcd.get(), 99);
    vcd->open(path.c_str());
    if (!vcd->isOpen() || !file->error().empty()) {
      vcd.reset();
      file.reset();
      return false;
    }
    return true;
  }

  void setTracing(bool on, uint64_t cycle) {
    tracing = on && vcd != nullptr;
    time = cycle;
  }

  /// Finishes the waveform; the OS's reason when any of it could not be
  /// written, else "".
  std::string closeTrace() {
    std::string error;
    if (vcd) {
      vcd->close();
      vcd.reset();
    }
    if (file) {
      file->close();
      error = file->error();
      file.reset();
    }
    tracing = false;
    return error;
  }

private:
  std::unique_ptr<VerilatedContext> context;
  std::unique_ptr<VModel> model;
  // Declared before the trace that writes to it, so it outlives the trace.
  std::unique_ptr<CheckedVcdFile> file;
  std::unique_ptr<VerilatedVcdC> vcd;
  bool traced;
  bool tracing = false;
  uint64_t time = 0;
};

} // namespace snnc::rtl

#endif // SNNC_RTL_VERILATEDUNIT_H
