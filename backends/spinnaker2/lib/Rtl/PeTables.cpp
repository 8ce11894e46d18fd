//===- PeTables.cpp - What the driver loads into each PE ------------------===//

#include "PeTables.h"

#include "snnc/image/Procedural.h"
#include "snnc/spinnaker2/FixedPoint.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <algorithm>
#include <cstdio>

namespace snnc::rtl {

namespace {

using image::ImageError;

uint32_t bitsFor(uint32_t count) {
  uint32_t bits = 0;
  while ((uint64_t(1) << bits) < count)
    ++bits;
  return bits;
}

/// One projection's synapses landing in one target slice: row words of
/// each source element that has any, in source order.
struct Bucket {
  std::vector<uint32_t> words;
  /// (source element, first word), ascending by element.
  std::vector<std::pair<uint32_t, uint32_t>> rows;
};

/// Source slices of a projection's source (input or population).
const std::vector<image::Slice> &
sourceSlices(const image::Image &image, const image::ProjectionSource &s) {
  return s.kind == image::SourceKind::Input ? image.inputs[s.index].slices
                                            : image.populations[s.index].slices;
}

/// Global slice index of the first slice of each source (inputs first).
std::vector<uint32_t> sliceBases(const image::Image &image) {
  std::vector<uint32_t> bases;
  uint32_t global = 0;
  for (const image::InputPort &port : image.inputs) {
    bases.push_back(global);
    global += static_cast<uint32_t>(port.slices.size());
  }
  for (const image::Population &pop : image.populations) {
    bases.push_back(global);
    global += static_cast<uint32_t>(pop.slices.size());
  }
  return bases;
}

ParamRow paramRow(const spinnaker2::FixedNeuron &f) {
  ParamRow row{};
  row[pe::LaneShifts] = (uint32_t(f.decayQ) & 0x1FFFFu) |
                        (uint32_t(f.gainS) & 0x3Fu) << 17 |
                        (uint32_t(f.synGainS) & 0x3Fu) << 23;
  row[pe::LaneGainM] = uint32_t(f.gainM);
  row[pe::LaneDrive] = uint32_t(f.driveQ);
  row[pe::LaneBias] = uint32_t(f.biasQ);
  row[pe::LaneThreshold] = uint32_t(f.thresholdQ);
  row[pe::LaneReset] = uint32_t(f.resetQ);
  row[pe::LaneSynDecay] = uint32_t(f.synDecayQ) & 0x1FFFFu;
  row[pe::LaneSynGainM] = uint32_t(f.synGainM);
  return row;
}

/// Builds the tables of one population's slices.
class PopulationBuilder {
public:
  PopulationBuilder(const image::Image &image, uint32_t population,
                    uint32_t ringMask, bool record, const pe::Limits &limits)
      : image(image), p(population), pop(image.populations[population]),
        fixed(spinnaker2::fixedPoint(image)),
        keys(spinnaker2::routing(image).keys), limits(limits),
        bases(sliceBases(image)) {
    sliceOf.assign(pop.size, 0);
    for (uint32_t s = 0; s < pop.slices.size(); ++s)
      std::fill_n(sliceOf.begin() + pop.slices[s].first, pop.slices[s].count,
                  s);
    tables.resize(pop.slices.size());
    for (uint32_t s = 0; s < pop.slices.size(); ++s) {
      const image::Slice &slice = pop.slices[s];
      PeTable &t = tables[s];
      t.globalSlice = bases[image.inputs.size() + p] + s;
      t.population = p;
      t.slice = s;
      t.pe = slice.pe;
      t.first = slice.first;
      t.count = slice.count;
      t.keyBase = keys[t.globalSlice].base;
      t.keyMask = keys[t.globalSlice].mask;
      t.flags = (pop.model == image::NeuronModel::CubaLif ? pe::kFlagCuba : 0) |
                (pop.spiking ? pe::kFlagSpiking : 0) |
                (record ? pe::kFlagRecord : 0);
      t.slotMask = ringMask;
      t.idxBits = bitsFor(slice.count);
      t.ringWords = (ringMask + 1) * slice.count;
      for (uint32_t i = 0; i < slice.count; ++i)
        t.params.push_back(
            paramRow(fixed.populations[p].neurons[slice.first + i]));
    }
  }

