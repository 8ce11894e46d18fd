//===- CrossbarRuntime.cpp - The crossbar's half of the runtime -----------===//
//
// Registers the crossbar target with the runtime: its engines, the event
// classes of Counters.def, its energy model (energy.json) and what pricing
// needs of an image: the tiles in use (periphery leakage is priced per
// tile), the clock, the real-time budget of a step and the footprint.
//
//===----------------------------------------------------------------------===//

#include "snnc/crossbar/Engines.h"

#include "snnc/crossbar/Counters.h"
#include "snnc/crossbar/DeviceModel.h"
#include "snnc/crossbar/ImageSections.h"

#include "snnc/runtime/Energy.h"
#include "snnc/runtime/RunBookkeeping.h"
#include "snnc/runtime/TargetRuntime.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace snnc;
using namespace snnc::runtime;

namespace {

const crossbar::TileMap *tilesOf(const image::Image &image) {
  const auto *section =
      image.sections.get<crossbar::TileSection>(crossbar::kTilesSection);
  return section ? &section->map : nullptr;
}

crossbar::DeviceModel modelOf(const image::Image &image) {
  image::Expected<crossbar::DeviceModel> model =
      crossbar::readDeviceModel(image.targetModel);
  return model ? *model : crossbar::DeviceModel();
}

class CrossbarRuntime : public TargetRuntime {
public:
  std::string name() const override { return crossbar::kTargetName; }
  std::string summary() const override {
    return "RRAM crossbar chip: 256x256 1T1R tiles of differential "
           "conductance pairs, 5-bit ADCs, digital LIF periphery, mesh NoC";
  }
  std::shared_ptr<const CounterSchema> counters() const override {
    return crossbar::counterSchema();
  }
  std::vector<std::string> engines() const override {
    return {"ref", "float", "rtl"};
  }

  Expected<std::unique_ptr<Engine>>
  createEngine(const std::string &engine, const image::Image &image,
               const EngineOptions &options) const override {
    if (engine == "ref")
      return crossbar::makeRefEngine(image);
    if (engine == "float")
      return crossbar::makeFloatEngine(image);
    if (engine == "rtl") {
      crossbar::rtl::RtlOptions rtl;
      rtl.vcdPath = options.tracePath;
      if (options.traceUnit >= 0)
        rtl.vcdPe = static_cast<uint32_t>(options.traceUnit);
      rtl.vcdSteps = {options.traceFirstStep, options.traceLastStep};
      return crossbar::makeRtlEngine(image, std::move(rtl));
    }
    // Test only, not listed: rtl with a truncating ADC, for differential
    // tests that must show they fail (test/Target/crossbar/differential.py
    // --rtl rtl-trunc-adc --expect-mismatch).
    if (engine == "rtl-trunc-adc") {
      crossbar::rtl::RtlOptions rtl;
      rtl.factory = crossbar::rtl::makeTruncatingAdcXbarUnit;
      return crossbar::makeRtlEngine(image, std::move(rtl));
    }
    return ImageError{"", "the crossbar target has no engine '" + engine +
                              "'; it runs ref, float and rtl"};
  }

  std::vector<NamedEnergyModel> energyModels() const override {
    nlohmann::json model =
        nlohmann::json::parse(crossbar::defaultEnergyModelText());
    NamedEnergyModel named;
    named.name = model["operating_point"]["name"].get<std::string>();
    named.description = "energy.json";
    named.model = std::move(model);
    return {std::move(named)};
  }

  std::map<std::string, uint64_t>
  unitsInUse(const image::Image &image) const override {
    const crossbar::TileMap *map = tilesOf(image);
    return {{"tile", map ? map->tiles.size() : 0}};
  }

  double clockHz(const image::Image &image,
                 const nlohmann::json &energyModel) const override {
    runtime::Expected<std::optional<double>> point =
        runtime::operatingPointClockHz(energyModel);
    if (point && point.value())
      return *point.value();
    return modelOf(image).clockHz;
  }

  /// A step must end within dt of real time.
  double stepCycleBudget(const image::Image &image) const override {
    return image.dt * modelOf(image).clockHz;
  }

  /// Each device holds one of the model's levels (log2 levels bits, two
  /// devices per cell, every cell of a used tile); a neuron keeps v and
  /// isyn (32 bits each) and one 64-bit accumulator per ring slot.
  Footprint footprint(const image::Image &image) const override {
    Footprint f;
    crossbar::DeviceModel model = modelOf(image);
    double bits = std::ceil(std::log2(double(model.conductanceLevels)));
    std::vector<uint32_t> ring(image.populations.size(), 1);
    if (const crossbar::TileMap *map = tilesOf(image))
      for (const crossbar::XbarTile &tile : map->tiles) {
        uint64_t cells = uint64_t(tile.block.rowCount) * tile.block.colCount;
        f.weightBytes += uint64_t(std::ceil(double(cells) * 2 * bits / 8));
        uint32_t &slots = ring[image.projections[tile.projection].target];
        slots = std::max(slots, runtime::detail::ringSlots(tile.delay));
      }
    for (size_t p = 0; p < image.populations.size(); ++p)
      f.stateBytes += uint64_t(image.populations[p].size) * (8 + 8 * ring[p]);
    return f;
  }
};

} // namespace

extern "C" void snncInitializecrossbarRuntime() {
  snnc::crossbar::registerImageSections();
  if (Status s = registerTargetRuntime(std::make_unique<CrossbarRuntime>());
      !s) {
    std::fprintf(stderr, "snnc: %s\n", s.error().message().c_str());
    std::abort();
  }
}
