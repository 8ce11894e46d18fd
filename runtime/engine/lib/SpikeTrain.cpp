//===- SpikeTrain.cpp - One port's spike train and its checks -------------===//
//
// The one-port API over spike files: a file read here must hold exactly one
// port of spikes (in either form, see SpikeFile.h).
//
//===----------------------------------------------------------------------===//

#include "snnc/runtime/SpikeTrain.h"

#include "SpikeFileDetail.h"
#include "snnc/runtime/SpikeFile.h"

#include <algorithm>

namespace snnc::runtime {

using detail::shapeText;

namespace {

Expected<SpikeTrain> onlyTrain(Expected<SpikeFile> file,
                               const std::string &source) {
  if (!file)
    return file.error();
  if (file->ports.size() != 1)
    return ImageError{source, "holds " + std::to_string(file->ports.size()) +
                                  " ports, but one spike train was expected"};
  if (file->ports[0].kind != image::OutputKind::Spikes)
    return ImageError{source, "its port holds values, not spikes"};
  return std::move(file->ports[0].train);
}

} // namespace

uint64_t SpikeTrain::size() const {
  uint64_t n = 1;
  for (uint32_t d : shape)
    n *= d;
  return n;
}

void SpikeTrain::normalize() {
  if (std::is_sorted(events.begin(), events.end()) &&
      std::adjacent_find(events.begin(), events.end()) == events.end())
    return;
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
}

bool operator==(const SpikeTrain &a, const SpikeTrain &b) {
  return a.shape == b.shape && a.events == b.events;
}

Expected<SpikeTrain> parseSpikeTrain(const std::string &text,
                                     const std::string &source) {
  return onlyTrain(parseSpikeFile(text, source), source);
}

Expected<SpikeTrain> readSpikeTrain(const std::string &path) {
  return onlyTrain(readSpikeFile(path), path);
}

namespace {

SpikeFile oneUnnamedPort(const SpikeTrain &train) {
  SpikeFile file;
  file.ports.push_back({"", image::OutputKind::Spikes, train, {}});
  file.ports[0].train.normalize();
  file.steps = stepsSpanned(file.ports[0].train);
  return file;
}

} // namespace

std::string formatSpikeTrain(const SpikeTrain &train) {
  return formatSpikeFileJson(oneUnnamedPort(train));
}

Status writeSpikeTrain(const SpikeTrain &train, const std::string &path) {
  return writeSpikeFile(oneUnnamedPort(train), path, spikeFormatForPath(path));
}

Status checkSpikeTrain(const SpikeTrain &train, const image::InputPort &port,
                       const std::string &source) {
  if (train.shape != port.shape)
    return ImageError{source, "shape " + shapeText(train.shape) +
                                  " does not match input port '" + port.name +
                                  "' of shape " + shapeText(port.shape)};
  for (const SpikeEvent &e : train.events)
    if (e.index >= port.size)
      return ImageError{source, "index " + std::to_string(e.index) +
                                    " at step " + std::to_string(e.step) +
                                    " is out of range for input port '" +
                                    port.name + "' of " +
                                    std::to_string(port.size) + " elements"};
  return Status::success();
}

} // namespace snnc::runtime
