//===- PulseEngine.cpp - The SFQ engines' step loop -----------------------===//

#include "PulseEngine.h"

#include "snnc/image/Procedural.h"
#include "snnc/runtime/FloatNeuron.h"
#include "snnc/runtime/RunBookkeeping.h"

#include <algorithm>

namespace snnc::sfq {

PulseDevice::~PulseDevice() = default;

std::shared_ptr<const runtime::CounterSchema> counterSchema() {
  static const std::shared_ptr<const runtime::CounterSchema> schema =
      std::make_shared<runtime::CounterSchema>(
          std::vector<runtime::CounterClass>{
#define SNNC_COUNTER(Enum, name, unit, description) {name, unit, description},
#include "snnc/sfq/Counters.def"
#undef SNNC_COUNTER
          });
  return schema;
}

namespace {

using runtime::Expected;

/// Off-chip readouts: their synapses from spiking sources, as CSR rows per
/// source element, with delays.
struct ReadoutSynapse {
  uint32_t target;
  double weight;
  uint32_t delay;
};

struct Readouts {
  /// Per source (inputs' elements then populations' neurons, as in the
  /// image's numbering), per readout population it feeds.
  struct Feed {
    uint32_t population;
    std::vector<uint64_t> rowPtr;
    std::vector<ReadoutSynapse> synapses;
  };
  std::vector<std::vector<Feed>> fromInput, fromPopulation;
  uint32_t ring = 1;
};

Readouts buildReadouts(const image::Image &image) {
  Readouts r;
  r.fromInput.resize(image.inputs.size());
  r.fromPopulation.resize(image.populations.size());
  for (const image::Projection &p : image.projections) {
    if (image.populations[p.target].spiking)
      continue;
    Readouts::Feed feed;
    feed.population = p.target;
    feed.rowPtr.push_back(0);
    uint32_t sources = image::sourceSize(image, p.source);
    image::forEachSynapse(
        p, sources, [&](uint32_t pre, uint32_t post, uint16_t delay, float w) {
          while (feed.rowPtr.size() <= pre)
            feed.rowPtr.push_back(feed.synapses.size());
          feed.synapses.push_back({post, w, delay});
        });
    while (feed.rowPtr.size() <= sources)
      feed.rowPtr.push_back(feed.synapses.size());
    r.ring = std::max<uint32_t>(r.ring, p.maxDelay + 1);
    (p.source.kind == image::SourceKind::Input
         ? r.fromInput
         : r.fromPopulation)[p.source.index]
        .push_back(std::move(feed));
  }
  return r;
}

class PulseEngine : public runtime::Engine {
public:
  PulseEngine(const char *engineName, const image::Image &image,
              const NetlistSection &section,
              std::unique_ptr<PulseDevice> device)
      : engineName(engineName), image(image), section(section),
        device(std::move(device)), readouts(buildReadouts(image)) {
    for (const image::InputPort &port : image.inputs) {
      inputOffset.push_back(elements);
      elements += port.size;
    }
    for (uint32_t c = 0; c < section.netlist.size(); ++c)
      if (section.netlist.cell(c).kind == CellKind::Neuron)
        siteOfCell.resize(c + 1), siteOfCell[c] = section.neurons[neurons++];
  }

  const char *name() const override { return engineName; }

  Expected<runtime::RunResult>
  run(const std::vector<runtime::SpikeTrain> &inputs,
      const runtime::RunOptions &options,
      runtime::StepObserver *observer) override;

  nlohmann::json extraReport(double) const override { return lastFigures; }
  std::string describeExtra(double) const override {
    std::string out;
    for (auto it = lastFigures.begin(); it != lastFigures.end(); ++it)
      out += it.key() + " " + it.value().dump() + "\n";
    return out;
  }

private:
  void deliverToReadouts(uint64_t t,
                         const std::vector<std::vector<Readouts::Feed>> &feeds,
                         const std::vector<std::vector<uint32_t>> &spikes);

