//===- Manifest.cpp - manifest.json of a chip image -----------------------===//
//
// Writing and reading are kept side by side, field for field, so that a
// field added to one direction is visibly missing from the other.
//
//===----------------------------------------------------------------------===//

#include "Manifest.h"

#include "snnc/Support/Json.h"
#include "snnc/image/detail/JsonFields.h"
#include "snnc/image/detail/Names.h"

#include <set>

namespace snnc::image::detail {

using nlohmann::json;

namespace {

const char *const kWeightPairs[4] = {"ee", "ei", "ie", "ii"};

json weightsToJson(const snn::reservoir::WeightDist &w) {
  static const char *const kinds[] = {"constant", "uniform", "normal",
                                      "lognormal"};
  return {{"kind", kinds[static_cast<int>(w.kind)]}, {"a", w.a}, {"b", w.b}};
}

snn::reservoir::WeightDist weightsFromJson(const Field &f) {
  f.expectKeys({"kind", "a", "b"});
  snn::reservoir::WeightDist w;
  w.kind = static_cast<snn::reservoir::WeightDist::Kind>(
      f["kind"].oneOf({"constant", "uniform", "normal", "lognormal"}));
  w.a = f["a"].number();
  w.b = f["b"].number();
  return w;
}

json proceduralToJson(const ProceduralSynapses &p) {
  const snn::reservoir::Spec &s = p.spec;
  json weights = json::object();
  for (int k = 0; k < 4; ++k)
    weights[kWeightPairs[k]] = weightsToJson(s.weights[k]);
  bool distance = s.rule.kind == snn::reservoir::ConnectionRule::Kind::Distance;
  json rule = {{"kind", distance ? "distance" : "fixed_probability"},
               {"p", s.rule.p},
               {"grid", s.rule.grid},
               {"lambda", s.rule.lambda},
               {"c", s.rule.c}};
  return {{"size", s.size},  {"excitatory_fraction", s.excitatoryFraction},
          {"rule", rule},    {"weights", weights},
          {"seed", s.seed},  {"allow_self_connections", s.allowSelfConnections},
          {"delay", p.delay}};
}

ProceduralSynapses proceduralFromJson(const Field &f) {
  f.expectKeys({"size", "excitatory_fraction", "rule", "weights", "seed",
                "allow_self_connections", "delay"});
  ProceduralSynapses p;
  snn::reservoir::Spec &s = p.spec;
  s.size = f["size"].i64();
  s.excitatoryFraction = f["excitatory_fraction"].number();
  Field rule = f["rule"];
  rule.expectKeys({"kind", "p", "grid", "lambda", "c"});
  s.rule.kind = rule["kind"].oneOf({"fixed_probability", "distance"})
                    ? snn::reservoir::ConnectionRule::Kind::Distance
                    : snn::reservoir::ConnectionRule::Kind::FixedProbability;
  s.rule.p = rule["p"].number();
  std::vector<Field> grid = rule["grid"].elements(3);
  for (int k = 0; k < 3; ++k)
    s.rule.grid[k] = grid[k].i64();
  s.rule.lambda = rule["lambda"].number();
  std::vector<Field> c = rule["c"].elements(4);
  for (int k = 0; k < 4; ++k)
    s.rule.c[k] = c[k].number();
  Field weights = f["weights"];
  weights.expectKeys({"ee", "ei", "ie", "ii"});
  for (int k = 0; k < 4; ++k)
    s.weights[k] = weightsFromJson(weights[kWeightPairs[k]]);
  s.seed = f["seed"].u64();
  s.allowSelfConnections = f["allow_self_connections"].boolean();
  uint32_t delay = f["delay"].u32();
  if (delay < 1 || delay > 65535)
    f["delay"].fail(std::to_string(delay) + " is outside [1, 65535]");
  p.delay = static_cast<uint16_t>(delay);
  return p;
}

std::vector<uint32_t> shapeFromJson(const Field &f) {
  std::vector<uint32_t> shape;
  for (const Field &d : f.elements())
    shape.push_back(d.u32());
  return shape;
}

void checkIndex(const Field &f, uint32_t index, size_t count,
                const char *what) {
  if (index >= count)
    f.fail(std::string(what) + " " + std::to_string(index) +
           " does not exist (" + std::to_string(count) + " " + what + "s)");
}

void readBody(const Field &root, Image &image, TableCounts &counts,
              std::vector<SectionEntry> &sections) {
  root.expectKeys({"format", "version", "snnc_version", "network", "seed",
                   "target", "time", "placement", "layout", "inputs",
                   "populations", "projections", "outputs", "report",
                   "sections"});
  image.snncVersion = root["snnc_version"].string();
  image.network = root["network"].string();
  image.seed = root["seed"].u64();
  Field target = root["target"];
  target.expectKeys({"name", "model"});
  image.targetName = target["name"].string();
  image.targetModel = target["model"].json();
  Field time = root["time"];
  time.expectKeys({"dt", "rule"});
  image.dt = time["dt"].number();
  image.rule = time["rule"].oneOf({"euler", "exact"}) ? Discretization::Exact
                                                      : Discretization::Euler;
  image.report = root["report"].json();

  Field placement = root["placement"];
  placement.expectKeys({"chips", "pes_per_chip"});
  image.placement.chips = placement["chips"].u32();
  image.placement.pesPerChip = placement["pes_per_chip"].u32();

  Field layout = root["layout"];
  layout.expectKeys({"grid", "chips", "links"});
  std::vector<Field> grid = layout["grid"].elements(2);
  image.layout.gridCols = grid[0].u32();
  image.layout.gridRows = grid[1].u32();
  counts.layoutChips = layout["chips"].u32();
  counts.layoutLinks = layout["links"].u32();

  for (const Field &f : root["inputs"].elements()) {
    f.expectKeys({"index", "name", "shape", "size", "slices"});
    InputPort in;
    in.index = f["index"].u32();
    in.name = f["name"].string();
    in.shape = shapeFromJson(f["shape"]);
    in.size = f["size"].u32();
    counts.slicesPerInput.push_back(f["slices"].u32());
    image.inputs.push_back(std::move(in));
  }

  // Outputs and reports name populations: two of one name would make the
  // run's -o file ambiguous (and be refused only after the run).
  std::set<std::string> populationNames;
  for (const Field &f : root["populations"].elements()) {
    f.expectKeys({"name", "model", "shape", "size", "spiking", "slices"});
    Population p;
    p.name = f["name"].string();
    if (!populationNames.insert(p.name).second)
      f["name"].fail("'" + p.name +
                     "' repeats the name of an earlier "
                     "population");
    p.model = static_cast<NeuronModel>(
        f["model"].oneOf({"lif", "cuba_lif", "if", "li", "integrator"}));
    p.shape = shapeFromJson(f["shape"]);
    p.size = f["size"].u32();
    p.spiking = f["spiking"].boolean();
    counts.slicesPerPopulation.push_back(f["slices"].u32());
    image.populations.push_back(std::move(p));
  }

  for (const Field &f : root["projections"].elements()) {
    bool procedural = f.json().is_object() && f.json().contains("procedural");
    f.expectKeys({"name", "kind", "source", "target", "max_delay", "rms_error",
                  "max_error", procedural ? "procedural" : "synapses"});
    Projection q;
    q.name = f["name"].string();
    q.kind = static_cast<ProjectionKind>(f["kind"].oneOf(
        {"linear", "affine", "sparse", "conv2d", "sum_pool2d", "procedural"}));
    Field source = f["source"];
    source.expectKeys({"kind", "index"});
    q.source.kind = source["kind"].oneOf({"input", "population"})
                        ? SourceKind::Population
                        : SourceKind::Input;
    q.source.index = source["index"].u32();
    bool fromInput = q.source.kind == SourceKind::Input;
    checkIndex(source["index"], q.source.index,
               fromInput ? image.inputs.size() : image.populations.size(),
               fromInput ? "input" : "population");
    q.target = f["target"].u32();
    checkIndex(f["target"], q.target, image.populations.size(), "population");
    q.maxDelay = f["max_delay"].u32();
    q.rmsError = f["rms_error"].number();
    q.maxError = f["max_error"].number();
    q.isProcedural = procedural;
    if (procedural)
      q.procedural = proceduralFromJson(f["procedural"]);
    counts.synapsesPerProjection.push_back(procedural ? 0
                                                      : f["synapses"].u64());
    image.projections.push_back(std::move(q));
  }

  for (const Field &f : root["outputs"].elements()) {
    f.expectKeys({"index", "population", "kind"});
    Output out;
    out.index = f["index"].u32();
    out.population = f["population"].u32();
    checkIndex(f["population"], out.population, image.populations.size(),
               "population");
    out.kind = f["kind"].oneOf({"spikes", "current"}) ? OutputKind::Current
                                                      : OutputKind::Spikes;
    image.outputs.push_back(out);
  }

  for (const Field &f : root["sections"].elements()) {
    f.expectKeys(
        {"name", "owner", "file", "version", "size", "fnv1a64", "header"});
    SectionEntry entry;
    entry.name = f["name"].string();
    entry.owner = f["owner"].string();
    entry.file = f["file"].string();
    entry.version = f["version"].u32();
    entry.size = f["size"].u64();
    std::string hex = f["fnv1a64"].string();
    if (hex.size() != 16 ||
        hex.find_first_not_of("0123456789abcdef") != std::string::npos)
      f["fnv1a64"].fail("'" + hex + "' is not 16 lower-case hex digits");
    entry.checksum = std::stoull(hex, nullptr, 16);
    if (!f["header"].json().is_object())
      f["header"].fail("is not an object");
    entry.header = f["header"].json();
    sections.push_back(std::move(entry));
  }
}

} // namespace

json buildManifest(const Image &image, const TableCounts &counts,
                   const std::vector<SectionEntry> &sections) {
  json inputs = json::array();
  for (size_t i = 0; i < image.inputs.size(); ++i) {
    const InputPort &in = image.inputs[i];
    inputs.push_back({{"index", in.index},
                      {"name", in.name},
                      {"shape", in.shape},
                      {"size", in.size},
                      {"slices", counts.slicesPerInput[i]}});
  }
  json populations = json::array();
  for (size_t p = 0; p < image.populations.size(); ++p) {
    const Population &pop = image.populations[p];
    populations.push_back({{"name", pop.name},
                           {"model", toString(pop.model)},
                           {"shape", pop.shape},
                           {"size", pop.size},
                           {"spiking", pop.spiking},
                           {"slices", counts.slicesPerPopulation[p]}});
  }
  json projections = json::array();
  for (size_t i = 0; i < image.projections.size(); ++i) {
    const Projection &q = image.projections[i];
    json entry = {
        {"name", q.name},
        {"kind", toString(q.kind)},
        {"source",
         {{"kind", toString(q.source.kind)}, {"index", q.source.index}}},
        {"target", q.target},
        {"max_delay", q.maxDelay},
        {"rms_error", q.rmsError},
        {"max_error", q.maxError}};
    if (q.isProcedural)
      entry["procedural"] = proceduralToJson(q.procedural);
    else
      entry["synapses"] = counts.synapsesPerProjection[i];
    projections.push_back(std::move(entry));
  }
  json outputs = json::array();
  for (const Output &out : image.outputs)
    outputs.push_back({{"index", out.index},
                       {"population", out.population},
                       {"kind", toString(out.kind)}});
  json sectionTable = json::array();
  for (const SectionEntry &e : sections)
    sectionTable.push_back({{"name", e.name},
                            {"owner", e.owner},
                            {"file", e.file},
                            {"version", e.version},
                            {"size", e.size},
                            {"fnv1a64", toHex64(e.checksum)},
                            {"header", e.header}});

  return {
      {"format", kFormatName},
      {"version", kFormatVersion},
      {"snnc_version", image.snncVersion},
      {"network", image.network},
      {"seed", image.seed},
      {"target", {{"name", image.targetName}, {"model", image.targetModel}}},
      {"time", {{"dt", image.dt}, {"rule", toString(image.rule)}}},
      {"placement",
       {{"chips", image.placement.chips},
        {"pes_per_chip", image.placement.pesPerChip}}},
      {"layout",
       {{"grid", {image.layout.gridCols, image.layout.gridRows}},
        {"chips", counts.layoutChips},
        {"links", counts.layoutLinks}}},
      {"inputs", inputs},
      {"populations", populations},
      {"projections", projections},
      {"outputs", outputs},
      {"report", image.report},
      {"sections", sectionTable}};
}

std::string serializeManifest(const json &manifest) {
  return manifest.dump(2) + "\n";
}

Expected<json> parseManifestText(const std::string &text) {
  JsonParse parsed = parseJson(text);
  if (!parsed.value)
    return ImageError{kManifestFile,
                      "invalid JSON: " + describeJsonError(parsed)};
  return std::move(*parsed.value);
}

Status readManifest(const json &manifest, Image &image, TableCounts &counts,
                    std::vector<SectionEntry> &sections) {
  Field root(manifest, "");
  try {
    // Format and version first: a future version may change every other key.
    if (!manifest.is_object() || !manifest.contains("format") ||
        !manifest["format"].is_string() ||
        manifest["format"].get<std::string>() != kFormatName)
      return ImageError{kManifestFile,
                        std::string("not an snnc image manifest (format is "
                                    "not \"") +
                            kFormatName + "\")"};
    std::string supported = "; this snnc reads image version " +
                            std::to_string(kFormatVersion) +
                            " only: recompile the network with `snnc "
                            "compile` to write a version-" +
                            std::to_string(kFormatVersion) + " image";
    if (!manifest.contains("version"))
      return ImageError{kManifestFile, "has no version" + supported};
    const json &version = manifest["version"];
    if (version.is_number_integer() && version.get<int64_t>() >= 1 &&
        version.get<int64_t>() < kFormatVersion)
      return ImageError{kManifestFile,
                        "is an image of version " + version.dump() +
                            ", written by an older snnc" + supported};
    if (!version.is_number_integer() ||
        version.get<int64_t>() != kFormatVersion)
      return ImageError{kManifestFile, "unsupported image version " +
                                           version.dump() + supported};
    readBody(root, image, counts, sections);
  } catch (const FieldError &e) {
    return ImageError{kManifestFile, e.what};
  } catch (const json::exception &e) {
    return ImageError{kManifestFile, e.what()};
  }
  return Status::success();
}

} // namespace snnc::image::detail
