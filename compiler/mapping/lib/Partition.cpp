//===- Partition.cpp - Split populations into per-PE slices ---------------===//
//
// For each population, per incoming projection, a prefix sum of fan-in turns
// the figures of any candidate slice [a, b) into O(projections) arithmetic.
// A slice grows neuron by neuron while every limit holds; each neuron is
// tried once per slice boundary, so the whole cut is linear.
//
//===----------------------------------------------------------------------===//

#include "snnc/mapping/Partition.h"
#include "snnc/mapping/MappingError.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace snnc::mapping {

namespace {

/// Everything needed to evaluate candidate slices of one population.
struct PopulationScan {
  std::vector<uint32_t> projections;
  std::vector<std::vector<uint64_t>> prefix;
  std::vector<double> sourceProbability;
  std::vector<uint64_t> sourceNeurons;

  SliceStats stats(uint32_t a, uint32_t b) const {
    SliceStats s;
    s.neurons = b - a;
    for (size_t k = 0; k < projections.size(); ++k) {
      uint64_t e = prefix[k][b] - prefix[k][a];
      uint64_t r = std::min(e, sourceNeurons[k]);
      s.synapses += e;
      s.events += sourceProbability[k] * double(e);
      s.rows += r;
      s.rowEvents += sourceProbability[k] * double(r);
    }
    return s;
  }
};

/// Index of the first limit `s` breaks, or -1.
int firstBrokenLimit(const std::vector<ResourceLimit> &limits,
                     const std::vector<ResourceCost> &costs,
                     const SliceStats &s) {
  for (size_t i = 0; i < limits.size(); ++i) {
    // The tolerance only absorbs rounding of sums that land on the limit.
    double cap = limits[i].capacity;
    if (evaluateCost(costs[i], s) > cap + 1e-9 * std::fabs(cap))
      return static_cast<int>(i);
  }
  return -1;
}

void checkCosts(const std::vector<ResourceCost> &costs,
                const std::vector<ResourceLimit> &limits,
                const std::string &population) {
  bool ok = costs.size() == limits.size();
  for (const ResourceCost &c : costs)
    for (double v : {c.fixed, c.perNeuron, c.perSynapse, c.perEvent, c.perRow,
                     c.perRowEvent})
      ok = ok && std::isfinite(v) && v >= 0;
  if (!ok)
    throw MappingError(
        MappingErrorKind::InvalidTarget, population, "resource model", 0, 0,
        "resource model: the costs of population '" + population +
            "' must be finite, non-negative and one per limit");
}

[[noreturn]] void neuronDoesNotFit(const Population &pop, uint32_t neuron,
                                   const ResourceLimit &limit, double needed,
                                   const SliceStats &s) {
  throw MappingError(MappingErrorKind::NeuronDoesNotFit, pop.name, limit.name,
                     needed, limit.capacity,
                     "population '" + pop.name + "': neuron " +
                         std::to_string(neuron) + " alone needs " +
                         formatNumber(needed) + " " + limit.unit + " of " +
                         limit.name + " (fan-in " + std::to_string(s.synapses) +
                         " synapses), but one PE offers " +
                         formatNumber(limit.capacity) + " " + limit.unit);
}

[[noreturn]] void notEnoughPes(const MappingGraph &graph,
                               const Partition &partition, uint64_t available) {
  std::vector<uint32_t> order(graph.populations.size());
  std::iota(order.begin(), order.end(), 0);
  auto slicesOf = [&](uint32_t p) {
    return partition.populationBegin[p + 1] - partition.populationBegin[p];
  };
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return slicesOf(a) > slicesOf(b);
  });
  std::string names, detail;
  for (size_t i = 0; i < order.size() && i < 5; ++i) {
    const Population &pop = graph.populations[order[i]];
    if (slicesOf(order[i]) == 0)
      break;
    names += (i ? ", " : "") + pop.name;
    detail += std::string(i ? ", " : "") + "'" + pop.name + "' " +
              std::to_string(slicesOf(order[i])) + " PEs (" +
              std::to_string(pop.size) + " neurons)";
  }
  if (order.size() > 5)
    detail += ", ...";
  double needed = double(partition.numSlices());
  throw MappingError(
      MappingErrorKind::NotEnoughPes, names, "PEs", needed, double(available),
      "the network needs " + formatNumber(needed) +
          " PEs but the machine offers " + formatNumber(double(available)) +
          "; largest: " + detail);
}

} // namespace

uint32_t Partition::sliceOf(uint32_t population, uint32_t neuron) const {
  auto begin = slices.begin() + populationBegin[population];
  auto end = slices.begin() + populationBegin[population + 1];
  auto it =
      std::upper_bound(begin, end, neuron,
                       [](uint32_t n, const Slice &s) { return n < s.first; });
  return static_cast<uint32_t>((it - slices.begin()) - 1);
}

