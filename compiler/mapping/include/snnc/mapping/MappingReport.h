//===- MappingReport.h - Resource use of a mapped network -------*- C++ -*-===//
//
// What `snnc compile` prints and writes into the image manifest: PEs, per-PE
// neurons / synapses / SRAM / cycles against their limits, routing entries
// before and after compression, and traffic figures of the placement.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_MAPPINGREPORT_H
#define SNNC_MAPPING_MAPPINGREPORT_H

#include "snnc/mapping/TableCompression.h"
#include "snnc/mapping/TrafficAnalysis.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::mapping {

struct Spread {
  double min = 0;
  double mean = 0;
  double max = 0;
  double total = 0;

  static Spread of(const std::vector<double> &values);
};

struct StageTimes {
  double partition = 0;
  double sliceGraph = 0;
  double grouping = 0;
  double placement = 0;
  double routing = 0;
  double compression = 0;
  double verification = 0;
  /// Traffic analysis and report assembly.
  double analysis = 0;
  double total = 0;
};

/// Use of one ResourceModel limit across PEs.
struct LimitUse {
  std::string name;
  std::string unit;
  double capacity = 0;
  Spread use;
};

struct MappingReport {
  std::string target;
  uint32_t populations = 0;
  uint64_t neurons = 0;
  uint64_t synapses = 0;
  uint32_t pesUsed = 0;
  uint32_t pesAvailable = 0;
  uint32_t chipsUsed = 0;
  uint32_t chipsAvailable = 0;

  /// Every limit of the resource model, in its order.
  std::vector<LimitUse> limits;
  Spread neuronsPerPe;
  Spread synapsesPerPe;
  Spread sramBytesPerPe;
  Spread cyclesPerPe;
  uint32_t neuronLimitPerPe = 0;
  double sramBytesLimitPerPe = 0;
  double cycleBudgetPerPe = 0;

  CompressionStats routing;
  uint32_t routingEntryLimit = 0;
  /// Exact routes overflowed a table, so slices were routed to every PE of
  /// their target populations on the chips they reach (RoutingTables.h).
  bool widenedDestinations = false;
  /// Slice-to-PE deliveries the slice graph needs, and those routed.
  uint64_t exactDeliveries = 0;
  uint64_t routedDeliveries = 0;
  uint32_t keyNeuronBits = 0;
  bool topologicalKeys = false;

  TrafficStats traffic;
  double groupCutTraffic = 0;
  double placementInitialCost = 0;
  double placementFinalCost = 0;

  StageTimes seconds;
};

nlohmann::json toJson(const MappingReport &report);

/// A short aligned table for people.
std::string formatReport(const MappingReport &report);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_MAPPINGREPORT_H
