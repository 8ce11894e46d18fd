//===- SpikeJson.cpp - The JSON form of spike files -----------------------===//
//
// Two document shapes read into one SpikeFile: the one-port form
// {"shape", "events"} of SpikeTrain.h (its port is unnamed), and the
// multi-port form {"steps", "ports" | "outputs", "metadata"}. Messages name
// the offending element by its JSON path ("ports[1].events[7]").
//
//===----------------------------------------------------------------------===//

#include "snnc/runtime/SpikeFile.h"

#include "SpikeFileDetail.h"

#include <cmath>
#include <limits>

using nlohmann::json;

namespace snnc::runtime {

using namespace detail;

namespace {

/// Reads `events` (an array of [step, index]) into `train`, whose shape is
/// set; `prefix` is the JSON path of the port ("" or "ports[2].").
Status readEvents(const json &events, const std::string &prefix,
                  const std::string &source, SpikeTrain &train) {
  if (!events.is_array())
    return fail(source, "'" + prefix +
                            "events' must be an array of [step, index] "
                            "pairs");
  uint64_t size = train.size();
  train.events.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    const json &e = events[i];
    std::string where = prefix + "events[" + std::to_string(i) + "]";
    if (!e.is_array() || e.size() != 2)
      return fail(source,
                  where + " must be a [step, index] pair, not " + e.dump());
    if (e[0].is_number_integer() && !e[0].is_number_unsigned())
      return fail(source, where + " has negative step " + e[0].dump());
    uint64_t step = 0, index = 0;
    // A train spans step + 1 steps, so the largest step must leave room.
    if (!readUnsigned(e[0], std::numeric_limits<uint64_t>::max() - 1, step))
      return fail(source,
                  where + " step must be an integer in [0, " +
                      std::to_string(std::numeric_limits<uint64_t>::max() - 1) +
                      "], not " + e[0].dump());
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
  return Status::success();
}

Expected<SpikeFile> parseOnePort(const json &doc, const std::string &source) {
  for (const auto &item : doc.items())
    if (item.key() != "shape" && item.key() != "events")
      return fail(source, "unknown key '" + item.key() +
                              "' (a one-port spike train has 'shape' and "
                              "'events'; several ports go in 'ports')");
  if (!doc.contains("shape"))
    return fail(source, "'shape' must be an array of positive integers");
  if (!doc.contains("events"))
    return fail(source, "'events' must be an array of [step, index] pairs");
  PortTrace port;
  if (std::string problem = readShape(doc["shape"], "shape", port.train.shape);
      !problem.empty())
    return fail(source, problem);
  if (Status ok = readEvents(doc["events"], "", source, port.train); !ok)
    return ok.error();
  SpikeFile file;
  file.steps = stepsSpanned(port.train);
  file.ports.push_back(std::move(port));
  return file;
}

Status readValues(const json &values, const std::string &where,
                  const std::string &source, std::vector<double> &out) {
  if (!values.is_array())
    return fail(source, where + " must be an array of numbers");
  out.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    const json &v = values[i];
    if (v.is_null()) // How JSON writers spell a non-finite value.
      out.push_back(std::numeric_limits<double>::quiet_NaN());
    else if (v.is_number())
      out.push_back(v.get<double>());
    else
      return fail(source, where + "[" + std::to_string(i) +
                              "] must be a number, not " + v.dump());
  }
  return Status::success();
}

Expected<PortTrace> parsePort(const json &entry, const std::string &prefix,
                              const std::string &source) {
  std::string where = prefix.substr(0, prefix.size() - 1);
  if (!entry.is_object())
    return fail(source, where + " must be an object with 'name', 'shape' and "
                                "'events' (or 'values')");
  for (const auto &item : entry.items()) {
    static const char *known[] = {"name",   "kind", "shape", "events",
                                  "values", "size", "index"};
    bool ok = false;
    for (const char *k : known)
      ok |= item.key() == k;
    if (!ok)
      return fail(source, where + " has unknown key '" + item.key() + "'");
  }
  PortTrace port;
  if (!entry.contains("name") || !entry["name"].is_string())
    return fail(source, where + ".name must be a string");
  port.name = entry["name"].get<std::string>();
  if (std::string problem = nameProblem(port.name); !problem.empty())
    return fail(source, where + ": " + problem);
  if (entry.contains("kind")) {
    const json &kind = entry["kind"];
    if (kind == "spikes")
      port.kind = image::OutputKind::Spikes;
    else if (kind == "current")
      port.kind = image::OutputKind::Current;
    else
      return fail(source, where +
                              ".kind must be \"spikes\" or \"current\", "
                              "not " +
                              kind.dump());
  }
  if (!entry.contains("shape"))
    return fail(source, where + ".shape is missing");
  if (std::string problem =
          readShape(entry["shape"], prefix + "shape", port.train.shape);
      !problem.empty())
    return fail(source, problem);
  uint64_t size = 0;
  if (entry.contains("index") &&
      !readUnsigned(entry["index"], std::numeric_limits<uint32_t>::max(), size))
    return fail(source, where +
                            ".index must be an integer in [0, 2^32-1], "
                            "not " +
                            entry["index"].dump());
  if (entry.contains("size") &&
      (!readUnsigned(entry["size"], std::numeric_limits<uint32_t>::max(),
                     size) ||
       size != port.size()))
    return fail(source, where + ".size " + entry["size"].dump() +
                            " is not the product of shape " +
                            shapeText(port.train.shape));
  bool spikes = port.kind == image::OutputKind::Spikes;
  const char *needed = spikes ? "events" : "values";
  const char *refused = spikes ? "values" : "events";
  if (!entry.contains(needed))
    return fail(source, where + " of kind " + (spikes ? "spikes" : "current") +
                            " needs '" + needed + "'");
  if (entry.contains(refused))
    return fail(source, where + " of kind " + (spikes ? "spikes" : "current") +
                            " must not have '" + refused + "'");
  Status ok = spikes ? readEvents(entry["events"], prefix, source, port.train)
                     : readValues(entry["values"], prefix + "values", source,
                                  port.values);
  if (!ok)
    return ok.error();
  return port;
}

Expected<SpikeFile> parseManyPorts(const json &doc, const std::string &source) {
  for (const auto &item : doc.items())
    if (item.key() != "steps" && item.key() != "ports" &&
        item.key() != "outputs" && item.key() != "metadata")
      return fail(source, "unknown key '" + item.key() +
                              "' (a spike file has 'steps', 'ports' (or "
                              "'outputs') and 'metadata')");
  if (doc.contains("ports") && doc.contains("outputs"))
    return fail(source, "a spike file has 'ports' or 'outputs', not both");
  const char *listKey = doc.contains("ports") ? "ports" : "outputs";
  const json &list = doc[listKey];
  if (!list.is_array())
    return fail(source, std::string("'") + listKey + "' must be an array");

  SpikeFile file;
  bool stepsGiven = doc.contains("steps");
  if (stepsGiven &&
      !readUnsigned(doc["steps"], std::numeric_limits<uint64_t>::max(),
                    file.steps))
    return fail(source,
                "'steps' must be an integer >= 0, not " + doc["steps"].dump());
  if (doc.contains("metadata")) {
    if (!doc["metadata"].is_object())
      return fail(source, "'metadata' must be a JSON object");
    file.metadata = doc["metadata"];
  }
  uint64_t spanned = 0;
  for (size_t p = 0; p < list.size(); ++p) {
    std::string prefix = std::string(listKey) + "[" + std::to_string(p) + "].";
    Expected<PortTrace> port = parsePort(list[p], prefix, source);
    if (!port)
      return port.error();
    if (port->kind == image::OutputKind::Spikes)
      spanned = std::max(spanned, stepsSpanned(port->train));
    else if (port->values.size() % port->size() != 0)
      return fail(source, prefix + "values holds " +
                              std::to_string(port->values.size()) +
                              " numbers, not a whole number of steps of " +
                              std::to_string(port->size()));
    else
      spanned = std::max(spanned, port->values.size() / port->size());
    file.ports.push_back(std::move(port.value()));
  }
  if (!stepsGiven)
    file.steps = spanned;
  if (Status ok = validateSpikeFile(file, source); !ok)
    return ok.error();
  return file;
}

void appendNumber(std::string &text, double value) {
  // nlohmann prints the shortest text that reads back to the same double,
  // and null for non-finite values.
  text += json(value).dump();
}

} // namespace