  image::Status build(std::vector<PeTable> &out) {
    for (uint32_t s = 0; s < tables.size(); ++s)
      if (image::Status st = checkSlice(tables[s]); !st)
        return st;
    for (uint32_t q = 0; q < image.projections.size(); ++q)
      if (image.projections[q].target == p)
        if (image::Status st = addProjection(q); !st)
          return st;
    for (PeTable &t : tables) {
      if (image::Status st = finish(t); !st)
        return st;
      out.push_back(std::move(t));
    }
    return image::Status::success();
  }

private:
  ImageError error(const PeTable &t, const std::string &what) const {
    return ImageError{"",
                      "rtl: " + peLabel(image, t.globalSlice) + ": " + what};
  }

  image::Status checkSlice(const PeTable &t) const {
    if (t.count > limits.maxNeurons)
      return error(t, std::to_string(t.count) +
                          " neurons exceed the PE's limit of " +
                          std::to_string(limits.maxNeurons));
    if (uint64_t(t.ringWords) > limits.dmemWords)
      return error(t, "its ring buffer of " + std::to_string(t.slotMask + 1) +
                          " slots x " + std::to_string(t.count) +
                          " neurons exceeds the " +
                          std::to_string(limits.dmemWords) + "-word data SRAM");
    return image::Status::success();
  }

  /// Appends one synapse of source element `e` to its target slice's bucket.
  image::Status add(std::vector<Bucket> &buckets, uint32_t e, uint32_t target,
                    int16_t weightQ, uint32_t delay) {
    uint32_t s = sliceOf[target];
    const PeTable &t = tables[s];
    if (delay >= (uint32_t(1) << (16 - t.idxBits)))
      return error(t, "delay " + std::to_string(delay) +
                          " does not fit the row word's delay field");
    Bucket &b = buckets[s];
    if (b.rows.empty() || b.rows.back().first != e)
      b.rows.emplace_back(e, static_cast<uint32_t>(b.words.size()));
    b.words.push_back(pe::rowWord(weightQ, delay, target - t.first, t.idxBits));
    return image::Status::success();
  }

  image::Status addProjection(uint32_t q) {
    const image::Projection &proj = image.projections[q];
    uint32_t rows = image::sourceSize(image, proj.source);
    std::vector<Bucket> buckets(tables.size());
    if (proj.isProcedural) {
      image::ProceduralRows expander(proj.procedural.spec,
                                     fixed.projections[q].scale,
                                     spinnaker2::quantizeWeight);
      std::vector<image::ExpandedSynapse> row;
      for (uint32_t e = 0; e < rows; ++e) {
        expander.expandRow(e, row);
        for (const image::ExpandedSynapse &syn : row)
          if (image::Status st = add(buckets, e, syn.target, syn.weightQ,
                                     proj.procedural.delay);
              !st)
            return st;
      }
    } else {
      const image::StoredSynapses &s = proj.stored;
      const std::vector<int16_t> &weightQ = fixed.projections[q].weightQ;
      for (uint32_t e = 0; e < rows; ++e)
        for (uint64_t k = s.rowPtr[e]; k < s.rowPtr[e + 1]; ++k)
          if (image::Status st =
                  add(buckets, e, s.target[k], weightQ[k], s.delay[k]);
              !st)
            return st;
    }
    const std::vector<image::Slice> &sources = sourceSlices(image, proj.source);
    uint32_t base = proj.source.kind == image::SourceKind::Input
                        ? bases[proj.source.index]
                        : bases[image.inputs.size() + proj.source.index];
    for (uint32_t s = 0; s < tables.size(); ++s)
      for (uint32_t k = 0; k < sources.size(); ++k)
        if (image::Status st = addEntry(tables[s], buckets[s], sources[k],
                                        base + k, fixed.projections[q].shift);
            !st)
          return st;
    return image::Status::success();
  }

