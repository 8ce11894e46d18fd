//===- ReservoirTest.cpp - Unit tests for the LSM reservoir expander ------===//
//
// Statistical checks use 5-sigma binomial (or normal) tolerances with fixed
// seeds, so they are deterministic and a correct expander never trips them.
//
//===----------------------------------------------------------------------===//

#include "snnc/Support/Reservoir.h"

// Private to the library, tested directly: millions of draws catch more.
#include "snnc/Support/CounterRng.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

using namespace snn::reservoir;

namespace {

Spec fixedSpec(int64_t n, double p, uint64_t seed = 7) {
  Spec spec;
  spec.size = n;
  spec.rule.kind = ConnectionRule::Kind::FixedProbability;
  spec.rule.p = p;
  spec.seed = seed;
  for (WeightDist &w : spec.weights)
    w = {WeightDist::Kind::Normal, 0.0, 1.0}; // Mean 0: the sign must fold.
  return spec;
}

Spec distanceSpec(int64_t gx, int64_t gy, int64_t gz, double lambda,
                  std::array<double, 4> c, uint64_t seed = 11) {
  Spec spec = fixedSpec(gx * gy * gz, 0.0, seed);
  spec.rule.kind = ConnectionRule::Kind::Distance;
  spec.rule.grid = {gx, gy, gz};
  spec.rule.lambda = lambda;
  spec.rule.c = c;
  return spec;
}

template <typename F> void forEachRow(const Expander &e, F visit) {
  std::vector<Synapse> row;
  for (int64_t pre = 0; pre < e.size(); ++pre) {
    e.expandRow(pre, row);
    visit(pre, row);
  }
}

bool sameBits(const std::vector<Synapse> &a, const std::vector<Synapse> &b) {
  return a.size() == b.size() &&
         (a.empty() ||
          std::memcmp(a.data(), b.data(), a.size() * sizeof(Synapse)) == 0);
}

double distance(const Expander &e, int64_t a, int64_t b) {
  auto pa = e.position(a), pb = e.position(b);
  return std::hypot(pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]);
}

/// Checks every row is sorted, unique, in range and (unless allowed)
/// autapse-free, and returns the total synapse count.
double checkAllRows(const Expander &e) {
  double total = 0;
  const bool self = e.getSpec().allowSelfConnections;
  forEachRow(e, [&](int64_t pre, const std::vector<Synapse> &row) {
    bool ok = true; // One EXPECT per row: per-synapse ones dominate runtime.
    for (size_t k = 0; k < row.size(); ++k)
      ok &= row[k].target < uint64_t(e.size()) &&
            (k == 0 || row[k - 1].target < row[k].target) &&
            (self || int64_t(row[k].target) != pre);
    EXPECT_TRUE(ok) << "row " << pre;
    total += double(row.size());
  });
  return total;
}

void expectBinomial(double hits, double trials, double p) {
  double sigma = std::sqrt(p * (1 - p) / trials);
  EXPECT_NEAR(hits / trials, p, 5 * sigma + 1e-12) << hits << " of " << trials;
}

TEST(ReservoirDeterminism, SameSeedSameRowsInAnyOrder) {
  Spec distance = distanceSpec(12, 10, 8, 2.0, {.3, .2, .4, .1});
  for (const Spec &spec : {fixedSpec(2000, 0.05), distance}) {
    Expander a(spec), b(spec);
    const int64_t rows[] = {0, 1, 17, 500, spec.size - 1};
    std::vector<std::vector<Synapse>> forward;
    std::vector<Synapse> row;
    for (int64_t r : rows) {
      a.expandRow(r, row);
      forward.push_back(row);
    }
    for (int k = 4; k >= 0; --k) {
      b.expandRow(rows[(k + 2) % 5], row); // Dirty the buffer in between.
      b.expandRow(rows[k], row);
      EXPECT_TRUE(sameBits(row, forward[k])) << "row " << rows[k];
    }
    EXPECT_FALSE(forward[0].empty());
  }
}

