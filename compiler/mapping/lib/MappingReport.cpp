//===- MappingReport.cpp - Resource use of a mapped network ---------------===//

#include "snnc/mapping/MappingReport.h"
#include "snnc/mapping/MappingError.h"

#include <algorithm>
#include <cstdio>

namespace snnc::mapping {

using nlohmann::json;

Spread Spread::of(const std::vector<double> &values) {
  Spread s;
  if (values.empty())
    return s;
  s.min = s.max = values[0];
  for (double v : values) {
    s.min = std::min(s.min, v);
    s.max = std::max(s.max, v);
    s.total += v;
  }
  s.mean = s.total / double(values.size());
  return s;
}

namespace {

json spreadJson(const Spread &s) {
  return {{"min", s.min}, {"mean", s.mean}, {"max", s.max}, {"total", s.total}};
}

} // namespace

json toJson(const MappingReport &r) {
  const CompressionStats &c = r.routing;
  const TrafficStats &t = r.traffic;
  json limits = json::array();
  for (const LimitUse &l : r.limits)
    limits.push_back({{"name", l.name},
                      {"unit", l.unit},
                      {"capacity", l.capacity},
                      {"use", spreadJson(l.use)}});
  return {
      {"target", r.target},
      {"populations", r.populations},
      {"neurons", r.neurons},
      {"synapses", r.synapses},
      {"pes_used", r.pesUsed},
      {"pes_available", r.pesAvailable},
      {"chips_used", r.chipsUsed},
      {"chips_available", r.chipsAvailable},
      {"per_pe",
       {{"neurons", spreadJson(r.neuronsPerPe)},
        {"neurons_limit", r.neuronLimitPerPe},
        {"synapses", spreadJson(r.synapsesPerPe)},
        {"sram_bytes", spreadJson(r.sramBytesPerPe)},
        {"sram_bytes_limit", r.sramBytesLimitPerPe},
        {"cycles_per_step", spreadJson(r.cyclesPerPe)},
        {"cycle_budget", r.cycleBudgetPerPe},
        {"limits", limits}}},
      {"routing",
       {{"routers_used", c.routersUsed},
        {"entry_limit", r.routingEntryLimit},
        {"entries_before", {{"total", c.entriesBefore}, {"max", c.maxBefore}}},
        {"entries_after_default_removal",
         {{"total", c.entriesAfterDefaultRemoval},
          {"max", c.maxAfterDefaultRemoval}}},
        {"entries_after", {{"total", c.entriesAfter}, {"max", c.maxAfter}}},
        {"widened_destinations", r.widenedDestinations},
        {"exact_deliveries", r.exactDeliveries},
        {"routed_deliveries", r.routedDeliveries},
        {"key_neuron_bits", r.keyNeuronBits},
        {"topological_keys", r.topologicalKeys}}},
      {"traffic",
       {{"unit", "expected packets per time step"},
        {"total", t.totalTraffic},
        {"packets_emitted", t.packetsEmitted},
        {"traffic_x_hops", t.trafficHops},
        {"traffic_x_noc_hops", t.trafficNocHops},
        {"traffic_x_chip_hops", t.trafficChipHops},
        {"max_link_load", t.maxLinkLoad},
        {"max_noc_link_load", t.maxNocLinkLoad},
        {"max_chip_link_load", t.maxChipLinkLoad},
        {"chip_group_cut", r.groupCutTraffic},
        {"placement_cost_initial", r.placementInitialCost},
        {"placement_cost_final", r.placementFinalCost}}},
      {"seconds",
       {{"partition", r.seconds.partition},
        {"slice_graph", r.seconds.sliceGraph},
        {"grouping", r.seconds.grouping},
        {"placement", r.seconds.placement},
        {"routing", r.seconds.routing},
        {"compression", r.seconds.compression},
        {"verification", r.seconds.verification},
        {"analysis", r.seconds.analysis},
        {"total", r.seconds.total}}},
  };
}

std::string formatReport(const MappingReport &r) {
  std::string out;
  char line[160];
  auto row = [&](const char *what, const Spread &s, double limit) {
    std::snprintf(line, sizeof(line), "  %-18s %12.0f %12.1f %12.0f", what,
                  s.min, s.mean, s.max);
    out += line;
    out += limit > 0 ? "  / " + formatNumber(limit) + "\n" : "\n";
  };
  std::snprintf(line, sizeof(line),
                "%s: %u PEs on %u chips (of %u PEs), %llu neurons, %llu "
                "synapses\n",
                r.target.c_str(), r.pesUsed, r.chipsUsed, r.pesAvailable,
                (unsigned long long)r.neurons, (unsigned long long)r.synapses);
  out += line;
  std::snprintf(line, sizeof(line), "  %-18s %12s %12s %12s  / limit\n",
                "per PE", "min", "mean", "max");
  out += line;
  row("neurons", r.neuronsPerPe, r.neuronLimitPerPe);
  row("synapses", r.synapsesPerPe, -1);
  row("SRAM bytes", r.sramBytesPerPe, r.sramBytesLimitPerPe);
  row("cycles per step", r.cyclesPerPe, r.cycleBudgetPerPe);
  std::snprintf(line, sizeof(line),
                "  routing entries: %llu -> %llu (max per router %u -> %u, "
                "limit %u)\n",
                (unsigned long long)r.routing.entriesBefore,
                (unsigned long long)r.routing.entriesAfter, r.routing.maxBefore,
                r.routing.maxAfter, r.routingEntryLimit);
  out += line;
  std::snprintf(line, sizeof(line),
                "  traffic %.4g packets/step, traffic x hops %.4g, max link "
                "load %.4g\n",
                r.traffic.totalTraffic, r.traffic.trafficHops,
                r.traffic.maxLinkLoad);
  out += line;
  return out;
}

} // namespace snnc::mapping
