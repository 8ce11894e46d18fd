//===- ValidateTables.cpp - Invariants of the binary tables ---------------===//
//
// Per-neuron, per-slice, per-PE, per-synapse and per-route checks. They are
// linear in the size of the tables and run on every read, so each loop does
// the cheap comparisons and builds a message only on failure.
//
//===----------------------------------------------------------------------===//

#include "Validator.h"

#include <algorithm>
#include <cmath>

namespace snnc::image::detail {

void Validator::checkNeurons(const Population &p) {
  std::string who = pop(&p - image.populations.data());
  if (p.floatParams.size() != p.size || p.fixedParams.size() != p.size)
    fail(kNeurons, who + " has " + std::to_string(p.floatParams.size()) +
                       " float and " + std::to_string(p.fixedParams.size()) +
                       " fixed records for " + std::to_string(p.size) +
                       " neurons");
  for (uint32_t j = 0; j < p.size; ++j) {
    const FloatNeuron &f = p.floatParams[j];
    std::string at = who + " neuron " + std::to_string(j) + " ";
    const std::pair<const char *, double> floats[] = {
        {"decay", f.decay},      {"gain", f.gain},
        {"drive", f.drive},      {"threshold", f.threshold},
        {"reset", f.reset},      {"syn_decay", f.synDecay},
        {"syn_gain", f.synGain}, {"bias", f.bias}};
    for (const auto &[field, v] : floats)
      if (!std::isfinite(v))
        fail(kNeurons, at + field + " = " + num(v) + " is not finite");
    const FixedNeuron &q = p.fixedParams[j];
    const struct {
      const char *field;
      int32_t value, lo, hi;
    } ints[] = {{"decay_q", q.decayQ, 0, 1 << 16},
                {"gain_m", q.gainM, 0, INT32_MAX},
                {"gain_s", q.gainS, 0, 62},
                {"syn_decay_q", q.synDecayQ, 0, 1 << 16},
                {"syn_gain_m", q.synGainM, 0, INT32_MAX},
                {"syn_gain_s", q.synGainS, 0, 62}};
    for (const auto &c : ints)
      if (c.value < c.lo || c.value > c.hi)
        fail(kNeurons, at + c.field + " = " + std::to_string(c.value) +
                           " is outside [" + std::to_string(c.lo) + ", " +
                           std::to_string(c.hi) + "]");
  }
}

std::string Validator::sliceOwner(const SliceRef &ref) const {
  if (ref.kind == SourceKind::Input)
    return describe("input", ref.owner, image.inputs[ref.owner].name);
  return pop(ref.owner);
}

std::string Validator::sliceName(const SliceRef &ref) const {
  return sliceOwner(ref) + " slice " + std::to_string(ref.slice);
}

void Validator::checkTiling(const std::vector<Slice> &slices, uint32_t size,
                            SliceRef ref, std::vector<uint32_t> &hosted,
                            uint32_t &global,
                            const std::vector<SliceRef> &refs) {
  bool input = ref.kind == SourceKind::Input;
  std::string owner = sliceOwner(ref);
  const char *unit = input ? " elements" : " neurons";
  if (slices.empty())
    fail(kSlices, owner + " has no slices");
  uint64_t pes = hosted.size();
  uint64_t next = 0;
  for (ref.slice = 0; ref.slice < slices.size(); ++ref.slice, ++global) {
    const Slice &slice = slices[ref.slice];
    std::string who = owner + " slice " + std::to_string(ref.slice);
    if (slice.first != next || slice.count == 0)
      fail(kSlices, who + " covers [" + std::to_string(slice.first) + ", " +
                        std::to_string(uint64_t(slice.first) + slice.count) +
                        "), expected a non-empty range from " +
                        std::to_string(next));
    next += slice.count;
    if (next > size)
      fail(kSlices, who + " ends at " + std::to_string(next) + ", past the " +
                        (input ? "input's " : "population's ") +
                        std::to_string(size) + unit);
    if (slice.pe >= pes)
      fail(kSlices, who + " is on PE " + std::to_string(slice.pe) + " of " +
                        std::to_string(pes));
    if (hosted[slice.pe] != kNoSlice)
      fail(kSlices, who + " shares PE " + std::to_string(slice.pe) + " with " +
                        sliceName(refs[hosted[slice.pe]]));
    hosted[slice.pe] = global;
    checkKeyBlock(kSlices, slice.keyBase, slice.keyMask, slice.count, who);
  }
  if (next != size)
    fail(kSlices, owner + " slices end at " + (input ? "element " : "neuron ") +
                      std::to_string(next) + " of " + std::to_string(size));
}

void Validator::checkKeyBlocks(const std::vector<SliceRef> &refs) {
  // Blocks are aligned powers of two (checkKeyBlock), so two overlap exactly
  // when one holds the other; a sweep in key order finds any such pair.
  struct Block {
    uint32_t first, last, slice;
  };
  std::vector<Block> blocks;
  blocks.reserve(refs.size());
  for (uint32_t g = 0; g < refs.size(); ++g) {
    const Slice &s = sliceAt(image, refs[g]);
    blocks.push_back({s.keyBase, s.keyBase | ~s.keyMask, g});
  }
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
      fail(kSlices, sliceName(refs[b.slice]) + " has keys " + keys(b) +
                        ", which overlap keys " + keys(a) + " of " +
                        sliceName(refs[a.slice]));
    }
    if (blocks[k].last > blocks[widest].last)
      widest = k;
  }
}

