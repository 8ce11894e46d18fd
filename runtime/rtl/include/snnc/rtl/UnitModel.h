//===- UnitModel.h - What every simulated hardware unit offers --*- C++ -*-===//
//
// A target's RTL engine drives its units (a many-core PE, a memory-array tile,
// a pulse-circuit netlist) through a port interface of its own; what all of
// them share is reset and waveform capture, so that `snnc run --vcd` and the
// trace window work the same on every target.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RTL_UNITMODEL_H
#define SNNC_RTL_UNITMODEL_H

#include <cstdint>
#include <string>

namespace snnc::rtl {

class UnitModel {
public:
  virtual ~UnitModel();
  /// Asserts the active-low reset for one cycle.
  virtual void reset() = 0;
  /// Starts writing a VCD of every signal; false when the file cannot be
  /// opened. Only models made with tracing enabled can trace.
  virtual bool openTrace(const std::string &path) = 0;
  /// Whether cycles are dumped, and the time of the next cycle (in cycles;
  /// each cycle is two VCD time units, low and high clock phase).
  virtual void setTracing(bool on, uint64_t cycle) = 0;
  /// Finishes the waveform: the OS's reason when part of it could not be
  /// written (a full disk), else "".
  virtual std::string closeTrace() = 0;
};

/// The steps a run dumps waveforms for: [first, last] of one unit.
struct TraceWindow {
  uint64_t first = 0;
  uint64_t last = UINT64_MAX;
  bool covers(uint64_t step) const { return step >= first && step <= last; }
};

} // namespace snnc::rtl

#endif // SNNC_RTL_UNITMODEL_H
