//===- SfqRuntime.cpp - The SFQ target's half of the runtime --------------===//
//
// Registers the SFQ target with the runtime: its engines, the junction-
// switching event classes of Counters.def, its energy models (RSFQ and
// ERSFQ biasing) and what pricing needs of an image: the bias current in
// use (static power is V_b per nA), the pulse slot as the clock, the time
// the chip is powered (its steps back to back, not the network's dt) and
// the cooling overhead on top of the chip's energy.
//
//===----------------------------------------------------------------------===//

#include "PulseEngine.h"

#include "snnc/sfq/CellLibrary.h"
#include "snnc/sfq/ImageSections.h"

#include "snnc/Support/Json.h"
#include "snnc/runtime/Energy.h"
#include "snnc/runtime/TargetRuntime.h"

#include <cstdio>
#include <cstdlib>

using namespace snnc;
using namespace snnc::runtime;

namespace {

const sfq::NetlistSection *netlistOf(const image::Image &image) {
  return image.sections.get<sfq::NetlistSection>(sfq::kNetlistSection);
}

NamedEnergyModel named(const char *text, const char *file) {
  NamedEnergyModel model;
  model.model = nlohmann::json::parse(text);
  model.name = model.model["operating_point"]["name"].get<std::string>();
  model.description = file;
  return model;
}

class SfqRuntime : public TargetRuntime {
public:
  std::string name() const override { return sfq::kTargetName; }
  std::string summary() const override {
    return "superconducting SFQ pulse circuit: stochastic bias-tuned "
           "synapses, fluxon-counting neurons, splitter and merger trees "
           "(RSFQlib v3.0 cells)";
  }
  std::shared_ptr<const CounterSchema> counters() const override {
    return sfq::counterSchema();
  }
  std::vector<std::string> engines() const override { return {"ref", "rtl"}; }

  Expected<std::unique_ptr<Engine>>
  createEngine(const std::string &engine, const image::Image &image,
               const EngineOptions &options) const override {
    if (engine == "ref")
      return sfq::makeRefEngine(image);
    if (engine == "rtl")
      return sfq::makeRtlEngine(image, options);
    // Test only, not listed: mergers that ignore their cross-input windows,
    // which the differential test must tell apart from ref.
    if (engine == "rtl-wrong-merge")
      return sfq::makeRtlEngine(image, options, /*wrongMergeRule=*/true);
    return ImageError{"", "the sfq target has no engine '" + engine +
                              "'; it runs ref and rtl"};
  }

  std::vector<NamedEnergyModel> energyModels() const override {
    return {named(sfq::defaultEnergyModelText(), "energy.json"),
            named(sfq::ersfqEnergyModelText(), "energy-ersfq.json")};
  }

  /// Static power is priced per nA of bias current.
  std::map<std::string, uint64_t>
  unitsInUse(const image::Image &image) const override {
    const sfq::NetlistSection *netlist = netlistOf(image);
    return {{"bias_na", netlist ? netlist->biasNa : 0}};
  }

  /// One step is one pulse slot: a cycle of a clock at the pulse rate.
  double clockHz(const image::Image &image,
                 const nlohmann::json &) const override {
    const sfq::NetlistSection *netlist = netlistOf(image);
    return netlist ? 1e13 / double(netlist->slotTicks) : 0;
  }
  double stepCycleBudget(const image::Image &) const override { return 0; }

  /// The chip runs its slots back to back: powered for steps x slot.
  double poweredSeconds(const image::Image &image,
                        const RunResult &result) const override {
    const sfq::NetlistSection *netlist = netlistOf(image);
    return netlist ? double(result.steps) * double(netlist->slotTicks) * 1e-13
                   : 0;
  }

  /// Cooling to 4.2 K: the chip's energy times the cooler's W/W, which may
  /// not beat Carnot.
  Expected<std::vector<EnergyTerm>>
  extraEnergy(const image::Image &, const RunResult &,
              const nlohmann::json &model, double chipJoules) const override {
    if (!model.contains("cooling"))
      return std::vector<EnergyTerm>{};
    Expected<double> wPerW =
        energyCoefficient(model["cooling"], "w_per_w", "cooling.w_per_w");
    if (!wPerW)
      return wPerW.error();
    Expected<double> floor =
        energyCoefficient(model["cooling"], "carnot_floor_w_per_w",
                          "cooling.carnot_floor_w_per_w");
    if (!floor)
      return floor.error();
    if (wPerW.value() < floor.value())
      return ImageError{"energy model",
                        "cooling.w_per_w is " + std::to_string(wPerW.value()) +
                            ", below the Carnot floor of " +
                            std::to_string(floor.value()) +
                            " W/W at 4.2 K; no cooler does better"};
    return std::vector<EnergyTerm>{
        {"cooling to 4.2 K", chipJoules * wPerW.value(),
         "assumed: " + std::to_string(int(wPerW.value())) +
             " W at 300 K per W at 4.2 K"}};
  }

  /// Weights are bias codes (the DAC's bits per synapse); state is each
  /// neuron's fluxon count (the bits of its threshold) and each clocked
  /// cell's stored bit.
  Footprint footprint(const image::Image &image) const override {
    Footprint f;
    const sfq::NetlistSection *netlist = netlistOf(image);
    if (!netlist)
      return f;
    uint64_t bits = 8, stateBits = 0;
    if (image.targetModel.contains("synapse_bias_bits")) {
      const nlohmann::json &x =
          modelFieldValue(image.targetModel["synapse_bias_bits"]);
      if (x.is_number_unsigned())
        bits = x.get<uint64_t>();
    }
    uint64_t synapses = 0;
    for (const sfq::Cell &c : netlist->netlist.allCells()) {
      if (c.kind == sfq::CellKind::Synapse || c.kind == sfq::CellKind::Pulser)
        ++synapses;
      if (c.kind == sfq::CellKind::Neuron) {
        uint64_t theta = std::max<uint64_t>(c.a, 1);
        while (theta) {
          ++stateBits;
          theta >>= 1;
        }
      }
      if (sfq::kindInfo(c.kind).clocked)
        ++stateBits;
    }
    f.weightBytes = (synapses * bits + 7) / 8;
    f.stateBytes = (stateBits + 7) / 8;
    return f;
  }
};

} // namespace

extern "C" void snncInitializesfqRuntime() {
  snnc::sfq::registerImageSections();
  if (Status s = registerTargetRuntime(std::make_unique<SfqRuntime>()); !s) {
    std::fprintf(stderr, "snnc: %s\n", s.error().message().c_str());
    std::abort();
  }
}
