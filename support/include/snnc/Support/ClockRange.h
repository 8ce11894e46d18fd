//===- ClockRange.h - The clock frequencies snnc models ---------*- C++ -*-===//

#ifndef SNNC_SUPPORT_CLOCKRANGE_H
#define SNNC_SUPPORT_CLOCKRANGE_H

namespace snnc {

/// Every clock a target config, an image or an energy model may state. At
/// 1 Hz or more any 64-bit cycle count is a finite time; 1 THz is past any
/// chip snnc targets (CMOS near 1 GHz, SFQ logic tens of GHz).
inline constexpr double kMinClockHz = 1;
inline constexpr double kMaxClockHz = 1e12;

/// Whether `hz` lies in [kMinClockHz, kMaxClockHz] (NaN does not).
inline bool isModelledClock(double hz) {
  return hz >= kMinClockHz && hz <= kMaxClockHz;
}

} // namespace snnc

#endif // SNNC_SUPPORT_CLOCKRANGE_H