TEST(ReservoirDeterminism, SeedChangesRowsWeightLawKeepsTopology) {
  Spec base = fixedSpec(1000, 0.1, 1), reseeded = fixedSpec(1000, 0.1, 2);
  Spec constant = base;
  constant.weights.fill({WeightDist::Kind::Constant, 2.0, 0.0});
  Expander a(base), b(reseeded), c(constant);
  std::vector<Synapse> rb, rc;
  forEachRow(a, [&](int64_t pre, const std::vector<Synapse> &ra) {
    b.expandRow(pre, rb);
    EXPECT_FALSE(sameBits(ra, rb));
    c.expandRow(pre, rc);
    ASSERT_EQ(ra.size(), rc.size());
    for (size_t k = 0; k < ra.size(); ++k)
      EXPECT_EQ(ra[k].target, rc[k].target);
  });
}

TEST(ReservoirFixedProbability, MeasuredProbabilityMatchesP) {
  Expander e(fixedSpec(2000, 0.05));
  expectBinomial(checkAllRows(e), 2000.0 * 1999.0, 0.05);
  EXPECT_DOUBLE_EQ(e.expectedSynapses(), 2000.0 * 1999.0 * 0.05);
}

TEST(ReservoirFixedProbability, ExcitatoryFraction) {
  for (double f : {0.8, 0.3, 0.0, 1.0}) {
    Spec spec = fixedSpec(100000, 0.0);
    spec.excitatoryFraction = f;
    Expander e(spec);
    int64_t counted = 0;
    for (int64_t i = 0; i < e.size(); ++i)
      counted += e.isExcitatory(i);
    EXPECT_EQ(counted, e.numExcitatory());
    expectBinomial(double(counted), 100000.0, f);
  }
}

TEST(ReservoirFixedProbability, ExtremeProbabilities) {
  std::vector<Synapse> stale = {{3, 1.0f}}; // Must be cleared.
  Expander(fixedSpec(300, 0.0)).expandRow(5, stale);
  EXPECT_TRUE(stale.empty());
  EXPECT_EQ(checkAllRows(Expander(fixedSpec(300, 0.0))), 0);
  forEachRow(Expander(fixedSpec(300, 1.0)),
             [](int64_t pre, const std::vector<Synapse> &row) {
               ASSERT_EQ(row.size(), 299u);
               for (size_t k = 0; k < row.size(); ++k)
                 EXPECT_EQ(row[k].target, k < size_t(pre) ? k : k + 1);
             });
  Spec self = fixedSpec(300, 1.0);
  self.allowSelfConnections = true;
  Expander(self).expandRow(42, stale);
  EXPECT_EQ(stale.size(), 300u);
}

TEST(ReservoirSelfConnections, OnlyWhenAllowed) {
  // checkAllRows (used throughout) checks the default excludes them.
  for (Spec spec : {fixedSpec(1000, 0.5),
                    distanceSpec(10, 10, 10, 1.5, {.3, .2, .4, .1})}) {
    Expander without(spec);
    spec.allowSelfConnections = true;
    Expander with(spec);
    bool fixed = spec.rule.kind == ConnectionRule::Kind::FixedProbability;
    double autapses = 0, expected = 0;
    forEachRow(with, [&](int64_t pre, const std::vector<Synapse> &row) {
      expected += fixed ? 0.5 : spec.rule.c[with.isExcitatory(pre) ? kEE : kII];
      for (const Synapse &s : row)
        autapses += int64_t(s.target) == pre;
    });
    EXPECT_NEAR(autapses, expected, 5 * std::sqrt(expected));
    EXPECT_NEAR(with.expectedSynapses() - without.expectedSynapses(), expected,
                1e-9 * without.expectedSynapses());
  }
}

