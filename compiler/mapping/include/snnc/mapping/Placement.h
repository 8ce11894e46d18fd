//===- Placement.h - Assign slices to PEs -----------------------*- C++ -*-===//
//
// Placement runs in three steps:
//  1. groups (from Grouping) go to chips, greedily by traffic and then
//     improved by pairwise chip swaps, minimising traffic x chip hops;
//  2. inside a chip, a group's slices fill PEs in slice order along a
//     snake through the cluster grid (neighbouring neurons stay close);
//  3. seeded simulated annealing swaps slices between PEs (mostly within a
//     chip, sometimes across chips), minimising the sum over slice pairs of
//     traffic x Topology::hops.
// The annealer's move count is proportional to the slice count with a cap,
// and also bounded by a work budget counted in neighbour visits, so dense
// slice graphs with thousands of slices still place in seconds. Everything
// is deterministic for a seed, on every platform (own RNG, own exp).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_PLACEMENT_H
#define SNNC_MAPPING_PLACEMENT_H

#include "snnc/mapping/Grouping.h"
#include "snnc/mapping/SliceGraph.h"
#include "snnc/mapping/Topology.h"

#include <cstdint>
#include <vector>

namespace snnc::mapping {

struct PlaceOptions {
  uint64_t seed = 1;
  bool anneal = true;
  /// Annealing moves per slice, capped by maxMoves and by workBudget.
  uint32_t movesPerSlice = 400;
  uint64_t maxMoves = 4'000'000;
  /// Neighbour-list entries the annealer may visit in total.
  double workBudget = 2e8;
  /// Probability that a move stays on the slice's chip.
  double localMoveProbability = 0.8;
  /// Acceptance probability of an average uphill move at the start. Low,
  /// because annealing refines an already good placement.
  double initialAcceptance = 0.01;
};

struct Placement {
  /// Global PE index of every slice (see Topology::pe).
  std::vector<uint32_t> peOfSlice;
  /// Placement cost (sum of undirected traffic x hops) before annealing.
  double initialCost = 0;
  double finalCost = 0;
  uint64_t movesTried = 0;
  uint64_t movesAccepted = 0;
};

/// Steps 1 and 2. Throws MappingError(NotEnoughPes) when the groups need
/// more chips than the topology has.
Placement initialPlacement(const SliceGraph &graph, const Topology &topology,
                           const Grouping &grouping);

/// Step 3, improving `placement` in place.
void annealPlacement(Placement &placement, const SliceGraph &graph,
                     const Topology &topology, const PlaceOptions &options);

/// All three steps.
Placement placeSlices(const SliceGraph &graph, const Topology &topology,
                      const Grouping &grouping, const PlaceOptions &options);

/// Sum over undirected slice pairs of traffic x Topology::hops.
double placementCost(const SliceGraph &graph, const Topology &topology,
                     const std::vector<uint32_t> &peOfSlice);

} // namespace snnc::mapping

#endif // SNNC_MAPPING_PLACEMENT_H
