//===- Image.h - In-memory model of a chip image ----------------*- C++ -*-===//
//
// The chip image is the one contract between `snnc compile` and `snnc run`:
// everything an engine (ref, float, rtl) needs to execute a network on a
// simulated chip, and nothing it would have to recompute from the IR. These
// are plain structs so that the compiler can fill them and the engines can
// index them directly; docs/formats.md ("Chip images") gives the on-disk
// layout, and validateImage() states every invariant the reader enforces.
//
// Numbering conventions used throughout:
//   - elements of an input port and neurons of a population are numbered
//     0..size-1 in row-major shape order;
//   - slices are numbered globally: first the input slices, port by port in
//     Image::inputs order, then the population slices, population by
//     population (the order of every InputPort::slices, then every
//     Population::slices, concatenated; see listSlices());
//   - PEs are numbered globally: chip * pesPerChip + local PE.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_IMAGE_H
#define SNNC_IMAGE_IMAGE_H

#include "snnc/Support/Reservoir.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace snnc::image {

/// The format this library writes, and the only one it reads.
inline constexpr const char *kFormatName = "snnc-image";
inline constexpr int64_t kFormatVersion = 1;

/// Marks "no slice" in Placement::sliceOfPe.
inline constexpr uint32_t kNoSlice = std::numeric_limits<uint32_t>::max();

enum class Discretization { Euler, Exact };

enum class NeuronModel { Lif, CubaLif, If, Li, Integrator };

/// lif, cuba_lif and if emit spikes; li and integrator are readouts whose
/// per-step value is their membrane state, a current.
bool isSpikingModel(NeuronModel model);

/// The snn op a projection came from; informational except for Procedural,
/// which is the one kind whose synapses are regenerated instead of stored.
enum class ProjectionKind {
  Linear,
  Affine,
  Sparse,
  Conv2d,
  SumPool2d,
  Procedural
};

enum class SourceKind { Input, Population };

enum class OutputKind { Spikes, Current };

/// Lower-case names as they appear in the manifest ("cuba_lif",
/// "sum_pool2d", "exact", ...).
const char *toString(Discretization rule);
const char *toString(NeuronModel model);
const char *toString(ProjectionKind kind);
const char *toString(SourceKind kind);
const char *toString(OutputKind kind);

/// Elements [first, first + count) of an input port, or neurons of a
/// population, hosted by one PE. A spike of the slice's local element i
/// (element first + i of its port or population) travels with key
/// `keyBase | i`.
struct Slice {
  uint32_t first = 0;
  uint32_t count = 0;
  /// Global PE index.
  uint32_t pe = 0;
  uint32_t keyBase = 0;
  /// Contiguous high ones; the clear low bits number the slice's elements.
  uint32_t keyMask = 0;
};

/// A network input: a source of spikes with no neurons, sliced and placed
/// like a population. The runtime injects a spike of element i from the PE
/// of the slice s holding it, with routing key `s.keyBase | (i - s.first)`.
struct InputPort {
  uint32_t index = 0;
  std::string name;
  std::vector<uint32_t> shape;
  uint32_t size = 0;
  /// Tile [0, size) in order ("spike-source slices").
  std::vector<Slice> slices;
};

/// Discrete-time factors of one neuron for the float engine
/// (docs/numerics.md §2). Fields a model does not use are 0.
struct FloatNeuron {
  double decay = 0;
  double gain = 0;
  double drive = 0;
  double threshold = 0;
  double reset = 0;
  double synDecay = 0;
  double synGain = 0;
  double bias = 0;
};

/// Fixed-point constants of one neuron for the ref engine and the RTL
/// (docs/numerics.md §3). Fields a model does not use are 0.
struct FixedNeuron {
  int32_t decayQ = 0;
  int32_t gainM = 0;
  int32_t gainS = 0;
  int32_t driveQ = 0;
  int32_t biasQ = 0;
  int32_t thresholdQ = 0;
  int32_t resetQ = 0;
  int32_t synDecayQ = 0;
  int32_t synGainM = 0;
  int32_t synGainS = 0;
};

struct Population {
  std::string name;
  NeuronModel model = NeuronModel::Lif;
  std::vector<uint32_t> shape;
  uint32_t size = 0;
  /// Must equal isSpikingModel(model); stored so that a reader need not
  /// know the model list to tell spikes from readouts.
  bool spiking = true;
  /// Current per LSB of the input accumulator, voltage per LSB of v.
  double sIn = 1;
  double sV = 1;
  /// One entry per neuron.
  std::vector<FloatNeuron> floatParams;
  std::vector<FixedNeuron> fixedParams;
  /// Tile [0, size) in order.
  std::vector<Slice> slices;
};

struct ProjectionSource {
  SourceKind kind = SourceKind::Population;
  /// Index into Image::inputs or Image::populations.
  uint32_t index = 0;
};

/// CSR by presynaptic (source) neuron: the synapses of source neuron i are
/// [rowPtr[i], rowPtr[i + 1]). All per-synapse arrays have rowPtr.back()
/// entries.
struct StoredSynapses {
  std::vector<uint64_t> rowPtr;
  /// Index of the target neuron in the target population.
  std::vector<uint32_t> target;
  /// w_q in [-32767, 32767]; the real weight is w_q * Projection::scale.
  std::vector<int16_t> weightQ;
  /// The float engine's weight.
  std::vector<float> weight;
  /// Steps from emission to integration, in [1, Projection::maxDelay].
  std::vector<uint16_t> delay;
};

