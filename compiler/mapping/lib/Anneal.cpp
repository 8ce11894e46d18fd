//===- Anneal.cpp - Simulated-annealing refinement of a placement ---------===//
//
// A move takes a random slice to a random PE (usually on its own chip) and
// swaps it with that PE's slice, if any. Its cost change needs only the two
// slices' neighbour lists. The temperature starts where an average uphill
// move is accepted with a set probability (low: the start is already a good
// METIS-based placement) and decays geometrically by 10^4 over the run. The
// result never ends worse than the start: if it did, the start is kept.
//
//===----------------------------------------------------------------------===//

#include "snnc/mapping/Placement.h"

#include "Random.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace snnc::mapping {

namespace {

/// Flat per-PE copies of the topology for the inner loop.
struct HopTable {
  explicit HopTable(const Topology &topo)
      : chips(topo.numChips()), weight(topo.interChipHopWeight()),
        chipOf(topo.numPes()), qx(topo.numPes()), qy(topo.numPes()),
        chipDist(size_t(chips) * chips) {
    for (uint32_t p = 0; p < topo.numPes(); ++p) {
      chipOf[p] = topo.pe(p).chip;
      qx[p] = topo.pe(p).qx;
      qy[p] = topo.pe(p).qy;
    }
    for (uint32_t a = 0; a < chips; ++a)
      for (uint32_t b = 0; b < chips; ++b)
        chipDist[size_t(a) * chips + b] = weight * topo.chipHops(a, b);
  }

  double operator()(uint32_t a, uint32_t b) const {
    return double(std::abs(qx[a] - qx[b]) + std::abs(qy[a] - qy[b])) +
           chipDist[size_t(chipOf[a]) * chips + chipOf[b]];
  }

  uint32_t chips;
  double weight;
  std::vector<uint32_t> chipOf;
  std::vector<int32_t> qx, qy;
  std::vector<double> chipDist;
};

class Annealer {
public:
  Annealer(Placement &pl, const SliceGraph &g, const Topology &topo,
           const PlaceOptions &opt)
      : pl(pl), g(g), topo(topo), opt(opt), hop(topo),
        sliceAt(topo.numPes(), -1), rng(opt.seed ^ 0x5eed0f5a11ce5ULL) {
    for (uint32_t s = 0; s < g.numSlices; ++s)
      sliceAt[pl.peOfSlice[s]] = int64_t(s);
    std::vector<uint8_t> used(topo.numChips(), 0);
    for (uint32_t pe : pl.peOfSlice)
      used[topo.pe(pe).chip] = 1;
    for (uint32_t c = 0; c < topo.numChips(); ++c)
      if (used[c])
        usedChips.push_back(c);
  }

  void run() {
    uint32_t n = g.numSlices;
    double avgDegree = double(g.adjNode.size()) / n;
    double perMove = 2 * avgDegree + 2;
    uint64_t moves =
        std::min<uint64_t>(opt.maxMoves, uint64_t(opt.movesPerSlice) * n);
    moves = std::min<uint64_t>(
        moves, uint64_t(std::max(1.0, opt.workBudget / perMove)));
    double t0 = initialTemperature(std::min<uint64_t>(moves / 10 + 1, 2000));
    // No move changes the cost in the sample: plain descent.
    if (t0 <= 0)
      t0 = 1e-300;
    // ln(1e-4): the temperature falls by four decades over the run.
    double factor = detail::detExp(-9.210340371976184 / double(moves));
    double t = t0, work = 0;
    for (uint64_t k = 0; k < moves && work < opt.workBudget; ++k, t *= factor) {
      uint32_t u = rng.below(n);
      uint32_t q = pickTarget(u);
      ++pl.movesTried;
      if (q == pl.peOfSlice[u])
        continue;
      int64_t v = sliceAt[q];
      work += degree(u) + (v >= 0 ? degree(uint32_t(v)) : 0);
      double delta = deltaOf(u, q, v);
      if (delta <= 0 || rng.unit() < detail::detExp(-delta / t)) {
        apply(u, q, v);
        ++pl.movesAccepted;
      }
    }
  }

private:
  double degree(uint32_t u) const {
    return double(g.adjBegin[u + 1] - g.adjBegin[u]);
  }

