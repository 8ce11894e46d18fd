//===- NetlistCodec.cpp - The sfq.netlist image section -------------------===//
//
// File layout (little-endian): per cell its kind (u8) and parameters a, b
// (u64 each); then per output port, in cell order, the cell (u32) and
// input port (u8) it drives; then per neuron cell its population and index
// (u32 each). The header carries the three counts, so the file's size is
// known before a byte is decoded.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/Image.h"
#include "snnc/image/detail/Bytes.h"
#include "snnc/image/detail/JsonFields.h"
#include "snnc/sfq/ImageSections.h"

namespace snnc::sfq {

using image::detail::Field;
using image::detail::FieldError;
using nlohmann::json;

namespace {
bool sameTiming(const TimingTable &a, const TimingTable &b) {
  for (size_t k = 0; k < kNumCellKinds; ++k) {
    if (a[k].delay != b[k].delay ||
        a[k].separations.size() != b[k].separations.size())
      return false;
    for (size_t i = 0; i < a[k].separations.size(); ++i) {
      const Separation &x = a[k].separations[i], &y = b[k].separations[i];
      if (x.after != y.after || x.on != y.on || x.ticks != y.ticks)
        return false;
    }
  }
  return true;
}
} // namespace

std::unique_ptr<image::SectionData> NetlistSection::clone() const {
  return std::make_unique<NetlistSection>(*this);
}

bool NetlistSection::equals(const image::SectionData &other) const {
  const auto *o = dynamic_cast<const NetlistSection *>(&other);
  return o && o->netlist == netlist && o->neurons == neurons &&
         o->slotTicks == slotTicks &&
         o->inputSpacingTicks == inputSpacingTicks &&
         o->inputPhaseTicks == inputPhaseTicks &&
         o->cellLibrary == cellLibrary && o->biasNa == biasNa &&
         o->modelled == modelled && sameTiming(o->timing, timing);
}

namespace {

constexpr uint64_t kCellBytes = 1 + 8 + 8;
constexpr uint64_t kDriveBytes = 4 + 1;
constexpr uint64_t kNeuronBytes = 4 + 4;
/// Per cell kind: modelled, two delays and the number of windows; per
/// window its ports and ticks.
constexpr uint64_t kKindBytes = 1 + 4 + 4 + 4;
constexpr uint64_t kSeparationBytes = 1 + 1 + 4;
/// An input phase is a clock tree's insertion delay: far below a second.
constexpr uint64_t kMaxInputPhaseTicks = 1000000000000;

/// Far above any lowering's max_cells, so that a header cannot make the
/// reader allocate without bound.
constexpr uint64_t kMaxCells = uint64_t(1) << 31;

struct Counts {
  uint64_t cells = 0, drives = 0, neurons = 0, separations = 0;
};

Counts readCounts(const json &header) {
  Field root(header, "header");
  root.expectKeys({"cells", "drives", "neurons", "separations", "slot_ticks",
                   "input_spacing_ticks", "input_phase_ticks", "cell_library",
                   "bias_na"});
  Counts c{root["cells"].u64(), root["drives"].u64(), root["neurons"].u64(),
           root["separations"].u64()};
  if (c.separations > 1024)
    root["separations"].fail("is " + std::to_string(c.separations) +
                             "; a library has a few per cell kind");
  if (c.cells > kMaxCells)
    root["cells"].fail("is " + std::to_string(c.cells) + "; at most " +
                       std::to_string(kMaxCells));
  if (c.drives > 2 * c.cells)
    root["drives"].fail("is " + std::to_string(c.drives) +
                        ", more than two outputs per cell");
  if (c.neurons > c.cells)
    root["neurons"].fail("is " + std::to_string(c.neurons) +
                         ", more than the cells");
  return c;
}

uint64_t separationCount(const TimingTable &timing) {
  uint64_t n = 0;
  for (const CellTiming &t : timing)
    n += t.separations.size();
  return n;
}

class NetlistCodec : public image::SectionCodec {
public:
  std::string name() const override { return kNetlistSection; }
  std::string owner() const override { return kTargetName; }
  // 2: the input phase (clocked mode).
  uint32_t version() const override { return 2; }

  json header(const image::Image &,
              const image::SectionData &data) const override {
    const auto &s = static_cast<const NetlistSection &>(data);
    return {{"cells", s.netlist.size()},
            {"drives", s.netlist.allDrives().size()},
            {"neurons", s.neurons.size()},
            {"separations", separationCount(s.timing)},
            {"slot_ticks", s.slotTicks},
            {"input_spacing_ticks", s.inputSpacingTicks},
            {"input_phase_ticks", s.inputPhaseTicks},
            {"cell_library", s.cellLibrary},
            {"bias_na", s.biasNa}};
  }

