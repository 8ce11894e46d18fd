//===- Tables.cpp - Binary layout of the image tables ---------------------===//
//
// Columns are grouped by element type and ordered by decreasing alignment
// (u64, then 32-bit, then 16-bit), so every column starts naturally aligned
// without padding and a reader may map a file and index it in place.
//
//===----------------------------------------------------------------------===//

#include "Tables.h"

namespace snnc::image::detail {

namespace {

/// Accumulates a byte count, remembering overflow instead of wrapping.
class SizeSum {
public:
  void add(uint64_t count, uint64_t bytesEach) {
    uint64_t bytes;
    if (__builtin_mul_overflow(count, bytesEach, &bytes) ||
        __builtin_add_overflow(total, bytes, &total))
      overflow = true;
  }
  std::optional<uint64_t> result() const {
    return overflow ? std::nullopt : std::optional<uint64_t>(total);
  }

private:
  uint64_t total = 0;
  bool overflow = false;
};

/// Rows of a projection, or 0 when its source does not exist (the manifest
/// parser has already refused that; this only keeps the arithmetic safe).
uint64_t rowsOf(const Image &image, const Projection &projection) {
  const ProjectionSource &s = projection.source;
  if (s.kind == SourceKind::Input)
    return s.index < image.inputs.size() ? image.inputs[s.index].size : 0;
  return s.index < image.populations.size() ? image.populations[s.index].size
                                            : 0;
}

void encodeNeurons(const Image &image, Encoder &out) {
  for (const Population &pop : image.populations) {
    for (uint32_t j = 0; j < pop.size; ++j) {
      const FloatNeuron &f = pop.floatParams[j];
      for (double v : {f.decay, f.gain, f.drive, f.threshold, f.reset,
                       f.synDecay, f.synGain, f.bias})
        out.put(v);
    }
  }
}

void decodeNeurons(Decoder &in, Image &image) {
  for (Population &pop : image.populations) {
    pop.floatParams.assign(pop.size, FloatNeuron());
    for (uint32_t j = 0; j < pop.size; ++j) {
      FloatNeuron &f = pop.floatParams[j];
      for (double *v : {&f.decay, &f.gain, &f.drive, &f.threshold, &f.reset,
                        &f.synDecay, &f.synGain, &f.bias})
        in.get(*v);
    }
  }
}

/// Input slices first, then population slices: the global slice order.
void encodeSlices(const Image &image, Encoder &out) {
  auto put = [&](const std::vector<Slice> &slices) {
    for (const Slice &s : slices)
      for (uint32_t v : {s.first, s.count, s.pe})
        out.put(v);
  };
  for (const InputPort &port : image.inputs)
    put(port.slices);
  for (const Population &pop : image.populations)
    put(pop.slices);
}

void decodeSlices(Decoder &in, const TableCounts &counts, Image &image) {
  auto get = [&](std::vector<Slice> &slices, uint32_t count) {
    slices.assign(count, Slice());
    for (Slice &s : slices)
      for (uint32_t *v : {&s.first, &s.count, &s.pe})
        in.get(*v);
  };
  for (size_t i = 0; i < image.inputs.size(); ++i)
    get(image.inputs[i].slices, counts.slicesPerInput[i]);
  for (size_t p = 0; p < image.populations.size(); ++p)
    get(image.populations[p].slices, counts.slicesPerPopulation[p]);
}

void encodeSynapses(const Image &image, Encoder &out) {
  // Section by section, each over the stored projections in order.
  for (const Projection &q : image.projections)
    if (!q.isProcedural)
      out.putColumn(q.stored.rowPtr);
  for (const Projection &q : image.projections)
    if (!q.isProcedural)
      out.putColumn(q.stored.target);
  for (const Projection &q : image.projections)
    if (!q.isProcedural)
      out.putColumn(q.stored.weight);
  for (const Projection &q : image.projections)
    if (!q.isProcedural)
      out.putColumn(q.stored.delay);
}

void decodeSynapses(Decoder &in, const TableCounts &counts, Image &image) {
  for (Projection &q : image.projections) {
    q.stored = StoredSynapses();
    if (q.isProcedural)
      continue;
    q.stored.rowPtr.resize(rowsOf(image, q) + 1);
    in.getColumn(q.stored.rowPtr);
  }
  auto synapses = [&](size_t index) {
    return static_cast<size_t>(counts.synapsesPerProjection[index]);
  };
  for (size_t i = 0; i < image.projections.size(); ++i)
    if (!image.projections[i].isProcedural) {
      image.projections[i].stored.target.resize(synapses(i));
      in.getColumn(image.projections[i].stored.target);
    }
  for (size_t i = 0; i < image.projections.size(); ++i)
    if (!image.projections[i].isProcedural) {
      image.projections[i].stored.weight.resize(synapses(i));
      in.getColumn(image.projections[i].stored.weight);
    }
  for (size_t i = 0; i < image.projections.size(); ++i)
    if (!image.projections[i].isProcedural) {
      image.projections[i].stored.delay.resize(synapses(i));
      in.getColumn(image.projections[i].stored.delay);
    }
}

void putPoints(const std::vector<GridPoint> &points, Encoder &out) {
  for (const GridPoint &p : points) {
    out.put(p.x);
    out.put(p.y);
  }
}

void getPoints(Decoder &in, size_t count, std::vector<GridPoint> &points) {
  points.assign(count, GridPoint());
  for (GridPoint &p : points) {
    in.get(p.x);
    in.get(p.y);
  }
}

/// PE sites, chip sites, link directions, then the neighbour matrix.
void encodeLayout(const Image &image, Encoder &out) {
  const MachineLayout &layout = image.layout;
  putPoints(layout.peSites, out);
  putPoints(layout.chipSites, out);
  putPoints(layout.linkDirections, out);
  out.putColumn(layout.neighbours);
}

void decodeLayout(Decoder &in, const TableCounts &counts, Image &image) {
  MachineLayout &layout = image.layout;
  getPoints(in, image.placement.pesPerChip, layout.peSites);
  getPoints(in, counts.layoutChips, layout.chipSites);
  getPoints(in, counts.layoutLinks, layout.linkDirections);
  layout.neighbours.resize(size_t(counts.layoutChips) * counts.layoutLinks);
  in.getColumn(layout.neighbours);
}

} // namespace

const char *sectionName(Table table) {
  switch (table) {
  case Table::Neurons:
    return "neurons";
  case Table::Slices:
    return "slices";
  case Table::Placement:
    return "placement";
  case Table::Synapses:
    return "synapses";
  case Table::Layout:
    return "layout";
  }
  return "?";
}

const char *fileName(Table table) {
  switch (table) {
  case Table::Neurons:
    return "neurons.bin";
  case Table::Slices:
    return "slices.bin";
  case Table::Placement:
    return "placement.bin";
  case Table::Synapses:
    return "synapses.bin";
  case Table::Layout:
    return "layout.bin";
  }
  return "?";
}

TableCounts countTables(const Image &image) {
  TableCounts counts;
  for (const InputPort &port : image.inputs)
    counts.slicesPerInput.push_back(static_cast<uint32_t>(port.slices.size()));
  for (const Population &pop : image.populations)
    counts.slicesPerPopulation.push_back(
        static_cast<uint32_t>(pop.slices.size()));
  for (const Projection &q : image.projections)
    counts.synapsesPerProjection.push_back(storedSynapseCount(q));
  counts.layoutChips = static_cast<uint32_t>(image.layout.chipSites.size());
  counts.layoutLinks = linkCount(image.layout);
  return counts;
}

std::optional<uint64_t> tableSize(Table table, const Image &image,
                                  const TableCounts &counts) {
  SizeSum sum;
  switch (table) {
  case Table::Neurons:
    for (const Population &pop : image.populations)
      sum.add(pop.size, kNeuronRecordBytes);
    break;
  case Table::Slices:
    for (uint32_t n : counts.slicesPerInput)
      sum.add(n, kSliceRecordBytes);
    for (uint32_t n : counts.slicesPerPopulation)
      sum.add(n, kSliceRecordBytes);
    break;
  case Table::Placement: {
    uint64_t pes = uint64_t(image.placement.chips) *
                   image.placement.pesPerChip; // Fits: both are uint32.
    sum.add(pes, 4);
    break;
  }
  case Table::Synapses:
    for (size_t i = 0; i < image.projections.size(); ++i) {
      if (image.projections[i].isProcedural)
        continue;
      sum.add(rowsOf(image, image.projections[i]) + 1, 8);
      sum.add(counts.synapsesPerProjection[i], kSynapseBytes);
    }
    break;
  case Table::Layout: // Fits: every count is a uint32.
    sum.add(image.placement.pesPerChip, kGridPointBytes);
    sum.add(counts.layoutChips, kGridPointBytes);
    sum.add(counts.layoutLinks, kGridPointBytes);
    sum.add(uint64_t(counts.layoutChips) * counts.layoutLinks, 4);
    break;
  }
  return sum.result();
}

void encodeTable(Table table, const Image &image, ByteSink &sink) {
  Encoder out(sink);
  switch (table) {
  case Table::Neurons:
    return encodeNeurons(image, out);
  case Table::Slices:
    return encodeSlices(image, out);
  case Table::Placement:
    return out.putColumn(image.placement.sliceOfPe);
  case Table::Synapses:
    return encodeSynapses(image, out);
  case Table::Layout:
    return encodeLayout(image, out);
  }
}

Status decodeTable(Table table, const std::vector<uint8_t> &bytes,
                   const TableCounts &counts, Image &image) {
  std::optional<uint64_t> expected = tableSize(table, image, counts);
  if (!expected || *expected != bytes.size())
    return ImageError{fileName(table),
                      "size does not match the layout the manifest implies"};
  Decoder in(bytes);
  switch (table) {
  case Table::Neurons:
    decodeNeurons(in, image);
    break;
  case Table::Slices:
    decodeSlices(in, counts, image);
    break;
  case Table::Placement:
    image.placement.sliceOfPe.resize(bytes.size() / 4);
    in.getColumn(image.placement.sliceOfPe);
    break;
  case Table::Synapses:
    decodeSynapses(in, counts, image);
    break;
  case Table::Layout:
    decodeLayout(in, counts, image);
    break;
  }
  if (!in.atEnd())
    return ImageError{fileName(table), "decoding stopped at byte " +
                                           std::to_string(in.position()) +
                                           " of " +
                                           std::to_string(bytes.size())};
  return Status::success();
}

} // namespace snnc::image::detail
