//===- RunSetup.h - Run bookkeeping of the spinnaker2 engines ---*- C++ -*-===//
//
// What the ref/float step loop, the nir engine and the rtl engine add to the
// shared bookkeeping (RunBookkeeping.h): the per-PE loads of the target's
// cycle model, defined once so that they charge cycles identically.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_RUNSETUP_H
#define SNNC_SPINNAKER2_RUNSETUP_H

#include "Topology.h"

#include "snnc/runtime/RunBookkeeping.h"

namespace snnc::runtime::detail {

/// startRun() with one PeLoad per global slice and the counters of
/// Counters.def.
RunResult startRun(const image::Image &image, const Topology &topo,
                   const RunOptions &options);

/// Charges one step of the target's cycle model to every slice's PE:
/// overhead + neuron updates + the synaptic events in `sliceEvents`, which
/// it resets. True when a PE exceeded the step budget.
bool chargeStepCycles(const Topology &topo, std::vector<uint64_t> &sliceEvents,
                      RunResult &result);

} // namespace snnc::runtime::detail

#endif // SNNC_SPINNAKER2_RUNSETUP_H
