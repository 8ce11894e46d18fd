//===- ToyRuntime.cpp - The runtime half of the test-only target ----------===//
//
// Toy's engine is a real one: float LIF neurons (v <- decay v + gain I +
// drive; a spike when v > threshold, then v <- reset) over the image's
// stored synapses with their delays, counting toy's own event classes. Its
// energy model is toy-energy.json beside this file, and it adds one term
// that is not count x coefficient (a fixed share of dynamic energy for the
// toy chip's "cooling"), which the report must list apart.
//
//===----------------------------------------------------------------------===//

#include "ToySections.h"

#include "snnc/runtime/Energy.h"
#include "snnc/runtime/RunBookkeeping.h"
#include "snnc/runtime/TargetRuntime.h"

#include <fstream>

using namespace snnc;
using namespace snnc::runtime;

namespace {

enum ToyCounter : size_t { NeuronUpdates, SynapticEvents, ToySpikes };

std::shared_ptr<const CounterSchema> toySchema() {
  static auto schema =
      std::make_shared<const CounterSchema>(std::vector<CounterClass>{
          {"neuron_updates", "neuron update", "one per neuron per step"},
          {"synaptic_events", "synapse", "synapses of delivered spikes"},
          {"toy_spikes", "spike", "spikes the populations emit"}});
  return schema;
}

class ToyEngine : public Engine {
public:
  explicit ToyEngine(const image::Image &image)
      : image(image),
        dense(*image.sections.get<toy::DenseSection>(toy::kDenseSection)) {}
  const char *name() const override { return "ref"; }

  Expected<RunResult> run(const std::vector<SpikeTrain> &inputs,
                          const RunOptions &options,
                          StepObserver *observer) override {
    if (Status s = detail::checkInputs(image, inputs); !s)
      return s.error();
    RunResult result = detail::startRun(image, options, toySchema());
    size_t pops = image.populations.size();
    std::vector<std::vector<double>> v(pops), input(pops), next(pops);
    for (size_t p = 0; p < pops; ++p) {
      v[p].assign(image.populations[p].size, 0.0);
      input[p] = next[p] = v[p];
    }
    std::vector<std::vector<uint32_t>> popSpikes(pops), inSpikes(inputs.size());
    detail::InputCursor cursor(inputs);
    for (uint64_t t = 0; t < options.steps; ++t) {
      // Spikes of step t - 1 (populations) and step t (inputs) arrive with
      // delay 1 at the next update.
      cursor.step(t, inSpikes);
      // Each spike reads its source's row of the dense matrix; a zero
      // weight is no synapse and costs no event.
      for (size_t k = 0; k < image.projections.size(); ++k) {
        const image::Projection &q = image.projections[k];
        const toy::DenseMatrix &m = dense.matrices[k];
        const std::vector<uint32_t> &fired =
            q.source.kind == image::SourceKind::Input
                ? inSpikes[q.source.index]
                : popSpikes[q.source.index];
        for (uint32_t pre : fired)
          for (uint32_t post = 0; post < m.cols; ++post)
            if (float w = m.weight[size_t(pre) * m.cols + post]; w != 0) {
              input[q.target][post] += w;
              ++result.counters[SynapticEvents];
            }
      }
      for (size_t p = 0; p < pops; ++p) {
        const image::Population &pop = image.populations[p];
        popSpikes[p].clear();
        for (uint32_t j = 0; j < pop.size; ++j) {
          const image::FloatNeuron &f = pop.floatParams[j];
          v[p][j] = f.decay * v[p][j] + f.gain * input[p][j] + f.drive;
          input[p][j] = 0;
          if (pop.spiking && v[p][j] > f.threshold) {
            popSpikes[p].push_back(j);
            v[p][j] = f.reset;
          }
        }
        result.counters[NeuronUpdates] += pop.size;
        result.counters[ToySpikes] += popSpikes[p].size();
      }
      detail::recordSpikes(t, popSpikes, options, result);
      for (OutputTrace &trace : result.outputs)
        if (trace.kind == image::OutputKind::Current)
          for (uint32_t j = 0; j < trace.size; ++j)
            trace.values[t * trace.size + j] = v[trace.population][j];
      result.steps = t + 1;
      if (observer &&
          !observer->onStep({t, popSpikes, inSpikes, result.counters})) {
        result.stopReason = StopReason::ObserverStopped;
        break;
      }
    }
    detail::finishRun(options, result);
    return result;
  }

private:
  const image::Image &image;
  const toy::DenseSection &dense;
};

class ToyRuntime : public TargetRuntime {
public:
  std::string name() const override { return "toy"; }
  std::string summary() const override {
    return "a test-only target: float LIF, one unit per population";
  }
  std::shared_ptr<const CounterSchema> counters() const override {
    return toySchema();
  }
  std::vector<std::string> engines() const override { return {"ref"}; }
  Expected<std::unique_ptr<Engine>>
  createEngine(const std::string &engine, const image::Image &image,
               const EngineOptions &) const override {
    if (engine != "ref")
      return ImageError{"", "the toy target has no engine '" + engine + "'"};
    return std::unique_ptr<Engine>(std::make_unique<ToyEngine>(image));
  }
  std::vector<NamedEnergyModel> energyModels() const override {
    std::ifstream in(SNNC_TOY_ENERGY_JSON);
    nlohmann::json model = nlohmann::json::parse(in);
    return {{model["operating_point"]["name"], "toy-energy.json", model}};
  }
  std::map<std::string, uint64_t>
  unitsInUse(const image::Image &image) const override {
    return {{"unit", image.placement.sliceOfPe.size()}};
  }
  double clockHz(const image::Image &,
                 const nlohmann::json &model) const override {
    return model["operating_point"].value("clock_hz", 0.0);
  }
  double stepCycleBudget(const image::Image &) const override { return 0; }
  Expected<std::vector<EnergyTerm>>
  extraEnergy(const image::Image &, const RunResult &result,
              const nlohmann::json &model, double) const override {
    Expected<double> share = energyCoefficient(
        model["extra"], "cooling_share_of_spikes_j", "extra.cooling");
    if (!share)
      return share.error();
    return std::vector<EnergyTerm>{
        {"toy cooling",
         share.value() * double(result.counters.value("toy_spikes")),
         "assumed"}};
  }
  Footprint footprint(const image::Image &image) const override {
    Footprint f;
    // Dense: every matrix entry is stored, zero or not.
    for (const toy::DenseMatrix &m :
         image.sections.get<toy::DenseSection>(toy::kDenseSection)->matrices)
      f.weightBytes += 4 * m.weight.size();
    for (const image::Population &p : image.populations)
      f.stateBytes += 8 * uint64_t(p.size);
    return f;
  }
};

} // namespace

extern "C" void snncInitializetoyRuntime() {
  snnc::toy::registerToySections();
  if (Status s = registerTargetRuntime(std::make_unique<ToyRuntime>()); !s)
    std::abort();
}