TEST(ReservoirWeights, DalesLawAndConstantPerPair) {
  Spec spec = fixedSpec(1000, 0.1);
  Expander normal(spec);
  forEachRow(normal, [&](int64_t pre, const std::vector<Synapse> &row) {
    bool ok = true;
    for (const Synapse &s : row)
      ok &= normal.isExcitatory(pre) ? s.weight >= 0 : s.weight <= 0;
    EXPECT_TRUE(ok) << "row " << pre;
  });
  for (unsigned k = 0; k < 4; ++k)
    spec.weights[k] = {WeightDist::Kind::Constant, 0.25 * (k + 1), 0.0};
  Expander e(spec);
  forEachRow(e, [&](int64_t pre, const std::vector<Synapse> &row) {
    for (const Synapse &s : row) {
      unsigned pair = (e.isExcitatory(pre) ? kEE : kIE) +
                      (e.isExcitatory(s.target) ? 0 : 1);
      float expected = 0.25f * float(pair + 1);
      EXPECT_EQ(s.weight, e.isExcitatory(pre) ? expected : -expected);
    }
  });
}

/// Magnitudes of all weights of a 2000-neuron, p = 0.05 reservoir.
std::vector<double> magnitudes(const WeightDist &dist) {
  Spec spec = fixedSpec(2000, 0.05);
  spec.weights.fill(dist);
  std::vector<double> out;
  forEachRow(Expander(spec), [&](int64_t, const std::vector<Synapse> &row) {
    for (const Synapse &s : row)
      out.push_back(std::fabs(double(s.weight)));
  });
  return out;
}

TEST(ReservoirWeights, UniformStaysInRange) {
  std::vector<double> w = magnitudes({WeightDist::Kind::Uniform, 0.5, 1.5});
  double sum = 0;
  for (double v : w) {
    EXPECT_TRUE(v >= 0.5 && v <= 1.5) << v;
    sum += v;
  }
  EXPECT_NEAR(sum / w.size(), 1.0, 5 * std::sqrt(1.0 / 12 / w.size()));
}

TEST(ReservoirWeights, NormalAndLogNormalMoments) {
  // Mean 10, sd 1: |w| never folds, so w is exactly the normal sample.
  std::vector<double> w = magnitudes({WeightDist::Kind::Normal, 10.0, 1.0});
  std::vector<double> l = magnitudes({WeightDist::Kind::LogNormal, -1, 0.5});
  for (double &v : l)
    v = 10 + (std::log(v) + 1) / 0.5; // Standardised to N(10, 1) too.
  for (const std::vector<double> *sample : {&w, &l}) {
    double n = double(sample->size()), sum = 0, sq = 0, within1 = 0;
    for (double v : *sample) {
      sum += v;
      sq += (v - 10) * (v - 10);
      within1 += std::fabs(v - 10) < 1;
    }
    EXPECT_NEAR(sum / n, 10.0, 5 / std::sqrt(n));
    EXPECT_NEAR(std::sqrt(sq / n), 1.0, 5 / std::sqrt(2 * n));
    expectBinomial(within1, n, 0.682689492);
  }
}

/// Bins 4M draws into 36 bins over [lo, hi) plus both open tails and checks
/// every bin's mass against `cdf`.
template <typename Draw, typename Cdf>
void expectMatchesCdf(Draw draw, Cdf cdf, double lo, double hi) {
  const int bins = 36, n = 4000000;
  const double width = (hi - lo) / bins;
  std::vector<double> counts(bins + 2);
  for (int i = 0; i < n; ++i) {
    double v = draw();
    ++counts[v < lo ? 0 : v >= hi ? bins + 1 : 1 + int((v - lo) / width)];
  }
  for (int b = 0; b < bins + 2; ++b) {
    double left = b == 0 ? -INFINITY : lo + (b - 1) * width;
    double right = b == bins + 1 ? INFINITY : lo + b * width;
    SCOPED_TRACE("bin [" + std::to_string(left) + ", " + std::to_string(right) +
                 ")");
    expectBinomial(counts[b], n, cdf(right) - cdf(left));
  }
}

