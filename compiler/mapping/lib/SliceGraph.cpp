//===- SliceGraph.cpp - Expected spike traffic between slices -------------===//
//
// One pass over the source neurons of each population, slice by slice. A
// dense accumulator indexed by target slice (reset lazily with a stamp)
// collects the traffic of the current source slice; stamps per target slice
// tell whether a neuron already reached it, so each neuron counts once per
// target slice however many synapses it has there. Memory is O(slices) plus
// one neuron-to-slice array per population.
//
//===----------------------------------------------------------------------===//

#include "snnc/mapping/SliceGraph.h"
#include "snnc/mapping/MappingError.h"

#include "Random.h"

#include <algorithm>

namespace snnc::mapping {

namespace {

/// Lazily built neuron -> global slice maps, one per population.
class SliceLookup {
public:
  explicit SliceLookup(const Partition &partition)
      : partition(partition), maps(partition.populationBegin.empty()
                                       ? 0
                                       : partition.populationBegin.size() - 1) {
  }

  const std::vector<uint32_t> &of(uint32_t population) {
    std::vector<uint32_t> &map = maps[population];
    if (map.empty()) {
      for (uint32_t s = partition.populationBegin[population];
           s < partition.populationBegin[population + 1]; ++s)
        map.insert(map.end(), partition.slices[s].count, s);
    }
    return map;
  }

private:
  const Partition &partition;
  std::vector<std::vector<uint32_t>> maps;
};

/// Builds out-lists and the symmetrised adjacency from per-source edges
/// already sorted by (source, target) and free of duplicates.
void finishAdjacency(SliceGraph &g) {
  uint32_t n = g.numSlices;
  std::vector<uint64_t> inBegin(n + 1, 0);
  for (uint32_t t : g.outTarget)
    ++inBegin[t + 1];
  for (uint32_t v = 0; v < n; ++v)
    inBegin[v + 1] += inBegin[v];
  std::vector<uint32_t> inSource(g.outTarget.size());
  std::vector<float> inPackets(g.outTarget.size());
  {
    std::vector<uint64_t> fill(inBegin.begin(), inBegin.end() - 1);
    for (uint32_t s = 0; s < n; ++s)
      for (uint64_t e = g.outBegin[s]; e < g.outBegin[s + 1]; ++e) {
        uint64_t at = fill[g.outTarget[e]]++;
        inSource[at] = s;
        inPackets[at] = g.outPackets[e];
      }
  }
  g.adjBegin.assign(n + 1, 0);
  g.adjNode.clear();
  g.adjWeight.clear();
  g.adjNode.reserve(g.outTarget.size());
  g.adjWeight.reserve(g.outTarget.size());
  for (uint32_t u = 0; u < n; ++u) {
    uint64_t i = g.outBegin[u], ie = g.outBegin[u + 1];
    uint64_t j = inBegin[u], je = inBegin[u + 1];
    while (i < ie || j < je) {
      uint32_t v;
      double w = 0;
      if (j >= je || (i < ie && g.outTarget[i] < inSource[j])) {
        v = g.outTarget[i];
        w = g.outPackets[i++];
      } else if (i >= ie || inSource[j] < g.outTarget[i]) {
        v = inSource[j];
        w = inPackets[j++];
      } else {
        v = g.outTarget[i];
        w = double(g.outPackets[i++]) + double(inPackets[j++]);
      }
      if (v == u)
        continue;
      g.adjNode.push_back(v);
      g.adjWeight.push_back(static_cast<float>(w));
    }
    g.adjBegin[u + 1] = g.adjNode.size();
  }
}

[[noreturn]] void badTarget(const MappingGraph &graph, uint32_t k, uint32_t pre,
                            uint32_t target) {
  const Projection &pr = graph.projections[k];
  std::string name = pr.name.empty() ? "#" + std::to_string(k) : pr.name;
  throw MappingError(
      MappingErrorKind::InvalidGraph, "projection " + name, "graph", 0, 0,
      "projection '" + name + "': source neuron " + std::to_string(pre) +
          " has a synapse onto neuron " + std::to_string(target) + " of a " +
          std::to_string(graph.populations[pr.target].size) + "-neuron target");
}

} // namespace

double SliceGraph::totalTraffic() const {
  double sum = 0;
  for (float p : outPackets)
    sum += p;
  return sum;
}

SliceGraph SliceGraph::fromEdges(uint32_t numSlices,
                                 std::vector<SliceEdge> edges) {
  std::sort(
      edges.begin(), edges.end(), [](const SliceEdge &a, const SliceEdge &b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
      });
  SliceGraph g;
  g.numSlices = numSlices;
  g.outBegin.assign(numSlices + 1, 0);
  g.packetsEmitted.assign(numSlices, 0);
  for (size_t i = 0; i < edges.size();) {
    SliceEdge e = edges[i++];
    while (i < edges.size() && edges[i].source == e.source &&
           edges[i].target == e.target)
      e.packets += edges[i++].packets;
    g.outTarget.push_back(e.target);
    g.outPackets.push_back(static_cast<float>(e.packets));
    ++g.outBegin[e.source + 1];
    // Without neuron data, a multicast carries at least its largest edge.
    g.packetsEmitted[e.source] =
        std::max(g.packetsEmitted[e.source], e.packets);
  }
  for (uint32_t s = 0; s < numSlices; ++s)
    g.outBegin[s + 1] += g.outBegin[s];
  finishAdjacency(g);
  return g;
}

SliceGraph buildSliceGraph(const MappingGraph &graph,
                           const Partition &partition) {
  uint32_t n = partition.numSlices();
  uint32_t numPops = static_cast<uint32_t>(graph.populations.size());
  SliceGraph g;
  g.numSlices = n;
  g.outBegin.assign(n + 1, 0);
  g.packetsEmitted.assign(n, 0);
  g.refinedStats = partition.stats;

  // Exact projections replace the partitioner's row bound by a count.
  std::vector<uint8_t> exact(graph.projections.size(), 0);
  for (size_t k = 0; k < graph.projections.size(); ++k)
    exact[k] = graph.projections[k].rows ? 1 : 0;
  for (uint32_t t = 0; t < n; ++t)
    for (uint32_t i = partition.inputBegin[t]; i < partition.inputBegin[t + 1];
         ++i) {
      const SliceInput &in = partition.inputs[i];
      if (!exact[in.projection])
        continue;
      double p =
          graph.firingProbabilityOf(graph.projections[in.projection].source);
      g.refinedStats[t].rows -= in.rowsBound;
      g.refinedStats[t].rowEvents -= p * double(in.rowsBound);
    }

  std::vector<std::vector<uint32_t>> outgoing(numPops);
  for (uint32_t k = 0; k < graph.projections.size(); ++k)
    outgoing[graph.projections[k].source].push_back(k);

  SliceLookup lookup(partition);
  std::vector<double> acc(n, 0.0);
  std::vector<uint32_t> accStamp(n, UINT32_MAX);
  std::vector<uint64_t> rowStamp(n, 0), neuronStamp(n, 0);
  uint64_t rowMarker = 0, neuronMarker = 0;
  std::vector<uint32_t> touched, row;

  for (uint32_t sp = 0; sp < numPops; ++sp) {
    if (outgoing[sp].empty())
      continue;
    double p = graph.firingProbabilityOf(sp);
    for (uint32_t s = partition.populationBegin[sp];
         s < partition.populationBegin[sp + 1]; ++s) {
      const Slice &src = partition.slices[s];
      touched.clear();
      auto add = [&](uint32_t t, double packets) {
        if (accStamp[t] != s) {
          accStamp[t] = s;
          acc[t] = 0;
          touched.push_back(t);
        }
        acc[t] += packets;
      };
      uint64_t senders = 0;
      for (uint32_t i = src.first; i < src.first + src.count; ++i) {
        ++neuronMarker;
        bool sends = false;
        for (uint32_t k : outgoing[sp]) {
          const Projection &pr = graph.projections[k];
          if (!pr.rows) {
            sends = sends || pr.rowLengths.empty() || pr.rowLengths[i] > 0;
            continue;
          }
          const std::vector<uint32_t> &sliceOf = lookup.of(pr.target);
          ++rowMarker;
          pr.rows(i, row);
          sends = sends || !row.empty();
          for (uint32_t j : row) {
            if (j >= sliceOf.size())
              badTarget(graph, k, i, j);
            uint32_t t = sliceOf[j];
            if (rowStamp[t] != rowMarker) {
              rowStamp[t] = rowMarker;
              ++g.refinedStats[t].rows;
              g.refinedStats[t].rowEvents += p;
            }
            if (neuronStamp[t] != neuronMarker) {
              neuronStamp[t] = neuronMarker;
              add(t, p);
            }
          }
        }
        senders += sends ? 1 : 0;
      }
      g.packetsEmitted[s] = p * double(senders);

      // Projections without rows: sources pick targets uniformly, so the
      // synapses from s into t are E(t) x (share of the source's synapses
      // that s holds), and Poisson thinning gives the distinct senders.
      for (uint32_t k : outgoing[sp]) {
        const Projection &pr = graph.projections[k];
        if (pr.rows)
          continue;
        double share, slicesenders;
        if (!pr.rowLengths.empty()) {
          uint64_t total = 0, mine = 0, nonZero = 0;
          for (uint32_t r : pr.rowLengths)
            total += r;
          for (uint32_t i = src.first; i < src.first + src.count; ++i) {
            mine += pr.rowLengths[i];
            nonZero += pr.rowLengths[i] > 0;
          }
          share = total ? double(mine) / double(total) : 0.0;
          slicesenders = double(nonZero);
        } else {
          share = double(src.count) / double(graph.populations[sp].size);
          slicesenders = double(src.count);
        }
        if (share <= 0 || slicesenders <= 0)
          continue;
        for (uint32_t t = partition.populationBegin[pr.target];
             t < partition.populationBegin[pr.target + 1]; ++t) {
          uint64_t synapses = 0;
          for (uint32_t i = partition.inputBegin[t];
               i < partition.inputBegin[t + 1]; ++i)
            if (partition.inputs[i].projection == k)
              synapses += partition.inputs[i].synapses;
          double expected = double(synapses) * share;
          if (expected <= 0)
            continue;
          double reached =
              slicesenders * (1.0 - detail::detExp(-expected / slicesenders));
          add(t, p * reached);
        }
      }

      // Targets ascending: a stamp scan beats sorting when most slices
      // were touched (dense, reservoir-like graphs).
      if (touched.size() * 16 > n) {
        for (uint32_t t = 0; t < n; ++t)
          if (accStamp[t] == s) {
            g.outTarget.push_back(t);
            g.outPackets.push_back(static_cast<float>(acc[t]));
          }
      } else {
        std::sort(touched.begin(), touched.end());
        for (uint32_t t : touched) {
          g.outTarget.push_back(t);
          g.outPackets.push_back(static_cast<float>(acc[t]));
        }
      }
      g.outBegin[s + 1] = touched.size();
    }
  }
  for (uint32_t s = 0; s < n; ++s)
    g.outBegin[s + 1] += g.outBegin[s];
  finishAdjacency(g);
  return g;
}

} // namespace snnc::mapping
