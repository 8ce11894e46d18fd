//===- RtlState.h - What the rtl engine keeps between runs ------*- C++ -*-===//

#ifndef SNNC_SPINNAKER2_RTL_RTLSTATE_H
#define SNNC_SPINNAKER2_RTL_RTLSTATE_H

#include "PeDriver.h"
#include "PeTables.h"
#include "snnc/rtl/Noc.h"
#include "snnc/rtl/UnitStepLoop.h"

#include "RunSetup.h"
#include "Topology.h"

#include "snnc/spinnaker2/rtl/RtlEngine.h"

#include <memory>
#include <vector>

namespace snnc::rtl {

/// The PEs of one engine, as the shared step loop (UnitStepLoop.h) drives
/// them: PeDriver's protocol behind the UnitArray interface.
struct RtlEngine::State : UnitArray {
  State(const image::Image &image, RtlOptions options);

  /// Builds the tables and PE models and loads them.
  image::Status init();
  /// One run from the cleared state.
  image::Expected<runtime::RunResult>
  run(const std::vector<runtime::SpikeTrain> &inputs,
      const runtime::RunOptions &options, runtime::StepObserver *observer);

  const image::Image &image;
  RtlOptions options;
  bool ready = false;
  runtime::detail::Topology topo;
  std::vector<image::SliceRef> slices;
  /// One table and one driver per population slice, in global slice order.
  std::vector<PeTable> tables;
  std::vector<std::unique_ptr<PeDriver>> pes;
  std::unique_ptr<Noc> nocModel;
  /// Per global slice: the tables (and their PEs) holding rows for its keys.
  std::vector<std::vector<uint32_t>> destTables;
  /// Per global slice with destinations: its multicast tree in the NoC.
  std::vector<uint32_t> treeOf;
  /// Index into tables of the PE that writes waveforms, or -1.
  int traced = -1;
  RtlStats stats;
  /// The units of the step loop, parallel to tables.
  std::vector<Unit> unitList;
  /// Looked up once per engine rather than per step or per spike: each
  /// unit's readout scale (s_v of its population) and each global slice's
  /// routing key base.
  std::vector<double> readoutScale;
  std::vector<uint32_t> keyBase;

  // UnitArray.
  const std::vector<Unit> &units() const override { return unitList; }
  const std::vector<std::vector<uint32_t>> &destinations() const override {
    return destTables;
  }
  const std::vector<uint32_t> &trees() const override { return treeOf; }
  Noc &noc() override { return *nocModel; }
  image::Status neuronPhase(size_t unit, uint64_t step,
                            std::vector<UnitSpike> &spikes,
                            std::vector<UnitReadout> &readouts) override;
  image::Status synapsePhase(size_t unit, uint64_t step,
                             const std::vector<UnitArrival> &arrivals) override;
  uint64_t busyCycles(size_t unit) const override;
  uint64_t stepCycles(size_t unit) const override { return pes[unit]->cycle(); }
  uint32_t inputPayload(uint32_t slice, uint32_t element) const override;
  void countPacket(uint32_t source, uint32_t element,
                   runtime::CounterSet &counters) const override;
  void countStep(runtime::CounterSet &counters) override;
  void setTracing(bool on, uint64_t base) override {
    if (traced >= 0)
      pes[traced]->setTracing(on, base);
  }

private:
  std::vector<PeDriver::Spike> peSpikes;
  std::vector<PeDriver::Record> peRecords;
  std::vector<PeDriver::Arrival> peArrivals;
};

} // namespace snnc::rtl

#endif // SNNC_SPINNAKER2_RTL_RTLSTATE_H
