//===- RefEngine.cpp - The fixed-point golden model -----------------------===//

#include "snnc/spinnaker2/RefEngine.h"

#include "EngineData.h"
#include "FixedSweep.h"
#include "Simulator.h"

#include "snnc/spinnaker2/FixedPoint.h"
#include "snnc/spinnaker2/ImageSections.h"

namespace snnc::runtime {

namespace {

namespace s2 = snnc::spinnaker2;

struct FixedArith {
  using Acc = int32_t;
  using State = s2::NeuronState;
  using Neuron = s2::NeuronConstants;

  static std::vector<Neuron> neurons(const image::Image &image, size_t p) {
    const s2::PopulationFixedPoint &pop = s2::fixedPoint(image).populations[p];
    std::vector<Neuron> out;
    out.reserve(pop.neurons.size());
    for (const s2::FixedNeuron &f : pop.neurons) {
      Neuron c;
      c.decay = f.decayQ;
      c.gain = {f.gainM, f.gainS};
      c.drive = f.driveQ;
      c.bias = f.biasQ;
      c.threshold = f.thresholdQ;
      c.reset = f.resetQ;
      c.synDecay = f.synDecayQ;
      c.synGain = {f.synGainM, f.synGainS};
      out.push_back(c);
    }
    return out;
  }

  /// The neuron phase as one vectorised sweep per population.
  static constexpr bool kSweeps = true;
  static uint32_t sweep(const Neuron *neurons, bool uniform, bool cuba,
                        bool spiking, Acc *slot, State *state, uint32_t size,
                        uint32_t *fired, uint8_t *mask) {
    return detail::sweepFixed(
        {neurons, uniform, cuba, spiking, slot, state, size, fired, mask});
  }

  static double valueScale(const image::Image &image, size_t p) {
    return s2::fixedPoint(image).populations[p].sV;
  }
  static double value(const State &state, double sV) { return state.v * sV; }

  /// Synapses deliver int16 w_q ...
  using Weight = int16_t;
  static const Weight *weights(const int16_t *weightQ, const float *) {
    return weightQ;
  }

  /// ... as w_q << k_Q, shifted as unsigned since w_q may be negative.
  static Acc widen(Weight w, int32_t shift) {
    return static_cast<int32_t>(static_cast<uint32_t>(int32_t(w)) << shift);
  }

  /// The quantizer bounds every slot's sum below 2^31 (numerics §3), so the
  /// add is exact there; wrapping (not saturating) keeps it order
  /// independent even for hand-made images that break the bound, which
  /// lets delivery interleave rows.
  static constexpr bool kOrderFree = true;
  static void add(Acc &slot, Acc w) {
    slot = static_cast<int32_t>(static_cast<uint32_t>(slot) +
                                static_cast<uint32_t>(w));
  }
};

} // namespace

RefEngine::RefEngine(const image::Image &image)
    : data(std::make_unique<detail::EngineData>(image)) {}

RefEngine::~RefEngine() = default;

Expected<RunResult> RefEngine::run(const std::vector<SpikeTrain> &inputs,
                                   const RunOptions &options,
                                   StepObserver *observer) {
  detail::Simulator<FixedArith> sim(data->image, data->topology,
                                    data->procedural);
  return sim.run(inputs, options, observer);
}

} // namespace snnc::runtime
