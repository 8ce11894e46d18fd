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
  std::printf("latency per step: %.0f cycles on the busiest unit = %.3g s at "
              "%.4g MHz (real-time factor %.3g); %llu real-time violations\n",
              energy.maxStepCycles, energy.maxStepSeconds, energy.clockHz / 1e6,
              energy.realTimeFactor,
              static_cast<unsigned long long>(result.realTimeViolations));
  std::printf("energy over %.3g s of simulated time (%s%s%s):\n",
              energy.seconds, energy.target.c_str(),
              energy.operatingPoint.empty() ? "" : " at ",
              energy.operatingPoint.c_str());
  std::printf("  %-22s %14s %14s %14s  %s\n", "component", "events", "J/event",
              "J", "basis");
  for (const runtime::EnergyComponent &c : energy.dynamic)
    std::printf("  %-22s %14llu %14.4g %14.4g  %s\n", c.name.c_str(),
                static_cast<unsigned long long>(c.count), c.joulesPerEvent,
                c.joules, c.basis.c_str());
  std::printf("  %-22s %14s %14s %14.4g\n", "dynamic", "", "",
              energy.dynamicJoules);
  for (const runtime::StaticComponent &s : energy.staticParts)
    std::printf("  %-22s %14llu %14.4g %14.4g  %s (W per unit)\n",
                ("static " + s.unitKind).c_str(),
                static_cast<unsigned long long>(s.units), s.wattsPerUnit,
                s.joules, s.basis.c_str());
  std::printf("  %-22s %14s %14s %14.4g\n", "static", "", "",
              energy.staticJoules);
  if (!energy.extra.empty())
    std::printf("  %-22s %14s %14s %14.4g  (dynamic + static, %.3g s "
                "powered)\n",
                "chip", "", "", energy.chipJoules, energy.poweredSeconds);
  for (const runtime::EnergyTerm &t : energy.extra)
    std::printf("  %-22s %14s %14s %14.4g  %s\n", t.name.c_str(), "", "",
                t.joules, t.basis.c_str());
  std::printf("  %-22s %14s %14s %14.4g%s\n", "total", "", "",
              energy.totalJoules,
              energy.extra.empty() ? "" : "  (chip + the terms above)");
  std::printf("  energy per synaptic event: %.4g J dynamic, %.4g J total "
              "(%.4g TOPS/W equivalent, 2 ops per event)\n",
              energy.dynamicJoulesPerSynapticEvent,
              energy.joulesPerSynapticEvent, energy.topsPerWattEquivalent);
  if (!energy.extra.empty())
    std::printf("  chip energy per inference: %.4g J (without the terms "
                "above)\n",
                energy.chipJoulesPerInference);
  std::printf("  energy per inference: %.4g J (%llu inference%s of %llu "
              "steps = %.3g s simulated; latency %.3g s with steps back to "
              "back)\n",
              energy.joulesPerInference,
              static_cast<unsigned long long>(energy.inferences),
              energy.inferences == 1 ? "" : "s",
              static_cast<unsigned long long>(energy.stepsPerInference),
              energy.inferenceSeconds, energy.inferenceLatencySeconds);
  const runtime::NeuroBenchMetrics &nb = energy.neurobench;
  std::printf(
      "NeuroBench: SynapticOperations %llu (Effective_ACs %llu, "
      "Effective_MACs %llu); ActivationSparsity %.4f; "
      "MembraneUpdates %llu; Footprint %llu B (weights %llu, state "
      "%llu)\n",
      static_cast<unsigned long long>(nb.effectiveAcs + nb.effectiveMacs),
      static_cast<unsigned long long>(nb.effectiveAcs),
      static_cast<unsigned long long>(nb.effectiveMacs), nb.activationSparsity,
      static_cast<unsigned long long>(nb.membraneUpdates),
      static_cast<unsigned long long>(nb.footprintBytes),
      static_cast<unsigned long long>(nb.footprintWeightBytes),
      static_cast<unsigned long long>(nb.footprintStateBytes));
  if (!result.routerHopsModelled)
    std::printf("  (router hops are not modelled for this target layout)\n");
}

} // namespace snnc::tools
