//===- RtlEngine.cpp - The Verilator-simulated RTL engine -----------------===//
//
// Setup: tables, PE models, loading, the NoC. The step loop is in
// RtlStep.cpp.
//
//===----------------------------------------------------------------------===//

#include "RtlState.h"

#include "snnc/spinnaker2/ImageSections.h"

#include <chrono>
#include <cmath>

namespace snnc::rtl {

namespace {

/// Cycles of one chip-to-chip hop: target.json's link_hop_latency_ns at
/// clock_hz when the target gives it, else pe-config.json's assumption.
uint32_t chipHopCycles(const image::Image &image) {
  const nlohmann::json &model = image.targetModel;
  auto target = model.find("target");
  if (target != model.end() && target->is_object()) {
    auto number = [&](const char *key) -> double {
      auto it = target->find(key);
      if (it == target->end())
        return 0;
      const nlohmann::json &v =
          it->is_object() && it->contains("value") ? (*it)["value"] : *it;
      return v.is_number() ? v.get<double>() : 0;
    };
    double ns = number("link_hop_latency_ns"), hz = number("clock_hz");
    if (ns > 0 && hz > 0)
      return static_cast<uint32_t>(std::max(1.0, std::round(ns * 1e-9 * hz)));
  }
  return SNNC_PE_CHIP_HOP_CYCLES;
}

} // namespace

RtlEngine::RtlEngine(const image::Image &image, RtlOptions options)
    : state(std::make_unique<State>(image, std::move(options))) {}

RtlEngine::~RtlEngine() = default;

const RtlStats &RtlEngine::stats() const { return state->stats; }

nlohmann::json RtlEngine::extraReport(double clockHz) const {
  return toJson(state->stats, clockHz);
}

std::string RtlEngine::describeExtra(double clockHz) const {
  return describe(state->stats, clockHz);
}

RtlEngine::State::State(const image::Image &image, RtlOptions options)
    : image(image), options(std::move(options)) {}

image::Status RtlEngine::State::init() {
  auto start = std::chrono::steady_clock::now();
  pes.clear();
  topo = runtime::detail::buildTopology(image);
  slices = image::listSlices(image);
  std::vector<bool> record(image.populations.size(), false);
  for (const image::Output &out : image.outputs)
    if (out.kind == image::OutputKind::Current)
      record[out.population] = true;
  pe::Limits limits;
  image::Expected<std::vector<PeTable>> built =
      buildPeTables(image, topo.ringMask, record, limits);
  if (!built)
    return built.error();
  tables = std::move(built.value());
  readoutScale.clear();
  for (const PeTable &t : tables)
    readoutScale.push_back(
        spinnaker2::fixedPoint(image).populations[t.population].sV);
  keyBase.clear();
  for (const auto &key : spinnaker2::routing(image).keys)
    keyBase.push_back(key.base);
  if (options.watchdogLimit)
    for (PeTable &t : tables)
      t.watchdog = *options.watchdogLimit;

  NocTiming timing;
  timing.hopCycles = SNNC_PE_NOC_HOP_CYCLES;
  timing.chipHopCycles = chipHopCycles(image);
  nocModel = std::make_unique<Noc>(image, timing);

  traced = -1;
  if (!options.vcdPath.empty()) {
    for (size_t k = 0; k < tables.size() && traced < 0; ++k)
      if (!options.vcdPe || tables[k].pe == *options.vcdPe)
        traced = static_cast<int>(k);
    if (traced < 0)
      return image::ImageError{
          "", "rtl: --vcd-pe " + std::to_string(*options.vcdPe) +
                  " hosts no population slice (waveforms exist only for PEs "
                  "that run neurons)"};
  }
  for (size_t k = 0; k < tables.size(); ++k) {
    const PeTable &t = tables[k];
    bool trace = static_cast<int>(k) == traced;
    std::unique_ptr<PeModel> model =
        options.factory ? options.factory(trace) : makeVerilatedPe(trace);
    if (trace && !model->openTrace(options.vcdPath))
      return image::ImageError{options.vcdPath, "cannot write the VCD file"};
    auto driver = std::make_unique<PeDriver>(std::move(model),
                                             peLabel(image, t.globalSlice),
                                             t.watchdog, limits.inFifoDepth);
    std::optional<std::pair<uint64_t, uint32_t>> flip;
    if (options.loadFault && options.loadFault->pe == t.pe)
      flip = std::make_pair(options.loadFault->word, options.loadFault->bits);
    if (image::Status st = driver->load(configWrites(t), flip); !st)
      return st;
    pes.push_back(std::move(driver));
  }
  unitList.clear();
  for (const PeTable &t : tables)
    unitList.push_back({t.globalSlice, t.pe, t.population, t.first});
  destTables.assign(slices.size(), {});
  std::vector<std::vector<uint32_t>> destPes(slices.size());
  for (uint32_t k = 0; k < tables.size(); ++k)
    for (uint32_t src : tables[k].sources) {
      destTables[src].push_back(k);
      destPes[src].push_back(tables[k].pe);
    }
  treeOf.assign(slices.size(), 0);
  for (uint32_t s = 0; s < slices.size(); ++s)
    if (!destPes[s].empty())
      treeOf[s] = nocModel->addTree(topo.slicePe[s], destPes[s]);
  stats.loadSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  ready = true;
  return image::Status::success();
}

image::Expected<runtime::RunResult>
RtlEngine::run(const std::vector<runtime::SpikeTrain> &inputs,
               const runtime::RunOptions &options,
               runtime::StepObserver *observer) {
  if (image::Status st = runtime::detail::checkInputs(state->image, inputs);
      !st)
    return st.error();
  if (!state->ready)
    if (image::Status st = state->init(); !st)
      return st.error();
  image::Expected<runtime::RunResult> result =
      state->run(inputs, options, observer);
  // A PE that reported an error has halted: rebuild before the next run.
  if (!result)
    state->ready = false;
  return result;
}

} // namespace snnc::rtl
