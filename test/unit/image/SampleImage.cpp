//===- SampleImage.cpp - Images and directory helpers for the tests -------===//

#include "SampleImage.h"

#include "snnc/spinnaker2/ImageSections.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace snnc::image::test {

namespace {

namespace s2 = snnc::spinnaker2;

void fillNeurons(Population &p, s2::PopulationFixedPoint &fixed, int salt) {
  bool cuba = p.model == NeuronModel::CubaLif;
  bool spiking = isSpikingModel(p.model);
  for (uint32_t j = 0; j < p.size; ++j) {
    FloatNeuron f;
    f.decay = 1.0 - 1.0 / (j + 7.0 + salt);
    f.gain = std::sqrt(2.0 + j) / 3.0;
    f.drive = j % 3 == 0 ? -0.0 : -1.0 / (j + salt + 1);
    f.threshold = spiking ? 1.0 + j * 1e-7 : 0.0;
    f.reset = spiking ? (j % 2 ? 4.9e-324 : -1e308) : 0.0;
    f.synDecay = cuba ? std::exp(-1.0 / (j + 2)) : 0.0;
    f.synGain = cuba ? 1.0 - f.synDecay : 0.0;
    f.bias = j == 1 ? 1e-300 : 0.125 * salt;
    p.floatParams.push_back(f);

    s2::FixedNeuron q;
    q.decayQ =
        j == 0 ? 65536 : static_cast<int32_t>(std::llround(f.decay * 65536));
    q.gainM = (1 << 30) + static_cast<int32_t>(j * 977 + salt);
    q.gainS = static_cast<int32_t>((40 + j) % 63);
    q.driveQ = j == 2 ? std::numeric_limits<int32_t>::min() : -salt - 3;
    q.biasQ = static_cast<int32_t>(j) * 1000 - 7;
    q.thresholdQ = spiking ? std::numeric_limits<int32_t>::max() - j : 0;
    q.resetQ = spiking ? -5 : 0;
    q.synDecayQ = cuba ? static_cast<int32_t>(65535 - j) : 0;
    q.synGainM = cuba ? 123456789 : 0;
    q.synGainS = cuba ? 62 : 0;
    fixed.neurons.push_back(q);
  }
}

Population population(Image &image, const std::string &name, NeuronModel model,
                      std::vector<uint32_t> shape, double sIn, int salt) {
  Population p;
  p.name = name;
  p.model = model;
  p.shape = std::move(shape);
  p.size = 1;
  for (uint32_t d : p.shape)
    p.size *= d;
  p.spiking = isSpikingModel(model);
  s2::PopulationFixedPoint fixed;
  fixed.sIn = sIn;
  fixed.sV = sIn * 3.0 / 7.0;
  fillNeurons(p, fixed, salt);
  s2::fixedPoint(image).populations.push_back(std::move(fixed));
  return p;
}

/// The projection's header; its fixed-point header goes into the image's
/// spinnaker2.fixed_point section at the same index.
Projection projection(Image &image, const std::string &name,
                      ProjectionKind kind, SourceKind sourceKind,
                      uint32_t source, uint32_t target, int32_t shift,
                      uint32_t maxDelay) {
  Projection q;
  q.name = name;
  q.kind = kind;
  q.source = {sourceKind, source};
  q.target = target;
  s2::ProjectionFixedPoint fixed;
  fixed.shift = shift;
  fixed.scale =
      std::ldexp(s2::fixedPoint(image).populations[target].sIn, shift);
  q.maxDelay = maxDelay;
  q.rmsError = fixed.scale * 0.29;
  q.maxError = fixed.scale * 0.5;
  s2::fixedPoint(image).projections.push_back(std::move(fixed));
  return q;
}

/// Random CSR rows (some empty), using the extreme weights and the maximum
/// delay at least once.
void fillStored(Image &image, Projection &q, unsigned seed) {
  std::mt19937 rng(seed);
  s2::ProjectionFixedPoint &fixed =
      s2::fixedPoint(image).projections[image.projections.size()];
  uint32_t rows = sourceSize(image, q.source);
  uint32_t targets = image.populations[q.target].size;
  StoredSynapses &s = q.stored;
  s.rowPtr.push_back(0);
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t fan = r % 4 == 1 ? 0 : rng() % (std::min(targets, 4u) + 1);
    std::vector<uint32_t> picked;
    for (uint32_t t = 0; t < targets && picked.size() < fan; ++t)
      if (rng() % 2 || targets - t <= fan - picked.size())
        picked.push_back(t);
    for (uint32_t t : picked) {
      int16_t wq = static_cast<int16_t>(int32_t(rng() % 65535) - 32767);
      if (s.target.empty())
        wq = -32767;
      else if (s.target.size() == 1)
        wq = 32767;
      s.target.push_back(t);
      fixed.weightQ.push_back(wq);
      s.weight.push_back(static_cast<float>(wq * fixed.scale * 1.0001));
      s.delay.push_back(static_cast<uint16_t>(
          s.target.size() == 1 ? q.maxDelay : 1 + rng() % q.maxDelay));
    }
    s.rowPtr.push_back(s.target.size());
  }
}

