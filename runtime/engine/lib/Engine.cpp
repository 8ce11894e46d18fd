//===- Engine.cpp - Pieces every engine shares ----------------------------===//

#include "snnc/runtime/Engine.h"

#include "snnc/runtime/Decoding.h"

#include "snnc/runtime/RunBookkeeping.h"

#include <algorithm>

namespace snnc::runtime {

StepObserver::~StepObserver() = default;
Engine::~Engine() = default;

nlohmann::json Engine::extraReport(double) const { return nullptr; }
std::string Engine::describeExtra(double) const { return ""; }

const char *toString(StopReason reason) {
  switch (reason) {
  case StopReason::Completed:
    return "completed";
  case StopReason::ObserverStopped:
    return "observer-stopped";
  case StopReason::RealTimeViolation:
    return "real-time-violation";
  }
  return "unknown";
}

namespace detail {

namespace {
/// Empty traces for the image's outputs.
std::vector<OutputTrace> makeTraces(const image::Image &image, uint64_t steps) {
  std::vector<OutputTrace> traces;
  for (const image::Output &out : image.outputs) {
    OutputTrace trace;
    trace.index = out.index;
    trace.population = out.population;
    trace.kind = out.kind;
    trace.size = image.populations[out.population].size;
    if (out.kind == image::OutputKind::Current)
      trace.values.assign(steps * trace.size, 0.0);
    traces.push_back(std::move(trace));
  }
  return traces;
}
} // namespace

} // namespace detail

Status checkRunLength(const image::Image &image, uint64_t steps,
                      uint64_t window) {
  uint64_t perStep = 0;
  for (const image::Output &out : image.outputs)
    if (out.kind == image::OutputKind::Current)
      perStep +=
          uint64_t(image.populations[out.population].size) * sizeof(double);
  if (perStep != 0 && steps > kMaxRecordingBytes / perStep)
    return ImageError{
        "", "--steps " + std::to_string(steps) + " would record " +
                std::to_string(perStep) +
                " bytes of readout values per step, more than the " +
                std::to_string(kMaxRecordingBytes >> 20) +
                " MiB a run may record (at most " +
                std::to_string(kMaxRecordingBytes / perStep) + " steps)"};
  return checkDecodeSize(image, steps, window);
}

namespace detail {

Status checkInputs(const image::Image &image,
                   const std::vector<SpikeTrain> &inputs) {
  if (inputs.size() != image.inputs.size())
    return ImageError{"",
                      "the image has " + std::to_string(image.inputs.size()) +
                          " input ports but " + std::to_string(inputs.size()) +
                          " spike trains were given"};
  for (size_t i = 0; i < inputs.size(); ++i) {
    const image::InputPort &port = image.inputs[i];
    if (Status s =
            checkSpikeTrain(inputs[i], port, "input '" + port.name + "'");
        !s)
      return s;
  }
  return Status::success();
}

RunResult startRun(const image::Image &image, const RunOptions &options,
                   std::shared_ptr<const CounterSchema> counters) {
  RunResult result;
  result.counters = CounterSet(std::move(counters));
  for (const image::Population &pop : image.populations)
    if (pop.spiking)
      result.spikingNeurons += pop.size;
  result.outputs = makeTraces(image, options.steps);
  if (options.recordAllSpikes)
    result.populationSpikes.resize(image.populations.size());
  return result;
}

void recordSpikes(uint64_t t,
                  const std::vector<std::vector<uint32_t>> &popSpikes,
                  const RunOptions &options, RunResult &result) {
  for (const std::vector<uint32_t> &fired : popSpikes)
    result.populationSpikeCount += fired.size();
  for (OutputTrace &trace : result.outputs)
    if (trace.kind == image::OutputKind::Spikes) {
      const std::vector<uint32_t> &fired = popSpikes[trace.population];
      trace.spikes.append(t, fired.data(), fired.size());
    }
  if (options.recordAllSpikes)
    for (size_t p = 0; p < popSpikes.size(); ++p)
      result.populationSpikes[p].append(t, popSpikes[p].data(),
                                        popSpikes[p].size());
}

void InputCursor::step(uint64_t t,
                       std::vector<std::vector<uint32_t>> &perPort) {
  perPort.resize(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::vector<SpikeEvent> &events = inputs[i].events;
    perPort[i].clear();
    size_t &c = at[i];
    while (c < events.size() && events[c].step == t)
      perPort[i].push_back(events[c++].index);
  }
}

uint32_t ringSlots(uint32_t maxDelay) {
  uint32_t size = 1;
  while (size <= maxDelay)
    size <<= 1;
  return size;
}

bool chargeLoad(PeLoad &load, double busyCycles, double stepCycles,
                double budget) {
  load.busyCycles += busyCycles;
  load.maxStepCycles = std::max(load.maxStepCycles, stepCycles);
  if (budget > 0 && stepCycles > budget) {
    ++load.violations;
    return true;
  }
  return false;
}

void finishRun(const RunOptions &options, RunResult &result) {
  if (result.steps < options.steps)
    for (OutputTrace &trace : result.outputs)
      if (trace.kind == image::OutputKind::Current)
        trace.values.resize(result.steps * trace.size);
}

} // namespace detail

} // namespace snnc::runtime
