//===- RunSetup.cpp - Run bookkeeping of the spinnaker2 engines -----------===//

#include "RunSetup.h"

#include "snnc/spinnaker2/Counters.h"

#include <algorithm>

namespace snnc::runtime::detail {

RunResult startRun(const image::Image &image, const Topology &topo,
                   const RunOptions &options) {
  RunResult result = startRun(image, options, spinnaker2::counterSchema());
  result.routerHopsModelled = topo.hopsModelled;
  result.peLoads.resize(topo.slicePe.size());
  for (uint32_t s = 0; s < topo.slicePe.size(); ++s)
    result.peLoads[s] = {s, topo.slicePe[s], 0, 0, 0};
  return result;
}

bool chargeStepCycles(const Topology &topo, std::vector<uint64_t> &sliceEvents,
                      RunResult &result) {
  const CycleModel &m = topo.cycles;
  bool violated = false;
  for (size_t s = 0; s < sliceEvents.size(); ++s) {
    double cycles = m.perStepOverhead + m.perSynapticEvent * sliceEvents[s] +
                    m.perNeuronUpdate * topo.sliceNeurons[s];
    sliceEvents[s] = 0;
    violated |= chargeLoad(result.peLoads[s], cycles, cycles, m.stepBudget);
  }
  result.realTimeViolations += violated;
  return violated;
}

} // namespace snnc::runtime::detail
