//===- Reservoir.cpp - Procedural LSM reservoir expansion -----------------===//
//
// Every random decision is a pure function of (seed, stream, row, counter)
// (see CounterRng.h), so a row never depends on which rows were expanded
// before it. Connectivity and weights use separate streams: changing the
// weight law leaves the topology bit-identical.
//
//===----------------------------------------------------------------------===//

#include "snnc/Support/Reservoir.h"

#include "snnc/Support/CounterRng.h"

#include <algorithm>
#include <cassert>
#include <cfloat>
#include <cmath>
#include <limits>
#include <sstream>

using namespace snn::reservoir;
using namespace snn::reservoir::detail;

namespace {

/// Squared distances up to this get a precomputed kernel entry; beyond it a
/// row is so large (radius > 256) that one exp() per candidate is noise.
constexpr uint64_t kMaxKernelEntries = 1 << 16;

const char *const kPairNames[4] = {"ee", "ei", "ie", "ii"};

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

/// "" if v is in [0, 1] (NaN is not), else a message naming the field.
std::string checkUnit(const std::string &field, double v) {
  return v >= 0.0 && v <= 1.0
             ? ""
             : field + " must lie in [0, 1] (got " + num(v) + ")";
}

uint64_t square(int64_t d) {
  uint64_t m = static_cast<uint64_t>(d < 0 ? -d : d);
  return m * m;
}

uint64_t isqrt(uint64_t n) { // Corrects the double sqrt past 2^52.
  uint64_t r = static_cast<uint64_t>(std::sqrt(static_cast<double>(n)));
  while (r > 0 && r * r > n)
    --r;
  while ((r + 1) * (r + 1) <= n)
    ++r;
  return r;
}

/// exp(-d2 / lambda^2), kept finite when a tiny lambda squares to 0.
double gaussianKernel(uint64_t d2, double lambda) {
  const double l2 = lambda * lambda;
  return d2 == 0 ? 1.0 : l2 > 0 ? std::exp(-double(d2) / l2) : 0.0;
}

/// Turns an Exp(1) draw E into a Geometric(p) gap floor(E * scale): 0 for
/// p = 1 (log1p(-1) = -inf, so every cell is taken), unused for p = 0.
double gapScaleFor(double p) {
  return p > 0 ? -1.0 / std::log1p(-p) : INFINITY;
}

/// Integer squared radius inside which c * exp(-(D/lambda)^2) can reach
/// kDistanceCutoff, clipped to the grid's diameter (which fits in uint64
/// because validate() caps gx * gy * gz below 2^32). Needs cMax >= cutoff.
uint64_t radiusSquared(const ConnectionRule &rule, double cMax) {
  double r2 = rule.lambda * rule.lambda * std::log(cMax / kDistanceCutoff);
  uint64_t gridMax = square(rule.grid[0] - 1) + square(rule.grid[1] - 1) +
                     square(rule.grid[2] - 1);
  // NaN (inf * 0 for a huge lambda and cMax == cutoff) clips to the grid.
  return r2 < static_cast<double>(gridMax) ? static_cast<uint64_t>(r2)
                                           : gridMax;
}

/// Appends targets to a reused row; weights are filled in a second pass.
/// The row keeps its capacity between calls and is only resized (zeroed)
/// past the previous row's length, never cleared and regrown.
class RowWriter {
public:
  RowWriter(std::vector<Synapse> &buffer, size_t expected) : row(buffer) {
    row.resize(std::max({row.capacity(), expected, size_t(64)}));
  }
  ~RowWriter() { row.resize(used); }

