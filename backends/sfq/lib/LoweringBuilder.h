//===- LoweringBuilder.h - The state of one SFQ lowering --------*- C++ -*-===//
//
// Internal to the lowering: Lowering.cpp builds the asynchronous netlist,
// ClockedLowering.cpp the clocked pipeline and its clock (docs/sfq.md §12)
// over the same state.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_LIB_LOWERINGBUILDER_H
#define SNNC_SFQ_LIB_LOWERINGBUILDER_H

#include "snnc/image/Procedural.h"
#include "snnc/sfq/Lowering.h"

#include <optional>

namespace snnc::sfq::detail {

using image::ImageError;

/// One synapse as the rows give it.
struct Connection {
  uint32_t projection;
  uint32_t pre;
  uint32_t post;
  float weight;
  uint16_t delay;
};

/// Calls `fn(Connection)` for every synapse of projection `index`, stored
/// or regenerated, in row order.
template <typename Fn>
void forEachSynapse(const image::Image &net, uint32_t index, Fn fn) {
  const image::Projection &p = net.projections[index];
  image::forEachSynapse(
      p, image::sourceSize(net, p.source),
      [&](uint32_t pre, uint32_t post, uint16_t delay, float weight) {
        fn(Connection{index, pre, post, weight, delay});
      });
}

/// Charge a neuron's membrane takes from one unit of weight: gain, times
/// a CuBa synapse's total charge per spike.
inline double unitGain(const image::Population &pop,
                       const image::FloatNeuron &f) {
  if (pop.model == image::NeuronModel::CubaLif && f.synDecay < 1)
    return f.gain * f.synGain / (1 - f.synDecay);
  return f.gain;
}

inline std::string neuronName(const image::Image &net, uint32_t pop,
                              uint32_t j) {
  return "neuron " + std::to_string(j) + " of population '" +
         net.populations[pop].name + "'";
}

/// Ticks of window `after` -> `on` of `kind`, 0 when the library has none.
inline uint64_t window(const CellLibrary &library, CellKind kind, uint8_t after,
                       uint8_t on) {
  for (const Separation &s : library[kind].timing.separations)
    if (s.after == after && s.on == on)
      return s.ticks;
  return 0;
}

class Builder {
public:
  Builder(const image::Image &net, const TargetModel &model,
          const CellLibrary &library, LoweredNetwork &out)
      : net(net), model(model), library(library), out(out) {}

  std::optional<ImageError> run();

private:
  uint32_t add(CellKind kind, uint64_t a = 0, uint64_t b = 0,
               const CellMeta &meta = {}) {
    out.meta.push_back(meta);
    return out.netlist.addCell(kind, a, b);
  }
  void fanOut(Pin from, const std::vector<Pin> &dests, size_t first,
              size_t count, uint32_t depth);
  void fanIn(const std::vector<Pin> &sources, size_t first, size_t count,
             Pin to, uint32_t depth);
  std::optional<ImageError> survey();
  std::optional<ImageError> neurons();
  std::optional<ImageError> synapses();
  std::optional<ImageError> trees();
  std::optional<ImageError> mergerTreesFitSlot(bool widestInhibitory);
  std::optional<ImageError> slotFitsCells();
  void leakClocks();
  void criticalPath();
  // Clocked mode (ClockedLowering.cpp).
  void fanInClocked(const std::vector<Pin> &sources, size_t first, size_t count,
                    Pin to, uint32_t levels);
  void clockedTrees();
  std::optional<ImageError> clockPipeline();
  void clockTree(Pin from, size_t first, size_t count, uint32_t levels);

  const image::Image &net;
  const TargetModel &model;
  const CellLibrary &library;
  LoweredNetwork &out;

  /// Largest |weight| onto each neuron, [population][neuron].
  std::vector<std::vector<double>> maxAbs;
  uint64_t synapseTotal = 0;
  /// Sources are input elements (global numbering), then every neuron of
  /// every population: their cells and the synapse inputs they drive.
  std::vector<uint32_t> inputOffset, populationOffset;
  std::vector<uint32_t> sourceCell;
  std::vector<std::vector<Pin>> sourceDests;
  /// Per neuron cell: excitatory and inhibitory synapse outputs, and the
  /// leak period in slots (0: none).
  std::vector<std::vector<Pin>> excInputs, inhInputs;
  std::vector<uint64_t> leakSlots;
  /// Per cell (synapses only): depth in their splitter and (asynchronous)
  /// merger trees.
  std::vector<uint32_t> splitDepth, mergeDepth;
  uint64_t nextSynapseId = 0;
  /// Clocked mode: the clock input of every clocked cell.
  std::vector<Pin> clockPins;
};

} // namespace snnc::sfq::detail

#endif // SNNC_SFQ_LIB_LOWERINGBUILDER_H
