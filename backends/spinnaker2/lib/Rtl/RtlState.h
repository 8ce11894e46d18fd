//===- RtlState.h - What the rtl engine keeps between runs ------*- C++ -*-===//

#ifndef SNNC_SPINNAKER2_RTL_RTLSTATE_H
#define SNNC_SPINNAKER2_RTL_RTLSTATE_H

#include "PeDriver.h"
#include "PeTables.h"
#include "snnc/rtl/Noc.h"

#include "RunSetup.h"
#include "Topology.h"

#include "snnc/spinnaker2/rtl/RtlEngine.h"

#include <memory>
#include <vector>

namespace snnc::rtl {

struct RtlEngine::State {
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
  std::unique_ptr<Noc> noc;
  /// Per global slice: the tables (and their PEs) holding rows for its keys.
  std::vector<std::vector<uint32_t>> destTables;
  /// Per global slice with destinations: its multicast tree in the NoC.
  std::vector<uint32_t> treeOf;
  /// Index into tables of the PE that writes waveforms, or -1.
  int traced = -1;
  RtlStats stats;
};

} // namespace snnc::rtl

#endif // SNNC_SPINNAKER2_RTL_RTLSTATE_H
