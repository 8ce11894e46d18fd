//===- TileCodec.cpp - The crossbar.tiles image section -------------------===//

#include "snnc/crossbar/ImageSections.h"

#include "snnc/image/detail/Bytes.h"
#include "snnc/image/detail/JsonFields.h"

#include <cmath>
#include <cstring>

namespace snnc::crossbar {

using image::detail::Field;
using image::detail::FieldError;
using nlohmann::json;

std::unique_ptr<image::SectionData> TileSection::clone() const {
  return std::make_unique<TileSection>(*this);
}

bool TileSection::equals(const image::SectionData &other) const {
  const auto *o = dynamic_cast<const TileSection *>(&other);
  if (!o || o->map.scale != map.scale ||
      o->map.tiles.size() != map.tiles.size() ||
      o->map.programmedCells != map.programmedCells ||
      o->map.programPulses != map.programPulses ||
      o->map.formedCells != map.formedCells ||
      o->map.savedPulses != map.savedPulses)
    return false;
  for (size_t t = 0; t < map.tiles.size(); ++t) {
    const XbarTile &a = map.tiles[t], &b = o->map.tiles[t];
    if (a.projection != b.projection || a.delay != b.delay ||
        a.fullScaleRows != b.fullScaleRows || !(a.block == b.block) ||
        a.gPlus != b.gPlus || a.gMinus != b.gMinus || a.digital != b.digital ||
        a.weights != b.weights)
      return false;
  }
  return true;
}

namespace {

struct Violation {
  std::string what;
};

std::string tileName(const XbarTile &t, size_t index) {
  return std::string(t.digital ? "digital " : "") + "tile " +
         std::to_string(index) + " (projection " +
         std::to_string(t.projection) + ", delay " + std::to_string(t.delay) +
         ", rows " + std::to_string(t.block.rowFirst) + ".." +
         std::to_string(t.block.rowFirst + t.block.rowCount - 1) +
         ", columns " + std::to_string(t.block.colFirst) + ".." +
         std::to_string(t.block.colFirst + t.block.colCount - 1) + ")";
}

/// Bytes of a tile in the file: f32 G+ and G- per cell, or an int16 weight
/// per cell of a digital tile.
uint64_t tileBytes(const XbarTile &t) {
  uint64_t cells = uint64_t(t.block.rowCount) * t.block.colCount;
  return t.digital ? cells * sizeof(int16_t) : cells * 2 * sizeof(float);
}

/// FNV-1a of the tile's bytes as the file holds them (little-endian).
uint64_t tileChecksum(const XbarTile &t) {
  image::detail::Fnv1a64 h;
  for (int16_t w : t.weights) {
    uint8_t le[2] = {uint8_t(uint16_t(w)), uint8_t(uint16_t(w) >> 8)};
    h.update(le, 2);
  }
  for (const std::vector<float> *column : {&t.gPlus, &t.gMinus})
    for (float g : *column) {
      uint32_t bits;
      std::memcpy(&bits, &g, sizeof bits);
      uint8_t le[4] = {uint8_t(bits), uint8_t(bits >> 8), uint8_t(bits >> 16),
                       uint8_t(bits >> 24)};
      h.update(le, 4);
    }
  return h.value();
}

/// The tiles' shapes from the header, each checked against the core image
/// so that no count is trusted before it is bounded.
std::vector<XbarTile> readShapes(const json &header, const image::Image &image,
                                 std::vector<double> *scales,
                                 std::vector<std::string> *checksums) {
  Field root(header, "header");
  root.expectKeys({"scales", "tiles", "programmed_cells", "program_pulses",
                   "formed_cells", "saved_pulses"});
  std::vector<Field> s = root["scales"].elements(image.projections.size());
  if (scales)
    for (Field &f : s)
      scales->push_back(f.number());
  std::vector<XbarTile> tiles;
  for (Field &f : root["tiles"].elements()) {
    f.expectKeys({"projection", "delay", "rows", "cols", "adc_full_scale_rows",
                  "digital", "fnv1a64"});
    XbarTile t;
    uint32_t digital = f["digital"].u32();
    if (digital > 1)
      f["digital"].fail("is " + std::to_string(digital) + "; it is 0 or 1");
    t.digital = digital == 1;
    t.projection = f["projection"].u32();
    if (t.projection >= image.projections.size())
      f["projection"].fail("names projection " + std::to_string(t.projection) +
                           " of " + std::to_string(image.projections.size()));
    const image::Projection &p = image.projections[t.projection];
    t.delay = f["delay"].u32();
    if (t.delay < 1 || t.delay > p.maxDelay)
      f["delay"].fail("is " + std::to_string(t.delay) + ", outside [1, " +
                      std::to_string(p.maxDelay) + "]");
    t.fullScaleRows = f["adc_full_scale_rows"].u32();
    if (!t.digital && t.fullScaleRows < 1)
      f["adc_full_scale_rows"].fail("is 0; an ADC's full scale is at least "
                                    "one row");
    if (t.digital && t.fullScaleRows != 0)
      f["adc_full_scale_rows"].fail("is " + std::to_string(t.fullScaleRows) +
                                    "; a digital tile has no ADC (0)");
    std::vector<Field> rows = f["rows"].elements(2),
                       cols = f["cols"].elements(2);
    t.block = {rows[0].u32(), rows[1].u32(), cols[0].u32(), cols[1].u32()};
    uint64_t sources = image::sourceSize(image, p.source);
    uint64_t targets = image.populations[p.target].size;
    if (!t.block.rowCount ||
        uint64_t(t.block.rowFirst) + t.block.rowCount > sources)
      f["rows"].fail("leaves the projection's " + std::to_string(sources) +
                     " rows");
    if (!t.block.colCount ||
        uint64_t(t.block.colFirst) + t.block.colCount > targets)
      f["cols"].fail("leaves the projection's " + std::to_string(targets) +
                     " columns");
    if (checksums)
      checksums->push_back(f["fnv1a64"].string());
    tiles.push_back(std::move(t));
  }
  return tiles;
}

class TileCodec : public image::SectionCodec {
public:
  std::string name() const override { return kTilesSection; }
  std::string owner() const override { return kTargetName; }
  uint32_t version() const override { return 3; }

