//===- TargetRuntime.h - A target's half of the runtime ---------*- C++ -*-===//
//
// The runtime knows a target only through this interface, in the manner of
// LLVM's TargetRegistry: each backend registers one TargetRuntime from its
// snncInitialize<Target>Runtime() (tools call them all through
// InitAllRuntimes.h, which expands the generated list of built targets).
// A target supplies its engines, the event classes they count, its energy
// models and what the energy report needs of its machine; shared code
// dispatches on Image::targetName and names no target.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_TARGETRUNTIME_H
#define SNNC_RUNTIME_TARGETRUNTIME_H

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"
#include "snnc/runtime/Counters.h"
#include "snnc/runtime/Engine.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace snnc::runtime {

/// Engine options that are not the run's: waveforms of one compute unit of
/// an RTL engine over a window of steps.
struct EngineOptions {
  std::string tracePath;
  /// The global unit to trace; -1: the engine's choice.
  int64_t traceUnit = -1;
  uint64_t traceFirstStep = 0;
  uint64_t traceLastStep = 0;
};

/// An energy model the target ships: energy.json of one operating point.
struct NamedEnergyModel {
  std::string name;
  std::string description;
  nlohmann::json model;
};

/// An energy term that is not count x coefficient (cooling overhead,
/// one-time programming energy); reported apart from the event rows.
struct EnergyTerm {
  std::string name;
  double joules = 0;
  std::string basis;
};

/// Bytes an image keeps for the network on the chip (NeuroBench Footprint).
struct Footprint {
  uint64_t weightBytes = 0;
  uint64_t stateBytes = 0;
};

class TargetRuntime {
public:
  virtual ~TargetRuntime();

  /// The name images carry in Image::targetName.
  virtual std::string name() const = 0;
  /// One line for `snnc targets`.
  virtual std::string summary() const = 0;

  /// The event classes every engine of this target counts.
  virtual std::shared_ptr<const CounterSchema> counters() const = 0;

  /// Engine names this target runs, the default first.
  virtual std::vector<std::string> engines() const = 0;
  /// An engine over `image`; fails naming the engine when it is not one of
  /// engines() or cannot run this image.
  virtual Expected<std::unique_ptr<Engine>>
  createEngine(const std::string &engine, const image::Image &image,
               const EngineOptions &options) const = 0;

  /// The shipped energy models, the default first.
  virtual std::vector<NamedEnergyModel> energyModels() const = 0;
  /// Units of each kind the image occupies ("pe": 12, "chip": 1), which
  /// energy.json's static powers are priced per.
  virtual std::map<std::string, uint64_t>
  unitsInUse(const image::Image &image) const = 0;
  /// Clock of the compute units, for latency in seconds (0: unknown).
  virtual double clockHz(const image::Image &image,
                         const nlohmann::json &energyModel) const = 0;
  /// Cycles one unit may spend per step (0: no budget).
  virtual double stepCycleBudget(const image::Image &image) const = 0;
  /// How long the chip draws static power over `result`: by default the
  /// simulated time (steps x dt), as for a chip paced to real time; a chip
  /// that runs its steps back to back (a pulse circuit) says its own.
  virtual double poweredSeconds(const image::Image &image,
                                const RunResult &result) const;
  /// Terms beyond count x coefficient and static power (cooling, one-time
  /// programming); none by default. `chipJoules` is the dynamic and static
  /// energy already priced, which an overhead such as cooling scales.
  virtual Expected<std::vector<EnergyTerm>>
  extraEnergy(const image::Image &image, const RunResult &result,
              const nlohmann::json &energyModel, double chipJoules) const;
  virtual Footprint footprint(const image::Image &image) const = 0;
};

/// Registers `target`; fails when its name is taken or its counter schema
/// lacks a required class.
Status registerTargetRuntime(std::unique_ptr<TargetRuntime> target);
/// The registered targets, in registration order.
std::vector<const TargetRuntime *> targetRuntimes();
/// The target `name`, or an error naming it and listing the built ones.
Expected<const TargetRuntime *> lookupTargetRuntime(const std::string &name);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_TARGETRUNTIME_H