  uint32_t pickTarget(uint32_t u) {
    uint32_t perChip = topo.pesPerChip();
    uint32_t chip = hop.chipOf[pl.peOfSlice[u]];
    if (usedChips.size() > 1 && rng.unit() >= opt.localMoveProbability)
      chip = usedChips[rng.below(uint32_t(usedChips.size()))];
    return chip * perChip + rng.below(perChip);
  }

  double deltaOf(uint32_t u, uint32_t q, int64_t v) const {
    uint32_t pu = pl.peOfSlice[u];
    double d = 0;
    for (uint64_t e = g.adjBegin[u]; e < g.adjBegin[u + 1]; ++e) {
      uint32_t x = g.adjNode[e];
      if (int64_t(x) == v)
        continue;
      uint32_t px = pl.peOfSlice[x];
      d += g.adjWeight[e] * (hop(q, px) - hop(pu, px));
    }
    if (v >= 0)
      for (uint64_t e = g.adjBegin[v]; e < g.adjBegin[v + 1]; ++e) {
        uint32_t x = g.adjNode[e];
        if (x == u)
          continue;
        uint32_t px = pl.peOfSlice[x];
        d += g.adjWeight[e] * (hop(pu, px) - hop(q, px));
      }
    return d;
  }

  void apply(uint32_t u, uint32_t q, int64_t v) {
    uint32_t pu = pl.peOfSlice[u];
    pl.peOfSlice[u] = q;
    sliceAt[q] = int64_t(u);
    sliceAt[pu] = v;
    if (v >= 0)
      pl.peOfSlice[v] = pu;
  }

  /// Temperature at which the mean uphill move of a random sample is
  /// accepted with probability PlaceOptions::initialAcceptance.
  double initialTemperature(uint64_t samples) {
    double sum = 0, sumAny = 0;
    uint64_t count = 0, countAny = 0;
    for (uint64_t i = 0; i < samples; ++i) {
      uint32_t u = rng.below(g.numSlices);
      uint32_t q = pickTarget(u);
      if (q == pl.peOfSlice[u])
        continue;
      double d = deltaOf(u, q, sliceAt[q]);
      if (d > 0) {
        sum += d;
        ++count;
      }
      if (d != 0) {
        sumAny += d < 0 ? -d : d;
        ++countAny;
      }
    }
    if (opt.initialAcceptance <= 0 || opt.initialAcceptance >= 1)
      return 0.0;
    // From a start where every sampled move improves, uphill moves are
    // judged by the typical size of a move instead.
    double typical = count      ? sum / double(count)
                     : countAny ? sumAny / double(countAny)
                                : 0.0;
    return typical / -detail::detLog(opt.initialAcceptance);
  }

  Placement &pl;
  const SliceGraph &g;
  const Topology &topo;
  const PlaceOptions &opt;
  HopTable hop;
  std::vector<int64_t> sliceAt;
  std::vector<uint32_t> usedChips;
  detail::Rng rng;
};

} // namespace

double placementCost(const SliceGraph &g, const Topology &topo,
                     const std::vector<uint32_t> &peOfSlice) {
  double cost = 0;
  for (uint32_t u = 0; u < g.numSlices; ++u)
    for (uint64_t e = g.adjBegin[u]; e < g.adjBegin[u + 1]; ++e)
      if (g.adjNode[e] > u)
        cost +=
            g.adjWeight[e] * topo.hops(peOfSlice[u], peOfSlice[g.adjNode[e]]);
  return cost;
}

void annealPlacement(Placement &placement, const SliceGraph &graph,
                     const Topology &topology, const PlaceOptions &options) {
  placement.initialCost = placementCost(graph, topology, placement.peOfSlice);
  placement.finalCost = placement.initialCost;
  if (!options.anneal || graph.numSlices < 2 || graph.adjNode.empty())
    return;
  std::vector<uint32_t> start = placement.peOfSlice;
  Annealer(placement, graph, topology, options).run();
  placement.finalCost = placementCost(graph, topology, placement.peOfSlice);
  if (placement.finalCost > placement.initialCost) {
    placement.peOfSlice = std::move(start);
    placement.finalCost = placement.initialCost;
  }
}

Placement placeSlices(const SliceGraph &graph, const Topology &topology,
                      const Grouping &grouping, const PlaceOptions &options) {
  Placement placement = initialPlacement(graph, topology, grouping);
  annealPlacement(placement, graph, topology, options);
  return placement;
}

} // namespace snnc::mapping
