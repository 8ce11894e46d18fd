//===- FloatEngine.cpp - The network without device effects ---------------===//

#include "StepLoop.h"
#include "snnc/crossbar/ChipProgram.h"
#include "snnc/crossbar/Engines.h"

#include "snnc/runtime/FloatNeuron.h"

namespace snnc::crossbar {
namespace {

/// The real weights of every tile (exactTileWeights) added in double, and
/// the float neuron; the tile structure is the chip's, so the events
/// counted are the chip's, without saturations.
struct FloatArith {
  using Acc = double;
  using State = runtime::FloatNeuronState;

  const ChipProgram &prog;
  std::vector<std::vector<float>> weights;
  std::vector<uint8_t> cuba;

  FloatArith(const ChipProgram &prog)
      : prog(prog), weights(exactTileWeights(*prog.image, *prog.map)) {
    for (const image::Population &pop : prog.image->populations)
      cuba.push_back(pop.model == image::NeuronModel::CubaLif);
  }

  bool update(size_t p, uint32_t j, Acc input, State &state) const {
    const image::Population &pop = prog.image->populations[p];
    return runtime::stepFloatNeuron(pop.floatParams[j], cuba[p], pop.spiking,
                                    input, state);
  }
  double value(size_t, const State &state) const { return state.v; }
  void read(const TileUse &use, const std::vector<uint32_t> &rows, uint64_t,
            Acc *slot, ReadCounts &counts) {
    const ReadyTile &tile = prog.tiles[use.tile];
    const float *w = weights[use.tile].data();
    for (uint32_t r : rows) {
      const float *row = w + size_t(r) * tile.cols;
      for (uint32_t c = 0; c < tile.cols; ++c)
        slot[c] += row[c];
    }
    countTileRead(tile, rows.data(), rows.size(), prog.model, counts);
  }
};

} // namespace

runtime::Expected<std::unique_ptr<runtime::Engine>>
makeFloatEngine(const image::Image &image) {
  return makeLoopEngine<FloatArith>("float", image);
}

} // namespace snnc::crossbar