  void push(int64_t target) {
    if (used == row.size())
      row.resize(2 * used);
    row[used++].target = static_cast<uint32_t>(target);
  }
  Synapse *begin() { return row.data(); }
  Synapse *end() { return row.data() + used; }

private:
  std::vector<Synapse> &row;
  size_t used = 0;
};

/// Fills the weights of a row whose targets are set. Running this as its own
/// pass (rather than per target inside the skip loop) keeps both loops small
/// enough to stay in registers, which measured ~25% faster; the weight stream
/// is separate, so a different weight law leaves the topology bit-identical.
void fillWeights(const Expander &expander, int64_t pre, Synapse *first,
                 Synapse *last) {
  const Spec &spec = expander.getSpec();
  const bool preExc = expander.isExcitatory(pre);
  const double sign = preExc ? 1.0 : -1.0; // Dale's law.
  const WeightDist toE = spec.weights[preExc ? kEE : kIE];
  const WeightDist toI = spec.weights[preExc ? kEI : kII];
  const Ziggurat &gauss = Ziggurat::get();
  CounterRng rng(spec.seed, kWeightStream, pre);
  for (Synapse *s = first; s != last; ++s) {
    const WeightDist &d = expander.isExcitatory(s->target) ? toE : toI;
    double m = d.a;
    switch (d.kind) {
    case WeightDist::Kind::Constant:
      break;
    case WeightDist::Kind::Uniform:
      m = d.a + (d.b - d.a) * toUnitClosedOpen(rng.next());
      break;
    case WeightDist::Kind::Normal:
      m = d.a + d.b * gauss(rng);
      break;
    case WeightDist::Kind::LogNormal:
      m = std::exp(d.a + d.b * gauss(rng));
      break;
    }
    s->weight = static_cast<float>(sign * std::fabs(m));
  }
}

std::string validateWeights(const WeightDist &d, const char *pair) {
  std::string field = std::string("weight_") + pair;
  // Parameters beyond float range would turn into infinite weights.
  if (!(std::fabs(d.a) <= FLT_MAX) || !(std::fabs(d.b) <= FLT_MAX))
    return field + " parameters must be finite and within float range (got " +
           num(d.a) + ", " + num(d.b) + ")";
  switch (d.kind) {
  case WeightDist::Kind::Constant:
    return "";
  case WeightDist::Kind::Uniform:
    if (d.a > d.b)
      return field + ": uniform weight distribution needs low <= high (got " +
             num(d.a) + " > " + num(d.b) + ")";
    return "";
  case WeightDist::Kind::Normal:
  case WeightDist::Kind::LogNormal:
    if (d.b < 0.0)
      return field + ": " +
             (d.kind == WeightDist::Kind::Normal ? "normal" : "lognormal") +
             " weight distribution needs stddev >= 0 (got " + num(d.b) + ")";
    return "";
  }
  return field + " has an unknown distribution kind";
}

std::string validateDistance(const Spec &spec) {
  const ConnectionRule &rule = spec.rule;
  static const char *const axes[3] = {"x", "y", "z"};
  for (unsigned k = 0; k < 3; ++k)
    if (rule.grid[k] <= 0)
      return std::string("grid ") + axes[k] + " extent must be positive (got " +
             std::to_string(rule.grid[k]) + ")";
  uint64_t cells = 1;
  bool overflow = false;
  for (int64_t g : rule.grid)
    overflow |= __builtin_mul_overflow(cells, static_cast<uint64_t>(g), &cells);
  if (overflow || cells != static_cast<uint64_t>(spec.size))
    return "grid " + std::to_string(rule.grid[0]) + "x" +
           std::to_string(rule.grid[1]) + "x" + std::to_string(rule.grid[2]) +
           " holds " + (overflow ? "over 2^64" : std::to_string(cells)) +
           " neurons but size is " + std::to_string(spec.size);
  if (!(rule.lambda > 0.0 && std::isfinite(rule.lambda)))
    return "lambda must be positive and finite (got " + num(rule.lambda) + ")";
  std::string err;
  for (unsigned k = 0; k < 4 && err.empty(); ++k)
    err = checkUnit(std::string("c_") + kPairNames[k], rule.c[k]);
  return err;
}

} // namespace

std::string snn::reservoir::validate(const Spec &spec) {
  if (spec.size <= 0)
    return "size must be positive (got " + std::to_string(spec.size) + ")";
  if (static_cast<uint64_t>(spec.size) > std::numeric_limits<uint32_t>::max())
    return "size must be below 2^32 so targets fit in uint32 (got " +
           std::to_string(spec.size) + ")";
  std::string err = checkUnit("excitatory_fraction", spec.excitatoryFraction);
  if (err.empty()) {
    switch (spec.rule.kind) {
    case ConnectionRule::Kind::FixedProbability:
      err = checkUnit("p", spec.rule.p);
      break;
    case ConnectionRule::Kind::Distance:
      err = validateDistance(spec);
      break;
    default:
      err = "rule has an unknown connection kind";
    }
  }
  for (unsigned k = 0; k < 4 && err.empty(); ++k)
    err = validateWeights(spec.weights[k], kPairNames[k]);
  return err;
}

