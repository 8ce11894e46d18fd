//===- Summary.cpp - Human summary of a chip image ------------------------===//
//
// Plain text with aligned columns: it is read in terminals and pasted into
// issues, so nothing here depends on the terminal width or colour support.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/Summary.h"

#include "Manifest.h"
#include "Tables.h"
#include "snnc/image/detail/Names.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace snnc::image {

namespace {

std::string fmt(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.6g", v);
  return buffer;
}

/// Columns separated by two spaces; numeric columns right-aligned.
class TextTable {
public:
  TextTable(std::vector<std::string> header, std::string rightAligned)
      : right(std::move(rightAligned)) {
    rows.push_back(std::move(header));
  }
  void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }

  void print(std::ostream &os) const {
    std::vector<size_t> width(rows.front().size(), 0);
    for (const auto &row : rows)
      for (size_t c = 0; c < row.size(); ++c)
        width[c] = std::max(width[c], displayWidth(row[c]));
    for (const auto &row : rows) {
      std::string line;
      for (size_t c = 0; c < row.size(); ++c) {
        size_t pad = width[c] - displayWidth(row[c]);
        bool alignRight = c < right.size() && right[c] == 'r';
        line += "  ";
        line += alignRight ? std::string(pad, ' ') + row[c]
                           : row[c] + std::string(pad, ' ');
      }
      line.erase(line.find_last_not_of(' ') + 1);
      os << line << '\n';
    }
  }

private:
  /// Code points, which is what a terminal shows for the names people use
  /// (no wide or combining characters assumed).
  static size_t displayWidth(const std::string &text) {
    size_t width = 0;
    for (unsigned char c : text)
      width += (c & 0xc0) != 0x80;
    return width;
  }

  std::vector<std::vector<std::string>> rows;
  std::string right;
};

/// A name for a table cell: the element's own, or "#index".
std::string label(const std::string &name, size_t index) {
  return name.empty() ? "#" + std::to_string(index) : name;
}

std::string populationLabel(const Image &image, uint32_t index) {
  return index < image.populations.size()
             ? label(image.populations[index].name, index)
             : "#" + std::to_string(index);
}

std::string range(uint32_t lo, uint32_t hi) {
  return lo == hi ? std::to_string(lo)
                  : std::to_string(lo) + "-" + std::to_string(hi);
}

/// Lowest to highest PE of `slices`, "-" for none.
std::string peRange(const std::vector<Slice> &slices) {
  if (slices.empty())
    return "-";
  uint32_t lo = UINT32_MAX, hi = 0;
  for (const Slice &s : slices) {
    lo = std::min(lo, s.pe);
    hi = std::max(hi, s.pe);
  }
  return range(lo, hi);
}

std::string sourceName(const Image &image, const ProjectionSource &s) {
  if (s.kind == SourceKind::Input)
    return s.index < image.inputs.size()
               ? detail::describe("input", s.index, image.inputs[s.index].name)
               : "input #" + std::to_string(s.index);
  return populationLabel(image, s.index);
}

std::string synapseCount(const Projection &q) {
  if (!q.isProcedural)
    return std::to_string(storedSynapseCount(q));
  if (!snn::reservoir::validate(q.procedural.spec).empty())
    return "invalid";
  snn::reservoir::Expander expander(q.procedural.spec);
  return "~" +
         std::to_string(
             static_cast<uint64_t>(expander.expectedSynapses() + 0.5)) +
         " (procedural)";
}

void printPopulations(const Image &image, std::ostream &os) {
  os << "\npopulations\n";
  TextTable t({"name", "model", "shape", "size", "output", "slices", "PEs"},
              "___r_r_");
  for (size_t i = 0; i < image.populations.size(); ++i) {
    const Population &p = image.populations[i];
    t.add({label(p.name, i), toString(p.model), detail::formatShape(p.shape),
           std::to_string(p.size), p.spiking ? "spikes" : "current",
           std::to_string(p.slices.size()), peRange(p.slices)});
  }
  t.print(os);
}

void printProjections(const Image &image, std::ostream &os) {
  os << "\nprojections\n";
  TextTable t({"name", "kind", "source", "target", "synapses", "max delay",
               "rms error", "max error"},
              "____rrrr");
  for (size_t i = 0; i < image.projections.size(); ++i) {
    const Projection &q = image.projections[i];
    t.add({label(q.name, i), toString(q.kind), sourceName(image, q.source),
           populationLabel(image, q.target), synapseCount(q),
           std::to_string(q.maxDelay), fmt(q.rmsError), fmt(q.maxError)});
  }
  t.print(os);
}

