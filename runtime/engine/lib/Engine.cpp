//===- Engine.cpp - Pieces every engine shares ----------------------------===//

#include "snnc/runtime/Engine.h"

#include "Simulator.h"

namespace snnc::runtime {

StepObserver::~StepObserver() = default;
Engine::~Engine() = default;

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

bool operator==(const EventCounters &a, const EventCounters &b) {
  return a.neuronUpdates == b.neuronUpdates &&
         a.synapticEvents == b.synapticEvents &&
         a.sramWordsRead == b.sramWordsRead &&
         a.sramWordsWritten == b.sramWordsWritten &&
         a.packetsSent == b.packetsSent && a.routerHops == b.routerHops;
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

} // namespace detail

} // namespace snnc::runtime
