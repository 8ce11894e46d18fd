//===- Grouping.cpp - Cut the slice graph into per-chip groups ------------===//

#include "snnc/mapping/Grouping.h"
#include "snnc/mapping/MappingError.h"

#include <metis.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace snnc::mapping {

namespace {

/// Undirected weight between u and v (0 if not adjacent).
double edgeWeight(const SliceGraph &g, uint32_t u, uint32_t v) {
  auto begin = g.adjNode.begin() + g.adjBegin[u];
  auto end = g.adjNode.begin() + g.adjBegin[u + 1];
  auto it = std::lower_bound(begin, end, v);
  if (it == end || *it != v)
    return 0;
  return g.adjWeight[it - g.adjNode.begin()];
}

/// METIS input: the symmetric union of every slice's `maxDegree` heaviest
/// edges, with integer weights scaled so that sums fit idx_t.
struct MetisGraph {
  std::vector<idx_t> xadj, adjncy, adjwgt;
};

MetisGraph buildMetisGraph(const SliceGraph &g, uint32_t maxDegree) {
  uint32_t n = g.numSlices;
  std::vector<uint64_t> pairs;
  std::vector<uint32_t> order;
  for (uint32_t u = 0; u < n; ++u) {
    uint64_t b = g.adjBegin[u], e = g.adjBegin[u + 1];
    order.resize(e - b);
    std::iota(order.begin(), order.end(), 0);
    if (order.size() > maxDegree) {
      auto heavier = [&](uint32_t x, uint32_t y) {
        float wx = g.adjWeight[b + x], wy = g.adjWeight[b + y];
        return wx != wy ? wx > wy : x < y;
      };
      std::nth_element(order.begin(), order.begin() + maxDegree, order.end(),
                       heavier);
      order.resize(maxDegree);
    }
    for (uint32_t i : order) {
      uint32_t v = g.adjNode[b + i];
      pairs.push_back(uint64_t(std::min(u, v)) << 32 | std::max(u, v));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  double maxW = 0, totalW = 0;
  std::vector<double> weight(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    weight[i] = edgeWeight(g, uint32_t(pairs[i] >> 32), uint32_t(pairs[i]));
    maxW = std::max(maxW, weight[i]);
    totalW += weight[i];
  }
  double scale = maxW > 0 ? std::min(1e6 / maxW, 5e8 / totalW) : 1.0;

  MetisGraph m;
  m.xadj.assign(n + 1, 0);
  for (uint64_t pr : pairs) {
    ++m.xadj[(pr >> 32) + 1];
    ++m.xadj[uint32_t(pr) + 1];
  }
  for (uint32_t u = 0; u < n; ++u)
    m.xadj[u + 1] += m.xadj[u];
  m.adjncy.resize(m.xadj[n]);
  m.adjwgt.resize(m.xadj[n]);
  std::vector<idx_t> fill(m.xadj.begin(), m.xadj.end() - 1);
  for (size_t i = 0; i < pairs.size(); ++i) {
    uint32_t a = uint32_t(pairs[i] >> 32), b = uint32_t(pairs[i]);
    idx_t w = static_cast<idx_t>(std::max(1.0, std::round(weight[i] * scale)));
    m.adjncy[fill[a]] = static_cast<idx_t>(b);
    m.adjwgt[fill[a]++] = w;
    m.adjncy[fill[b]] = static_cast<idx_t>(a);
    m.adjwgt[fill[b]++] = w;
  }
  return m;
}

std::vector<uint32_t> metisPartition(const SliceGraph &g, uint32_t parts,
                                     uint32_t capacity,
                                     const GroupingOptions &options) {
  uint32_t n = g.numSlices;
  MetisGraph m = buildMetisGraph(g, options.metisMaxDegree);
  std::vector<uint32_t> result(n);
  if (m.adjncy.empty()) {
    // Nothing to cut: contiguous runs keep neighbouring neurons together.
    for (uint32_t u = 0; u < n; ++u)
      result[u] = u / capacity;
    return result;
  }
  idx_t nvtxs = static_cast<idx_t>(n), ncon = 1;
  idx_t nparts = static_cast<idx_t>(parts), objval = 0;
  // Balance so that no part needs more than `capacity` slices; METIS may
  // still overshoot a little, which the repair step fixes.
  real_t ub = static_cast<real_t>(
      std::max(1.001, double(capacity) * parts / double(n)));
  idx_t opts[METIS_NOPTIONS];
  METIS_SetDefaultOptions(opts);
  opts[METIS_OPTION_SEED] = static_cast<idx_t>(options.seed % 2147483647ULL);
  opts[METIS_OPTION_NUMBERING] = 0;
  std::vector<idx_t> part(n, 0);
  // METIS' manual recommends recursive bisection for up to 8 parts.
  int rc =
      parts <= 8
          ? METIS_PartGraphRecursive(&nvtxs, &ncon, m.xadj.data(),
                                     m.adjncy.data(), nullptr, nullptr,
                                     m.adjwgt.data(), &nparts, nullptr, &ub,
                                     opts, &objval, part.data())
          : METIS_PartGraphKway(&nvtxs, &ncon, m.xadj.data(), m.adjncy.data(),
                                nullptr, nullptr, m.adjwgt.data(), &nparts,
                                nullptr, &ub, opts, &objval, part.data());
  if (rc != METIS_OK)
    throw MappingError(MappingErrorKind::PartitionerFailed, "METIS",
                       "return code", rc, METIS_OK,
                       "METIS failed to cut " + std::to_string(n) +
                           " slices into " + std::to_string(parts) +
                           " chips (return code " + std::to_string(rc) + ")");
  for (uint32_t u = 0; u < n; ++u) {
    if (part[u] < 0 || part[u] >= nparts)
      throw MappingError(MappingErrorKind::PartitionerFailed, "METIS",
                         "part index", double(part[u]), double(parts),
                         "METIS returned part " + std::to_string(part[u]) +
                             " outside [0, " + std::to_string(parts) + ")");
    result[u] = static_cast<uint32_t>(part[u]);
  }
  return result;
}

/// Greedy boundary refinement under a hard capacity per group.
class Refiner {
public:
  Refiner(const SliceGraph &g, std::vector<uint32_t> &part, uint32_t groups,
          uint32_t capacity)
      : g(g), part(part), groups(groups), capacity(capacity),
        conn(size_t(g.numSlices) * groups, 0.0), members(groups),
        position(g.numSlices) {
    double total = 0;
    for (uint32_t u = 0; u < g.numSlices; ++u) {
      position[u] = static_cast<uint32_t>(members[part[u]].size());
      members[part[u]].push_back(u);
      for (uint64_t e = g.adjBegin[u]; e < g.adjBegin[u + 1]; ++e) {
        conn[size_t(u) * groups + part[g.adjNode[e]]] += g.adjWeight[e];
        total += g.adjWeight[e];
      }
    }
    epsilon = 1e-9 * total / std::max<uint32_t>(1, g.numSlices) + 1e-300;
  }

  /// Moves the cheapest slices out of overfull groups.
  void repair() {
    for (uint32_t from = 0; from < groups; ++from)
      while (members[from].size() > capacity) {
        double bestGain = -HUGE_VAL;
        uint32_t bestU = 0, bestTo = 0;
        for (uint32_t u : members[from])
          for (uint32_t to = 0; to < groups; ++to) {
            if (to == from || members[to].size() >= capacity)
              continue;
            double gain = gainOf(u, to);
            if (gain > bestGain ||
                (gain == bestGain &&
                 (u < bestU || (u == bestU && to < bestTo)))) {
              bestGain = gain;
              bestU = u;
              bestTo = to;
            }
          }
        move(bestU, bestTo);
      }
  }

  /// One pass over all slices; returns the cut reduction.
  double refinePass() {
    double improved = 0;
    for (uint32_t u = 0; u < g.numSlices; ++u) {
      uint32_t from = part[u], to = from;
      double best = 0;
      for (uint32_t h = 0; h < groups; ++h) {
        double gain = gainOf(u, h);
        if (h != from && gain > best + epsilon) {
          best = gain;
          to = h;
        }
      }
      if (to == from)
        continue;
      if (members[to].size() < capacity) {
        move(u, to);
        improved += best;
        continue;
      }
      // `to` is full: swap with the member that gains most from leaving.
      double bestPair = epsilon;
      int64_t partner = -1;
      for (uint32_t v : members[to]) {
        double pair = best + gainOf(v, from) - 2 * edgeWeight(g, u, v);
        if (pair > bestPair) {
          bestPair = pair;
          partner = v;
        }
      }
      if (partner >= 0) {
        move(u, to);
        move(static_cast<uint32_t>(partner), from);
        improved += bestPair;
      }
    }
    return improved;
  }

private:
  double gainOf(uint32_t u, uint32_t to) const {
    const double *c = &conn[size_t(u) * groups];
    return c[to] - c[part[u]];
  }

  void move(uint32_t u, uint32_t to) {
    uint32_t from = part[u];
    std::vector<uint32_t> &src = members[from];
    uint32_t last = src.back();
    src[position[u]] = last;
    position[last] = position[u];
    src.pop_back();
    position[u] = static_cast<uint32_t>(members[to].size());
    members[to].push_back(u);
    part[u] = to;
    for (uint64_t e = g.adjBegin[u]; e < g.adjBegin[u + 1]; ++e) {
      double *c = &conn[size_t(g.adjNode[e]) * groups];
      c[from] -= g.adjWeight[e];
      c[to] += g.adjWeight[e];
    }
  }

  const SliceGraph &g;
  std::vector<uint32_t> &part;
  uint32_t groups, capacity;
  std::vector<double> conn;
  std::vector<std::vector<uint32_t>> members;
  std::vector<uint32_t> position;
  double epsilon = 0;
};

} // namespace

double groupCut(const SliceGraph &g, const std::vector<uint32_t> &groupOf) {
  double cut = 0;
  for (uint32_t u = 0; u < g.numSlices; ++u)
    for (uint64_t e = g.adjBegin[u]; e < g.adjBegin[u + 1]; ++e)
      if (g.adjNode[e] > u && groupOf[g.adjNode[e]] != groupOf[u])
        cut += g.adjWeight[e];
  return cut;
}

Grouping groupSlices(const SliceGraph &g, uint32_t capacity,
                     const GroupingOptions &options) {
  Grouping out;
  uint32_t n = g.numSlices;
  if (n == 0)
    return out;
  if (capacity == 0)
    throw MappingError(MappingErrorKind::InvalidTarget, "pes_per_chip",
                       "PEs per chip", 1, 0, "a chip must hold at least 1 PE");
  out.numGroups = (n + capacity - 1) / capacity;
  if (out.numGroups == 1) {
    out.groupOfSlice.assign(n, 0);
    return out;
  }
  out.groupOfSlice = metisPartition(g, out.numGroups, capacity, options);
  out.metisCutTraffic = groupCut(g, out.groupOfSlice);
  Refiner refiner(g, out.groupOfSlice, out.numGroups, capacity);
  refiner.repair();
  for (uint32_t pass = 0; pass < options.refinePasses; ++pass)
    if (refiner.refinePass() <= 0)
      break;
  out.cutTraffic = groupCut(g, out.groupOfSlice);
  return out;
}

} // namespace snnc::mapping
