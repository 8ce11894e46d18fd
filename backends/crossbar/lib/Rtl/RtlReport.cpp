//===- RtlReport.cpp - The crossbar rtl engine's figures as JSON and text -===//

#include "snnc/crossbar/rtl/RtlOptions.h"

#include <cstdio>

namespace snnc::crossbar::rtl {

namespace {
double perSecond(double count, double seconds) {
  return seconds > 0 ? count / seconds : 0;
}
} // namespace

nlohmann::json toJson(const RtlStats &s, double clockHz) {
  nlohmann::json counters = nlohmann::json::object();
  for (const auto &[name, value] : s.counters)
    counters[name] = value;
  double mean = s.steps ? double(s.stepCyclesTotal) / double(s.steps) : 0;
  return {
      {"units", s.units},
      {"steps", s.steps},
      {"step_cycles_mean", mean},
      {"step_cycles_max", s.stepCyclesMax},
      {"step_seconds_mean", clockHz > 0 ? mean / clockHz : 0},
      {"unit_cycles_simulated", s.unitCycles},
      {"tile_read_cycles_simulated", s.tileCycles},
      {"unit_cycles_per_second", perSecond(double(s.unitCycles), s.runSeconds)},
      {"unit_cycles_per_cpu_second",
       perSecond(double(s.unitCycles), s.runCpuSeconds)},
      {"steps_per_second", perSecond(double(s.steps), s.runSeconds)},
      {"run_seconds", s.runSeconds},
      {"run_cpu_seconds", s.runCpuSeconds},
      {"load_seconds", s.loadSeconds},
      {"unit_counters", counters},
      {"noc",
       {{"deliveries", s.nocDeliveries},
        {"hops", s.nocHops},
        {"contention_cycles", s.nocContentionCycles}}}};
}

std::string describe(const RtlStats &s, double clockHz) {
  double mean = s.steps ? double(s.stepCyclesTotal) / double(s.steps) : 0;
  char line[256];
  std::string text;
  std::snprintf(line, sizeof line,
                "rtl: %u crossbar units; step latency from RTL + NoC cycles: "
                "mean %.1f, max %llu cycles",
                s.units, mean,
                static_cast<unsigned long long>(s.stepCyclesMax));
  text += line;
  if (clockHz > 0) {
    std::snprintf(line, sizeof line, " (mean %.3g s at %.3g Hz)",
                  mean / clockHz, clockHz);
    text += line;
  }
  std::snprintf(line, sizeof line,
                "\nrtl: NoC %llu deliveries, %llu link hops, %llu cycles of "
                "link contention",
                static_cast<unsigned long long>(s.nocDeliveries),
                static_cast<unsigned long long>(s.nocHops),
                static_cast<unsigned long long>(s.nocContentionCycles));
  text += line;
  std::snprintf(line, sizeof line,
                "\nrtl: simulated %llu unit-cycles (%llu reading tiles) in "
                "%.3g s (%.3g s CPU): %.3g cycles/s, %.3g steps/s (loaded in "
                "%.3g s)",
                static_cast<unsigned long long>(s.unitCycles),
                static_cast<unsigned long long>(s.tileCycles), s.runSeconds,
                s.runCpuSeconds, perSecond(double(s.unitCycles), s.runSeconds),
                perSecond(double(s.steps), s.runSeconds), s.loadSeconds);
  text += line;
  text += "\nrtl: unit counters:";
  for (const auto &[name, value] : s.counters) {
    std::snprintf(line, sizeof line, " %s %llu", name.c_str(),
                  static_cast<unsigned long long>(value));
    text += line;
  }
  return text;
}

} // namespace snnc::crossbar::rtl
