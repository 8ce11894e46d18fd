//===- ReportAttr.cpp - The mapping report in the IR ----------------------===//
//
// Converts the mapper's MappingReport to #s2.mapping_report and back, field
// for field, so that the JSON written from the attribute is the JSON the
// mapper's own report gives.
//
//===----------------------------------------------------------------------===//

#include "ReportAttr.h"

using namespace mlir;
using namespace snnc;
using namespace snnc::spinnaker2;

namespace {

APFloat f64(double value) { return APFloat(value); }
double f64(const APFloat &value) { return value.convertToDouble(); }

SpreadAttr toAttr(MLIRContext *ctx, const mapping::Spread &s) {
  return SpreadAttr::get(ctx, f64(s.min), f64(s.mean), f64(s.max),
                         f64(s.total));
}

mapping::Spread fromAttr(SpreadAttr attr) {
  mapping::Spread s;
  s.min = f64(attr.getMin());
  s.mean = f64(attr.getMean());
  s.max = f64(attr.getMax());
  s.total = f64(attr.getTotal());
  return s;
}

} // namespace

MappingReportAttr snnc::mappingReportAttr(MLIRContext *ctx,
                                          const mapping::MappingReport &r) {
  SmallVector<LimitUseAttr> limits;
  for (const mapping::LimitUse &l : r.limits)
    limits.push_back(LimitUseAttr::get(ctx, l.name, l.unit, f64(l.capacity),
                                       toAttr(ctx, l.use)));
  auto perPe = PeUseAttr::get(
      ctx, toAttr(ctx, r.neuronsPerPe), r.neuronLimitPerPe,
      toAttr(ctx, r.synapsesPerPe), toAttr(ctx, r.sramBytesPerPe),
      f64(r.sramBytesLimitPerPe), toAttr(ctx, r.cyclesPerPe),
      f64(r.cycleBudgetPerPe), limits);
  const mapping::CompressionStats &c = r.routing;
  auto routing = RouteStatsAttr::get(
      ctx, c.routersUsed, r.routingEntryLimit, c.entriesBefore, c.maxBefore,
      c.entriesAfterDefaultRemoval, c.maxAfterDefaultRemoval, c.entriesAfter,
      c.maxAfter, r.widenedDestinations, r.exactDeliveries, r.routedDeliveries,
      r.keyNeuronBits, r.topologicalKeys);
  const mapping::TrafficStats &t = r.traffic;
  auto traffic = TrafficAttr::get(
      ctx, f64(t.totalTraffic), f64(t.packetsEmitted), f64(t.trafficHops),
      f64(t.trafficNocHops), f64(t.trafficChipHops), f64(t.maxLinkLoad),
      f64(t.maxNocLinkLoad), f64(t.maxChipLinkLoad), f64(r.groupCutTraffic),
      f64(r.placementInitialCost), f64(r.placementFinalCost));
  return MappingReportAttr::get(
      ctx, r.target, r.populations, r.neurons, r.synapses, r.pesUsed,
      r.pesAvailable, r.chipsUsed, r.chipsAvailable, perPe, routing, traffic);
}

mapping::MappingReport snnc::mappingReport(MappingReportAttr attr) {
  mapping::MappingReport r;
  r.target = attr.getTarget().str();
  r.populations = attr.getPopulations();
  r.neurons = attr.getNeurons();
  r.synapses = attr.getSynapses();
  r.pesUsed = attr.getPesUsed();
  r.pesAvailable = attr.getPesAvailable();
  r.chipsUsed = attr.getChipsUsed();
  r.chipsAvailable = attr.getChipsAvailable();

  PeUseAttr pe = attr.getPerPe();
  for (LimitUseAttr l : pe.getLimits())
    r.limits.push_back({l.getName().str(), l.getUnit().str(),
                        f64(l.getCapacity()), fromAttr(l.getUse())});
  r.neuronsPerPe = fromAttr(pe.getNeurons());
  r.synapsesPerPe = fromAttr(pe.getSynapses());
  r.sramBytesPerPe = fromAttr(pe.getSramBytes());
  r.cyclesPerPe = fromAttr(pe.getCyclesPerStep());
  r.neuronLimitPerPe = pe.getNeuronsLimit();
  r.sramBytesLimitPerPe = f64(pe.getSramBytesLimit());
  r.cycleBudgetPerPe = f64(pe.getCycleBudget());

  RouteStatsAttr routing = attr.getRouting();
  mapping::CompressionStats &c = r.routing;
  c.routersUsed = routing.getRoutersUsed();
  c.entriesBefore = routing.getEntriesBefore();
  c.maxBefore = routing.getMaxBefore();
  c.entriesAfterDefaultRemoval = routing.getEntriesAfterDefaultRemoval();
  c.maxAfterDefaultRemoval = routing.getMaxAfterDefaultRemoval();
  c.entriesAfter = routing.getEntriesAfter();
  c.maxAfter = routing.getMaxAfter();
  r.routingEntryLimit = routing.getEntryLimit();
  r.widenedDestinations = routing.getWidenedDestinations();
  r.exactDeliveries = routing.getExactDeliveries();
  r.routedDeliveries = routing.getRoutedDeliveries();
  r.keyNeuronBits = routing.getKeyNeuronBits();
  r.topologicalKeys = routing.getTopologicalKeys();

  TrafficAttr traffic = attr.getTraffic();
  mapping::TrafficStats &t = r.traffic;
  t.totalTraffic = f64(traffic.getTotal());
  t.packetsEmitted = f64(traffic.getPacketsEmitted());
  t.trafficHops = f64(traffic.getTrafficXHops());
  t.trafficNocHops = f64(traffic.getTrafficXNocHops());
  t.trafficChipHops = f64(traffic.getTrafficXChipHops());
  t.maxLinkLoad = f64(traffic.getMaxLinkLoad());
  t.maxNocLinkLoad = f64(traffic.getMaxNocLinkLoad());
  t.maxChipLinkLoad = f64(traffic.getMaxChipLinkLoad());
  r.groupCutTraffic = f64(traffic.getChipGroupCut());
  r.placementInitialCost = f64(traffic.getPlacementCostInitial());
  r.placementFinalCost = f64(traffic.getPlacementCostFinal());
  return r;
}