std::vector<uint64_t> route(std::initializer_list<unsigned> bits) {
  std::vector<uint64_t> words(2, 0);
  for (unsigned b : bits)
    words[b / 64] |= uint64_t(1) << (b % 64);
  return words;
}

/// Three chips of a hexagonal board, 60 PEs per chip on an 8 x 8 grid.
MachineLayout sampleLayout() {
  MachineLayout layout;
  layout.gridCols = 8;
  layout.gridRows = 8;
  for (int32_t p = 0; p < 60; ++p)
    layout.peSites.push_back({p % 8, p / 8});
  layout.chipSites = {{0, 0}, {1, 0}, {0, 1}};
  layout.linkDirections = {{1, 0}, {1, 1}, {0, 1}, {-1, 0}, {-1, -1}, {0, -1}};
  for (const GridPoint &c : layout.chipSites)
    for (const GridPoint &d : layout.linkDirections) {
      int32_t next = -1;
      for (size_t k = 0; k < layout.chipSites.size(); ++k)
        if (layout.chipSites[k].x == c.x + d.x &&
            layout.chipSites[k].y == c.y + d.y)
          next = static_cast<int32_t>(k);
      layout.neighbours.push_back(next);
    }
  return layout;
}

} // namespace

Image sampleImage() {
  s2::registerImageSections();
  Image image;
  image.snncVersion = "0.1.0-test";
  image.network = "sample-\xc2\xb5net"; // "µ" in UTF-8.
  image.targetName = "spinnaker2";
  image.targetModel = {
      {"pesPerChip", 60},
      {"clockHz", 3e8},
      {"unit", "\xc2\xb5s"},
      {"nested", {{"list", {1, -2, 3.25, true, nullptr, "x"}}}},
      {"big", std::numeric_limits<uint64_t>::max()}};
  image.report = {
      {"pes_used", 8}, {"routing", {{"entries", 5}}}, {"ratio", 0.1}};
  image.dt = 1e-3 / 3;
  image.rule = Discretization::Exact;
  image.seed = std::numeric_limits<uint64_t>::max();

  image.inputs.push_back({0, "in", {2, 3}, 6, {}});
  image.inputs.push_back({2, "cue", {4}, 4, {}});

  auto addPopulation = [&](const std::string &name, NeuronModel model,
                           std::vector<uint32_t> shape, double sIn, int salt) {
    Population p = population(image, name, model, std::move(shape), sIn, salt);
    image.populations.push_back(std::move(p));
  };
  addPopulation("exc", NeuronModel::Lif, {10}, 3 * std::ldexp(1.0, -10), 1);
  addPopulation("cuba", NeuronModel::CubaLif, {2, 2}, 1.0 / 3, 2);
  addPopulation("iff", NeuronModel::If, {3}, 1e-9, 3);
  addPopulation("res", NeuronModel::Lif, {3, 3, 3}, 0.01, 4);
  addPopulation("readout", NeuronModel::Li, {2}, 2.5, 5);
  addPopulation("acc", NeuronModel::Integrator, {1, 2}, 7.0, 6);

  image.placement.chips = 3;
  image.placement.pesPerChip = 60;
  image.placement.sliceOfPe.assign(180, kNoSlice);
  image.layout = sampleLayout();
  s2::RoutingSection &routing = s2::routing(image);
  // Global slices 0-2 are the inputs' (input 'in' split across chips 0 and
  // 1, with key blocks of different widths), 3-10 the populations'.
  struct {
    uint32_t input;
    Slice slice;
    s2::SliceKey key;
  } inputSlices[] = {{0, {0, 4, 4}, {0x00100000, 0xfffffffc}},
                     {0, {4, 2, 65}, {0x00100004, 0xfffffffe}},
                     {1, {0, 4, 5}, {0x00200000, 0xfffffffc}}};
  uint32_t global = 0;
  for (const auto &s : inputSlices) {
    image.inputs[s.input].slices.push_back(s.slice);
    routing.keys.push_back(s.key);
    image.placement.sliceOfPe[s.slice.pe] = global++;
  }
  struct {
    uint32_t population, first, count, pe;
  } slices[] = {{0, 0, 6, 0},   {0, 6, 4, 1},    {1, 0, 4, 2}, {2, 0, 3, 61},
                {3, 0, 14, 62}, {3, 14, 13, 63}, {4, 0, 2, 3}, {5, 0, 2, 64}};
  for (const auto &s : slices) {
    image.populations[s.population].slices.push_back({s.first, s.count, s.pe});
    routing.keys.push_back({(s.pe + 1) << 8, 0xffffff00});
    image.placement.sliceOfPe[s.pe] = global++;
  }

  using K = ProjectionKind;
  using S = SourceKind;
  auto add = [&](Projection q, unsigned seed) {
    if (!q.isProcedural)
      fillStored(image, q, seed);
    image.projections.push_back(std::move(q));
  };
  add(projection(image, "drive", K::Sparse, S::Input, 0, 0, 3, 3), 1);
  add(projection(image,
                 "cue\xe2\x86\x92"
                 "cuba",
                 K::Linear, S::Input, 1, 1, 0, 1),
      2);
  add(projection(image, "ff", K::Affine, S::Population, 0, 2, 16, 2), 3);
  add(projection(image, "conv", K::Conv2d, S::Population, 1, 4, 5, 4), 4);
  add(projection(image, "pool", K::SumPool2d, S::Population, 2, 5, 1, 1), 5);

  Projection rec =
      projection(image, "rec", K::Procedural, S::Population, 3, 3, 2, 2);
  rec.isProcedural = true;
  snn::reservoir::Spec &spec = rec.procedural.spec;
  spec.size = 27;
  spec.excitatoryFraction = 0.75;
  spec.rule.kind = snn::reservoir::ConnectionRule::Kind::Distance;
  spec.rule.grid = {3, 3, 3};
  spec.rule.lambda = 2.0;
  spec.rule.c = {0.3, 0.2, 0.4, 0.1};
  using W = snn::reservoir::WeightDist::Kind;
  spec.weights = {{{W::Constant, 0.5, 0.0},
                   {W::Uniform, 0.1, 0.9},
                   {W::Normal, 1.0, 0.25},
                   {W::LogNormal, -1.0, 0.5}}};
  spec.seed = 12345;
  rec.procedural.delay = 2;
  add(std::move(rec), 0);

  add(projection(image, "exc2res", K::Sparse, S::Population, 0, 3, 7, 5), 6);

  Projection recurrent =
      projection(image, "", K::Procedural, S::Population, 0, 0, 0, 1);
  recurrent.isProcedural = true;
  recurrent.procedural.spec.size = 10;
  recurrent.procedural.spec.rule.p = 0.25;
  recurrent.procedural.spec.weights.fill({W::Normal, 0.0, 1.0});
  recurrent.procedural.spec.seed = uint64_t(1) << 63;
  recurrent.procedural.spec.allowSelfConnections = true;
  recurrent.procedural.delay = 1;
  add(std::move(recurrent), 0);

  routing.numLinks = 6;
  routing.wordsPerRoute = 2;
  routing.defaultRoute = true;
  s2::RouterTable chip0, chip1, chip2;
  chip0.routeWords = route({0, 6 + 3});
  for (uint64_t w : route({6 + 59}))
    chip0.routeWords.push_back(w);
  chip0.entries = {{0x100, 0xffffff00, 0},
                   {0x00100000, 0xfffffff8, 1},
                   {0x200, 0xfffffe00, 0}};
  chip1.routeWords = route({5, 6 + 2});
  for (uint64_t w : route({6 + 4}))
    chip1.routeWords.push_back(w);
  chip1.entries = {{0x3e00, 0xffffff00, 1}, {0, 0, 0}};
  routing.tables = {chip0, chip1, chip2};

  image.outputs = {{0, 0, OutputKind::Spikes},
                   {2, 4, OutputKind::Current},
                   {5, 5, OutputKind::Current}};
  return image;
}