TEST(ReservoirVariates, CounterAccessAndZigguratLaws) {
  using namespace snn::reservoir::detail;
  CounterRng rng(42, kTopoStream, 9);
  for (uint64_t k = 1; k <= 100; ++k)
    EXPECT_EQ(rng.next(), CounterRng::at(42, kTopoStream, 9, k));
  EXPECT_NE(CounterRng::at(42, kTopoStream, 9, 1),
            CounterRng::at(42, kWeightStream, 9, 1));
  EXPECT_NE(CounterRng::at(42, kTopoStream, 9, 1),
            CounterRng::at(42, kTopoStream, 10, 1));
  const ExpZiggurat &expo = ExpZiggurat::get();
  expectMatchesCdf([&] { return expo(rng); },
                   [](double x) { return x <= 0 ? 0 : -std::expm1(-x); }, 0, 9);
  const Ziggurat &gauss = Ziggurat::get();
  expectMatchesCdf([&] { return gauss(rng); },
                   [](double x) { return std::erfc(-x / std::sqrt(2.0)) / 2; },
                   -5, 5);
}

TEST(ReservoirDistance, ProbabilityFollowsGaussianKernel) {
  const double lambda = 2.0, c = 0.3;
  Expander e(distanceSpec(20, 20, 20, lambda, {c, c, c, c}));
  EXPECT_EQ(e.position(3 + 20 * (2 + 20 * 1)),
            (std::array<int64_t, 3>{3, 2, 1}));
  const double radius = lambda * std::sqrt(std::log(c / kDistanceCutoff));
  // Ordered pairs at D = 1 and at 2 lambda < D <= radius, counted from grid
  // offsets: offset (dx,dy,dz) fits (20-|dx|)(20-|dy|)(20-|dz|) times.
  double adjacentPairs = 6 * 19 * 20 * 20, farPairs = 0, farExpected = 0;
  int r = int(radius);
  for (int dz = -r; dz <= r; ++dz)
    for (int dy = -r; dy <= r; ++dy)
      for (int dx = -r; dx <= r; ++dx) {
        double d = std::sqrt(double(dx * dx + dy * dy + dz * dz));
        if (d <= 2 * lambda || d > radius)
          continue;
        double pairs =
            (20 - std::abs(dx)) * (20 - std::abs(dy)) * (20.0 - std::abs(dz));
        farPairs += pairs;
        farExpected += pairs * c * std::exp(-(d / lambda) * (d / lambda));
      }
  double adjacent = 0, far = 0;
  forEachRow(e, [&](int64_t pre, const std::vector<Synapse> &row) {
    for (const Synapse &s : row) {
      double d = distance(e, pre, s.target);
      EXPECT_LE(d, radius);
      adjacent += d == 1.0;
      far += d > 2 * lambda;
    }
  });
  expectBinomial(adjacent, adjacentPairs, c * std::exp(-1 / (lambda * lambda)));
  EXPECT_NEAR(far, farExpected, 5 * std::sqrt(farExpected));
  EXPECT_GT(adjacent / adjacentPairs, 20 * far / farPairs);
  double total = checkAllRows(e);
  EXPECT_NEAR(total, e.expectedSynapses(), 5 * std::sqrt(total));
}

TEST(ReservoirDistance, FarPairsBeyondKernelTable) {
  // A 1-D grid with a huge lambda exercises squared distances past the
  // precomputed kernel (2^16 entries, |D| > 255) and long thinned lines.
  const int64_t n = 1500;
  const double lambda = 300.0;
  Expander e(distanceSpec(n, 1, 1, lambda, {1, .5, .5, 1}));
  double hits = 0, expected = 0;
  forEachRow(e, [&](int64_t pre, const std::vector<Synapse> &row) {
    for (int64_t post = 0; post < n; ++post) {
      double c = e.isExcitatory(pre) == e.isExcitatory(post) ? 1 : .5;
      if (std::abs(post - pre) > 255)
        expected += c * std::exp(-std::pow((post - pre) / lambda, 2));
    }
    for (const Synapse &s : row)
      hits += std::abs(int64_t(s.target) - pre) > 255;
  });
  EXPECT_NEAR(hits, expected, 5 * std::sqrt(expected));
  // The estimate averages over E/I labellings; this one is a single draw.
  double total = checkAllRows(e);
  EXPECT_NEAR(total, e.expectedSynapses(), 0.01 * total);
}

