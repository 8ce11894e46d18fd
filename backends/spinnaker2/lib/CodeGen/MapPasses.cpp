//===- MapPasses.cpp - snn-partition, snn-place and snn-route -------------===//
//
// The three mapping stages as IR passes. Each reads what the earlier ones
// recorded (slice sizes, PEs), runs the shared mapper up to its own stage,
// and records its result as attributes, so each can run alone in snnc-opt
// and every stage's output can be inspected or edited.
//
//===----------------------------------------------------------------------===//

#include "snnc/spinnaker2/Passes.h"

#include "NetworkMapping.h"

#include "snn/ElementsData.h"

#include "mlir/IR/Builders.h"

#include <nlohmann/json.hpp>

namespace snnc {
#define GEN_PASS_DEF_SNNPARTITION
#define GEN_PASS_DEF_SNNPLACE
#define GEN_PASS_DEF_SNNROUTE
#include "snnc/spinnaker2/Passes.h.inc"
} // namespace snnc

using namespace mlir;
using namespace snn;
using namespace snnc;

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
      annotatePerSlice(model, result->partition, sliceSizes(result->partition),
                       "snn.slices", "snn.input_slices");
      Builder b(&getContext());
      model.network->setAttr(
          "snn.partition",
          b.getDictionaryAttr(
              {b.getNamedAttr("pes_used",
                              b.getI64IntegerAttr(result->report.pesUsed)),
               b.getNamedAttr(
                   "pes_available",
                   b.getI64IntegerAttr(result->report.pesAvailable))}));
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
      annotatePerSlice(model, result->partition, pes, "snn.pes",
                       "snn.input_pes");
      Builder b(&getContext());
      model.network->setAttr(
          "snn.placement",
          b.getDictionaryAttr(
              {b.getNamedAttr("cost_initial",
                              b.getF64FloatAttr(result->placement.initialCost)),
               b.getNamedAttr("cost_final",
                              b.getF64FloatAttr(result->placement.finalCost)),
               b.getNamedAttr(
                   "seed", b.getI64IntegerAttr(model.targetAttr.getSeed()))}));
      return success();
    };
    if (failed(forEachNetwork(getOperation(), place)))
      signalPassFailure();
  }
};

/// The routing tables as attributes: per non-empty chip table, its entries
/// (key, mask, route index) and its route pool.
Attribute routingAttr(MLIRContext *ctx, const mapping::MappingResult &result) {
  Builder b(ctx);
  const mapping::RoutingTables &tables = result.tables;
  SmallVector<Attribute> chips;
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
    chips.push_back(b.getDictionaryAttr(
        {b.getNamedAttr("chip", b.getI64IntegerAttr(table.chip)),
         b.getNamedAttr("entries",
                        makeInts(ctx, {int64_t(table.entries.size()), 3},
                                 entries, 64, "snn_routes")),
         b.getNamedAttr("routes",
                        makeInts(ctx, {routes, int64_t(tables.layout.words)},
                                 words, 64, "snn_route_words"))}));
  }
  const mapping::CompressionStats &stats = result.report.routing;
  return b.getDictionaryAttr(
      {b.getNamedAttr("links", b.getI64IntegerAttr(tables.layout.numLinks)),
       b.getNamedAttr("words", b.getI64IntegerAttr(tables.layout.words)),
       b.getNamedAttr("neuron_bits",
                      b.getI64IntegerAttr(result.keys.neuronBits)),
       b.getNamedAttr("slice_mask", b.getI64IntegerAttr(result.keys.sliceMask)),
       b.getNamedAttr("entries_before",
                      b.getI64IntegerAttr(stats.entriesBefore)),
       b.getNamedAttr("entries_after", b.getI64IntegerAttr(stats.entriesAfter)),
       b.getNamedAttr("max_before", b.getI64IntegerAttr(stats.maxBefore)),
       b.getNamedAttr("max_after", b.getI64IntegerAttr(stats.maxAfter)),
       b.getNamedAttr("tables", b.getArrayAttr(chips))});
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
      std::vector<int64_t> keys(result->keys.baseKey.begin(),
                                result->keys.baseKey.end());
      annotatePerSlice(model, result->partition, keys, "snn.keys",
                       "snn.input_keys");
      model.network->setAttr("snn.routing",
                             routingAttr(&getContext(), *result));
      // Stage timings stay out of the IR, which must be the same for the
      // same input and seed; the compile report times every pass anyway.
      nlohmann::json report = mapping::toJson(result->report);
      report.erase("seconds");
      model.network->setAttr("snn.mapping_report",
                             StringAttr::get(&getContext(), report.dump()));
      return success();
    };
    if (failed(forEachNetwork(getOperation(), route)))
      signalPassFailure();
  }
};

} // namespace
