//===- RtlDevice.cpp - The SFQ rtl engine: the Verilated netlist ----------===//
//
// The netlist of the image, emitted as structural SystemVerilog over the
// hw/sfq cells, verilated and compiled at run time into a cached shared
// object (lib/Rtl/NetlistBuild.h), one clock cycle per 100 fs tick. It runs
// under the same step loop as ref (PulseEngine.h) and must agree with it
// pulse for pulse: fires and their ticks, every counter.
//
//===----------------------------------------------------------------------===//

#include "PulseEngine.h"

#include "EmitVerilog.h"
#include "NetlistBuild.h"

namespace snnc::sfq {
namespace {

class RtlDevice : public PulseDevice {
public:
  RtlDevice(std::unique_ptr<rtl::VerilatedNetlist> model, uint64_t seed,
            uint64_t slotTicks, const runtime::EngineOptions &options)
      : model(std::move(model)), seed(seed), slotTicks(slotTicks),
        tracePath(options.tracePath), window{options.traceFirstStep,
                                             options.traceLastStep} {}

  runtime::Status reset() override {
    model->reset();
    model->setSeed(seed);
    if (!tracePath.empty() && !traceOpen) {
      if (!model->openTrace(tracePath))
        return runtime::ImageError{tracePath, "cannot be written"};
      traceOpen = true;
    }
    return {};
  }
  void inject(uint64_t tick, uint32_t element) override {
    model->inject(tick, element);
  }
  runtime::Status runUntil(uint64_t endTick,
                           std::vector<NeuronFire> &fires) override {
    if (traceOpen)
      model->setTracing(window.covers(endTick / slotTicks - 1), model->now());
    model->runUntil(endTick, fires);
    if (model->overflowed())
      return runtime::ImageError{
          "", "the rtl netlist lost pulses before tick " +
                  std::to_string(endTick) +
                  ": a wire carried more than 3 pulses in one tick or a "
                  "cell deferred more than 63; it no longer matches ref"};
    return {};
  }
  const std::array<uint64_t, kNumCounters> &counters() const override {
    counts = model->counters();
    return counts;
  }
  nlohmann::json figures() const override {
    // No build time or cache state: a run's report is the same every time.
    return {{"ticks_simulated", model->now()},
            {"pulses", model->pulseCount()},
            {"pulse_sum", model->pulseSum()}};
  }
  ~RtlDevice() override {
    if (traceOpen)
      model->closeTrace();
  }

private:
  std::unique_ptr<rtl::VerilatedNetlist> model;
  uint64_t seed;
  uint64_t slotTicks;
  std::string tracePath;
  snnc::rtl::TraceWindow window;
  bool traceOpen = false;
  mutable std::array<uint64_t, kNumCounters> counts{};
};

} // namespace

runtime::Expected<std::unique_ptr<runtime::Engine>>
makeRtlEngine(const image::Image &image, const runtime::EngineOptions &options,
              bool wrongMergeRule) {
  const auto *section = image.sections.get<NetlistSection>(kNetlistSection);
  if (!section)
    return image::ImageError{"", "the image has no sfq.netlist section"};
  if (std::string why = rtl::checkEmittable(section->netlist, section->timing);
      !why.empty())
    return image::ImageError{"",
                             "the rtl engine cannot run this netlist: " + why};
  rtl::BuildOptions build;
  build.trace = !options.tracePath.empty();
  build.wrongMergeRule = wrongMergeRule;
  auto model =
      rtl::VerilatedNetlist::build(section->netlist, section->timing, build);
  if (!model)
    return model.error();
  return makePulseEngine(
      wrongMergeRule ? "rtl-wrong-merge" : "rtl", image,
      std::make_unique<RtlDevice>(std::move(*model), image.seed,
                                  section->slotTicks, options));
}

} // namespace snnc::sfq