  image::Expected<uint64_t> fileSize(const json &header,
                                     const image::Image &) const override {
    try {
      Counts c = readCounts(header);
      return c.cells * kCellBytes + c.drives * kDriveBytes +
             c.neurons * kNeuronBytes + kNumCellKinds * kKindBytes +
             c.separations * kSeparationBytes;
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
  }

  void encode(const image::Image &, const image::SectionData &data,
              image::detail::ByteSink &sink) const override {
    const auto &s = static_cast<const NetlistSection &>(data);
    image::detail::Encoder out(sink);
    for (const Cell &c : s.netlist.allCells()) {
      out.put(uint8_t(c.kind));
      out.put(c.a);
      out.put(c.b);
    }
    for (const Pin &p : s.netlist.allDrives()) {
      out.put(p.cell);
      out.put(p.port);
    }
    for (const NeuronSite &n : s.neurons) {
      out.put(n.population);
      out.put(n.index);
    }
    for (size_t k = 0; k < kNumCellKinds; ++k) {
      out.put(uint8_t(s.modelled[k]));
      out.put(s.timing[k].delay[0]);
      out.put(s.timing[k].delay[1]);
      out.put(uint32_t(s.timing[k].separations.size()));
      for (const Separation &sep : s.timing[k].separations) {
        out.put(sep.after);
        out.put(sep.on);
        out.put(sep.ticks);
      }
    }
    out.flush();
  }

  image::Expected<std::unique_ptr<image::SectionData>>
  decode(const json &header, const std::vector<uint8_t> &bytes,
         const image::Image &) const override {
    auto s = std::make_unique<NetlistSection>();
    Counts counts;
    try {
      counts = readCounts(header);
      Field root(header, "header");
      s->slotTicks = root["slot_ticks"].u64();
      s->inputSpacingTicks = root["input_spacing_ticks"].u64();
      s->inputPhaseTicks = root["input_phase_ticks"].u64();
      if (s->inputPhaseTicks > kMaxInputPhaseTicks)
        root["input_phase_ticks"].fail(
            "is " + std::to_string(s->inputPhaseTicks) +
            "; snnc delays "
            "inputs by at most " +
            std::to_string(kMaxInputPhaseTicks) + " ticks (0.1 s)");
      s->cellLibrary = root["cell_library"].string();
      s->biasNa = root["bias_na"].u64();
      if (s->slotTicks < 1)
        root["slot_ticks"].fail("is 0; a slot lasts at least one tick");
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
    image::detail::Decoder in(bytes);
    for (uint64_t i = 0; i < counts.cells; ++i) {
      uint8_t kind = 0;
      uint64_t a = 0, b = 0;
      in.get(kind);
      in.get(a);
      in.get(b);
      if (kind >= kNumCellKinds)
        return image::ImageError{fileName(),
                                 "cell " + std::to_string(i) + " has kind " +
                                     std::to_string(kind) + "; kinds are 0.." +
                                     std::to_string(kNumCellKinds - 1)};
      s->netlist.addCell(CellKind(kind), a, b);
    }
    if (s->netlist.allDrives().size() != counts.drives)
      return image::ImageError{
          fileName(), "the header counts " + std::to_string(counts.drives) +
                          " outputs; its cells have " +
                          std::to_string(s->netlist.allDrives().size())};
    for (uint32_t c = 0; c < counts.cells; ++c)
      for (unsigned o = 0; o < kindInfo(s->netlist.cell(c).kind).outputs; ++o) {
        Pin p;
        in.get(p.cell);
        in.get(p.port);
        if (p.cell != kNoCell)
          s->netlist.connect({c, uint8_t(o)}, p);
      }
    for (uint64_t i = 0; i < counts.neurons; ++i) {
      NeuronSite n;
      in.get(n.population);
      in.get(n.index);
      s->neurons.push_back(n);
    }
    uint64_t separations = 0;
    for (size_t k = 0; k < kNumCellKinds; ++k) {
      uint8_t modelled = 0;
      uint32_t count = 0;
      in.get(modelled);
      in.get(s->timing[k].delay[0]);
      in.get(s->timing[k].delay[1]);
      in.get(count);
      s->modelled[k] = modelled != 0;
      separations += count;
      if (separations > counts.separations)
        return image::ImageError{
            fileName(), "cell kind " + std::string(kindInfo(CellKind(k)).name) +
                            " has more separation windows than the header's " +
                            std::to_string(counts.separations)};
      for (uint32_t i = 0; i < count; ++i) {
        Separation sep;
        in.get(sep.after);
        in.get(sep.on);
        in.get(sep.ticks);
        s->timing[k].separations.push_back(sep);
      }
    }
    if (!in.atEnd())
      return image::ImageError{fileName(), "decoding stopped at byte " +
                                               std::to_string(in.position())};
    return std::unique_ptr<image::SectionData>(std::move(s));
  }

  image::Status validate(const image::Image &image,
                         const image::SectionData &data) const override {
    const auto &s = static_cast<const NetlistSection &>(data);
    auto fail = [&](const std::string &what) {
      return image::ImageError{fileName(), what};
    };
    std::string problem = s.netlist.check();
    if (!problem.empty())
      return fail(problem);
    for (size_t k = 0; k < kNumCellKinds; ++k) {
      const CellKindInfo &info = kindInfo(CellKind(k));
      bool source =
          CellKind(k) == CellKind::Input || CellKind(k) == CellKind::Clock;
      for (unsigned o = 0; s.modelled[k] && !source && o < info.outputs; ++o)
        if (s.timing[k].delay[o] < 1)
          return fail(std::string("cell kind ") + info.name +
                      " has a delay of 0 ticks on output " +
                      info.outputNames[o] + "; it takes at least one tick");
      for (const Separation &sep : s.timing[k].separations)
        if (sep.after >= info.inputs || sep.on >= info.inputs)
          return fail(std::string("cell kind ") + info.name +
                      " has a separation window on an input it does not "
                      "have");
    }
    uint64_t elements = 0;
    for (const image::InputPort &port : image.inputs)
      elements += port.size;
    std::vector<bool> inputSeen(elements, false);
    std::vector<std::vector<bool>> neuronSeen(image.populations.size());
    for (size_t p = 0; p < image.populations.size(); ++p)
      neuronSeen[p].assign(image.populations[p].size, false);
    size_t neuron = 0;
    for (uint32_t c = 0; c < s.netlist.size(); ++c) {
      const Cell &cell = s.netlist.cell(c);
      std::string name =
          "cell " + std::to_string(c) + " (" + kindInfo(cell.kind).name + ")";
      if (!s.modelled[size_t(cell.kind)])
        return fail(name + " has no model in cell library '" + s.cellLibrary +
                    "'");
      if (cell.kind == CellKind::Input) {
        if (cell.a >= elements || inputSeen[cell.a])
          return fail(name + " injects input element " +
                      std::to_string(cell.a) +
                      (cell.a >= elements
                           ? "; the network has " + std::to_string(elements)
                           : ", which another input cell has"));
        inputSeen[cell.a] = true;
      }
      if (cell.kind != CellKind::Neuron)
        continue;
      if (neuron >= s.neurons.size())
        return fail("the netlist has more neuron cells than the " +
                    std::to_string(s.neurons.size()) + " neuron sites");
      const NeuronSite &site = s.neurons[neuron++];
      if (site.population >= image.populations.size() ||
          !image.populations[site.population].spiking ||
          site.index >= image.populations[site.population].size ||
          neuronSeen[site.population][site.index])
        return fail(name + " is neuron " + std::to_string(site.index) +
                    " of population " + std::to_string(site.population) +
                    ", which is not a spiking neuron of the network or has "
                    "another cell");
      neuronSeen[site.population][site.index] = true;
    }
    if (neuron != s.neurons.size())
      return fail("the netlist has " + std::to_string(neuron) +
                  " neuron cells for " + std::to_string(s.neurons.size()) +
                  " neuron sites");
    for (size_t p = 0; p < image.populations.size(); ++p)
      if (image.populations[p].spiking)
        for (size_t j = 0; j < neuronSeen[p].size(); ++j)
          if (!neuronSeen[p][j])
            return fail("neuron " + std::to_string(j) + " of population '" +
                        image.populations[p].name + "' has no cell");
    return {};
  }

  std::vector<std::pair<std::string, std::string>>
  summarize(const image::Image &,
            const image::SectionData &data) const override {
    const auto &s = static_cast<const NetlistSection &>(data);
    std::vector<uint64_t> byKind = s.netlist.countByKind();
    std::string cells;
    for (size_t k = 0; k < kNumCellKinds; ++k)
      if (byKind[k])
        cells += std::string(cells.empty() ? "" : ", ") +
                 std::to_string(byKind[k]) + " " + kindInfo(CellKind(k)).name;
    return {{"cells", std::to_string(s.netlist.size()) + " (" + cells + ")"},
            {"cell library", s.cellLibrary},
            {"pulse slot", std::to_string(s.slotTicks) + " ticks of 100 fs"},
            {"bias current", std::to_string(s.biasNa / 1000) + " uA"}};
  }
};

} // namespace

void registerImageSections() {
  image::registerSectionCodec(std::make_unique<NetlistCodec>());
}

} // namespace snnc::sfq
