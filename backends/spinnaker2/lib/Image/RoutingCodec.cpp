//===- RoutingCodec.cpp - The spinnaker2.routing image section -----------===//
//
// Header: links, words per route, the default-route rule and the entry and
// route counts of each chip's router. File: every chip's route words
// (uint64), then a key and mask per slice in the global slice order, then
// every chip's entries (key, mask, route: 3 uint32), so every column starts
// naturally aligned.
//
//===----------------------------------------------------------------------===//

#include "SectionCodecs.h"

#include "snnc/image/detail/JsonFields.h"
#include "snnc/image/detail/Names.h"

#include <algorithm>

namespace snnc::spinnaker2::detail {

using image::detail::Field;
using image::detail::FieldError;
using image::detail::hex32;
using nlohmann::json;

namespace {

struct Violation {
  std::string what;
};

[[noreturn]] void fail(std::string what) { throw Violation{std::move(what)}; }

struct Counts {
  uint32_t links = 0;
  uint32_t words = 0;
  bool defaultRoute = true;
  std::vector<uint64_t> entries;
  std::vector<uint64_t> routes;
};

Counts readHeader(const json &header) {
  Field root(header, "header");
  root.expectKeys({"links", "words_per_route", "default_route", "chips"});
  Counts c;
  c.links = root["links"].u32();
  c.words = root["words_per_route"].u32();
  c.defaultRoute = root["default_route"].boolean();
  for (const Field &chip : root["chips"].elements()) {
    chip.expectKeys({"entries", "routes"});
    c.entries.push_back(chip["entries"].u64());
    c.routes.push_back(chip["routes"].u64());
  }
  return c;
}

/// Bytes of the file for `c` and `slices`, or nullopt past 2^64 - 1.
std::optional<uint64_t> bytesFor(const Counts &c, uint64_t slices) {
  uint64_t total = 0, part = 0;
  auto add = [&](uint64_t count, uint64_t each) {
    return !__builtin_mul_overflow(count, each, &part) &&
           !__builtin_add_overflow(total, part, &total);
  };
  if (!add(slices, 8))
    return std::nullopt;
  for (size_t k = 0; k < c.entries.size(); ++k) {
    uint64_t words;
    if (__builtin_mul_overflow(c.routes[k], uint64_t(c.words), &words) ||
        !add(words, 8) || !add(c.entries[k], 12))
      return std::nullopt;
  }
  return total;
}

/// Keys of `count` elements: key | i for i < count.
void checkKeyBlock(const SliceKey &key, uint64_t count,
                   const std::string &who) {
  uint32_t free = ~key.mask;
  if ((free & (free + 1)) != 0)
    fail(who + " has key mask " + hex32(key.mask) +
         ", which is not contiguous high ones");
  if (key.base & free)
    fail(who + " has key " + hex32(key.base) + " with bits outside mask " +
         hex32(key.mask));
  if (count > uint64_t(free) + 1)
    fail(who + " has " + std::to_string(count) + " elements but key mask " +
         hex32(key.mask) + " numbers only " +
         std::to_string(uint64_t(free) + 1));
}

std::string sliceName(const image::Image &image, const image::SliceRef &ref) {
  std::string owner =
      ref.kind == image::SourceKind::Input
          ? image::detail::describe("input", ref.owner,
                                    image.inputs[ref.owner].name)
          : image::detail::describe("population", ref.owner,
                                    image.populations[ref.owner].name);
  return owner + " slice " + std::to_string(ref.slice);
}

void checkKeys(const image::Image &image, const RoutingSection &r) {
  std::vector<image::SliceRef> refs = image::listSlices(image);
  if (r.keys.size() != refs.size())
    fail("has " + std::to_string(r.keys.size()) + " slice keys for " +
         std::to_string(refs.size()) + " slices");
  for (size_t g = 0; g < refs.size(); ++g)
    checkKeyBlock(r.keys[g], image::sliceAt(image, refs[g]).count,
                  sliceName(image, refs[g]));
  // Blocks are aligned powers of two, so two overlap exactly when one holds
  // the other; a sweep in key order finds any such pair.
  struct Block {
    uint32_t first, last, slice;
  };
  std::vector<Block> blocks;
  blocks.reserve(refs.size());
  for (uint32_t g = 0; g < refs.size(); ++g)
    blocks.push_back({r.keys[g].base, r.keys[g].base | ~r.keys[g].mask, g});
  std::sort(blocks.begin(), blocks.end(), [](const Block &a, const Block &b) {
    return a.first != b.first ? a.first < b.first : a.slice < b.slice;
  });
  size_t widest = 0;
  for (size_t k = 1; k < blocks.size(); ++k) {
    if (blocks[k].first <= blocks[widest].last) {
      Block a = blocks[widest], b = blocks[k];
      if (a.slice > b.slice)
        std::swap(a, b);
      auto keys = [](const Block &x) {
        return "[" + hex32(x.first) + ", " + hex32(x.last) + "]";
      };
      fail(sliceName(image, refs[b.slice]) + " has keys " + keys(b) +
           ", which overlap keys " + keys(a) + " of " +
           sliceName(image, refs[a.slice]));
    }
    if (blocks[k].last > blocks[widest].last)
      widest = k;
  }
}

void checkTables(const image::Image &image, const RoutingSection &r) {
  if (r.numLinks != image::linkCount(image.layout))
    fail("routes over " + std::to_string(r.numLinks) +
         " chip links but the layout has " +
         std::to_string(image::linkCount(image.layout)));
  if (r.tables.size() != image.placement.chips)
    fail("has " + std::to_string(r.tables.size()) + " router tables for " +
         std::to_string(image.placement.chips) + " chips");
  uint64_t bits = uint64_t(r.numLinks) + image.placement.pesPerChip;
  if (r.wordsPerRoute != (bits + 63) / 64)
    fail("has " + std::to_string(r.wordsPerRoute) + " words per route for " +
         std::to_string(bits) + " route bits (links + PEs)");
  uint64_t tailBits = bits % 64;
  uint64_t tailMask = tailBits == 0 ? 0 : ~uint64_t(0) << tailBits;
  for (size_t c = 0; c < r.tables.size(); ++c) {
    const RouterTable &t = r.tables[c];
    std::string chip = "chip " + std::to_string(c);
    if (t.routeWords.size() % r.wordsPerRoute != 0)
      fail(chip + " has " + std::to_string(t.routeWords.size()) +
           " route words, not a multiple of " +
           std::to_string(r.wordsPerRoute));
    size_t routes = t.routeWords.size() / r.wordsPerRoute;
    for (size_t k = 0; k < routes; ++k)
      if (t.routeWords[(k + 1) * r.wordsPerRoute - 1] & tailMask)
        fail(chip + " route " + std::to_string(k) + " sets bits past its " +
             std::to_string(bits) + " links and PEs");
    for (size_t e = 0; e < t.entries.size(); ++e) {
      const RoutingEntry &entry = t.entries[e];
      std::string who = chip + " entry " + std::to_string(e);
      if (entry.key & ~entry.mask)
        fail(who + " has key " + hex32(entry.key) + " with bits outside mask " +
             hex32(entry.mask));
      if (entry.route >= routes)
        fail(who + " uses route " + std::to_string(entry.route) +
             " of a pool of " + std::to_string(routes));
    }
  }
}

class RoutingCodec : public image::SectionCodec {
public:
  std::string name() const override { return kRoutingSection; }
  std::string owner() const override { return kTargetName; }
  uint32_t version() const override { return 1; }

