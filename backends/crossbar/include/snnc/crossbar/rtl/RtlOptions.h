//===- RtlOptions.h - Options and figures of the rtl engine ----*- C++ -*-===//
//
// What a caller may choose about the crossbar's rtl engine (which unit
// model to simulate, waveforms) and the figures it reports beyond
// RunResult: simulated RTL cycles, step latency and the units' counters.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_RTL_RTLOPTIONS_H
#define SNNC_CROSSBAR_RTL_RTLOPTIONS_H

#include "snnc/crossbar/rtl/XbarUnitModel.h"
#include "snnc/rtl/UnitModel.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace snnc::crossbar::rtl {

struct RtlOptions {
  /// Makes each unit (default: makeVerilatedXbarUnit). Tests plug in
  /// variants.
  XbarUnitFactory factory;
  /// Waveforms of one unit (vcdPe, a global PE hosting a population slice;
  /// default the first) over the steps of vcdSteps of the first run, when
  /// vcdPath is set.
  std::string vcdPath;
  std::optional<uint32_t> vcdPe;
  snnc::rtl::TraceWindow vcdSteps{0, 0};
};

struct RtlStats {
  /// Clock cycles simulated, all units and steps.
  uint64_t unitCycles = 0;
  /// Of those, cycles in which a unit's tile controller was reading a tile
  /// (settling, converting, accumulating): tile-cycles.
  uint64_t tileCycles = 0;
  /// Step latency: the last unit's end of step, RTL plus NoC cycles.
  uint64_t stepCyclesTotal = 0;
  uint64_t stepCyclesMax = 0;
  uint64_t steps = 0;
  uint32_t units = 0;
  /// The units' counters summed (hw/crossbar/xbar_pkg.sv order).
  std::vector<std::pair<std::string, uint64_t>> counters;
  uint64_t nocHops = 0;
  uint64_t nocContentionCycles = 0;
  uint64_t nocDeliveries = 0;
  /// Host wall and CPU seconds of run() after loading, and of loading.
  double runSeconds = 0;
  double runCpuSeconds = 0;
  double loadSeconds = 0;
};

/// The figures as JSON, and as report lines; clockHz (0 when unknown)
/// turns cycles into seconds.
nlohmann::json toJson(const RtlStats &stats, double clockHz);
std::string describe(const RtlStats &stats, double clockHz);

} // namespace snnc::crossbar::rtl

#endif // SNNC_CROSSBAR_RTL_RTLOPTIONS_H
