//===- Spinnaker2Runtime.cpp - spinnaker2's half of the runtime -----------===//
//
// Registers the spinnaker2 target with the runtime: its engines (ref, float,
// nir, rtl), the event classes of Counters.def, the shipped energy models
// (one per operating point) and what pricing needs of a placed image.
//
//===----------------------------------------------------------------------===//

#include "snnc/spinnaker2/Counters.h"
#include "snnc/spinnaker2/FixedPoint.h"
#include "snnc/spinnaker2/ImageSections.h"
#include "snnc/spinnaker2/TargetData.h"

#include "Topology.h"

#include "snnc/image/Procedural.h"
#include "snnc/runtime/Energy.h"
#include "snnc/runtime/RunBookkeeping.h"
#include "snnc/runtime/TargetRuntime.h"
#include "snnc/spinnaker2/FloatEngine.h"
#include "snnc/spinnaker2/NirFloatEngine.h"
#include "snnc/spinnaker2/RefEngine.h"
#include "snnc/spinnaker2/rtl/RtlEngine.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

using namespace snnc;
using namespace snnc::runtime;

namespace {

class Spinnaker2Runtime : public TargetRuntime {
public:
  std::string name() const override { return "spinnaker2"; }
  std::string summary() const override {
    return "SpiNNaker2-style many-core chip: 152 ARM PEs per chip, key/mask "
           "multicast routing";
  }
  std::shared_ptr<const CounterSchema> counters() const override {
    return spinnaker2::counterSchema();
  }
  std::vector<std::string> engines() const override {
    return {"ref", "float", "nir", "rtl"};
  }

  Expected<std::unique_ptr<Engine>>
  createEngine(const std::string &engine, const image::Image &image,
               const EngineOptions &options) const override {
    if (image::Status ok = runtime::detail::checkTargetModel(image); !ok)
      return ok.error();
    if (engine == "ref")
      return std::unique_ptr<Engine>(std::make_unique<RefEngine>(image));
    if (engine == "float")
      return std::unique_ptr<Engine>(std::make_unique<FloatEngine>(image));
    if (engine == "nir")
      return std::unique_ptr<Engine>(std::make_unique<NirFloatEngine>(image));
    if (engine == "rtl") {
      rtl::RtlOptions rtlOptions;
      rtlOptions.vcdPath = options.tracePath;
      if (options.traceUnit >= 0)
        rtlOptions.vcdPe = static_cast<uint32_t>(options.traceUnit);
      rtlOptions.vcdSteps = {options.traceFirstStep, options.traceLastStep};
      return std::unique_ptr<Engine>(
          std::make_unique<rtl::RtlEngine>(image, std::move(rtlOptions)));
    }
    return ImageError{"", "the spinnaker2 target has no engine '" + engine +
                              "'; it runs ref, float, nir and rtl"};
  }

  std::vector<NamedEnergyModel> energyModels() const override {
    std::vector<NamedEnergyModel> models;
    for (const spinnaker2::EnergyModelText &text :
         spinnaker2::energyModelTexts()) {
      nlohmann::json model = nlohmann::json::parse(text.json);
      NamedEnergyModel named;
      named.name = model["operating_point"]["name"].get<std::string>();
      named.description = std::string(text.file);
      named.model = std::move(model);
      models.push_back(std::move(named));
    }
    return models;
  }

  std::map<std::string, uint64_t>
  unitsInUse(const image::Image &image) const override {
    std::set<uint32_t> chips;
    uint64_t pes = 0;
    uint32_t perChip = std::max(1u, image.placement.pesPerChip);
    for (uint32_t pe = 0; pe < image.placement.sliceOfPe.size(); ++pe)
      if (image.placement.sliceOfPe[pe] != image::kNoSlice) {
        ++pes;
        chips.insert(pe / perChip);
      }
    return {{"chip", chips.size()}, {"pe", pes}};
  }

  double clockHz(const image::Image &image,
                 const nlohmann::json &energyModel) const override {
    // A clock the compile was told (--target-config) is the chip's; else
    // the operating point sets it; a model without one (a user's older
    // file) runs at the target model's.
    if (auto overrides = image.targetModel.find("overrides");
        overrides != image.targetModel.end() && overrides->is_object() &&
        overrides->contains("clock_hz"))
      return runtime::detail::targetModelNumber(image, "clock_hz");
    runtime::Expected<std::optional<double>> point =
        runtime::operatingPointClockHz(energyModel);
    if (point && point.value())
      return *point.value();
    return runtime::detail::targetModelNumber(image, "clock_hz");
  }

  double stepCycleBudget(const image::Image &image) const override {
    return runtime::detail::readCycleModel(image).stepBudget;
  }

  /// On a PE every synapse is one 32-bit row word (int16 weight, target,
  /// delay), reservoirs included (expanded into SRAM at load); a neuron
  /// keeps its fixed-point constants, its v and isyn and one 32-bit
  /// ring-buffer slot per delay step.
  Footprint footprint(const image::Image &image) const override {
    Footprint f;
    std::vector<uint32_t> ring(image.populations.size(), 1);
    const spinnaker2::FixedPointSection &fixed = spinnaker2::fixedPoint(image);
    for (size_t j = 0; j < image.projections.size(); ++j) {
      const image::Projection &proj = image.projections[j];
      uint64_t synapses = image::storedSynapseCount(proj);
      if (proj.isProcedural) {
        image::ProceduralRows rows(proj.procedural.spec,
                                   fixed.projections[j].scale,
                                   spinnaker2::quantizeWeight);
        std::vector<image::ExpandedSynapse> row;
        for (uint32_t pre = 0; pre < proj.procedural.spec.size; ++pre) {
          rows.expandRow(pre, row);
          synapses += row.size();
        }
      }
      f.weightBytes += 4 * synapses;
      ring[proj.target] = std::max(ring[proj.target],
                                   runtime::detail::ringSlots(proj.maxDelay));
    }
    for (size_t p = 0; p < image.populations.size(); ++p)
      f.stateBytes += uint64_t(image.populations[p].size) *
                      (sizeof(spinnaker2::FixedNeuron) + 8 + 4 * ring[p]);
    return f;
  }
};

} // namespace

extern "C" void snncInitializespinnaker2Runtime() {
  snnc::spinnaker2::registerImageSections();
  if (Status s = registerTargetRuntime(std::make_unique<Spinnaker2Runtime>());
      !s) {
    std::fprintf(stderr, "snnc: %s\n", s.error().message().c_str());
    std::abort();
  }
}
