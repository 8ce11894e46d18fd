//===- ValidateTables.cpp - Invariants of the binary tables ---------------===//
//
// Per-neuron, per-slice, per-PE, per-synapse and per-site checks. They are
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
  if (p.floatParams.size() != p.size)
    fail(kNeurons, who + " has " + std::to_string(p.floatParams.size()) +
                       " records for " + std::to_string(p.size) + " neurons");
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
  }
  if (next != size)
    fail(kSlices, owner + " slices end at " + (input ? "element " : "neuron ") +
                      std::to_string(next) + " of " + std::to_string(size));
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
  if (s.weight.size() != count || s.delay.size() != count)
    fail(kSynapses, who + " has " + std::to_string(count) + " targets, " +
                        std::to_string(s.weight.size()) + " weights and " +
                        std::to_string(s.delay.size()) + " delays");
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
    if (!std::isfinite(s.weight[k]))
      fail(kSynapses, at() + "has weight " + num(s.weight[k]));
    if (s.delay[k] < 1 || s.delay[k] > q.maxDelay)
      fail(kSynapses, at() + "has delay " + std::to_string(s.delay[k]) +
                          " outside [1, " + std::to_string(q.maxDelay) + "]");
  }
}

void Validator::checkLayout() {
  const MachineLayout &l = image.layout;
  const Placement &pl = image.placement;
  if (l.gridCols == 0 || l.gridRows == 0)
    fail(kManifest, "layout grid is " + std::to_string(l.gridCols) + " x " +
                        std::to_string(l.gridRows) +
                        "; it needs at least "
                        "one point");
  if (l.peSites.size() != pl.pesPerChip)
    fail(kLayout, "has " + std::to_string(l.peSites.size()) + " PE sites for " +
                      std::to_string(pl.pesPerChip) + " PEs per chip");
  for (size_t p = 0; p < l.peSites.size(); ++p) {
    const GridPoint &at = l.peSites[p];
    if (at.x < 0 || at.y < 0 || uint32_t(at.x) >= l.gridCols ||
        uint32_t(at.y) >= l.gridRows)
      fail(kLayout, "PE " + std::to_string(p) + " sits at (" +
                        std::to_string(at.x) + ", " + std::to_string(at.y) +
                        "), outside the " + std::to_string(l.gridCols) + " x " +
                        std::to_string(l.gridRows) + " grid");
  }
  size_t chips = l.chipSites.size();
  if (chips < pl.chips)
    fail(kManifest, "layout has " + std::to_string(chips) +
                        " chips but placement uses " +
                        std::to_string(pl.chips));
  size_t links = l.linkDirections.size();
  if (l.neighbours.size() != chips * links)
    fail(kLayout, "has " + std::to_string(l.neighbours.size()) +
                      " neighbour entries for " + std::to_string(chips) +
                      " chips x " + std::to_string(links) + " links");
  for (size_t k = 0; k < l.neighbours.size(); ++k) {
    int32_t n = l.neighbours[k];
    if (n < -1 || (n >= 0 && size_t(n) >= chips))
      fail(kLayout, "chip " + std::to_string(k / links) + " link " +
                        std::to_string(k % links) + " reaches chip " +
                        std::to_string(n) + " of " + std::to_string(chips));
  }
}

void Validator::checkTargetSections() {
  std::vector<const SectionCodec *> owned = sectionCodecsOf(image.targetName);
  for (const SectionCodec *codec : owned)
    if (codec->required() && !image.sections.find(codec->name()))
      fail(kManifest, "an image for target '" + image.targetName +
                          "' needs section '" + codec->name() + "'");
  for (const auto &[name, data] : image.sections) {
    const SectionCodec *codec = findSectionCodec(name);
    if (!codec)
      fail(kManifest, "section '" + name +
                          "' has no codec in this snnc (is its target "
                          "built in?)");
    if (codec->owner() != image.targetName)
      fail(kManifest, "section '" + name + "' belongs to target '" +
                          codec->owner() + "' but the image is for '" +
                          image.targetName + "'");
    if (!data)
      fail(kManifest, "section '" + name + "' is empty");
    if (Status valid = codec->validate(image, *data); !valid)
      throw Violation{valid.error()};
  }
}

} // namespace snnc::image::detail
