//===- SpikeTrain.cpp - Input spike trains and their JSON format ----------===//

#include "snnc/runtime/SpikeTrain.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

using nlohmann::json;

namespace snnc::runtime {

namespace {

std::string shapeText(const std::vector<uint32_t> &shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

ImageError fail(const std::string &source, const std::string &what) {
  return ImageError{source, what};
}

/// A JSON integer in [0, max], or nothing; negatives and fractions are
/// refused so that "1.5" never silently becomes step 1.
bool readUnsigned(const json &value, uint64_t max, uint64_t &out) {
  if (value.is_number_unsigned()) {
    out = value.get<uint64_t>();
    return out <= max;
  }
  return false;
}

} // namespace

uint64_t SpikeTrain::size() const {
  uint64_t n = 1;
  for (uint32_t d : shape)
    n *= d;
  return n;
}

void SpikeTrain::normalize() {
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
}

bool operator==(const SpikeTrain &a, const SpikeTrain &b) {
  return a.shape == b.shape && a.events == b.events;
}

Expected<SpikeTrain> parseSpikeTrain(const std::string &text,
                                     const std::string &source) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error &e) {
    return fail(source, std::string("malformed JSON: ") + e.what());
  }
  if (!doc.is_object())
    return fail(source, "a spike train must be a JSON object with keys "
                        "'shape' and 'events'");
  for (const auto &item : doc.items())
    if (item.key() != "shape" && item.key() != "events")
      return fail(source, "unknown key '" + item.key() +
                              "' (a spike train has 'shape' and 'events')");
  if (!doc.contains("shape") || !doc["shape"].is_array())
    return fail(source, "'shape' must be an array of positive integers");
  if (!doc.contains("events") || !doc["events"].is_array())
    return fail(source, "'events' must be an array of [step, index] pairs");

  SpikeTrain train;
  uint64_t size = 1;
  const json &shape = doc["shape"];
  for (size_t i = 0; i < shape.size(); ++i) {
    uint64_t d = 0;
    if (!readUnsigned(shape[i], std::numeric_limits<uint32_t>::max(), d) ||
        d == 0)
      return fail(source, "shape[" + std::to_string(i) +
                              "] must be a positive 32-bit integer, not " +
                              shape[i].dump());
    size *= d;
    if (size > std::numeric_limits<uint32_t>::max())
      return fail(source, "shape " + shape.dump() +
                              " has more than 2^32-1 "
                              "elements");
    train.shape.push_back(static_cast<uint32_t>(d));
  }

  const json &events = doc["events"];
  train.events.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    const json &e = events[i];
    std::string where = "events[" + std::to_string(i) + "]";
    if (!e.is_array() || e.size() != 2)
      return fail(source,
                  where + " must be a [step, index] pair, not " + e.dump());
    if (e[0].is_number_integer() && !e[0].is_number_unsigned())
      return fail(source, where + " has negative step " + e[0].dump());
    uint64_t step = 0, index = 0;
    if (!readUnsigned(e[0], std::numeric_limits<uint64_t>::max(), step))
      return fail(source,
                  where + " step must be an integer >= 0, not " + e[0].dump());
    if (!readUnsigned(e[1], std::numeric_limits<uint64_t>::max(), index))
      return fail(source,
                  where + " index must be an integer >= 0, not " + e[1].dump());
    if (index >= size)
      return fail(source, where + " index " + std::to_string(index) +
                              " is out of range for shape " +
                              shapeText(train.shape) + " (" +
                              std::to_string(size) + " elements)");
    train.events.push_back({step, static_cast<uint32_t>(index)});
  }
  train.normalize();
  return train;
}

Expected<SpikeTrain> readSpikeTrain(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail(path, "cannot open spike train file");
  std::ostringstream text;
  text << in.rdbuf();
  return parseSpikeTrain(text.str(), path);
}

std::string formatSpikeTrain(const SpikeTrain &train) {
  SpikeTrain sorted = train;
  sorted.normalize();
  // One event per line keeps large trains diffable without a JSON pretty
  // printer's four lines per pair.
  std::string text =
      "{\"shape\": " + json(sorted.shape).dump() + ", \"events\": [";
  for (size_t i = 0; i < sorted.events.size(); ++i)
    text += std::string(i ? ",\n  " : "\n  ") + "[" +
            std::to_string(sorted.events[i].step) + ", " +
            std::to_string(sorted.events[i].index) + "]";
  text += sorted.events.empty() ? "]}\n" : "\n]}\n";
  return text;
}

Status writeSpikeTrain(const SpikeTrain &train, const std::string &path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    return ImageError{path, "cannot create spike train file"};
  out << formatSpikeTrain(train);
  out.close();
  if (!out)
    return ImageError{path, "cannot write spike train file"};
  return Status::success();
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
