//===- ValueFile.cpp - Value files, the input of the encoders -------------===//

#include "snnc/runtime/Encoding.h"

#include "SpikeFileDetail.h"
#include "snnc/Support/InputFile.h"

#include <fstream>
#include <limits>
#include <set>
#include <sstream>

using nlohmann::json;

namespace snnc::runtime {

using namespace detail;

namespace {

/// Reads one sample (an array of numbers) of a port.
Status readSample(const json &row, const std::string &where,
                  const std::string &source, std::vector<double> &out) {
  if (row.empty())
    return fail(source, where + " is empty");
  if (row.size() > std::numeric_limits<uint32_t>::max())
    return fail(source, where + " has more than 2^32-1 elements");
  out.reserve(row.size());
  for (size_t j = 0; j < row.size(); ++j) {
    if (!row[j].is_number())
      return fail(source, where + "[" + std::to_string(j) +
                              "] must be a number, not " + row[j].dump());
    out.push_back(row[j].get<double>());
  }
  return Status::success();
}

Expected<PortValues> readPort(const json &entry, const std::string &where,
                              bool named, const std::string &source) {
  PortValues port;
  if (named) {
    if (!entry.contains("name") || !entry["name"].is_string())
      return fail(source, where + ".name must be a string");
    port.name = entry["name"].get<std::string>();
    if (std::string problem = nameProblem(port.name); !problem.empty())
      return fail(source, where + ": " + problem);
  }
  std::string prefix = where.empty() ? "" : where + ".";
  for (const auto &item : entry.items())
    if (item.key() != "values" && item.key() != "shape" &&
        (!named || item.key() != "name"))
      return fail(source, (where.empty() ? "" : where + " has ") +
                              "unknown key '" + item.key() + "' (a port has " +
                              (named ? "'name', " : "") +
                              "'shape' and 'values')");
  if (entry.contains("shape"))
    if (std::string problem =
            readShape(entry["shape"], prefix + "shape", port.shape);
        !problem.empty())
      return fail(source, problem);
  if (!entry.contains("values") || !entry["values"].is_array() ||
      entry["values"].empty())
    return fail(source, prefix + "values must be a non-empty array of "
                                 "numbers (one sample) or of arrays (a "
                                 "sequence of samples)");
  const json &values = entry["values"];
  if (values[0].is_array()) {
    for (size_t k = 0; k < values.size(); ++k) {
      std::string row = prefix + "values[" + std::to_string(k) + "]";
      if (!values[k].is_array())
        return fail(source, row + " must be an array like values[0]");
      port.samples.emplace_back();
      if (Status ok = readSample(values[k], row, source, port.samples.back());
          !ok)
        return ok.error();
      if (port.samples[k].size() != port.samples[0].size())
        return fail(source, row + " has " +
                                std::to_string(port.samples[k].size()) +
                                " values, but values[0] has " +
                                std::to_string(port.samples[0].size()));
    }
  } else {
    port.samples.emplace_back();
    if (Status ok =
            readSample(values, prefix + "values", source, port.samples[0]);
        !ok)
      return ok.error();
  }
  port.size = static_cast<uint32_t>(port.samples[0].size());
  if (!port.shape.empty() || entry.contains("shape")) {
    SpikeTrain shaped;
    shaped.shape = port.shape;
    if (shaped.size() != port.size)
      return fail(source, prefix + "shape " + shapeText(port.shape) +
                              " holds " + std::to_string(shaped.size()) +
                              " elements, but a sample has " +
                              std::to_string(port.size));
  }
  return port;
}

} // namespace

Expected<ValueFile> parseValueFile(const std::string &text,
                                   const std::string &source) {
  Expected<json> doc = parseJsonLimited(text, source);
  if (!doc)
    return doc.error();
  if (!doc->is_object())
    return fail(source, "a value file must be a JSON object: {\"ports\": "
                        "[{\"name\", \"values\"}, ...]} or {\"values\"} for "
                        "one port");
  ValueFile file;
  if (!doc->contains("ports")) {
    Expected<PortValues> port = readPort(*doc, "", false, source);
    if (!port)
      return port.error();
    file.ports.push_back(std::move(port.value()));
    return file;
  }
  for (const auto &item : doc->items())
    if (item.key() != "ports")
      return fail(source, "unknown key '" + item.key() +
                              "' (a value file has 'ports')");
  const json &ports = (*doc)["ports"];
  if (!ports.is_array() || ports.empty())
    return fail(source, "'ports' must be a non-empty array");
  std::set<std::string> names;
  for (size_t p = 0; p < ports.size(); ++p) {
    std::string where = "ports[" + std::to_string(p) + "]";
    if (!ports[p].is_object())
      return fail(source, where + " must be an object with 'name' and "
                                  "'values'");
    Expected<PortValues> port = readPort(ports[p], where, true, source);
    if (!port)
      return port.error();
    if (!names.insert(port->name).second)
      return fail(source,
                  where + " repeats the port name '" + port->name + "'");
    file.ports.push_back(std::move(port.value()));
  }
  return file;
}

Expected<ValueFile> readValueFile(const std::string &path) {
  if (std::string why = checkInputFile(path); !why.empty())
    return ImageError{"", why};
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return ImageError{path, "cannot open value file"};
  std::ostringstream text;
  text << in.rdbuf();
  return parseValueFile(text.str(), path);
}

void adoptInputShapes(ValueFile &file,
                      const std::vector<image::InputPort> &inputs) {
  for (PortValues &port : file.ports) {
    if (!port.shape.empty())
      continue;
    for (const image::InputPort &input : inputs) {
      bool match =
          port.name.empty() ? inputs.size() == 1 : input.name == port.name;
      if (match && input.size == port.size)
        port.shape = input.shape;
    }
  }
}

} // namespace snnc::runtime