Expected<SpikeFile> parseSpikeFileJson(const std::string &text,
                                       const std::string &source) {
  Expected<json> doc = parseJsonLimited(text, source);
  if (!doc)
    return doc.error();
  if (!doc->is_object())
    return fail(source, "a spike train must be a JSON object: {\"shape\", "
                        "\"events\"} for one port, {\"steps\", \"ports\"} "
                        "for several");
  if (doc->contains("ports") || doc->contains("outputs"))
    return parseManyPorts(*doc, source);
  return parseOnePort(*doc, source);
}

namespace {

/// Events one per line: large files stay diffable without a pretty
/// printer's four lines per pair.
void appendEvents(std::string &text, const SpikeTrain &train) {
  SpikeTrain sorted = train;
  sorted.normalize();
  for (size_t i = 0; i < sorted.events.size(); ++i)
    text += std::string(i ? ",\n  [" : "\n  [") +
            std::to_string(sorted.events[i].step) + ", " +
            std::to_string(sorted.events[i].index) + "]";
  text += sorted.events.empty() ? "]" : "\n]";
}

} // namespace

std::string formatSpikeFileJson(const SpikeFile &file,
                                const JsonListing &listing) {
  // A file the one-port form can say exactly is written in it.
  if (file.ports.size() == 1 && file.ports[0].name.empty() &&
      file.ports[0].kind == image::OutputKind::Spikes &&
      file.metadata.empty() && listing.indices.empty() &&
      file.steps == stepsSpanned(file.ports[0].train)) {
    std::string text = "{\"shape\": " + json(file.ports[0].train.shape).dump() +
                       ", \"events\": [";
    appendEvents(text, file.ports[0].train);
    return text + "}\n";
  }
  std::string text = "{\"steps\": " + std::to_string(file.steps) + ", \"" +
                     listing.key + "\": [";
  for (size_t p = 0; p < file.ports.size(); ++p) {
    const PortTrace &port = file.ports[p];
    bool spikes = port.kind == image::OutputKind::Spikes;
    text += p ? ",\n{" : "\n{";
    if (!listing.indices.empty())
      text += "\"index\": " + std::to_string(listing.indices[p]) + ", ";
    text += "\"name\": " + json(port.name).dump() + ", \"kind\": \"" +
            (spikes ? "spikes" : "current") +
            "\", \"shape\": " + json(port.train.shape).dump();
    if (!listing.indices.empty())
      text += ", \"size\": " + std::to_string(port.size());
    if (spikes) {
      text += ", \"events\": [";
      appendEvents(text, port.train);
      text += "}";
      continue;
    }
    text += ", \"values\": [";
    uint64_t size = port.size();
    for (size_t i = 0; i < port.values.size(); ++i) {
      text += i == 0 ? "\n  " : i % size == 0 ? ",\n  " : ", ";
      appendNumber(text, port.values[i]);
    }
    text += port.values.empty() ? "]}" : "\n]}";
  }
  text += file.ports.empty() ? "]" : "\n]";
  if (!file.metadata.empty())
    text += ", \"metadata\": " + file.metadata.dump();
  return text + "}\n";
}

} // namespace snnc::runtime
