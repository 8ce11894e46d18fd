//===- Image.cpp - In-memory model of a chip image ------------------------===//
//
// Names of the enumerations, small queries and field-by-field equality.
// Equality is exact (no tolerance): the reader must reproduce every bit the
// writer was given.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/Image.h"

#include <algorithm>
#include <deque>

namespace snnc::image {

bool isSpikingModel(NeuronModel model) {
  return model == NeuronModel::Lif || model == NeuronModel::CubaLif ||
         model == NeuronModel::If;
}

const char *toString(Discretization rule) {
  return rule == Discretization::Euler ? "euler" : "exact";
}

const char *toString(NeuronModel model) {
  switch (model) {
  case NeuronModel::Lif:
    return "lif";
  case NeuronModel::CubaLif:
    return "cuba_lif";
  case NeuronModel::If:
    return "if";
  case NeuronModel::Li:
    return "li";
  case NeuronModel::Integrator:
    return "integrator";
  }
  return "?";
}

const char *toString(ProjectionKind kind) {
  switch (kind) {
  case ProjectionKind::Linear:
    return "linear";
  case ProjectionKind::Affine:
    return "affine";
  case ProjectionKind::Sparse:
    return "sparse";
  case ProjectionKind::Conv2d:
    return "conv2d";
  case ProjectionKind::SumPool2d:
    return "sum_pool2d";
  case ProjectionKind::Procedural:
    return "procedural";
  }
  return "?";
}

const char *toString(SourceKind kind) {
  return kind == SourceKind::Input ? "input" : "population";
}

const char *toString(OutputKind kind) {
  return kind == OutputKind::Spikes ? "spikes" : "current";
}

std::vector<SliceRef> listSlices(const Image &image) {
  std::vector<SliceRef> result;
  for (uint32_t i = 0; i < image.inputs.size(); ++i)
    for (uint32_t s = 0; s < image.inputs[i].slices.size(); ++s)
      result.push_back({SourceKind::Input, i, s});
  for (uint32_t p = 0; p < image.populations.size(); ++p)
    for (uint32_t s = 0; s < image.populations[p].slices.size(); ++s)
      result.push_back({SourceKind::Population, p, s});
  return result;
}

const Slice &sliceAt(const Image &image, const SliceRef &ref) {
  if (ref.kind == SourceKind::Input)
    return image.inputs[ref.owner].slices[ref.slice];
  return image.populations[ref.owner].slices[ref.slice];
}

uint32_t sourceSize(const Image &image, const ProjectionSource &source) {
  if (source.kind == SourceKind::Input)
    return source.index < image.inputs.size() ? image.inputs[source.index].size
                                              : 0;
  return source.index < image.populations.size()
             ? image.populations[source.index].size
             : 0;
}

uint32_t linkCount(const MachineLayout &layout) {
  return static_cast<uint32_t>(layout.linkDirections.size());
}

MachineLayout rowLayout(uint32_t chips, uint32_t pesPerChip) {
  MachineLayout layout;
  layout.gridCols = std::max(1u, pesPerChip);
  layout.gridRows = 1;
  for (uint32_t p = 0; p < pesPerChip; ++p)
    layout.peSites.push_back({int32_t(p), 0});
  layout.linkDirections = {{1, 0}, {-1, 0}};
  for (uint32_t c = 0; c < chips; ++c) {
    layout.chipSites.push_back({int32_t(c), 0});
    layout.neighbours.push_back(c + 1 < chips ? int32_t(c + 1) : -1);
    layout.neighbours.push_back(c > 0 ? int32_t(c - 1) : -1);
  }
  return layout;
}

void chipTree(const MachineLayout &layout, uint32_t root,
              std::vector<int32_t> &parentLink,
              std::vector<int32_t> &parentChip) {
  size_t chips = layout.chipSites.size();
  uint32_t links = linkCount(layout);
  parentLink.assign(chips, -1);
  parentChip.assign(chips, -1);
  std::vector<bool> seen(chips, false);
  std::deque<uint32_t> queue{root};
  seen[root] = true;
  while (!queue.empty()) {
    uint32_t c = queue.front();
    queue.pop_front();
    for (uint32_t k = 0; k < links; ++k) {
      int32_t next = layout.neighbours[size_t(c) * links + k];
      if (next < 0 || seen[next])
        continue;
      seen[next] = true;
      parentLink[next] = static_cast<int32_t>(k);
      parentChip[next] = static_cast<int32_t>(c);
      queue.push_back(static_cast<uint32_t>(next));
    }
  }
}

uint64_t storedSynapseCount(const Projection &projection) {
  if (projection.isProcedural || projection.stored.rowPtr.empty())
    return 0;
  return projection.stored.rowPtr.back();
}

bool operator==(const InputPort &a, const InputPort &b) {
  return a.index == b.index && a.name == b.name && a.shape == b.shape &&
         a.size == b.size && a.slices == b.slices;
}

bool operator==(const FloatNeuron &a, const FloatNeuron &b) {
  return a.decay == b.decay && a.gain == b.gain && a.drive == b.drive &&
         a.threshold == b.threshold && a.reset == b.reset &&
         a.synDecay == b.synDecay && a.synGain == b.synGain && a.bias == b.bias;
}

bool operator==(const Slice &a, const Slice &b) {
  return a.first == b.first && a.count == b.count && a.pe == b.pe;
}

bool operator==(const Population &a, const Population &b) {
  return a.name == b.name && a.model == b.model && a.shape == b.shape &&
         a.size == b.size && a.spiking == b.spiking &&
         a.floatParams == b.floatParams && a.slices == b.slices;
}

bool operator==(const ProjectionSource &a, const ProjectionSource &b) {
  return a.kind == b.kind && a.index == b.index;
}

bool operator==(const StoredSynapses &a, const StoredSynapses &b) {
  return a.rowPtr == b.rowPtr && a.target == b.target && a.weight == b.weight &&
         a.delay == b.delay;
}

namespace {

bool sameWeights(const snn::reservoir::WeightDist &a,
                 const snn::reservoir::WeightDist &b) {
  return a.kind == b.kind && a.a == b.a && a.b == b.b;
}

bool sameRule(const snn::reservoir::ConnectionRule &a,
              const snn::reservoir::ConnectionRule &b) {
  return a.kind == b.kind && a.p == b.p && a.grid == b.grid &&
         a.lambda == b.lambda && a.c == b.c;
}

} // namespace

bool operator==(const ProceduralSynapses &a, const ProceduralSynapses &b) {
  const snn::reservoir::Spec &x = a.spec, &y = b.spec;
  for (size_t k = 0; k < x.weights.size(); ++k)
    if (!sameWeights(x.weights[k], y.weights[k]))
      return false;
  return x.size == y.size && x.excitatoryFraction == y.excitatoryFraction &&
         sameRule(x.rule, y.rule) && x.seed == y.seed &&
         x.allowSelfConnections == y.allowSelfConnections && a.delay == b.delay;
}

bool operator==(const Projection &a, const Projection &b) {
  if (a.isProcedural != b.isProcedural)
    return false;
  bool sameSynapses =
      a.isProcedural ? a.procedural == b.procedural : a.stored == b.stored;
  return sameSynapses && a.name == b.name && a.kind == b.kind &&
         a.source == b.source && a.target == b.target &&
         a.maxDelay == b.maxDelay && a.rmsError == b.rmsError &&
         a.maxError == b.maxError;
}

bool operator==(const Placement &a, const Placement &b) {
  return a.chips == b.chips && a.pesPerChip == b.pesPerChip &&
         a.sliceOfPe == b.sliceOfPe;
}

bool operator==(const GridPoint &a, const GridPoint &b) {
  return a.x == b.x && a.y == b.y;
}

bool operator==(const MachineLayout &a, const MachineLayout &b) {
  return a.gridCols == b.gridCols && a.gridRows == b.gridRows &&
         a.peSites == b.peSites && a.chipSites == b.chipSites &&
         a.linkDirections == b.linkDirections && a.neighbours == b.neighbours;
}

bool operator==(const Output &a, const Output &b) {
  return a.index == b.index && a.population == b.population && a.kind == b.kind;
}

bool operator==(const Image &a, const Image &b) {
  return a.snncVersion == b.snncVersion && a.network == b.network &&
         a.targetName == b.targetName && a.targetModel == b.targetModel &&
         a.dt == b.dt && a.rule == b.rule && a.seed == b.seed &&
         a.report == b.report && a.inputs == b.inputs &&
         a.populations == b.populations && a.projections == b.projections &&
         a.placement == b.placement && a.layout == b.layout &&
         a.outputs == b.outputs && a.sections == b.sections;
}

} // namespace snnc::image