Expander::Expander(const Spec &s) : spec(s) {
  assert(validate(spec).empty() && "Expander needs a validated Spec");
  const uint64_t n = static_cast<uint64_t>(spec.size);
  typeBits.assign((n + 63) / 64, 0);
  // Neuron i takes draw i + 1 of one type stream: a function of (seed, i).
  CounterRng types(spec.seed, kTypeStream, 0);
  for (uint64_t i = 0; i < n; ++i) {
    if (toUnitClosedOpen(types.next()) < spec.excitatoryFraction) {
      typeBits[i >> 6] |= uint64_t(1) << (i & 63);
      ++numExc;
    }
  }

  const ConnectionRule &rule = spec.rule;
  gapScale = gapScaleFor(rule.p);
  double cMax = *std::max_element(rule.c.begin(), rule.c.end());
  if (rule.kind != ConnectionRule::Kind::Distance || cMax < kDistanceCutoff)
    return;
  uint64_t entries = std::min(radiusSquared(rule, cMax) + 1, kMaxKernelEntries);
  const double cE = std::max(rule.c[kEE], rule.c[kEI]);
  const double cI = std::max(rule.c[kIE], rule.c[kII]);
  kernel.resize(entries);
  for (std::vector<double> &scales : lineGapScale)
    scales.resize(entries);
  for (uint64_t d2 = 0; d2 < entries; ++d2) {
    kernel[d2] = gaussianKernel(d2, rule.lambda);
    lineGapScale[0][d2] = gapScaleFor(cE * kernel[d2]);
    lineGapScale[1][d2] = gapScaleFor(cI * kernel[d2]);
  }
}

double Expander::kernelAt(uint64_t d2) const {
  return d2 < kernel.size() ? kernel[d2] : gaussianKernel(d2, spec.rule.lambda);
}

std::array<int64_t, 3> Expander::position(int64_t i) const {
  const auto &g = spec.rule.grid;
  if (spec.rule.kind != ConnectionRule::Kind::Distance)
    return {i, 0, 0};
  return {i % g[0], (i / g[0]) % g[1], i / (g[0] * g[1])};
}

void Expander::expandRow(int64_t pre, std::vector<Synapse> &row) const {
  assert(pre >= 0 && pre < spec.size && "row out of range");
  if (spec.rule.kind == ConnectionRule::Kind::FixedProbability)
    expandFixedProbability(pre, row);
  else
    expandDistance(pre, row);
}

void Expander::expandFixedProbability(int64_t pre,
                                      std::vector<Synapse> &row) const {
  // Candidates are numbered 0..m-1 with `pre` removed unless autapses are on,
  // so the skip never has to step over the diagonal.
  const int64_t m = spec.allowSelfConnections ? spec.size : spec.size - 1;
  const int64_t firstShifted = spec.allowSelfConnections ? m : pre;
  const double p = spec.rule.p;
  const double mean = static_cast<double>(m) * p;
  RowWriter out(row, static_cast<size_t>(mean + 6.0 * std::sqrt(mean) + 16));
  if (p >= 1.0) {
    for (int64_t k = 0; k < m; ++k)
      out.push(k + (k >= firstShifted));
  } else if (p > 0.0) {
    // Gaps between successive targets are Geometric(p): floor(E / -log1p(-p))
    // with E ~ Exp(1), the same law as floor(log u / log1p(-p)) without a log
    // per synapse. gap >= 0 (+inf for denormal p), so truncation is floor.
    const ExpZiggurat &expo = ExpZiggurat::get();
    CounterRng rng(spec.seed, kTopoStream, pre);
    const double last = static_cast<double>(m - 1);
    for (int64_t k = -1;;) {
      double gap = expo(rng) * gapScale;
      if (!(gap < last - static_cast<double>(k)))
        break;
      k += 1 + static_cast<int64_t>(gap);
      out.push(k + (k >= firstShifted));
    }
  }
  fillWeights(*this, pre, out.begin(), out.end());
}

