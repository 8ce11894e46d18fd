//===- Reservoir.h - Procedural LSM reservoir expansion ---------*- C++ -*-===//
//
// Declares the deterministic, row-by-row expander behind `snn.reservoir`.
//
// A reservoir is a population of N neurons, each excitatory (E) or inhibitory
// (I), with recurrent synapses drawn from a connection rule. Expansion never
// builds a dense N x N matrix: each presynaptic row is generated on its own
// from a counter-based random stream keyed by (seed, row), so rows can be
// produced in any order, in parallel, or for a slice of a partition, and are
// bit-identical every time. This header has no MLIR dependency so that the
// compiler, the runtime and benchmarks can all link it.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SUPPORT_RESERVOIR_H
#define SNNC_SUPPORT_RESERVOIR_H

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace snn::reservoir {

/// Index of a (presynaptic type, postsynaptic type) pair: EE, EI, IE, II.
enum PairIndex : unsigned { kEE = 0, kEI = 1, kIE = 2, kII = 3 };

/// Distribution of synaptic weight magnitudes. The sign of a weight comes from
/// the presynaptic neuron (Dale's law): excitatory rows are |w|, inhibitory
/// rows are -|w|.
struct WeightDist {
  enum class Kind { Constant, Uniform, Normal, LogNormal };
  Kind kind = Kind::Constant;
  /// Constant: value=a. Uniform: [a, b). Normal: mean a, stddev b.
  /// LogNormal: exp(Normal(a, b)).
  double a = 0.0;
  double b = 0.0;
};

/// Connection rules (Maass, Natschlaeger & Markram 2002 for the distance rule).
struct ConnectionRule {
  enum class Kind { FixedProbability, Distance };
  Kind kind = Kind::FixedProbability;
  /// FixedProbability: every ordered pair (i, j), i != j, connects with p.
  double p = 0.0;
  /// Distance: neurons sit on a grid (x fastest); pair (a, b) connects with
  /// probability c[pair] * exp(-(D(a,b) / lambda)^2), D Euclidean in grid
  /// units. Candidates whose probability is below kDistanceCutoff are skipped.
  std::array<int64_t, 3> grid = {0, 0, 0};
  double lambda = 0.0;
  std::array<double, 4> c = {0.0, 0.0, 0.0, 0.0};
};

/// Pairs beyond the radius where c * exp(-(D/lambda)^2) < this are never
/// connected; it bounds the per-row candidate set for the distance rule.
inline constexpr double kDistanceCutoff = 1e-9;

struct Spec {
  int64_t size = 0;
  double excitatoryFraction = 0.8;
  ConnectionRule rule;
  /// Weight magnitudes per pair, indexed by PairIndex.
  std::array<WeightDist, 4> weights;
  uint64_t seed = 0;
  /// Autapses (i -> i) are excluded unless this is set.
  bool allowSelfConnections = false;
};

/// One outgoing synapse of a presynaptic row.
struct Synapse {
  uint32_t target;
  float weight;
};

/// Returns an empty string when `spec` is valid, else a message naming the
/// offending field and the limit it breaks (e.g. "p must lie in [0, 1]").
std::string validate(const Spec &spec);

/// Expands a validated Spec. Construction is O(N) time and O(N / 8) memory
/// (the E/I type bitmap, plus nothing per synapse).
/// Expected number of synapses of a reservoir whose excitatory neurons are
/// the share `excitatoryShare` of it: computed from the spec alone, without
/// drawing the neurons' types (so it costs nothing for a billion neurons).
double expectedSynapses(const Spec &spec, double excitatoryShare);

class Expander {
public:
  explicit Expander(const Spec &spec);

  int64_t size() const { return spec.size; }
  const Spec &getSpec() const { return spec; }

  /// Neuron i is excitatory with probability excitatoryFraction, drawn from
  /// the (seed, i) stream.
  bool isExcitatory(int64_t i) const {
    return (typeBits[static_cast<size_t>(i) >> 6] >> (i & 63)) & 1;
  }
  int64_t numExcitatory() const { return numExc; }

  /// Fills `row` (cleared first) with the outgoing synapses of neuron `pre`,
  /// sorted by target, no duplicate targets. Deterministic in (spec, pre).
  void expandRow(int64_t pre, std::vector<Synapse> &row) const;

  /// Expected number of synapses over the whole reservoir (for sizing).
  double expectedSynapses() const;

  /// Grid coordinates of neuron i under the distance rule (x fastest).
  std::array<int64_t, 3> position(int64_t i) const;

private:
  void expandFixedProbability(int64_t pre, std::vector<Synapse> &row) const;
  void expandDistance(int64_t pre, std::vector<Synapse> &row) const;

  /// exp(-d2 / lambda^2): from `kernel` when d2 is small, else computed.
  double kernelAt(uint64_t d2) const;

  Spec spec;
  std::vector<uint64_t> typeBits;
  int64_t numExc = 0;
  /// -1 / log1p(-p): turns an Exp(1) draw into a geometric gap.
  double gapScale = 0.0;
  /// kernelAt() for the small integer squared distances a row meets, so the
  /// distance rule's inner loop needs no exp().
  std::vector<double> kernel;
  /// Per presynaptic type (0 = E, 1 = I): -1 / log1p(-cMax * kernel[d2]),
  /// the geometric gap scale along a grid line at squared distance d2.
  std::array<std::vector<double>, 2> lineGapScale;
};

} // namespace snn::reservoir

#endif // SNNC_SUPPORT_RESERVOIR_H
