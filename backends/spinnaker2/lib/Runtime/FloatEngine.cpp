//===- FloatEngine.cpp - The unquantized reference semantics --------------===//

#include "snnc/spinnaker2/FloatEngine.h"

#include "EngineData.h"
#include "Simulator.h"
#include "snnc/runtime/FloatNeuron.h"

namespace snnc::runtime {

namespace {

struct FloatArith {
  using Acc = double;
  using State = FloatNeuronState;
  using Neuron = image::FloatNeuron;

  static std::vector<Neuron> neurons(const image::Image &image, size_t p) {
    return image.populations[p].floatParams;
  }

  static bool update(const Neuron &n, bool cuba, bool spiking, Acc input,
                     State &state) {
    return stepFloatNeuron(n, cuba, spiking, input, state);
  }

  static double valueScale(const image::Image &, size_t) { return 1; }
  static double value(const State &state, double) { return state.v; }

  /// Synapses deliver their float weight, unscaled.
  using Weight = float;
  static const Weight *weights(const int16_t *, const float *weight) {
    return weight;
  }
  static Acc widen(Weight w, int32_t) { return w; }

  static void add(Acc &slot, Acc w) { slot += w; }
};

} // namespace

FloatEngine::FloatEngine(const image::Image &image)
    : data(std::make_unique<detail::EngineData>(image)) {}

FloatEngine::~FloatEngine() = default;

Expected<RunResult> FloatEngine::run(const std::vector<SpikeTrain> &inputs,
                                     const RunOptions &options,
                                     StepObserver *observer) {
  detail::Simulator<FloatArith> sim(data->image, data->topology,
                                    data->procedural);
  return sim.run(inputs, options, observer);
}

} // namespace snnc::runtime
