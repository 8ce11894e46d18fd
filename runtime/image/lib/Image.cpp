//===- Image.cpp - In-memory model of a chip image ------------------------===//
//
// Names of the enumerations, small queries and field-by-field equality.
// Equality is exact (no tolerance): the reader must reproduce every bit the
// writer was given.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/Image.h"

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

bool operator==(const FixedNeuron &a, const FixedNeuron &b) {
  return a.decayQ == b.decayQ && a.gainM == b.gainM && a.gainS == b.gainS &&
         a.driveQ == b.driveQ && a.biasQ == b.biasQ &&
         a.thresholdQ == b.thresholdQ && a.resetQ == b.resetQ &&
         a.synDecayQ == b.synDecayQ && a.synGainM == b.synGainM &&
         a.synGainS == b.synGainS;
}

bool operator==(const Slice &a, const Slice &b) {
  return a.first == b.first && a.count == b.count && a.pe == b.pe &&
         a.keyBase == b.keyBase && a.keyMask == b.keyMask;
}

bool operator==(const Population &a, const Population &b) {
  return a.name == b.name && a.model == b.model && a.shape == b.shape &&
         a.size == b.size && a.spiking == b.spiking && a.sIn == b.sIn &&
         a.sV == b.sV && a.floatParams == b.floatParams &&
         a.fixedParams == b.fixedParams && a.slices == b.slices;
}

bool operator==(const ProjectionSource &a, const ProjectionSource &b) {
  return a.kind == b.kind && a.index == b.index;
}

bool operator==(const StoredSynapses &a, const StoredSynapses &b) {
  return a.rowPtr == b.rowPtr && a.target == b.target &&
         a.weightQ == b.weightQ && a.weight == b.weight && a.delay == b.delay;
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
         a.source == b.source && a.target == b.target && a.shift == b.shift &&
         a.scale == b.scale && a.maxDelay == b.maxDelay &&
         a.rmsError == b.rmsError && a.maxError == b.maxError;
}

bool operator==(const Placement &a, const Placement &b) {
  return a.chips == b.chips && a.pesPerChip == b.pesPerChip &&
         a.sliceOfPe == b.sliceOfPe;
}

bool operator==(const RoutingEntry &a, const RoutingEntry &b) {
  return a.key == b.key && a.mask == b.mask && a.route == b.route;
}

bool operator==(const RouterTable &a, const RouterTable &b) {
  return a.entries == b.entries && a.routeWords == b.routeWords;
}

bool operator==(const Routing &a, const Routing &b) {
  return a.numLinks == b.numLinks && a.wordsPerRoute == b.wordsPerRoute &&
         a.tables == b.tables;
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
         a.placement == b.placement && a.routing == b.routing &&
         a.outputs == b.outputs;
}

} // namespace snnc::image