void Expander::expandDistance(int64_t pre, std::vector<Synapse> &row) const {
  RowWriter out(row, 0);
  const ConnectionRule &rule = spec.rule;
  const bool preExc = isExcitatory(pre);
  const unsigned pairBase = preExc ? kEE : kIE;
  const double cToE = rule.c[pairBase], cToI = rule.c[pairBase + 1];
  const double cMax = std::max(cToE, cToI);
  if (!(cMax >= kDistanceCutoff))
    return;
  // The radius depends on this row's own c values, so a weakly connected
  // presynaptic type scans a smaller ball.
  const uint64_t r2 = radiusSquared(rule, cMax);
  const int64_t gx = rule.grid[0], gy = rule.grid[1], gz = rule.grid[2];
  const auto [x0, y0, z0] = position(pre);
  const std::vector<double> &scales = lineGapScale[!preExc];
  const ExpZiggurat &expo = ExpZiggurat::get();
  CounterRng rng(spec.seed, kTopoStream, pre);

  // The ball is cut into x lines, visited z outermost and x innermost so
  // targets come out sorted. No cell of a line beats pLine (its cell nearest
  // the neuron), so cells are proposed by geometric skipping with pLine and
  // kept with probability prob / pLine (thinning): a row costs
  // O(lines + synapses) = O(R^2), not a draw per cell of the ball.
  const int64_t rz = static_cast<int64_t>(isqrt(r2));
  for (int64_t z = std::max<int64_t>(0, z0 - rz),
               zEnd = std::min(gz - 1, z0 + rz);
       z <= zEnd; ++z) {
    const uint64_t dz2 = square(z - z0);
    const int64_t ry = static_cast<int64_t>(isqrt(r2 - dz2));
    for (int64_t y = std::max<int64_t>(0, y0 - ry),
                 yEnd = std::min(gy - 1, y0 + ry);
         y <= yEnd; ++y) {
      const uint64_t dyz2 = dz2 + square(y - y0);
      const double pLine = cMax * kernelAt(dyz2);
      if (pLine < kDistanceCutoff)
        continue;
      const double scale =
          dyz2 < scales.size() ? scales[dyz2] : gapScaleFor(pLine);
      const int64_t rx = static_cast<int64_t>(isqrt(r2 - dyz2));
      const int64_t xBegin = std::max<int64_t>(0, x0 - rx);
      const double last =
          static_cast<double>(std::min(gx - 1, x0 + rx) - xBegin);
      const int64_t base = gx * (y + gy * z) + xBegin;
      for (int64_t k = -1;;) {
        double gap = expo(rng) * scale;
        if (!(gap < last - static_cast<double>(k)))
          break;
        k += 1 + static_cast<int64_t>(gap);
        const int64_t post = base + k;
        if (post == pre && !spec.allowSelfConnections)
          continue;
        const double prob = (isExcitatory(post) ? cToE : cToI) *
                            kernelAt(dyz2 + square(xBegin + k - x0));
        if (prob >= kDistanceCutoff &&
            toUnitClosedOpen(rng.next()) * pLine < prob)
          out.push(post);
      }
    }
  }
  fillWeights(*this, pre, out.begin(), out.end());
}

/// FixedProbability: exact, N (N - 1) p (or N^2 p with autapses).
/// Distance: the exact expectation over the connection draws and over a
/// random E/I labelling with the realised excitatory fraction f. Each grid
/// offset (dx, dy, dz) occurs for (gx-|dx|)(gy-|dy|)(gz-|dz|) ordered pairs,
/// and a pair of types (s, t) has weight f_s f_t. It costs O(R^3) (the ball
/// clipped to the grid) and misses only the labelling's sampling noise:
/// within 0.2% of the realised count on 8000-neuron grids.
double snn::reservoir::expectedSynapses(const Spec &spec,
                                        double excitatoryShare) {
  const double n = static_cast<double>(spec.size);
  const ConnectionRule &rule = spec.rule;
  if (rule.kind == ConnectionRule::Kind::FixedProbability)
    return n * (spec.allowSelfConnections ? n : n - 1.0) * rule.p;

  const double fE = excitatoryShare, fI = 1.0 - fE;
  const double typeWeight[4] = {fE * fE, fE * fI, fI * fE, fI * fI};
  const double autapseWeight[4] = {fE, 0.0, 0.0, fI};
  double cMax = *std::max_element(rule.c.begin(), rule.c.end());
  if (!(cMax >= kDistanceCutoff))
    return 0.0;
  const uint64_t r2 = radiusSquared(rule, cMax);
  const int64_t r = static_cast<int64_t>(isqrt(r2));
  const auto &g = rule.grid;
  auto range = [&](unsigned axis) { return std::min(r, g[axis] - 1); };
  double total = 0.0;
  for (int64_t dz = -range(2); dz <= range(2); ++dz)
    for (int64_t dy = -range(1); dy <= range(1); ++dy)
      for (int64_t dx = -range(0); dx <= range(0); ++dx) {
        const uint64_t d2 = square(dx) + square(dy) + square(dz);
        if (d2 > r2 || (d2 == 0 && !spec.allowSelfConnections))
          continue;
        // An autapse pairs a neuron with itself: only EE or II.
        const double *weight = d2 == 0 ? autapseWeight : typeWeight;
        const double k = gaussianKernel(d2, rule.lambda);
        double perPair = 0.0;
        for (unsigned pair = 0; pair < 4; ++pair)
          if (rule.c[pair] * k >= kDistanceCutoff)
            perPair += weight[pair] * rule.c[pair] * k;
        total += perPair * static_cast<double>((g[0] - std::abs(dx)) *
                                               (g[1] - std::abs(dy)) *
                                               (g[2] - std::abs(dz)));
      }
  return total;
}

double Expander::expectedSynapses() const {
  return snn::reservoir::expectedSynapses(
      spec, static_cast<double>(numExc) / static_cast<double>(spec.size));
}
