//===- RtlEngine.h - The Verilator-simulated RTL engine ---------*- C++ -*-===//
//
// `rtl` runs an image on one Verilated hw/spinnaker2/snn_pe per placed
// population slice, all driven by one C++ driver: it loads each PE's
// tables (checked by CRC), clocks every PE through each step's neuron
// phase, carries the spike packets over a cycle-approximate NoC (per-hop
// latency, link contention from the placement) and clocks the synapse
// phases until every packet is absorbed. Output spikes, readout values and
// event counts equal the `ref` engine's bit for bit; latency per step is
// real RTL cycles plus modelled NoC cycles; the PE-side event counts come
// from the RTL's own counters. docs/rtl.md describes the whole.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_RTL_RTLENGINE_H
#define SNNC_SPINNAKER2_RTL_RTLENGINE_H

#include "snnc/runtime/Engine.h"
#include "snnc/spinnaker2/rtl/PeModel.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace snnc::rtl {

struct RtlOptions {
  /// Waveforms of one PE over the steps of vcdSteps of the first run when
  /// vcdPath is set; vcdPe is a global PE hosting a population slice
  /// (default: the first one).
  std::string vcdPath;
  std::optional<uint32_t> vcdPe;
  TraceWindow vcdSteps{0, 0};
  /// Makes each PE (default: makeVerilatedPe). Tests plug in variants.
  PeModelFactory factory;
  /// Test hooks: flip bits of one configuration word on its way to a PE
  /// (global PE, word index, bits); replace every PE's watchdog limit.
  struct LoadFault {
    uint32_t pe = 0;
    uint64_t word = 0;
    uint32_t bits = 1;
  };
  std::optional<LoadFault> loadFault;
  std::optional<uint32_t> watchdogLimit;
};

/// Simulation figures of the last run, beyond RunResult.
struct RtlStats {
  /// PE clock cycles simulated (every PE, every step).
  uint64_t peCycles = 0;
  /// Step latency: the last PE's end of step, RTL cycles plus NoC cycles.
  uint64_t stepCyclesTotal = 0;
  uint64_t stepCyclesMax = 0;
  uint64_t steps = 0;
  /// RTL counters summed over PEs (hw/spinnaker2/snn_pe_pkg.sv order).
  std::vector<std::pair<std::string, uint64_t>> counters;
  /// NoC model: link traversals, waits, deliveries.
  uint64_t nocHops = 0;
  uint64_t nocChipHops = 0;
  uint64_t nocContentionCycles = 0;
  uint64_t nocDeliveries = 0;
  uint32_t pes = 0;
  /// Host wall time spent in run() (after loading) and in loading the
  /// tables, and the process CPU time of run() (less disturbed by a busy
  /// machine).
  double runSeconds = 0;
  double runCpuSeconds = 0;
  double loadSeconds = 0;
};

/// The figures as JSON, and as lines of text for the run report; clockHz
/// (0 when unknown) turns cycles into seconds.
nlohmann::json toJson(const RtlStats &stats, double clockHz);
std::string describe(const RtlStats &stats, double clockHz);

class RtlEngine : public runtime::Engine {
public:
  /// `image` must satisfy validateImage() and outlive the engine. Tables
  /// are built and loaded on the first run, which reports their errors.
  explicit RtlEngine(const image::Image &image, RtlOptions options = {});
  ~RtlEngine() override;

  const char *name() const override { return "rtl"; }
  image::Expected<runtime::RunResult>
  run(const std::vector<runtime::SpikeTrain> &inputs,
      const runtime::RunOptions &options,
      runtime::StepObserver *observer = nullptr) override;

  /// Figures of the last successful run.
  const RtlStats &stats() const;
  nlohmann::json extraReport(double clockHz) const override;
  std::string describeExtra(double clockHz) const override;

  struct State;

private:
  std::unique_ptr<State> state;
};

} // namespace snnc::rtl

#endif // SNNC_SPINNAKER2_RTL_RTLENGINE_H
