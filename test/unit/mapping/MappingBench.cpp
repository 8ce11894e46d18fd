//===- MappingBench.cpp - Time the mapper on a million-neuron reservoir ---===//
//
// Maps one random reservoir population (every neuron projects to `fan-in`
// uniformly random targets, so the slice graph is dense: almost every slice
// talks to every other) and prints the time of each stage and the report.
// Not a test: timings depend on the machine.
//
//   snnc-mapping-bench [--neurons N] [--fan-in F] [--estimate]
//                      [--local R] [--boards B] [--seed S]
//                      [--target target.json]
//
// --local R draws targets within R neurons of the source (a ring), which
// gives a sparse, structured slice graph instead of an all-to-all one.
//
//===----------------------------------------------------------------------===//

#include "snnc/mapping/Mapper.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

using namespace snnc::mapping;

namespace {

uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

long peakRssKiB() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0)
      return std::atol(line.c_str() + 6);
  return -1;
}

} // namespace

int main(int argc, char **argv) {
  uint32_t neurons = 1000000, fanIn = 40, boards = 1, local = 0;
  uint64_t seed = 1;
  bool estimate = false;
  std::string target = SNNC_SPINNAKER2_TARGET;
  for (int i = 1; i < argc; ++i) {
    auto next = [&]() -> const char * {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--neurons"))
      neurons = uint32_t(std::strtoul(next(), nullptr, 10));
    else if (!std::strcmp(argv[i], "--fan-in"))
      fanIn = uint32_t(std::strtoul(next(), nullptr, 10));
    else if (!std::strcmp(argv[i], "--local"))
      local = uint32_t(std::strtoul(next(), nullptr, 10));
    else if (!std::strcmp(argv[i], "--boards"))
      boards = uint32_t(std::strtoul(next(), nullptr, 10));
    else if (!std::strcmp(argv[i], "--seed"))
      seed = std::strtoull(next(), nullptr, 10);
    else if (!std::strcmp(argv[i], "--target"))
      target = next();
    else if (!std::strcmp(argv[i], "--estimate"))
      estimate = true;
    else {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }

  try {
    nlohmann::json overrides = {{"board", {{"max_boards", boards}}}};
    nlohmann::json base = nlohmann::json::parse(std::ifstream(target));
    nlohmann::json layout =
        nlohmann::json::parse(std::ifstream(SNNC_SPINNAKER2_LAYOUT));
    TargetModel model =
        targetModelFromJson(layout, base, &overrides, "spinnaker2");

    MappingGraph graph;
    uint32_t pop = graph.addPopulation({"reservoir", neurons});
    Projection p;
    p.name = "recurrent";
    p.source = pop;
    p.target = pop;
    p.procedural = true;
    if (estimate) {
      p.fanIn.assign(neurons, fanIn);
    } else {
      p.rows = [neurons, fanIn, seed, local](uint32_t pre,
                                             std::vector<uint32_t> &targets) {
        targets.resize(fanIn);
        uint64_t base = (seed << 40) ^ (uint64_t(pre) * fanIn);
        for (uint32_t k = 0; k < fanIn; ++k) {
          uint64_t r = mix(base + k);
          targets[k] = local ? uint32_t((uint64_t(pre) + neurons - local +
                                         r % (2 * uint64_t(local) + 1)) %
                                        neurons)
                             : uint32_t(r % neurons);
        }
      };
    }
    graph.addProjection(std::move(p));

    std::printf("mapping %u neurons, fan-in %u (%.0f M synapses), %s "
                "traffic, %s targets, %u board(s)\n",
                neurons, fanIn, double(neurons) * fanIn / 1e6,
                estimate ? "estimated" : "exact", local ? "local" : "uniform",
                boards);
    auto start = std::chrono::steady_clock::now();
    MappingOptions options;
    options.seed = seed;
    MappingResult r = mapNetwork(graph, model, options);
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    const StageTimes &s = r.report.seconds;
    std::printf(
        "slices %u, slice edges %llu, groups %u\n", r.partition.numSlices(),
        (unsigned long long)r.sliceGraph.numEdges(), r.grouping.numGroups);
    std::printf("seconds: partition %.2f  slice graph %.2f  grouping %.2f  "
                "placement %.2f  routing %.2f  compression %.2f  "
                "verification %.2f  analysis %.2f  total %.2f (wall %.2f)\n",
                s.partition, s.sliceGraph, s.grouping, s.placement, s.routing,
                s.compression, s.verification, s.analysis, s.total, wall);
    std::printf("annealing: %llu moves, %llu accepted, cost %.6g -> %.6g\n",
                (unsigned long long)r.placement.movesTried,
                (unsigned long long)r.placement.movesAccepted,
                r.placement.initialCost, r.placement.finalCost);
    std::printf("peak RSS %.1f MiB\n", peakRssKiB() / 1024.0);
    std::fputs(formatReport(r.report).c_str(), stdout);
  } catch (const MappingError &e) {
    std::fprintf(stderr, "mapping failed: %s\n", e.what());
    return 1;
  }
  return 0;
}