ScopedDir::ScopedDir() {
  std::string pattern =
      (fs::temp_directory_path() / "snnc-image-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data()))
    throw std::runtime_error("mkdtemp failed");
  dir = pattern;
}

ScopedDir::~ScopedDir() {
  std::error_code ec;
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(dir, ec);
}

std::vector<uint8_t> readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const fs::path &path, const std::vector<uint8_t> &bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char *>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

std::string readText(const fs::path &path) {
  std::vector<uint8_t> bytes = readFile(path);
  return std::string(bytes.begin(), bytes.end());
}

void writeText(const fs::path &path, const std::string &text) {
  writeFile(path, std::vector<uint8_t>(text.begin(), text.end()));
}

std::vector<std::string> listDir(const fs::path &dir) {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string fnv1a64Hex(const std::vector<uint8_t> &bytes) {
  uint64_t h = 14695981039346656037ULL;
  for (uint8_t b : bytes) {
    h ^= b;
    h *= 1099511628211ULL;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof(buffer), "%016llx",
                static_cast<unsigned long long>(h));
  return buffer;
}

void resealFile(const fs::path &image, const std::string &file) {
  nlohmann::json manifest =
      nlohmann::json::parse(readText(image / "manifest.json"));
  std::vector<uint8_t> bytes = readFile(image / file);
  for (auto &entry : manifest["sections"])
    if (entry["file"] == file) {
      entry["size"] = bytes.size();
      entry["fnv1a64"] = fnv1a64Hex(bytes);
    }
  writeText(image / "manifest.json", manifest.dump(2) + "\n");
}

} // namespace snnc::image::test