  /// One key entry: the rows of source slice `src` in bucket `b`, behind a
  /// header table with one word per element of the slice.
  image::Status addEntry(PeTable &t, const Bucket &b, const image::Slice &src,
                         uint32_t globalSource, int32_t shift) {
    auto lo = std::lower_bound(b.rows.begin(), b.rows.end(),
                               std::make_pair(src.first, uint32_t(0)));
    auto hi =
        std::lower_bound(b.rows.begin(), b.rows.end(),
                         std::make_pair(src.first + src.count, uint32_t(0)));
    if (lo == hi)
      return image::Status::success();
    uint64_t headerAt = uint64_t(t.ringWords) + t.tables.size();
    uint64_t rowsAt = headerAt + src.count;
    uint64_t words = 0;
    for (auto it = lo; it != hi; ++it) {
      uint32_t end =
          it + 1 != b.rows.end() ? (it + 1)->second : uint32_t(b.words.size());
      words += end - it->second;
    }
    if (rowsAt + words > limits.dmemWords)
      return error(t, "its ring buffer, row headers and synaptic rows need "
                      "more than the " +
                          std::to_string(limits.dmemWords) +
                          "-word data SRAM (" + std::to_string(rowsAt + words) +
                          " words with the rows from key 0x" +
                          hex(keys[globalSource].base) + ")");
    KeyEntry entry{keys[globalSource].base,
                   keys[globalSource].mask,
                   uint32_t(headerAt),
                   uint32_t(shift),
                   src.count,
                   0};
    std::vector<uint32_t> headers(src.count, 0);
    std::vector<uint32_t> rowData;
    rowData.reserve(words);
    for (auto it = lo; it != hi; ++it) {
      uint32_t end =
          it + 1 != b.rows.end() ? (it + 1)->second : uint32_t(b.words.size());
      uint32_t len = end - it->second;
      if (len > 0xFFFFu)
        return error(t, "a synaptic row of " + std::to_string(len) +
                            " words exceeds the 65535 a row header counts");
      headers[it->first - src.first] =
          pe::rowHeader(uint32_t(rowsAt + rowData.size()), len);
      rowData.insert(rowData.end(), b.words.begin() + it->second,
                     b.words.begin() + end);
    }
    t.tables.insert(t.tables.end(), headers.begin(), headers.end());
    t.tables.insert(t.tables.end(), rowData.begin(), rowData.end());
    t.rowWords += words;
    entry.longestRow = maxRowLen(headers);
    t.entries.push_back(entry);
    t.sources.push_back(globalSource);
    return image::Status::success();
  }

  static uint32_t maxRowLen(const std::vector<uint32_t> &headers) {
    uint32_t m = 0;
    for (uint32_t h : headers)
      m = std::max(m, h >> 16);
    return m;
  }

  static std::string hex(uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", v);
    return buf;
  }

  image::Status finish(PeTable &t) {
    if (t.entries.size() > limits.keyEntries)
      return error(t, std::to_string(t.entries.size()) +
                          " incoming key blocks exceed the PE's " +
                          std::to_string(limits.keyEntries) +
                          "-entry key table");
    t.synEnd = t.ringWords + static_cast<uint32_t>(t.tables.size());
    // Worst cycles between two progress events (docs/rtl.md, watchdog):
    // a neuron phase, or one packet's search and every row it matches.
    uint64_t search = 4 + bitsFor(uint32_t(t.entries.size()) + 1);
    std::vector<uint64_t> packetCost;
    std::vector<uint32_t> order(t.entries.size());
    for (uint32_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return t.entries[a].key < t.entries[b].key;
    });
    uint64_t worst = uint64_t(t.count) * limits.neuronCyclesMax + 16;
    for (size_t i = 0; i < order.size();) {
      uint64_t cost = search;
      size_t j = i;
      for (; j < order.size() &&
             t.entries[order[j]].key == t.entries[order[i]].key;
           ++j)
        cost += 4 + 2 * uint64_t(t.entries[order[j]].longestRow);
      worst = std::max(worst, cost);
      i = j;
    }
    t.watchdog =
        static_cast<uint32_t>(std::min<uint64_t>(2 * worst + 64, 0xFFFFFFFFu));
    std::vector<KeyEntry> sorted;
    for (uint32_t i : order)
      sorted.push_back(t.entries[i]);
    t.entries = std::move(sorted);
    std::sort(t.sources.begin(), t.sources.end());
    t.sources.erase(std::unique(t.sources.begin(), t.sources.end()),
                    t.sources.end());
    return image::Status::success();
  }

