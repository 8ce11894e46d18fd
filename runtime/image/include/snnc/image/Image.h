//===- Image.h - In-memory model of a chip image ----------------*- C++ -*-===//
//
// The chip image is the one contract between `snnc compile` and `snnc run`:
// everything an engine (ref, float, rtl) needs to execute a network on a
// simulated chip, and nothing it would have to recompute from the IR. These
// are plain structs so that the compiler can fill them and the engines can
// index them directly; docs/formats.md ("Chip images") gives the on-disk
// layout, and validateImage() states every invariant the reader enforces.
//
// Version 2 splits the image into sections (docs/formats.md, "Chip
// images"): the core sections below are the same for every target, and a
// target adds its own sections (fixed-point constants, routing tables,
// array conductances, ...) as SectionData it encodes through its own
// SectionCodec (Section.h). Nothing here knows any target.
//
// Numbering conventions used throughout:
//   - elements of an input port and neurons of a population are numbered
//     0..size-1 in row-major shape order;
//   - slices are numbered globally: first the input slices, port by port in
//     Image::inputs order, then the population slices, population by
//     population (the order of every InputPort::slices, then every
//     Population::slices, concatenated; see listSlices());
//   - units (the target's unit of placement: a PE of a many-core chip, a
//     memory-array tile, ...) are called PEs here and are numbered globally:
//     chip * pesPerChip + local PE.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_IMAGE_H
#define SNNC_IMAGE_IMAGE_H

#include "snnc/image/Section.h"

#include "snnc/Support/Reservoir.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace snnc::image {

/// The format this library writes, and the only one it reads.
inline constexpr const char *kFormatName = "snnc-image";
inline constexpr int64_t kFormatVersion = 2;

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
/// population, hosted by one PE. How a spike leaves the PE (routing keys,
/// wires, pulses) is the target's business, in its own sections.
struct Slice {
  uint32_t first = 0;
  uint32_t count = 0;
  /// Global PE index.
  uint32_t pe = 0;
};

/// A network input: a source of spikes with no neurons, sliced and placed
/// like a population. The runtime injects a spike of element i from the PE
/// of the slice holding it.
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

struct Population {
  std::string name;
  NeuronModel model = NeuronModel::Lif;
  std::vector<uint32_t> shape;
  uint32_t size = 0;
  /// Must equal isSpikingModel(model); stored so that a reader need not
  /// know the model list to tell spikes from readouts.
  bool spiking = true;
  /// One entry per neuron.
  std::vector<FloatNeuron> floatParams;
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
  /// The network's real weight; a target's stored form (int16, conductance
  /// level, ...) lives in its own sections.
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
  /// Largest delay of any synapse, in steps (>= 1): engines size their
  /// delay rings from it.
  uint32_t maxDelay = 1;
  /// Error |w - w_target| of the target's stored weights against the real
  /// ones (absolute; 0 for a target that stores them exactly).
  double rmsError = 0;
  double maxError = 0;
  /// True: `procedural` holds the synapses; false: `stored` does.
  bool isProcedural = false;
  StoredSynapses stored;
  ProceduralSynapses procedural;
};

struct Placement {
  /// Chips in use: PEs [0, chips * pesPerChip) may host slices.
  uint32_t chips = 0;
  uint32_t pesPerChip = 0;
  /// Global slice index hosted by each global PE, or kNoSlice.
  std::vector<uint32_t> sliceOfPe;
};

/// A point of a 2-D grid: a chip on the board, a PE cluster on the chip's
/// NoC, or a link direction (dx, dy).
struct GridPoint {
  int32_t x = 0;
  int32_t y = 0;
};

/// The machine the image was placed on, resolved by the compiler so that
/// engines and plots need no target model to find where a PE sits or how
/// chips connect. Covers every chip of the machine, not only those in use,
/// since traffic between used chips may cross unused ones.
struct MachineLayout {
  /// The on-chip grid the PEs sit in (clusters of a many-core chip, tiles
  /// of an in-memory-computing chip); PEs sharing a point share a cluster.
  uint32_t gridCols = 1;
  uint32_t gridRows = 1;
  /// Grid point of each local PE; the same on every chip.
  std::vector<GridPoint> peSites;
  /// Board position of each chip.
  std::vector<GridPoint> chipSites;
  /// (dx, dy) of each chip-to-chip link, in link index order.
  std::vector<GridPoint> linkDirections;
  /// Chip reached over link l of chip c at [c * links + l], or -1.
  std::vector<int32_t> neighbours;
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
  /// The resolved target model, as the compiler saw it (opaque here; the
  /// target's engines read their clock and cycle model from it).
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
  MachineLayout layout;
  std::vector<Output> outputs;
  /// The target's own sections, by section name ("<target>.<what>").
  SectionSet sections;
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

/// Chip links of the layout (0 without chip-to-chip links).
uint32_t linkCount(const MachineLayout &layout);

/// A layout for machines with no geometry of their own (hand-made images,
/// targets without a NoC): each chip's PEs in one row of its grid, chips in
/// a row joined by link 0 (east, +1) and link 1 (west, -1).
MachineLayout rowLayout(uint32_t chips, uint32_t pesPerChip);

/// The breadth-first shortest-path tree of chips rooted at `root`, links
/// tried in index order: for each chip, the link and the chip it is reached
/// from (-1 for the root and for unreachable chips). The union of the
/// routes from one source is then a tree even on a board with holes.
void chipTree(const MachineLayout &layout, uint32_t root,
              std::vector<int32_t> &parentLink,
              std::vector<int32_t> &parentChip);

/// Number of synapses of a stored projection (0 for procedural ones, whose
/// count is only known by expanding them).
uint64_t storedSynapseCount(const Projection &projection);

bool operator==(const InputPort &a, const InputPort &b);
bool operator==(const FloatNeuron &a, const FloatNeuron &b);
bool operator==(const Slice &a, const Slice &b);
bool operator==(const Population &a, const Population &b);
bool operator==(const ProjectionSource &a, const ProjectionSource &b);
bool operator==(const StoredSynapses &a, const StoredSynapses &b);
bool operator==(const ProceduralSynapses &a, const ProceduralSynapses &b);
bool operator==(const Projection &a, const Projection &b);
bool operator==(const Placement &a, const Placement &b);
bool operator==(const GridPoint &a, const GridPoint &b);
bool operator==(const MachineLayout &a, const MachineLayout &b);
bool operator==(const Output &a, const Output &b);
/// Field-by-field; the two kinds of synapse storage compare only the one
/// `isProcedural` selects.
bool operator==(const Image &a, const Image &b);

inline bool operator!=(const Image &a, const Image &b) { return !(a == b); }

} // namespace snnc::image

#endif // SNNC_IMAGE_IMAGE_H
