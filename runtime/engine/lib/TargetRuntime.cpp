//===- TargetRuntime.cpp - The registry of built targets' runtimes --------===//

#include "snnc/runtime/TargetRuntime.h"

namespace snnc::runtime {

namespace {
std::vector<std::unique_ptr<TargetRuntime>> &registry() {
  static std::vector<std::unique_ptr<TargetRuntime>> targets;
  return targets;
}
} // namespace

TargetRuntime::~TargetRuntime() = default;

double TargetRuntime::poweredSeconds(const image::Image &image,
                                     const RunResult &result) const {
  return static_cast<double>(result.steps) * image.dt;
}

Expected<std::vector<EnergyTerm>>
TargetRuntime::extraEnergy(const image::Image &, const RunResult &,
                           const nlohmann::json &, double) const {
  return std::vector<EnergyTerm>{};
}

Status registerTargetRuntime(std::unique_ptr<TargetRuntime> target) {
  std::string name = target->name();
  for (const std::unique_ptr<TargetRuntime> &known : registry())
    if (known->name() == name)
      return ImageError{"", "target '" + name + "' is registered twice"};
  std::shared_ptr<const CounterSchema> schema = target->counters();
  if (!schema)
    return ImageError{"", "target '" + name + "' declares no counters"};
  if (std::string problem = schema->problem(); !problem.empty())
    return ImageError{"", "target '" + name + "': " + problem};
  registry().push_back(std::move(target));
  return Status::success();
}

std::vector<const TargetRuntime *> targetRuntimes() {
  std::vector<const TargetRuntime *> out;
  for (const std::unique_ptr<TargetRuntime> &target : registry())
    out.push_back(target.get());
  return out;
}

Expected<const TargetRuntime *> lookupTargetRuntime(const std::string &name) {
  std::string built;
  for (const std::unique_ptr<TargetRuntime> &target : registry()) {
    if (target->name() == name)
      return target.get();
    built += (built.empty() ? "" : ", ") + target->name();
  }
  return ImageError{"", "target '" + name +
                            "' is not built into this snnc; built targets: " +
                            (built.empty() ? "none" : built)};
}

} // namespace snnc::runtime
