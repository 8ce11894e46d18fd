//===- Topology.h - Image facts every engine precomputes --------*- C++ -*-===//
//
// Engines differ only in arithmetic; what a spike reaches, how large each
// delay ring is, which spikes leave their PE and what a PE's step costs are
// properties of the image, computed here once so that the engines cannot
// disagree about them (ref vs float then measures quantization alone).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_TOPOLOGY_H
#define SNNC_RUNTIME_TOPOLOGY_H

#include "snnc/image/Image.h"

#include <cstdint>
#include <vector>

namespace snnc::runtime::detail {

/// The cycle model of image.targetModel["target"]; fields the image lacks
/// are 0, which disables the budget check when step_cycle_budget is 0.
struct CycleModel {
  double perNeuronUpdate = 0;
  double perSynapticEvent = 0;
  double perStepOverhead = 0;
  double stepBudget = 0;
};

CycleModel readCycleModel(const image::Image &image);

struct Topology {
  /// Sources are numbered inputs first, then populations.
  uint32_t numInputs = 0;
  /// Outgoing projection indices of each source, in image order.
  std::vector<std::vector<uint32_t>> outgoing;
  /// Ring size of each population minus one: the ring has the smallest
  /// power of two above the largest incoming delay as its size.
  std::vector<uint32_t> ringMask;
  /// Per source element: 1 when its spike's key is routed by its chip.
  std::vector<std::vector<uint8_t>> routed;
  /// Global slice index of each source's first slice.
  std::vector<uint32_t> sliceBase;
  /// For populations with more than one slice: the local slice of each
  /// neuron (empty otherwise).
  std::vector<std::vector<uint32_t>> sliceOfNeuron;
  /// Per stored projection into a population of several slices, when no
  /// larger than its synapse arrays: synapses of row i landing in target
  /// slice c at [i * slices + c]; empty otherwise (engines then count per
  /// synapse).
  std::vector<std::vector<uint32_t>> rowSlices;
  /// Per projection: its delay when all its stored synapses share one, else
  /// 0.
  std::vector<uint32_t> uniformDelay;
  /// Global slice -> global PE.
  std::vector<uint32_t> slicePe;
  CycleModel cycles;
  /// Chip-to-chip hops of each source element's packet (see RouterHops.h);
  /// empty when they are all 0 or unknown.
  std::vector<std::vector<uint32_t>> hops;
  bool hopsModelled = false;

  uint32_t sourceId(const image::ProjectionSource &source) const {
    return source.kind == image::SourceKind::Input ? source.index
                                                   : numInputs + source.index;
  }
};

Topology buildTopology(const image::Image &image);

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_TOPOLOGY_H