Partition partitionGraph(const MappingGraph &graph, const FanInTable &fanIn,
                         const ResourceModel &model, uint64_t availablePes,
                         const std::vector<std::vector<uint32_t>> *sliceSizes) {
  graph.validate();
  if (sliceSizes && sliceSizes->size() != graph.populations.size())
    throw MappingError(MappingErrorKind::InvalidGraph, "slices", "populations",
                       sliceSizes->size(), graph.populations.size(),
                       "slice sizes are given for " +
                           std::to_string(sliceSizes->size()) +
                           " populations but the network has " +
                           std::to_string(graph.populations.size()));
  Partition out;
  out.limits = model.limits();
  uint32_t numPops = static_cast<uint32_t>(graph.populations.size());
  std::vector<std::vector<uint32_t>> incoming(numPops);
  for (uint32_t k = 0; k < graph.projections.size(); ++k)
    incoming[graph.projections[k].target].push_back(k);

  out.populationBegin.assign(numPops + 1, 0);
  out.inputBegin.push_back(0);
  for (uint32_t p = 0; p < numPops; ++p) {
    const Population &pop = graph.populations[p];
    PopulationContext context;
    PopulationScan scan;
    scan.projections = incoming[p];
    for (uint32_t k : incoming[p]) {
      const Projection &pr = graph.projections[k];
      context.maxIncomingDelay =
          std::max(context.maxIncomingDelay, pr.maxDelay);
      const std::vector<uint32_t> &fan = fanIn.fanInOf(k);
      std::vector<uint64_t> prefix(pop.size + 1, 0);
      for (uint32_t j = 0; j < pop.size; ++j)
        prefix[j + 1] = prefix[j] + fan[j];
      scan.prefix.push_back(std::move(prefix));
      scan.sourceProbability.push_back(graph.firingProbabilityOf(pr.source));
      uint64_t senders = graph.populations[pr.source].size;
      if (!pr.rowLengths.empty())
        senders =
            uint64_t(std::count_if(pr.rowLengths.begin(), pr.rowLengths.end(),
                                   [](uint32_t r) { return r > 0; }));
      scan.sourceNeurons.push_back(senders);
    }
    std::vector<ResourceCost> costs = model.costsFor(pop, context);
    checkCosts(costs, out.limits, pop.name);

    out.populationBegin[p] = out.numSlices();
    uint32_t a = 0;
    size_t given = 0;
    while (a < pop.size) {
      SliceStats one = scan.stats(a, a + 1);
      int broken = firstBrokenLimit(out.limits, costs, one);
      if (broken >= 0)
        neuronDoesNotFit(pop, a, out.limits[broken],
                         evaluateCost(costs[broken], one), one);
      uint32_t b = a + 1;
      SliceStats best = one;
      if (sliceSizes) {
        const std::vector<uint32_t> &sizes = (*sliceSizes)[p];
        uint64_t end = given < sizes.size() ? uint64_t(a) + sizes[given] : 0;
        if (given >= sizes.size() || sizes[given] == 0 || end > pop.size)
          throw MappingError(MappingErrorKind::InvalidGraph, pop.name,
                             "slices", end, pop.size,
                             "the given slices of population '" + pop.name +
                                 "' do not tile its " +
                                 std::to_string(pop.size) + " neurons");
        ++given;
        b = static_cast<uint32_t>(end);
        best = scan.stats(a, b);
        int over = firstBrokenLimit(out.limits, costs, best);
        if (over >= 0)
          throw MappingError(
              MappingErrorKind::NeuronDoesNotFit, pop.name,
              out.limits[over].name, evaluateCost(costs[over], best),
              out.limits[over].capacity,
              "slice [" + std::to_string(a) + ", " + std::to_string(b) +
                  ") of population '" + pop.name + "' needs " +
                  formatNumber(evaluateCost(costs[over], best)) + " " +
                  out.limits[over].unit + " of " + out.limits[over].name +
                  " but a PE has " +
                  formatNumber(out.limits[over].capacity));
      } else {
        while (b < pop.size) {
          SliceStats next = scan.stats(a, b + 1);
          if (firstBrokenLimit(out.limits, costs, next) >= 0)
            break;
          best = next;
          ++b;
        }
      }
      out.slices.push_back({p, a, b - a});
      out.stats.push_back(best);
      for (size_t k = 0; k < scan.projections.size(); ++k) {
        uint64_t e = scan.prefix[k][b] - scan.prefix[k][a];
        out.inputs.push_back(
            {scan.projections[k], e, std::min(e, scan.sourceNeurons[k])});
      }
      out.inputBegin.push_back(static_cast<uint32_t>(out.inputs.size()));
      a = b;
    }
    if (sliceSizes && given != (*sliceSizes)[p].size())
      throw MappingError(MappingErrorKind::InvalidGraph, pop.name, "slices",
                         (*sliceSizes)[p].size(), given,
                         "population '" + pop.name + "' has " +
                             std::to_string((*sliceSizes)[p].size()) +
                             " given slices but its neurons end after " +
                             std::to_string(given));
    out.populationCosts.push_back(std::move(costs));
  }
  out.populationBegin[numPops] = out.numSlices();
  if (out.numSlices() > availablePes)
    notEnoughPes(graph, out, availablePes);
  return out;
}

} // namespace snnc::mapping
