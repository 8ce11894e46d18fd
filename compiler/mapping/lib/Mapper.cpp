//===- Mapper.cpp - Partition, place and route a network in one call ------===//

#include "snnc/mapping/Mapper.h"
#include "snnc/mapping/RouteCheck.h"
#include "snnc/mapping/TrafficAnalysis.h"

#include <chrono>
#include <set>

namespace snnc::mapping {

namespace {

class Stopwatch {
public:
  double lap() {
    auto now = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(now - last).count();
    last = now;
    return s;
  }

private:
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
};

void fillResourceUse(MappingReport &report, const Partition &partition,
                     const SliceGraph &sliceGraph) {
  uint32_t n = partition.numSlices();
  std::vector<double> neurons(n), synapses(n);
  for (uint32_t s = 0; s < n; ++s) {
    neurons[s] = double(partition.slices[s].count);
    synapses[s] = double(sliceGraph.refinedStats[s].synapses);
  }
  report.neuronsPerPe = Spread::of(neurons);
  report.synapsesPerPe = Spread::of(synapses);
  std::vector<double> use(n);
  for (uint32_t l = 0; l < partition.limits.size(); ++l) {
    const ResourceLimit &limit = partition.limits[l];
    for (uint32_t s = 0; s < n; ++s)
      use[s] = partition.usage(s, l, sliceGraph.refinedStats[s]);
    LimitUse lu{limit.name, limit.unit, limit.capacity, Spread::of(use)};
    if (limit.name == "max_neurons_per_pe")
      report.neuronLimitPerPe = uint32_t(limit.capacity);
    if (limit.name == "sram_bytes_per_pe") {
      report.sramBytesPerPe = lu.use;
      report.sramBytesLimitPerPe = limit.capacity;
    }
    if (limit.name == "step_cycle_budget") {
      report.cyclesPerPe = lu.use;
      report.cycleBudgetPerPe = limit.capacity;
    }
    report.limits.push_back(std::move(lu));
  }
}

} // namespace

MappingResult mapNetwork(const MappingGraph &graph, const TargetModel &target,
                         const MappingOptions &options) {
  ManyCoreResourceModel model(target);
  return mapNetwork(graph, target, model, options);
}

MappingResult mapNetwork(const MappingGraph &graph, const TargetModel &target,
                         const ResourceModel &model,
                         const MappingOptions &options) {
  Stopwatch clock;
  MappingResult r;
  MappingReport &rep = r.report;
  StageTimes &sec = rep.seconds;

  graph.validate();
  Topology topology(target);
  FanInTable fanIn(graph);
  r.partition = partitionGraph(
      graph, fanIn, model, topology.numPes(),
      options.sliceSizes.empty() ? nullptr : &options.sliceSizes);
  sec.partition = clock.lap();
  rep.target = target.name;
  rep.populations = uint32_t(graph.populations.size());
  rep.neurons = graph.totalNeurons();
  rep.pesUsed = r.partition.numSlices();
  rep.pesAvailable = topology.numPes();
  if (options.stopAfter == MappingStage::Partition)
    return r;

  r.sliceGraph = buildSliceGraph(graph, r.partition);
  sec.sliceGraph = clock.lap();

  if (options.peOfSlice.empty()) {
    GroupingOptions grouping = options.grouping;
    grouping.seed = options.seed;
    r.grouping = groupSlices(r.sliceGraph, topology.pesPerChip(), grouping);
    sec.grouping = clock.lap();
    PlaceOptions place = options.place;
    place.seed = options.seed;
    r.placement = placeSlices(r.sliceGraph, topology, r.grouping, place);
  } else {
    if (options.peOfSlice.size() != r.partition.numSlices())
      throw MappingError(MappingErrorKind::InvalidGraph, "placement", "slices",
                         options.peOfSlice.size(), r.partition.numSlices(),
                         "the placement names " +
                             std::to_string(options.peOfSlice.size()) +
                             " PEs for " +
                             std::to_string(r.partition.numSlices()) +
                             " slices");
    std::vector<bool> used(topology.numPes(), false);
    for (uint32_t pe : options.peOfSlice) {
      if (pe >= topology.numPes() || used[pe])
        throw MappingError(MappingErrorKind::InvalidGraph, "placement", "PE",
                           pe, topology.numPes(),
                           "the placement uses PE " + std::to_string(pe) +
                               (pe >= topology.numPes() ? ", beyond the "
                                                          "machine's PEs"
                                                        : " twice"));
      used[pe] = true;
    }
    r.placement.peOfSlice = options.peOfSlice;
    r.placement.initialCost = r.placement.finalCost =
        placementCost(r.sliceGraph, topology, r.placement.peOfSlice);
  }
  sec.placement = clock.lap();
  if (options.stopAfter == MappingStage::Place) {
    rep.placementInitialCost = r.placement.initialCost;
    rep.placementFinalCost = r.placement.finalCost;
    rep.groupCutTraffic = r.grouping.cutTraffic;
    return r;
  }

  r.keys = allocateKeys(r.partition, r.placement.peOfSlice, topology,
                        target.packetKeyBits);
  r.destinations =
      sliceDestinations(r.sliceGraph, r.placement.peOfSlice, topology.numPes());
  rep.exactDeliveries = r.destinations.total();
  RoutingTables raw = buildRoutingTables(r.destinations, r.placement.peOfSlice,
                                         topology, r.keys);
  sec.routing = clock.lap();

  bool defaultRoute = topology.routerDefaultRoute();
  uint32_t limit = target.routingEntriesPerRouter;
  r.tables = compressRoutingTables(raw, defaultRoute, &rep.routing);
  if (rep.routing.maxAfter > limit) {
    Destinations wide = widenDestinations(r.sliceGraph, r.partition,
                                          r.placement.peOfSlice, topology);
    raw = buildRoutingTables(wide, r.placement.peOfSlice, topology, r.keys);
    CompressionStats stats;
    RoutingTables tables = compressRoutingTables(raw, defaultRoute, &stats);
    if (stats.maxAfter < rep.routing.maxAfter) {
      r.destinations = std::move(wide);
      r.tables = std::move(tables);
      rep.routing = stats;
      rep.widenedDestinations = true;
    }
  }
  raw = RoutingTables();
  rep.routedDeliveries = r.destinations.total();
  checkTableLimits(r.tables, topology, limit);
  sec.compression = clock.lap();

  if (options.verifyRouting)
    verifyRouting(r.tables, topology, r.destinations, r.placement.peOfSlice,
                  r.keys, defaultRoute);
  sec.verification = clock.lap();

  rep.target = target.name;
  rep.populations = uint32_t(graph.populations.size());
  rep.neurons = graph.totalNeurons();
  for (const SliceStats &s : r.sliceGraph.refinedStats)
    rep.synapses += s.synapses;
  rep.pesUsed = r.partition.numSlices();
  rep.pesAvailable = topology.numPes();
  std::set<uint32_t> chips;
  for (uint32_t pe : r.placement.peOfSlice)
    chips.insert(topology.pe(pe).chip);
  rep.chipsUsed = uint32_t(chips.size());
  rep.chipsAvailable = topology.numChips();
  fillResourceUse(rep, r.partition, r.sliceGraph);
  rep.routingEntryLimit = target.routingEntriesPerRouter;
  rep.keyNeuronBits = r.keys.neuronBits;
  rep.topologicalKeys = r.keys.topological;
  rep.traffic = analyseTraffic(r.sliceGraph, topology, r.placement.peOfSlice,
                               &r.destinations);
  rep.groupCutTraffic = r.grouping.cutTraffic;
  rep.placementInitialCost = r.placement.initialCost;
  rep.placementFinalCost = r.placement.finalCost;
  sec.analysis = clock.lap();
  sec.total = sec.partition + sec.sliceGraph + sec.grouping + sec.placement +
              sec.routing + sec.compression + sec.verification + sec.analysis;
  return r;
}

} // namespace snnc::mapping
