//===- TargetsCommand.cpp - `snnc targets` --------------------------------===//
//
// Lists the targets this snnc was built with, one line each, from the
// registry (the generated list of built targets fills it).
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "snnc/runtime/TargetRuntime.h"

#include <cstdio>

namespace snnc::tools {
namespace {

std::string joined(const std::vector<std::string> &items) {
  std::string text;
  for (const std::string &item : items)
    text += (text.empty() ? "" : ", ") + item;
  return text;
}

int runTargets(bool counters) {
  if (runtime::targetRuntimes().empty())
    std::printf("no targets are built into this snnc (configure it with "
                "-DSNNC_TARGETS_TO_BUILD=<targets>)\n");
  for (const runtime::TargetRuntime *target : runtime::targetRuntimes()) {
    std::vector<std::string> points;
    for (const runtime::NamedEnergyModel &m : target->energyModels())
      points.push_back(m.name);
    std::printf("%-12s %s; engines: %s; operating points: %s\n",
                target->name().c_str(), target->summary().c_str(),
                joined(target->engines()).c_str(), joined(points).c_str());
    if (counters)
      for (const runtime::CounterClass &c : target->counters()->classes())
        std::printf("  %-20s per %-16s %s\n", c.name.c_str(), c.unit.c_str(),
                    c.description.c_str());
  }
  return kExitOk;
}

} // namespace

void setupTargetsCommand(CLI::App &app) {
  auto counters = std::make_shared<bool>(false);
  CLI::App *sub =
      app.add_subcommand("targets", "list the targets this snnc was built "
                                    "with, one line each");
  sub->add_flag("--counters", *counters,
                "also list each target's event classes");
  sub->callback([counters] { throw CommandExit{runTargets(*counters)}; });
}

} // namespace snnc::tools