  json header(const image::Image &,
              const image::SectionData &data) const override {
    const TileMap &m = static_cast<const TileSection &>(data).map;
    json tiles = json::array();
    for (const XbarTile &t : m.tiles)
      tiles.push_back({{"projection", t.projection},
                       {"delay", t.delay},
                       {"rows", {t.block.rowFirst, t.block.rowCount}},
                       {"cols", {t.block.colFirst, t.block.colCount}},
                       {"adc_full_scale_rows", t.fullScaleRows},
                       {"digital", t.digital ? 1 : 0},
                       {"fnv1a64", image::detail::toHex64(tileChecksum(t))}});
    return {{"scales", m.scale},
            {"tiles", tiles},
            {"programmed_cells", m.programmedCells},
            {"program_pulses", m.programPulses},
            {"formed_cells", m.formedCells},
            {"saved_pulses", m.savedPulses}};
  }

  image::Expected<uint64_t> fileSize(const json &header,
                                     const image::Image &image) const override {
    try {
      uint64_t bytes = 0;
      for (const XbarTile &t : readShapes(header, image, nullptr, nullptr))
        bytes += tileBytes(t);
      return bytes;
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
  }

  void encode(const image::Image &, const image::SectionData &data,
              image::detail::ByteSink &sink) const override {
    image::detail::Encoder out(sink);
    for (const XbarTile &t : static_cast<const TileSection &>(data).map.tiles) {
      if (t.digital) {
        out.putColumn(t.weights);
        continue;
      }
      out.putColumn(t.gPlus);
      out.putColumn(t.gMinus);
    }
  }

  image::Expected<std::unique_ptr<image::SectionData>>
  decode(const json &header, const std::vector<uint8_t> &bytes,
         const image::Image &image) const override {
    auto s = std::make_unique<TileSection>();
    std::vector<std::string> sums;
    try {
      s->map.tiles = readShapes(header, image, &s->map.scale, &sums);
      s->map.programmedCells =
          Field(header, "header")["programmed_cells"].u64();
      s->map.programPulses = Field(header, "header")["program_pulses"].u64();
      s->map.formedCells = Field(header, "header")["formed_cells"].u64();
      s->map.savedPulses = Field(header, "header")["saved_pulses"].u64();
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
    image::detail::Decoder in(bytes);
    for (size_t i = 0; i < s->map.tiles.size(); ++i) {
      XbarTile &t = s->map.tiles[i];
      size_t cells = size_t(t.block.rowCount) * t.block.colCount;
      if (t.digital) {
        t.weights.resize(cells);
        in.getColumn(t.weights);
      } else {
        t.gPlus.resize(cells);
        t.gMinus.resize(cells);
        in.getColumn(t.gPlus);
        in.getColumn(t.gMinus);
      }
      if (image::detail::toHex64(tileChecksum(t)) != sums[i])
        return image::ImageError{fileName(),
                                 tileName(t, i) + ": checksum mismatch"};
    }
    if (!in.atEnd())
      return image::ImageError{fileName(), "decoding stopped at byte " +
                                               std::to_string(in.position())};
    return std::unique_ptr<image::SectionData>(std::move(s));
  }

  std::string locateDamage(const json &header,
                           const std::vector<uint8_t> &bytes,
                           const image::Image &image) const override {
    image::Expected<std::unique_ptr<image::SectionData>> decoded =
        decode(header, bytes, image);
    if (decoded)
      return "";
    // decode() names the first tile whose bytes do not match its checksum.
    const std::string &what = decoded.error().what;
    bool named =
        what.rfind("tile ", 0) == 0 || what.rfind("digital tile ", 0) == 0;
    return named ? what.substr(0, what.find(':')) : "";
  }

  image::Status validate(const image::Image &image,
                         const image::SectionData &data) const override {
    const TileMap &m = static_cast<const TileSection &>(data).map;
    if (m.scale.size() != image.projections.size())
      return image::ImageError{
          fileName(), "has " + std::to_string(m.scale.size()) + " scales for " +
                          std::to_string(image.projections.size()) +
                          " projections"};
    for (size_t q = 0; q < m.scale.size(); ++q)
      if (!(m.scale[q] >= 0) || !std::isfinite(m.scale[q]))
        return image::ImageError{fileName(), "projection " + std::to_string(q) +
                                                 " has scale " +
                                                 std::to_string(m.scale[q])};
    for (size_t i = 0; i < m.tiles.size(); ++i) {
      const XbarTile &t = m.tiles[i];
      size_t cells = size_t(t.block.rowCount) * t.block.colCount;
      if (t.digital) {
        if (t.weights.size() != cells || !t.gPlus.empty() || !t.gMinus.empty())
          return image::ImageError{
              fileName(),
              tileName(t, i) + " holds " + std::to_string(t.weights.size()) +
                  " weights for " + std::to_string(cells) + " cells"};
        for (size_t c = 0; c < cells; ++c)
          if (t.weights[c] < -kDigitalWeightMax)
            return image::ImageError{
                fileName(), tileName(t, i) + " cell " + std::to_string(c) +
                                " has weight " + std::to_string(t.weights[c]) +
                                "; digital weights lie in [-32767, 32767]"};
        continue;
      }
      if (t.gPlus.size() != cells || t.gMinus.size() != cells)
        return image::ImageError{fileName(),
                                 tileName(t, i) + " holds " +
                                     std::to_string(t.gPlus.size()) +
                                     " cells for " + std::to_string(cells)};
      for (size_t c = 0; c < cells; ++c)
        for (float g : {t.gPlus[c], t.gMinus[c]})
          if (!(g >= 0) || !std::isfinite(g))
            return image::ImageError{
                fileName(), tileName(t, i) + " cell " + std::to_string(c) +
                                " has conductance " + std::to_string(g) +
                                " S; conductances are finite and >= 0"};
    }
    return image::Status::success();
  }

  std::vector<std::pair<std::string, std::string>>
  summarize(const image::Image &,
            const image::SectionData &data) const override {
    const TileMap &m = static_cast<const TileSection &>(data).map;
    uint64_t cells = 0, weights = 0;
    for (const XbarTile &t : m.tiles)
      (t.digital ? weights : cells) +=
          uint64_t(t.block.rowCount) * t.block.colCount;
    return {{"tiles", std::to_string(m.arrayTiles()) + " (" +
                          std::to_string(cells) + " cells in use)"},
            {"digital tiles", std::to_string(m.digitalTiles()) + " (" +
                                  std::to_string(weights) +
                                  " int16 readout weights)"},
            {"programming", std::to_string(m.programmedCells) + " devices, " +
                                std::to_string(m.programPulses) +
                                " pulses at most"},
            {"formed", std::to_string(m.formedCells) +
                           " cells take their weight from forming (" +
                           std::to_string(m.savedPulses) +
                           " programming pulses saved)"}};
  }
};

} // namespace

void registerImageSections() {
  image::registerSectionCodec(std::make_unique<TileCodec>());
}

} // namespace snnc::crossbar