/// Each target section as its codec summarises it.
void printSections(const Image &image, std::ostream &os) {
  for (const auto &[name, data] : image.sections) {
    const SectionCodec *codec = findSectionCodec(name);
    if (!codec || !data)
      continue;
    os << "\n" << name << "\n";
    auto rows = codec->summarize(image, *data);
    if (rows.empty())
      continue;
    TextTable t({rows.front().first, rows.front().second}, "");
    for (size_t k = 1; k < rows.size(); ++k)
      t.add({rows[k].first, rows[k].second});
    t.print(os);
  }
}

void printPorts(const Image &image, std::ostream &os) {
  os << "\ninputs\n";
  TextTable in({"index", "name", "shape", "size", "slices", "PEs"}, "r__rr");
  for (const InputPort &p : image.inputs)
    in.add({std::to_string(p.index), label(p.name, p.index),
            detail::formatShape(p.shape), std::to_string(p.size),
            std::to_string(p.slices.size()), peRange(p.slices)});
  in.print(os);
  os << "\noutputs\n";
  TextTable out({"index", "population", "kind"}, "r");
  for (const Output &o : image.outputs)
    out.add({std::to_string(o.index), populationLabel(image, o.population),
             toString(o.kind)});
  out.print(os);
}

void printFiles(const Image &image, std::ostream &os) {
  detail::TableCounts counts = detail::countTables(image);
  // Checksums are fixed-width, so zeros give the manifest's exact size.
  std::vector<detail::SectionEntry> files;
  for (detail::Table table : detail::kTables) {
    detail::SectionEntry e;
    e.name = detail::sectionName(table);
    e.owner = detail::kCoreOwner;
    e.file = detail::fileName(table);
    e.version = detail::kCoreSectionVersion;
    e.size = detail::tableSize(table, image, counts).value_or(0);
    files.push_back(std::move(e));
  }
  for (const auto &[name, data] : image.sections) {
    const SectionCodec *codec = findSectionCodec(name);
    if (!codec || !data)
      continue;
    detail::SectionEntry e;
    e.name = name;
    e.owner = codec->owner();
    e.file = codec->fileName();
    e.version = codec->version();
    e.header = codec->header(image, *data);
    Expected<uint64_t> size = codec->fileSize(e.header, image);
    e.size = size ? *size : 0;
    files.push_back(std::move(e));
  }
  uint64_t manifestBytes =
      detail::serializeManifest(detail::buildManifest(image, counts, files))
          .size();
  os << "\nfiles\n";
  TextTable t({"name", "bytes"}, "_r");
  uint64_t total = manifestBytes;
  t.add({detail::kManifestFile, std::to_string(manifestBytes)});
  for (const detail::SectionEntry &f : files) {
    t.add({f.file, std::to_string(f.size)});
    total += f.size;
  }
  t.add({"total", std::to_string(total)});
  t.print(os);
}

} // namespace

std::string summarize(const Image &image) {
  std::ostringstream os;
  uint32_t used = 0, chipsUsed = 0;
  const Placement &pl = image.placement;
  for (uint32_t c = 0; c < pl.chips; ++c) {
    uint32_t onChip = 0;
    for (uint32_t p = 0; p < pl.pesPerChip; ++p) {
      size_t pe = size_t(c) * pl.pesPerChip + p;
      onChip += pe < pl.sliceOfPe.size() && pl.sliceOfPe[pe] != kNoSlice;
    }
    used += onChip;
    chipsUsed += onChip > 0;
  }
  TextTable head({"image", std::string(kFormatName) + " v" +
                               std::to_string(kFormatVersion) + ", snnc " +
                               image.snncVersion},
                 "");
  head.add({"network", image.network});
  head.add({"target", image.targetName});
  head.add({"chips", std::to_string(chipsUsed) + " of " +
                         std::to_string(pl.chips) + " used, " +
                         std::to_string(pl.pesPerChip) + " PEs each"});
  head.add({"PEs", std::to_string(used) + " of " +
                       std::to_string(uint64_t(pl.chips) * pl.pesPerChip) +
                       " used"});
  const MachineLayout &layout = image.layout;
  head.add({"machine", std::to_string(layout.chipSites.size()) + " chips, " +
                           std::to_string(linkCount(layout)) +
                           " links each, PEs on a " +
                           std::to_string(layout.gridCols) + " x " +
                           std::to_string(layout.gridRows) + " grid"});
  head.add({"time step", fmt(image.dt) + " s (" + toString(image.rule) + ")"});
  head.add({"seed", std::to_string(image.seed)});
  head.print(os);
  printPopulations(image, os);
  printProjections(image, os);
  printPorts(image, os);
  printSections(image, os);
  printFiles(image, os);
  return os.str();
}

} // namespace snnc::image