/// A reservoir's recurrent synapses, regenerated row by row at load time
/// (see Procedural.h) with one delay for every synapse.
struct ProceduralSynapses {
  snn::reservoir::Spec spec;
  uint16_t delay = 1;
};

struct Projection {
  std::string name;
  ProjectionKind kind = ProjectionKind::Sparse;
  ProjectionSource source;
  /// Index into Image::populations.
  uint32_t target = 0;
  /// w_q << shift lands in the target's accumulator; scale is
  /// target.sIn * 2^shift exactly.
  int32_t shift = 0;
  double scale = 1;
  /// Largest delay of any synapse, in steps (>= 1): engines size their
  /// delay rings from it.
  uint32_t maxDelay = 1;
  /// Quantization error |w - w_q * scale| over the synapses (absolute).
  double rmsError = 0;
  double maxError = 0;
  /// True: `procedural` holds the synapses; false: `stored` does.
  bool isProcedural = false;
  StoredSynapses stored;
  ProceduralSynapses procedural;
};

struct Placement {
  uint32_t chips = 0;
  uint32_t pesPerChip = 0;
  /// Global slice index hosted by each global PE, or kNoSlice.
  std::vector<uint32_t> sliceOfPe;
};

/// An entry matches key k when (k & mask) == key; earlier entries win.
struct RoutingEntry {
  uint32_t key = 0;
  uint32_t mask = 0;
  /// Index into the table's route pool.
  uint32_t route = 0;
};

/// One chip's multicast router.
struct RouterTable {
  std::vector<RoutingEntry> entries;
  /// Route r is routeWords[r * wordsPerRoute .. (r + 1) * wordsPerRoute):
  /// bit i < numLinks is chip link i, bit numLinks + p is local PE p.
  std::vector<uint64_t> routeWords;
};

/// Mirrors snnc::mapping::RoutingTables (compressed), one table per chip.
struct Routing {
  uint32_t numLinks = 0;
  /// (numLinks + pesPerChip + 63) / 64.
  uint32_t wordsPerRoute = 0;
  std::vector<RouterTable> tables;
};

struct Output {
  uint32_t index = 0;
  /// Index into Image::populations.
  uint32_t population = 0;
  /// Spikes for spiking populations, Current for readouts.
  OutputKind kind = OutputKind::Spikes;
};

struct Image {
  std::string snncVersion;
  std::string network;
  std::string targetName;
  /// The resolved target model, as the compiler saw it (opaque here).
  nlohmann::json targetModel = nlohmann::json::object();
  double dt = 1e-3;
  Discretization rule = Discretization::Euler;
  uint64_t seed = 0;
  /// The compile report (opaque here).
  nlohmann::json report = nlohmann::json::object();

  std::vector<InputPort> inputs;
  std::vector<Population> populations;
  std::vector<Projection> projections;
  Placement placement;
  Routing routing;
  std::vector<Output> outputs;
};

/// Where a global slice index points.
struct SliceRef {
  /// Input: `owner` indexes Image::inputs; Population: Image::populations.
  SourceKind kind = SourceKind::Population;
  uint32_t owner = 0;
  /// Index into the owner's slices.
  uint32_t slice = 0;
};

/// Every slice in global order: input slices, then population slices.
std::vector<SliceRef> listSlices(const Image &image);

/// The slice `ref` points to, which must exist.
const Slice &sliceAt(const Image &image, const SliceRef &ref);

/// Rows of a projection: the size of its source.
uint32_t sourceSize(const Image &image, const ProjectionSource &source);

/// Number of synapses of a stored projection (0 for procedural ones, whose
/// count is only known by expanding them).
uint64_t storedSynapseCount(const Projection &projection);

bool operator==(const InputPort &a, const InputPort &b);
bool operator==(const FloatNeuron &a, const FloatNeuron &b);
bool operator==(const FixedNeuron &a, const FixedNeuron &b);
bool operator==(const Slice &a, const Slice &b);
bool operator==(const Population &a, const Population &b);
bool operator==(const ProjectionSource &a, const ProjectionSource &b);
bool operator==(const StoredSynapses &a, const StoredSynapses &b);
bool operator==(const ProceduralSynapses &a, const ProceduralSynapses &b);
bool operator==(const Projection &a, const Projection &b);
bool operator==(const Placement &a, const Placement &b);
bool operator==(const RoutingEntry &a, const RoutingEntry &b);
bool operator==(const RouterTable &a, const RouterTable &b);
bool operator==(const Routing &a, const Routing &b);
bool operator==(const Output &a, const Output &b);
/// Field-by-field; the two kinds of synapse storage compare only the one
/// `isProcedural` selects.
bool operator==(const Image &a, const Image &b);

inline bool operator!=(const Image &a, const Image &b) { return !(a == b); }

} // namespace snnc::image

#endif // SNNC_IMAGE_IMAGE_H