void Validator::checkSlices() {
  const Placement &pl = image.placement;
  uint64_t pes = uint64_t(pl.chips) * pl.pesPerChip;
  if (pl.sliceOfPe.size() != pes)
    fail(kPlacement, "has " + std::to_string(pl.sliceOfPe.size()) +
                         " entries for " + std::to_string(pes) + " PEs");
  std::vector<SliceRef> refs = listSlices(image);
  std::vector<uint32_t> expected(pl.sliceOfPe.size(), kNoSlice);
  uint32_t global = 0;
  for (uint32_t i = 0; i < image.inputs.size(); ++i)
    checkTiling(image.inputs[i].slices, image.inputs[i].size,
                {SourceKind::Input, i, 0}, expected, global, refs);
  for (uint32_t p = 0; p < image.populations.size(); ++p)
    checkTiling(image.populations[p].slices, image.populations[p].size,
                {SourceKind::Population, p, 0}, expected, global, refs);
  checkKeyBlocks(refs);
  for (size_t pe = 0; pe < expected.size(); ++pe) {
    uint32_t got = pl.sliceOfPe[pe];
    if (got == expected[pe])
      continue;
    auto name = [&](uint32_t s) {
      if (s == kNoSlice)
        return std::string("no slice");
      std::string text = "slice " + std::to_string(s);
      return s < refs.size() ? text + " (" + sliceName(refs[s]) + ")" : text;
    };
    fail(kPlacement, "PE " + std::to_string(pe) + " lists " + name(got) +
                         " but slices.bin puts " + name(expected[pe]) +
                         " there (" + std::to_string(global) + " slices)");
  }
}