  json header(const image::Image &,
              const image::SectionData &data) const override {
    const auto &r = static_cast<const RoutingSection &>(data);
    json chips = json::array();
    for (const RouterTable &t : r.tables)
      chips.push_back(
          {{"entries", t.entries.size()},
           {"routes",
            r.wordsPerRoute ? t.routeWords.size() / r.wordsPerRoute : 0}});
    return {{"links", r.numLinks},
            {"words_per_route", r.wordsPerRoute},
            {"default_route", r.defaultRoute},
            {"chips", chips}};
  }

  image::Expected<uint64_t> fileSize(const json &header,
                                     const image::Image &image) const override {
    try {
      std::optional<uint64_t> bytes =
          bytesFor(readHeader(header), image::listSlices(image).size());
      if (!bytes)
        return image::ImageError{fileName(), "the counts in the header need "
                                             "over 2^64 bytes"};
      return *bytes;
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
  }

  void encode(const image::Image &, const image::SectionData &data,
              image::detail::ByteSink &sink) const override {
    const auto &r = static_cast<const RoutingSection &>(data);
    image::detail::Encoder out(sink);
    for (const RouterTable &t : r.tables)
      out.putColumn(t.routeWords);
    for (const SliceKey &k : r.keys) {
      out.put(k.base);
      out.put(k.mask);
    }
    for (const RouterTable &t : r.tables)
      for (const RoutingEntry &e : t.entries)
        for (uint32_t v : {e.key, e.mask, e.route})
          out.put(v);
  }

  image::Expected<std::unique_ptr<image::SectionData>>
  decode(const json &header, const std::vector<uint8_t> &bytes,
         const image::Image &image) const override {
    Counts c;
    try {
      c = readHeader(header);
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
    auto r = std::make_unique<RoutingSection>();
    r->numLinks = c.links;
    r->wordsPerRoute = c.words;
    r->defaultRoute = c.defaultRoute;
    image::detail::Decoder in(bytes);
    // The reader has checked bytes.size() against bytesFor(), which bounds
    // every allocation below by the size of the file.
    r->tables.assign(c.entries.size(), RouterTable());
    for (size_t k = 0; k < c.entries.size(); ++k) {
      r->tables[k].routeWords.resize(c.routes[k] * c.words);
      in.getColumn(r->tables[k].routeWords);
    }
    r->keys.assign(image::listSlices(image).size(), SliceKey());
    for (SliceKey &k : r->keys) {
      in.get(k.base);
      in.get(k.mask);
    }
    for (size_t k = 0; k < c.entries.size(); ++k) {
      r->tables[k].entries.assign(c.entries[k], RoutingEntry());
      for (RoutingEntry &e : r->tables[k].entries)
        for (uint32_t *v : {&e.key, &e.mask, &e.route})
          in.get(*v);
    }
    if (!in.atEnd())
      return image::ImageError{fileName(), "decoding stopped at byte " +
                                               std::to_string(in.position()) +
                                               " of " +
                                               std::to_string(bytes.size())};
    return std::unique_ptr<image::SectionData>(std::move(r));
  }

  image::Status validate(const image::Image &image,
                         const image::SectionData &data) const override {
    const auto &r = static_cast<const RoutingSection &>(data);
    try {
      checkKeys(image, r);
      checkTables(image, r);
    } catch (const Violation &v) {
      return image::ImageError{fileName(), v.what};
    }
    return image::Status::success();
  }

  std::vector<std::pair<std::string, std::string>>
  summarize(const image::Image &,
            const image::SectionData &data) const override {
    const auto &r = static_cast<const RoutingSection &>(data);
    uint64_t entries = 0, routes = 0, most = 0;
    size_t busiest = 0;
    for (size_t c = 0; c < r.tables.size(); ++c) {
      uint64_t n = r.tables[c].entries.size();
      entries += n;
      routes +=
          r.wordsPerRoute ? r.tables[c].routeWords.size() / r.wordsPerRoute : 0;
      if (n > most) {
        most = n;
        busiest = c;
      }
    }
    return {{"routers", std::to_string(r.tables.size())},
            {"entries", std::to_string(entries)},
            {"max per router",
             std::to_string(most) + " (chip " + std::to_string(busiest) + ")"},
            {"routes", std::to_string(routes)},
            {"links", std::to_string(r.numLinks)},
            {"slice keys", std::to_string(r.keys.size())},
            {"default route", r.defaultRoute ? "on" : "off"}};
  }
};

} // namespace

std::unique_ptr<image::SectionCodec> makeRoutingCodec() {
  return std::make_unique<RoutingCodec>();
}

} // namespace snnc::spinnaker2::detail
