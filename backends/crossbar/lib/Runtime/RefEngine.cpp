//===- RefEngine.cpp - The crossbar chip, bit for bit
//----------------------===//

#include "StepLoop.h"
#include "snnc/crossbar/ChipProgram.h"
#include "snnc/crossbar/Engines.h"

namespace snnc::crossbar {
namespace {

/// Tile reads through the shared analog model (TileRead.h) and the integer
/// periphery (Periphery.h).
struct RefArith {
  using Acc = int64_t;
  using State = fixedpoint::NeuronState;

  const ChipProgram &prog;
  std::vector<uint8_t> cuba;
  ReadScratch scratch;
  std::vector<int32_t> codes;

  explicit RefArith(const ChipProgram &prog) : prog(prog) {
    for (const image::Population &pop : prog.image->populations)
      cuba.push_back(pop.model == image::NeuronModel::CubaLif);
  }

  bool update(size_t p, uint32_t j, Acc input, State &state) const {
    return fixedpoint::stepNeuron(prog.plan.populations[p].neurons[j], cuba[p],
                                  prog.image->populations[p].spiking,
                                  fixedpoint::sat32(input), state);
  }
  double value(size_t p, const State &state) const {
    return double(state.v) * prog.plan.populations[p].sV;
  }
  void read(const TileUse &use, const std::vector<uint32_t> &rows, uint64_t t,
            Acc *slot, ReadCounts &counts) {
    const ReadyTile &tile = prog.tiles[use.tile];
    codes.resize(tile.cols);
    readTile(tile, rows.data(), rows.size(), prog.image->seed, t, use.tile,
             prog.model, prog.plan.range[use.tile], scratch, codes.data(),
             counts);
    accumulateCodes(codes.data(), tile.cols, use.multiplier, slot);
  }
};

} // namespace

runtime::Expected<std::unique_ptr<runtime::Engine>>
makeRefEngine(const image::Image &image) {
  return makeLoopEngine<RefArith>("ref", image);
}

} // namespace snnc::crossbar