  const image::Image &image;
  uint32_t p;
  const image::Population &pop;
  const spinnaker2::FixedPointSection &fixed;
  const std::vector<spinnaker2::SliceKey> &keys;
  const pe::Limits &limits;
  std::vector<uint32_t> bases;
  std::vector<uint32_t> sliceOf;
  std::vector<PeTable> tables;
};

} // namespace

std::string peLabel(const image::Image &image, uint32_t globalSlice) {
  std::vector<image::SliceRef> slices = image::listSlices(image);
  if (globalSlice >= slices.size())
    return "slice " + std::to_string(globalSlice);
  const image::SliceRef &ref = slices[globalSlice];
  const image::Slice &slice = image::sliceAt(image, ref);
  uint32_t perChip = std::max(1u, image.placement.pesPerChip);
  std::string owner =
      ref.kind == image::SourceKind::Input
          ? "input '" + image.inputs[ref.owner].name + "'"
          : "population '" + image.populations[ref.owner].name + "'";
  return "PE " + std::to_string(slice.pe) + " (chip " +
         std::to_string(slice.pe / perChip) + ", " + owner + " slice " +
         std::to_string(ref.slice) + ")";
}

image::Expected<std::vector<PeTable>>
buildPeTables(const image::Image &image, const std::vector<uint32_t> &ringMask,
              const std::vector<bool> &record, const pe::Limits &limits) {
  std::vector<PeTable> out;
  // Row headers hold 16-bit addresses.
  if (limits.dmemWords > 0x10000u)
    return ImageError{"", "rtl: a data SRAM of " +
                              std::to_string(limits.dmemWords) +
                              " words exceeds the 16-bit row-header address"};
  for (uint32_t p = 0; p < image.populations.size(); ++p) {
    PopulationBuilder builder(image, p, ringMask[p], record[p], limits);
    if (image::Status st = builder.build(out); !st)
      return st.error();
  }
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> configWrites(const PeTable &t) {
  std::vector<std::pair<uint32_t, uint32_t>> w;
  auto reg = [&](pe::Reg r, uint32_t v) {
    w.emplace_back(pe::kRegionRegs | r, v);
  };
  reg(pe::RegNeurons, t.count);
  reg(pe::RegFlags, t.flags);
  reg(pe::RegKeyBase, t.keyBase);
  reg(pe::RegSlotMask, t.slotMask);
  reg(pe::RegIdxBits, t.idxBits);
  reg(pe::RegEntries, static_cast<uint32_t>(t.entries.size()));
  reg(pe::RegRingWords, t.ringWords);
  reg(pe::RegSynEnd, t.synEnd);
  reg(pe::RegWatchdog, t.watchdog);
  for (uint32_t e = 0; e < t.entries.size(); ++e) {
    const KeyEntry &k = t.entries[e];
    uint32_t at = pe::kRegionKeys | e * 4;
    w.emplace_back(at + 0, k.key);
    w.emplace_back(at + 1, k.mask);
    w.emplace_back(at + 2, k.shift << 16 | k.rowBase);
    w.emplace_back(at + 3, k.rows);
  }
  for (uint32_t n = 0; n < t.params.size(); ++n)
    for (uint32_t l = 0; l < pe::NumParamLanes; ++l)
      w.emplace_back(pe::kRegionParams | (n * pe::NumParamLanes + l),
                     t.params[n][l]);
  for (uint32_t i = 0; i < t.tables.size(); ++i)
    w.emplace_back(pe::kRegionDmem | (t.ringWords + i), t.tables[i]);
  return w;
}

} // namespace snnc::rtl