  const char *engineName;
  const image::Image &image;
  const NetlistSection &section;
  std::unique_ptr<PulseDevice> device;
  Readouts readouts;
  std::vector<uint32_t> inputOffset;
  uint32_t elements = 0;
  uint32_t neurons = 0;
  std::vector<NeuronSite> siteOfCell;
  /// Readout state and input ring per readout population.
  std::vector<std::vector<runtime::FloatNeuronState>> states;
  std::vector<std::vector<double>> ring;
  nlohmann::json lastFigures = nlohmann::json::object();
};

void PulseEngine::deliverToReadouts(
    uint64_t t, const std::vector<std::vector<Readouts::Feed>> &feeds,
    const std::vector<std::vector<uint32_t>> &spikes) {
  for (size_t s = 0; s < feeds.size(); ++s)
    for (const Readouts::Feed &feed : feeds[s]) {
      uint32_t size = image.populations[feed.population].size;
      for (uint32_t e : spikes[s])
        for (uint64_t k = feed.rowPtr[e]; k < feed.rowPtr[e + 1]; ++k) {
          const ReadoutSynapse &syn = feed.synapses[k];
          ring[feed.population][((t + syn.delay) % readouts.ring) * size +
                                syn.target] += syn.weight;
        }
    }
}

Expected<runtime::RunResult>
PulseEngine::run(const std::vector<runtime::SpikeTrain> &inputs,
                 const runtime::RunOptions &options,
                 runtime::StepObserver *observer) {
  if (runtime::Status status = runtime::detail::checkInputs(image, inputs);
      !status)
    return status.error();
  if (runtime::Status status = device->reset(); !status)
    return status.error();
  runtime::RunResult result =
      runtime::detail::startRun(image, options, counterSchema());
  // The whole netlist is one unit; a step is one slot, one cycle of a
  // clock at the pulse rate.
  result.peLoads.push_back({0, 0, 0, 0, 0});
  runtime::detail::InputCursor cursor(inputs);
  std::vector<std::vector<uint32_t>> inSpikes,
      popSpikes(image.populations.size());
  std::vector<NeuronFire> fires;
  states.assign(image.populations.size(), {});
  ring.assign(image.populations.size(), {});
  for (size_t p = 0; p < image.populations.size(); ++p)
    if (!image.populations[p].spiking) {
      states[p].assign(image.populations[p].size, {});
      ring[p].assign(size_t(readouts.ring) * image.populations[p].size, 0.0);
    }
  const uint64_t slot = section.slotTicks;
  for (uint64_t t = 0; t < options.steps; ++t) {
    cursor.step(t, inSpikes);
    for (size_t port = 0; port < inSpikes.size(); ++port) {
      std::vector<uint32_t> &spikes = inSpikes[port];
      std::sort(spikes.begin(), spikes.end());
      spikes.erase(std::unique(spikes.begin(), spikes.end()), spikes.end());
      for (uint32_t e : spikes) {
        uint64_t element = inputOffset[port] + e;
        device->inject(t * slot + (element * section.inputSpacingTicks) % slot +
                           section.inputPhaseTicks,
                       uint32_t(element));
      }
    }
    fires.clear();
    if (runtime::Status status = device->runUntil((t + 1) * slot, fires);
        !status)
      return status.error();
    for (std::vector<uint32_t> &spikes : popSpikes)
      spikes.clear();
    // A neuron that fires twice in one slot spikes once in the step; its
    // pulses are all in the counters and all travel on in the netlist.
    for (const NeuronFire &fire : fires) {
      const NeuronSite &site = siteOfCell[fire.cell];
      popSpikes[site.population].push_back(site.index);
    }
    for (std::vector<uint32_t> &spikes : popSpikes) {
      std::sort(spikes.begin(), spikes.end());
      spikes.erase(std::unique(spikes.begin(), spikes.end()), spikes.end());
    }
    // Off-chip readouts integrate the spikes of steps before this one.
    for (size_t p = 0; p < image.populations.size(); ++p) {
      const image::Population &pop = image.populations[p];
      if (pop.spiking)
        continue;
      bool cuba = pop.model == image::NeuronModel::CubaLif;
      double *in = ring[p].data() + (t % readouts.ring) * pop.size;
      for (uint32_t j = 0; j < pop.size; ++j) {
        runtime::stepFloatNeuron(pop.floatParams[j], cuba, false, in[j],
                                 states[p][j]);
        in[j] = 0;
      }
    }
    deliverToReadouts(t, readouts.fromInput, inSpikes);
    deliverToReadouts(t, readouts.fromPopulation, popSpikes);
    runtime::detail::recordSpikes(t, popSpikes, options, result);
    for (runtime::OutputTrace &trace : result.outputs)
      if (trace.kind == image::OutputKind::Current)
        for (uint32_t j = 0; j < trace.size; ++j)
          trace.values[t * trace.size + j] = states[trace.population][j].v;
    const std::array<uint64_t, kNumCounters> &counts = device->counters();
    for (size_t c = 0; c < kNumCounters; ++c)
      result.counters[c] = counts[c];
    runtime::detail::chargeLoad(result.peLoads[0], 1, 1, 0);
    result.steps = t + 1;
    if (observer &&
        !observer->onStep({t, popSpikes, inSpikes, result.counters})) {
      result.stopReason = runtime::StopReason::ObserverStopped;
      break;
    }
  }
  runtime::detail::finishRun(options, result);
  lastFigures = device->figures();
  lastFigures["slot_ticks"] = slot;
  lastFigures["simulated_ps"] = double(result.steps * slot) / 10.0;
  return result;
}

/// The ref device: the PulseSimulator.
class RefDevice : public PulseDevice {
public:
  RefDevice(const NetlistSection &section, TimingTable timingTable,
            uint64_t seed)
      : timing(std::move(timingTable)),
        simulator(section.netlist, timing, seed) {}
  runtime::Status reset() override {
    simulator.reset();
    return {};
  }
  void inject(uint64_t tick, uint32_t element) override {
    simulator.inject(tick, element);
  }
  runtime::Status runUntil(uint64_t endTick,
                           std::vector<NeuronFire> &fires) override {
    simulator.runUntil(endTick, fires);
    return {};
  }
  const std::array<uint64_t, kNumCounters> &counters() const override {
    return simulator.counters();
  }
  nlohmann::json figures() const override {
    return {{"pulse_events", simulator.eventsProcessed()}};
  }

private:
  TimingTable timing;
  PulseSimulator simulator;
};

} // namespace

Expected<std::unique_ptr<runtime::Engine>>
makePulseEngine(const char *name, const image::Image &image,
                std::unique_ptr<PulseDevice> device) {
  const auto *section = image.sections.get<NetlistSection>(kNetlistSection);
  if (!section)
    return image::ImageError{"", "the image has no sfq.netlist section"};
  return std::unique_ptr<runtime::Engine>(
      std::make_unique<PulseEngine>(name, image, *section, std::move(device)));
}

Expected<std::unique_ptr<runtime::Engine>>
makeRefEngine(const image::Image &image) {
  const auto *section = image.sections.get<NetlistSection>(kNetlistSection);
  if (!section)
    return image::ImageError{"", "the image has no sfq.netlist section"};
  return makePulseEngine(
      "ref", image,
      std::make_unique<RefDevice>(*section, section->timing, image.seed));
}

} // namespace snnc::sfq