void Validator::checkStored(const Projection &q) {
  std::string who = proj(q);
  const StoredSynapses &s = q.stored;
  uint64_t rows = sourceSize(image, q.source);
  uint64_t count = s.target.size();
  if (s.weightQ.size() != count || s.weight.size() != count ||
      s.delay.size() != count)
    fail(kSynapses, who + " has " + std::to_string(count) + " targets, " +
                        std::to_string(s.weightQ.size()) + " int16 weights, " +
                        std::to_string(s.weight.size()) +
                        " float weights and " + std::to_string(s.delay.size()) +
                        " delays");
  if (s.rowPtr.size() != rows + 1)
    fail(kSynapses, who + " has " + std::to_string(s.rowPtr.size()) +
                        " row pointers for " + std::to_string(rows) +
                        " source neurons");
  for (size_t i = 0; i < s.rowPtr.size(); ++i) {
    std::string at = who + " row_ptr[" + std::to_string(i) +
                     "] = " + std::to_string(s.rowPtr[i]);
    if (s.rowPtr[i] > count)
      fail(kSynapses, at + " exceeds " + std::to_string(count) + " synapses");
    if (i > 0 && s.rowPtr[i] < s.rowPtr[i - 1])
      fail(kSynapses, at + " is below row_ptr[" + std::to_string(i - 1) +
                          "] = " + std::to_string(s.rowPtr[i - 1]));
  }
  if (s.rowPtr.front() != 0 || s.rowPtr.back() != count)
    fail(kSynapses, who + " row_ptr runs from " +
                        std::to_string(s.rowPtr.front()) + " to " +
                        std::to_string(s.rowPtr.back()) + ", not 0 to " +
                        std::to_string(count) + " synapses");
  uint32_t targets = image.populations[q.target].size;
  for (uint64_t k = 0; k < count; ++k) {
    auto at = [&] {
      uint64_t row = std::upper_bound(s.rowPtr.begin(), s.rowPtr.end(), k) -
                     s.rowPtr.begin() - 1;
      return who + " synapse " + std::to_string(k) + " (row " +
             std::to_string(row) + ") ";
    };
    if (s.target[k] >= targets)
      fail(kSynapses, at() + "targets neuron " + std::to_string(s.target[k]) +
                          " of " + std::to_string(targets));
    if (s.weightQ[k] < -32767)
      fail(kSynapses, at() + "has int16 weight -32768 outside [-32767, 32767]");
    if (!std::isfinite(s.weight[k]))
      fail(kSynapses, at() + "has float weight " + num(s.weight[k]));
    if (s.delay[k] < 1 || s.delay[k] > q.maxDelay)
      fail(kSynapses, at() + "has delay " + std::to_string(s.delay[k]) +
                          " outside [1, " + std::to_string(q.maxDelay) + "]");
  }
}

void Validator::checkRouting() {
  const Routing &r = image.routing;
  if (r.tables.size() != image.placement.chips)
    fail(kManifest, "routing has " + std::to_string(r.tables.size()) +
                        " router tables for " +
                        std::to_string(image.placement.chips) + " chips");
  uint64_t bits = uint64_t(r.numLinks) + image.placement.pesPerChip;
  if (r.wordsPerRoute != (bits + 63) / 64)
    fail(kManifest, "routing has " + std::to_string(r.wordsPerRoute) +
                        " words per route for " + std::to_string(bits) +
                        " route bits (links + PEs)");
  uint64_t tailBits = bits % 64;
  uint64_t tailMask = tailBits == 0 ? 0 : ~uint64_t(0) << tailBits;
  for (size_t c = 0; c < r.tables.size(); ++c) {
    const RouterTable &t = r.tables[c];
    std::string chip = "chip " + std::to_string(c);
    if (t.routeWords.size() % r.wordsPerRoute != 0)
      fail(kRouting, chip + " has " + std::to_string(t.routeWords.size()) +
                         " route words, not a multiple of " +
                         std::to_string(r.wordsPerRoute));
    size_t routes = t.routeWords.size() / r.wordsPerRoute;
    for (size_t k = 0; k < routes; ++k)
      if (t.routeWords[(k + 1) * r.wordsPerRoute - 1] & tailMask)
        fail(kRouting, chip + " route " + std::to_string(k) +
                           " sets bits past its " + std::to_string(bits) +
                           " links and PEs");
    for (size_t e = 0; e < t.entries.size(); ++e) {
      const RoutingEntry &entry = t.entries[e];
      std::string who = chip + " entry " + std::to_string(e);
      if (entry.key & ~entry.mask)
        fail(kRouting, who + " has key " + hex32(entry.key) +
                           " with bits outside mask " + hex32(entry.mask));
      if (entry.route >= routes)
        fail(kRouting, who + " uses route " + std::to_string(entry.route) +
                           " of a pool of " + std::to_string(routes));
    }
  }
}

} // namespace snnc::image::detail
