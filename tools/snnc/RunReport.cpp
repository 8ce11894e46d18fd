//===- RunReport.cpp - The aligned-table report of `snnc run` -------------===//

#include "RunReport.h"

#include <cstdio>

namespace snnc::tools {

void printTable(const runtime::RunResult &result,
                const runtime::EnergyReport &energy, const char *engine) {
  std::printf("engine %s: %llu steps (%s)\n", engine,
              static_cast<unsigned long long>(result.steps),
              result.stopReason == runtime::StopReason::Completed
                  ? "completed"
                  : "stopped early");
  for (const runtime::OutputTrace &out : result.outputs) {
    if (out.kind == image::OutputKind::Spikes)
      std::printf("  output #%u: %zu spikes from %u neurons\n", out.index,
                  out.spikes.size(), out.size);
    else
      std::printf("  output #%u: readout of %u values per step\n", out.index,
                  out.size);
  }
  std::printf("latency per step: %.0f cycles on the busiest PE = %.3g s "
              "(real-time factor %.3g); %llu real-time violations\n",
              energy.maxStepCycles, energy.maxStepSeconds,
              energy.realTimeFactor,
              static_cast<unsigned long long>(result.realTimeViolations));
  std::printf("energy over %.3g s of simulated time:\n", energy.seconds);
  std::printf("  %-22s %14s %14s %14s\n", "component", "events", "J/event",
              "J");
  for (const runtime::EnergyComponent &c : energy.dynamic)
    std::printf("  %-22s %14llu %14.4g %14.4g\n", c.name.c_str(),
                static_cast<unsigned long long>(c.count), c.joulesPerEvent,
                c.joules);
  std::printf("  %-22s %14s %14s %14.4g\n", "dynamic", "", "",
              energy.dynamicJoules);
  std::printf("  %-22s %14s %14s %14.4g\n", "static", "", "",
              energy.staticJoules);
  std::printf("  %-22s %14s %14s %14.4g\n", "total", "", "",
              energy.totalJoules);
  std::printf("  energy per synaptic event: %.4g J\n",
              energy.joulesPerSynapticEvent);
  std::printf("  energy per inference: %.4g J (%llu inference%s of %llu "
              "steps = %.3g s simulated; latency %.3g s with steps back to "
              "back)\n",
              energy.joulesPerInference,
              static_cast<unsigned long long>(energy.inferences),
              energy.inferences == 1 ? "" : "s",
              static_cast<unsigned long long>(energy.stepsPerInference),
              energy.inferenceSeconds, energy.inferenceLatencySeconds);
  if (!result.routerHopsModelled)
    std::printf("  (router hops are not modelled for this target layout)\n");
}

} // namespace snnc::tools
