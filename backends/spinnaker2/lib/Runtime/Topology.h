//===- Topology.h - Image facts every engine precomputes --------*- C++ -*-===//
//
// Engines differ only in arithmetic; what a spike reaches, how large each
// delay ring is, which spikes leave their PE and what a PE's step costs are
// properties of the image, computed here once so that the engines cannot
// disagree about them (ref vs float then measures quantization alone).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_TOPOLOGY_H
#define SNNC_SPINNAKER2_TOPOLOGY_H

#include "snnc/image/Image.h"

#include <cstdint>
#include <vector>

namespace snnc::runtime::detail {

/// The cycle model the image was compiled with (target.json under the
/// compile's --target-config overrides); checkTargetModel has vouched for
/// it before any engine runs.
struct CycleModel {
  double perNeuronUpdate = 0;
  double perSynapticEvent = 0;
  double perStepOverhead = 0;
  double stepBudget = 0;
};

CycleModel readCycleModel(const image::Image &image);

/// Field `key` of the image's target model, its compile-time override
/// first (a number or {"value": x}); 0 when absent.
double targetModelNumber(const image::Image &image, const char *key);

/// Refuses an image whose clock or cycle costs are missing, not numbers,
/// not finite or out of range, naming the field, its value and the range.
image::Status checkTargetModel(const image::Image &image);

/// A stored projection's synapses in the order and width the delivery loop
/// reads them. Rows keep the image's boundaries (StoredSynapses::rowPtr);
/// an empty array means the image's own array serves as it is.
struct StoredRows {
  /// Targets, narrowed to 16 bits when Topology::narrowTargets[target].
  std::vector<uint16_t> target16;
  /// Wide targets, only when the synapses are reordered.
  std::vector<uint32_t> target32;
  /// Weights, only when the synapses are reordered.
  std::vector<int16_t> weightQ;
  std::vector<float> weight;
  /// Projections with more than one delay: each row's synapses are grouped
  /// by delay, in a stable order so that the adds into any one ring slot
  /// keep the image's order (and double sums stay bit-exact). Row i has
  /// groups [groupPtr[i], groupPtr[i + 1]); group g has delay groupDelay[g]
  /// and ends at synapse groupEnd[g], starting where the previous group of
  /// its row ended (or at the row's start).
  std::vector<uint64_t> groupPtr;
  std::vector<uint16_t> groupDelay;
  std::vector<uint64_t> groupEnd;
};

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
  /// Per population: 1 when its size fits 16-bit target indices.
  std::vector<uint8_t> narrowTargets;
  /// Per projection into a population of several slices: 1 when engines
  /// count each row's synapses per target slice once per spike
  /// (rowSliceCounts for stored projections, ProceduralCache for procedural
  /// ones) rather than once per delivered synapse. The size rule of
  /// rowSlices, with a procedural projection's expected synapse count, and
  /// every count must fit 16 bits.
  std::vector<uint8_t> slicesPerRow;
  /// Per population: its slice count rounded up to a multiple of 8, the
  /// stride of 16-bit per-slice counters (one SIMD add covers 8).
  std::vector<uint32_t> sliceStride;
  /// Per stored projection with slicesPerRow: rowSlices as 16-bit counts,
  /// row i at [i * sliceStride[target], ...), zero-padded.
  std::vector<std::vector<uint16_t>> rowSliceCounts;
  /// Per stored projection with slicesPerRow: its largest count.
  std::vector<uint16_t> maxRowSliceCount;
  /// Per stored projection (empty for procedural ones).
  std::vector<StoredRows> storedRows;
  /// Global slice -> global PE.
  std::vector<uint32_t> slicePe;
  /// Global slice -> neurons it updates per step (0 for input slices, which
  /// only pay the step overhead).
  std::vector<uint32_t> sliceNeurons;
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

#endif // SNNC_SPINNAKER2_TOPOLOGY_H
