//===- SpikeFile.cpp - Spike files: checks, reading, writing, binding -----===//

#include "snnc/runtime/SpikeFile.h"

#include "SpikeFileDetail.h"
#include "snnc/Support/InputFile.h"
#include "snnc/Support/Json.h"
#include "snnc/Support/OutputFile.h"
#include "snnc/runtime/SpikeBinary.h"

// The image library's strict UTF-8 check and shape printer: spike files name
// ports the way images do. The header is private to SnncImage, which this
// library links.
#include "snnc/image/detail/Names.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

using nlohmann::json;

namespace snnc::runtime {

namespace detail {

Expected<json> parseJsonLimited(const std::string &text,
                                const std::string &source) {
  JsonParse parsed = parseJson(text);
  if (!parsed.value)
    return ImageError{source, "malformed JSON: " + describeJsonError(parsed)};
  return std::move(*parsed.value);
}

std::string shapeText(const std::vector<uint32_t> &shape) {
  return image::detail::formatShape(shape);
}

std::string portLabel(size_t index, const std::string &name) {
  std::string label = "port " + std::to_string(index);
  return name.empty() ? label : label + " '" + name + "'";
}

std::string nameProblem(const std::string &name) {
  if (name.size() > kMaxNameBytes)
    return "name of " + std::to_string(name.size()) + " bytes is longer than " +
           std::to_string(kMaxNameBytes);
  if (!image::detail::isValidUtf8(name))
    return "name is not valid UTF-8";
  return "";
}

bool readUnsigned(const json &value, uint64_t max, uint64_t &out) {
  if (!value.is_number_unsigned())
    return false;
  out = value.get<uint64_t>();
  return out <= max;
}

std::string readShape(const json &value, const std::string &where,
                      std::vector<uint32_t> &shape) {
  if (!value.is_array())
    return where + " must be an array of positive integers";
  if (value.size() > kMaxRank)
    return where + " has " + std::to_string(value.size()) +
           " dimensions, more than " + std::to_string(kMaxRank);
  uint64_t size = 1;
  shape.clear();
  for (size_t i = 0; i < value.size(); ++i) {
    uint64_t d = 0;
    if (!readUnsigned(value[i], std::numeric_limits<uint32_t>::max(), d) ||
        d == 0)
      return where + "[" + std::to_string(i) +
             "] must be a positive 32-bit integer, not " + value[i].dump();
    size *= d;
    if (size > std::numeric_limits<uint32_t>::max())
      return where + " " + value.dump() + " has more than 2^32-1 elements";
    shape.push_back(static_cast<uint32_t>(d));
  }
  return "";
}

bool mulOverflows(uint64_t a, uint64_t b, uint64_t &out) {
  return __builtin_mul_overflow(a, b, &out);
}

} // namespace detail

using namespace detail;

namespace {

bool sameBits(const std::vector<double> &a, const std::vector<double> &b) {
  return a.size() == b.size() &&
         (a.empty() ||
          std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

std::string portNames(const std::vector<image::InputPort> &ports) {
  std::string names;
  for (size_t i = 0; i < ports.size(); ++i)
    names += (i ? ", '" : "'") + ports[i].name + "'";
  return ports.empty() ? "none" : names;
}

} // namespace

bool operator==(const PortTrace &a, const PortTrace &b) {
  return a.name == b.name && a.kind == b.kind && a.train == b.train &&
         sameBits(a.values, b.values);
}

bool operator==(const SpikeFile &a, const SpikeFile &b) {
  return a.steps == b.steps && a.ports == b.ports && a.metadata == b.metadata;
}

SpikeFormat spikeFormatForPath(const std::string &path) {
  auto endsWith = [&](const char *suffix) {
    size_t n = std::strlen(suffix);
    return path.size() >= n && path.compare(path.size() - n, n, suffix) == 0;
  };
  return endsWith(".spk") || endsWith(".bin") ? SpikeFormat::Binary
                                              : SpikeFormat::Json;
}

uint64_t stepsSpanned(const SpikeTrain &train) {
  uint64_t steps = 0;
  for (const SpikeEvent &e : train.events)
    steps = std::max(steps, e.step + 1);
  return steps;
}

Status validateSpikeFile(const SpikeFile &file, const std::string &source) {
  if (!file.metadata.is_object())
    return ImageError{source, "metadata must be a JSON object"};
  std::set<std::string> names;
  for (size_t p = 0; p < file.ports.size(); ++p) {
    const PortTrace &port = file.ports[p];
    std::string label = portLabel(p, port.name);
    if (std::string problem = nameProblem(port.name); !problem.empty())
      return ImageError{source, label + ": " + problem};
    if (port.name.empty() && file.ports.size() != 1)
      return ImageError{source, label + " has no name; only a file with "
                                        "one port may leave it unnamed"};
    if (!names.insert(port.name).second)
      return ImageError{source, label + " repeats the name of an earlier "
                                        "port"};
    if (port.train.shape.size() > kMaxRank)
      return ImageError{source, label + " has more than " +
                                    std::to_string(kMaxRank) + " dimensions"};
    uint64_t size = 1;
    for (uint32_t d : port.train.shape) {
      if (d == 0 || mulOverflows(size, d, size) ||
          size > std::numeric_limits<uint32_t>::max())
        return ImageError{source, label + " has shape " +
                                      shapeText(port.train.shape) +
                                      "; dimensions must be >= 1 and hold "
                                      "at most 2^32-1 elements"};
    }
    if (port.kind == image::OutputKind::Current) {
      uint64_t want = 0;
      if (!port.train.events.empty())
        return ImageError{source, label + " holds values and must not hold "
                                          "spike events"};
      if (mulOverflows(file.steps, size, want) || port.values.size() != want)
        return ImageError{
            source,
            label + " holds " + std::to_string(port.values.size()) +
                " values, not steps x size = " + std::to_string(file.steps) +
                " x " + std::to_string(size)};
      continue;
    }
    if (!port.values.empty())
      return ImageError{source,
                        label + " holds spikes and must not hold values"};
    for (size_t i = 0; i < port.train.events.size(); ++i) {
      const SpikeEvent &e = port.train.events[i];
      std::string where = label + " event " + std::to_string(i);
      if (i > 0 && !(port.train.events[i - 1] < e))
        return ImageError{source, where + " (step " + std::to_string(e.step) +
                                      ", index " + std::to_string(e.index) +
                                      ") is not after the event before it; "
                                      "events must be sorted and distinct"};
      if (e.index >= size)
        return ImageError{source, where + " index " + std::to_string(e.index) +
                                      " is out of range for shape " +
                                      shapeText(port.train.shape)};
      if (e.step >= file.steps)
        return ImageError{source, where + " step " + std::to_string(e.step) +
                                      " is outside the file's " +
                                      std::to_string(file.steps) + " steps"};
    }
  }
  return Status::success();
}

Expected<SpikeFile> parseSpikeFile(const std::string &bytes,
                                   const std::string &source) {
  if (hasSpikeMagic(bytes) || bytes.compare(0, 7, kSpikeMagic, 7) == 0)
    return decodeSpikeBinary(bytes, source);
  size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string::npos)
    return ImageError{source, "empty spike file"};
  if (bytes[first] != '{' && bytes[first] != '[') {
    std::string head;
    for (size_t i = 0; i < std::min<size_t>(8, bytes.size()); ++i) {
      char hex[4];
      std::snprintf(hex, sizeof(hex), "%02x ",
                    static_cast<unsigned char>(bytes[i]));
      head += hex;
    }
    head.pop_back();
    return ImageError{source, std::string("not a spike file: neither JSON "
                                          "(which starts with '{') nor "
                                          "binary (which starts with \"") +
                                  kSpikeMagic + "\"); it starts with bytes " +
                                  head};
  }
  return parseSpikeFileJson(bytes, source);
}

Expected<SpikeFile> readSpikeFile(const std::string &path) {
  if (std::string why = checkInputFile(path); !why.empty())
    return ImageError{"", why};
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return ImageError{path, "cannot open spike file"};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad())
    return ImageError{path, "cannot read spike file"};
  return parseSpikeFile(bytes.str(), path);
}

Status writeSpikeFile(const SpikeFile &file, const std::string &path,
                      SpikeFormat format, const JsonListing &listing) {
  if (Status ok = validateSpikeFile(file, path); !ok)
    return ok;
  std::string bytes = format == SpikeFormat::Binary
                          ? encodeSpikeBinary(file)
                          : formatSpikeFileJson(file, listing);
  // One writer for every output: never half a file, never over an input,
  // a device or a link.
  if (std::string why = writeOutputFile(path, bytes); !why.empty())
    return ImageError{"", why};
  return Status::success();
}

Expected<std::vector<SpikeTrain>>
bindInputs(const SpikeFile &file, const std::vector<image::InputPort> &ports,
           const std::string &source) {
  std::vector<const PortTrace *> bound(ports.size(), nullptr);
  if (file.ports.size() == 1 && file.ports[0].name.empty()) {
    if (ports.size() != 1)
      return ImageError{source, "the file has one unnamed port, which fits "
                                "only an image with one input, but the "
                                "image has " +
                                    std::to_string(ports.size()) +
                                    " input ports (" + portNames(ports) +
                                    "); name each port in the "
                                    "{\"ports\": [...]} form"};
    bound[0] = &file.ports[0];
  } else {
    for (size_t p = 0; p < file.ports.size(); ++p) {
      const PortTrace &trace = file.ports[p];
      size_t i = 0;
      while (i < ports.size() && ports[i].name != trace.name)
        ++i;
      if (i == ports.size())
        return ImageError{source, portLabel(p, trace.name) +
                                      " is not an input of the image (its "
                                      "inputs: " +
                                      portNames(ports) + ")"};
      bound[i] = &trace;
    }
  }
  std::vector<SpikeTrain> trains;
  for (size_t i = 0; i < ports.size(); ++i) {
    const PortTrace *trace = bound[i];
    if (!trace)
      return ImageError{source, "input port '" + ports[i].name +
                                    "' has no spike train in the file (give "
                                    "it an empty \"events\" list to keep it "
                                    "silent)"};
    if (trace->kind != image::OutputKind::Spikes)
      return ImageError{source, "port '" + trace->name +
                                    "' holds values, not spikes; an input "
                                    "takes spikes (encode values with "
                                    "--encode)"};
    if (Status ok = checkSpikeTrain(trace->train, ports[i], source); !ok)
      return ok.error();
    trains.push_back(trace->train);
  }
  return trains;
}

} // namespace snnc::runtime