TEST(ReservoirDistance, PairIndicesSelectC) {
  // Only connections into excitatory neurons (EE and IE), then only out of
  // inhibitory ones (IE and II).
  Expander toE(distanceSpec(10, 10, 10, 2.0, {.5, 0, .5, 0}));
  Expander fromI(distanceSpec(10, 10, 10, 2.0, {0, 0, .5, .5}));
  double nToE = 0, nFromI = 0;
  forEachRow(toE, [&](int64_t, const std::vector<Synapse> &row) {
    nToE += double(row.size());
    for (const Synapse &s : row)
      EXPECT_TRUE(toE.isExcitatory(s.target));
  });
  forEachRow(fromI, [&](int64_t pre, const std::vector<Synapse> &row) {
    nFromI += double(row.size());
    EXPECT_TRUE(!fromI.isExcitatory(pre) || row.empty());
  });
  EXPECT_TRUE(nToE > 1000 && nFromI > 200) << nToE << " " << nFromI;
  // lambda^2 underflows to 0: only autapses (D = 0, so P = c = 1) connect.
  Spec tiny = distanceSpec(10, 10, 10, 1e-200, {1, 1, 1, 1});
  tiny.allowSelfConnections = true;
  EXPECT_EQ(checkAllRows(Expander(tiny)), 1000);
}

TEST(ReservoirValidate, RejectsEachInvalidField) {
  EXPECT_EQ(validate(fixedSpec(10, 0.5)), "");
  EXPECT_EQ(validate(distanceSpec(2, 3, 4, 1.5, {0, .1, 1, .5})), "");
  auto expectError = [](const Spec &spec, const std::string &needle) {
    std::string err = validate(spec);
    EXPECT_NE(err.find(needle), std::string::npos)
        << "expected '" << needle << "' in '" << err << "'";
  };
  const double nan = std::nan("");
  expectError(fixedSpec(-3, 0.1), "size must be positive (got -3)");
  expectError(fixedSpec(int64_t(1) << 32, 0.1), "size must be below 2^32");
  Spec s = fixedSpec(10, 0.1);
  s.excitatoryFraction = 1.5;
  expectError(s, "excitatory_fraction must lie in [0, 1] (got 1.5)");
  s.excitatoryFraction = nan;
  expectError(s, "excitatory_fraction");
  expectError(fixedSpec(10, 2.0), "p must lie in [0, 1] (got 2)");
  expectError(fixedSpec(10, -0.5), "p must lie in [0, 1]");
  expectError(fixedSpec(10, nan), "p must lie in [0, 1]");
  expectError(distanceSpec(2, 2, 2, 1, {-0.1, 0, 0, 0}),
              "c_ee must lie in [0, 1] (got -0.1)");
  expectError(distanceSpec(2, 2, 2, 1, {0, 0, 0, 1.5}), "c_ii");
  expectError(distanceSpec(2, 2, 2, 0, {0, 0, 0, 0}), "lambda");
  expectError(distanceSpec(2, 2, 2, INFINITY, {0, 0, 0, 0}), "lambda");
  s = distanceSpec(10, 10, 10, 1, {0, 0, 0, 0});
  s.size = 999;
  expectError(s, "grid 10x10x10 holds 1000 neurons but size is 999");
  s = distanceSpec(10, 10, 10, 1, {0, 0, 0, 0});
  s.rule.grid[1] = 0;
  expectError(s, "grid y extent must be positive");
  s = fixedSpec(10, 0.1);
  s.weights[kEI] = {WeightDist::Kind::Uniform, 2.0, 1.0};
  expectError(s, "weight_ei: uniform weight distribution needs low <= high");
  s.weights[kEI] = {WeightDist::Kind::Normal, 1.0, -1.0};
  expectError(s, "weight_ei: normal weight distribution needs stddev >= 0");
  s.weights[kEI] = {WeightDist::Kind::LogNormal, 1.0, -1.0};
  expectError(s, "lognormal weight distribution needs stddev >= 0");
  s.weights[kEI] = {WeightDist::Kind::Constant, nan, 0.0};
  expectError(s, "weight_ei parameters must be finite");
}

} // namespace
