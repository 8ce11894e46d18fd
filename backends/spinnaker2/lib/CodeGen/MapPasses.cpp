//===- MapPasses.cpp - snn-partition, snn-place and snn-route -------------===//
//
// The three mapping stages as IR passes. Each reads what the earlier ones
// recorded (slice sizes, PEs), runs the shared mapper up to its own stage,
// and records its result as s2 attributes, so each can run alone in
// snnc-opt and every stage's output can be inspected or edited.
//
//===----------------------------------------------------------------------===//

#include "snnc/spinnaker2/Passes.h"

#include "NetworkMapping.h"
#include "ReportAttr.h"

#include "snn/ElementsData.h"
#include "snnc/spinnaker2/Dialect/S2Dialect.h"

namespace snnc {
#define GEN_PASS_DEF_SNNPARTITION
#define GEN_PASS_DEF_SNNPLACE
#define GEN_PASS_DEF_SNNROUTE
#include "snnc/spinnaker2/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snn;
using namespace snnc;
using spinnaker2::S2Dialect;

namespace {

/// Builds the model of every network of `module` and runs `body` on it.
template <typename Body>
LogicalResult forEachNetwork(ModuleOp module, Body body) {
  bool failedAny = false;
  for (NetworkOp network : module.getOps<NetworkOp>()) {
    FailureOr<std::unique_ptr<NetworkModel>> model = buildNetworkModel(network);
    failedAny |= failed(model) || failed(body(**model));
  }
  return failure(failedAny);
}

/// Drops what later stages recorded: a new partition or placement
/// invalidates them, and their verifiers check them against the slices.
void dropLaterStages(NetworkModel &model, mapping::MappingStage stage) {
  if (stage == mapping::MappingStage::Partition)
    model.network->removeAttr(S2Dialect::PlacementAttrHelper::getNameStr());
  model.network->removeAttr(S2Dialect::RoutingAttrHelper::getNameStr());
  model.network->removeAttr(S2Dialect::MappingReportAttrHelper::getNameStr());
}

std::vector<int64_t> sliceSizes(const mapping::Partition &partition) {
  std::vector<int64_t> sizes;
  for (const mapping::Slice &slice : partition.slices)
    sizes.push_back(slice.count);
  return sizes;
}

struct SnnPartitionPass : snnc::impl::SnnPartitionBase<SnnPartitionPass> {
  using Base::Base;
  void runOnOperation() override {
    auto partition = [&](NetworkModel &model) -> LogicalResult {
      mapping::MappingOptions options;
      options.stopAfter = mapping::MappingStage::Partition;
      FailureOr<mapping::MappingResult> result = runMapper(model, options);
      if (failed(result))
        return failure();
      dropLaterStages(model, mapping::MappingStage::Partition);
      annotateSlices(model, result->partition, sliceSizes(result->partition),
                     {}, {});
      getContext()
          .getLoadedDialect<S2Dialect>()
          ->getPartitionAttrHelper()
          .setAttr(model.network, spinnaker2::PartitionAttr::get(
                                      &getContext(), result->report.pesUsed,
                                      result->report.pesAvailable));
      return success();
    };
    if (failed(forEachNetwork(getOperation(), partition)))
      signalPassFailure();
  }
};

struct SnnPlacePass : snnc::impl::SnnPlaceBase<SnnPlacePass> {
  using Base::Base;
  void runOnOperation() override {
    auto place = [&](NetworkModel &model) -> LogicalResult {
      FailureOr<std::vector<std::vector<uint32_t>>> sizes =
          readSliceSizes(model);
      if (failed(sizes))
        return failure();
      mapping::MappingOptions options;
      options.seed = model.targetAttr.getSeed();
      options.stopAfter = mapping::MappingStage::Place;
      options.sliceSizes = std::move(*sizes);
      FailureOr<mapping::MappingResult> result = runMapper(model, options);
      if (failed(result))
        return failure();
      std::vector<int64_t> pes(result->placement.peOfSlice.begin(),
                               result->placement.peOfSlice.end());
      dropLaterStages(model, mapping::MappingStage::Place);
      annotateSlices(model, result->partition, sliceSizes(result->partition),
                     pes, {});
      getContext()
          .getLoadedDialect<S2Dialect>()
          ->getPlacementAttrHelper()
          .setAttr(model.network,
                   spinnaker2::PlacementAttr::get(
                       &getContext(), APFloat(result->placement.initialCost),
                       APFloat(result->placement.finalCost),
                       model.targetAttr.getSeed()));
      return success();
    };
    if (failed(forEachNetwork(getOperation(), place)))
      signalPassFailure();
  }
};

/// The routing tables as #s2.routing: per non-empty chip table, its entries
/// (key, mask, route index) and its route pool.
spinnaker2::RoutingAttr routingAttr(MLIRContext *ctx,
                                    const mapping::MappingResult &result) {
  const mapping::RoutingTables &tables = result.tables;
  SmallVector<spinnaker2::RoutingTableAttr> chips;
  for (const mapping::RoutingTable &table : tables.tables) {
    if (table.entries.empty())
      continue;
    std::vector<int64_t> entries;
    for (const mapping::RoutingEntry &e : table.entries)
      entries.insert(entries.end(), {e.key, e.mask, e.route});
    std::vector<int64_t> words;
    for (uint64_t w : table.routeWords)
      words.push_back(static_cast<int64_t>(w));
    int64_t routes =
        tables.layout.words ? words.size() / tables.layout.words : 0;
    chips.push_back(spinnaker2::RoutingTableAttr::get(
        ctx, table.chip,
        makeInts(ctx, {int64_t(table.entries.size()), 3}, entries, 64,
                 "s2_routes"),
        makeInts(ctx, {routes, int64_t(tables.layout.words)}, words, 64,
                 "s2_route_words")));
  }
  const mapping::CompressionStats &stats = result.report.routing;
  return spinnaker2::RoutingAttr::get(
      ctx, tables.layout.numLinks, tables.layout.words, result.keys.neuronBits,
      result.keys.sliceMask, stats.entriesBefore, stats.entriesAfter,
      stats.maxBefore, stats.maxAfter, chips);
}

struct SnnRoutePass : snnc::impl::SnnRouteBase<SnnRoutePass> {
  using Base::Base;
  void runOnOperation() override {
    auto route = [&](NetworkModel &model) -> LogicalResult {
      FailureOr<std::vector<std::vector<uint32_t>>> sizes =
          readSliceSizes(model);
      if (failed(sizes))
        return failure();
      FailureOr<std::vector<uint32_t>> pes = readPlacement(model);
      if (failed(pes))
        return failure();
      mapping::MappingOptions options;
      options.sliceSizes = std::move(*sizes);
      options.peOfSlice = std::move(*pes);
      FailureOr<mapping::MappingResult> result = runMapper(model, options);
      if (failed(result))
        return failure();
      std::vector<int64_t> placed(result->placement.peOfSlice.begin(),
                                  result->placement.peOfSlice.end());
      std::vector<int64_t> keys(result->keys.baseKey.begin(),
                                result->keys.baseKey.end());
      annotateSlices(model, result->partition, sliceSizes(result->partition),
                     placed, keys);
      S2Dialect *dialect = getContext().getLoadedDialect<S2Dialect>();
      dialect->getRoutingAttrHelper().setAttr(
          model.network, routingAttr(&getContext(), *result));
      // Stage timings stay out of the IR, which must be the same for the
      // same input and seed; the compile report times every pass anyway.
      dialect->getMappingReportAttrHelper().setAttr(
          model.network, mappingReportAttr(&getContext(), result->report));
      return success();
    };
    if (failed(forEachNetwork(getOperation(), route)))
      signalPassFailure();
  }
};

} // namespace
