//===- TestImages.h - Small hand-built images for engine tests ------------===//

#ifndef SNNC_TEST_RUNTIME_TESTIMAGES_H
#define SNNC_TEST_RUNTIME_TESTIMAGES_H

#include "snnc/image/Image.h"
#include "snnc/runtime/Engine.h"
#include "snnc/runtime/SpikeTrain.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <cstdint>
#include <map>
#include <vector>

namespace snnc::runtime::test {

struct Synapse {
  uint32_t pre;
  uint32_t post;
  int16_t weightQ;
  float weight;
  uint16_t delay;
};

/// An image on chips of 16 PEs in a row, every slice on its own PE, every
/// slice key routed by chip 0 to its PE 0, chips at (0, 0), (1, 0), ... on
/// hexagonal links (link 0 points to +x, link 3 to -x), and a cycle model of 10
/// cycles overhead, 100 per neuron update, 5 per synaptic event and a
/// budget of 10^6 cycles.
class ImageBuilder {
public:
  /// `chips` chips of 16 PEs, the chips in a row.
  explicit ImageBuilder(uint32_t chips = 1);

  /// The next slice goes to global PE `pe`.
  void setNextPe(uint32_t pe) { nextPe = pe; }

  /// Adds an input port of `size` elements; returns its index.
  uint32_t addInput(uint32_t size);
  /// Adds a population whose neurons all share `f` and `q`; returns its
  /// index. `slices` cuts it into that many near-equal slices.
  uint32_t addPopulation(image::NeuronModel model, uint32_t size,
                         const image::FloatNeuron &f,
                         const spinnaker2::FixedNeuron &q, double sIn = 1,
                         double sV = 1, uint32_t slices = 1);
  /// Adds a stored projection; returns its index.
  uint32_t addStored(image::SourceKind kind, uint32_t source, uint32_t target,
                     std::vector<Synapse> synapses, int32_t shift = 0);
  /// Adds a procedural projection of a reservoir onto itself.
  uint32_t addProcedural(uint32_t population, const snn::reservoir::Spec &spec,
                         uint16_t delay, int32_t shift = 0);
  void addOutput(uint32_t population);

  /// The finished image, checked with validateImage (throws if invalid).
  image::Image build();

private:
  image::Slice place(uint32_t first, uint32_t count);

  image::Image image;
  uint32_t nextPe = 0;
  uint32_t nextKey = 1;
  /// Every slice has a PE of its own, so its PE names its key block.
  std::map<uint32_t, spinnaker2::SliceKey> keyOfPe;
};

/// A spike train of `size` elements with the given (step, index) events.
SpikeTrain train(uint32_t size, std::vector<SpikeEvent> events);

/// Fixed-point constants of a plain LIF/LI neuron.
spinnaker2::FixedNeuron fixedNeuron(int32_t decayQ, int32_t gainM,
                                    int32_t gainS, int32_t thresholdQ,
                                    int32_t resetQ = 0, int32_t driveQ = 0,
                                    int32_t biasQ = 0);

/// Float constants of a leaky neuron: decay 0.9, gain 0.1, threshold 1, the
/// rest at their defaults.
image::FloatNeuron leakyNeuron();

/// A LIF population of `n` neurons in three slices (tau 10 steps, threshold
/// 1), fed by an input of `n` elements (p = 1/4, delay 1) and recurrently
/// connected (p = 1/8, delays 1..4, mixed signs). Float weights are drawn
/// first and quantized as snn-quantize does, so that ref and float differ
/// by quantization alone. Its one output is the population's spikes.
image::Image randomNetwork(unsigned seed, uint32_t n);

/// Independent Bernoulli spikes of probability `p` per element and step.
SpikeTrain randomTrain(unsigned seed, uint32_t n, uint64_t steps, double p);

/// A reservoir of `n` neurons, 80 % excitatory, connection probability 0.1,
/// weights uniform in [0.05, 0.3] (excitatory) and [-0.6, -0.1]
/// (inhibitory), seed 5: sparse and weak enough to stay far from saturation.
snn::reservoir::Spec sparseReservoir(uint32_t n);

/// Runs `engine` for `steps` steps, recording every population's spikes when
/// `recordAll`; a failed run is a test failure and gives an empty result.
RunResult runOk(Engine &engine, const std::vector<SpikeTrain> &inputs,
                uint64_t steps, bool recordAll = false);

/// 30 inputs onto 60 silent LIF neurons (threshold out of reach) in two
/// slices, every input with 10 synapses: synaptic work is exactly 10 per
/// input spike.
image::Image feedForward();

} // namespace snnc::runtime::test

#endif // SNNC_TEST_RUNTIME_TESTIMAGES_H
