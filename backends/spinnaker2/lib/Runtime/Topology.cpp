//===- Topology.cpp - Image facts every engine precomputes ----------------===//

#include "Topology.h"

#include "RouterHops.h"

#include "snnc/Support/ClockRange.h"
#include "snnc/Support/FormatNumber.h"
#include "snnc/runtime/RunBookkeeping.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace snnc::runtime::detail {

namespace {

/// Does the router of `chip` match `key`? A packet that no entry of its
/// source chip matches is dropped at its own PE, so it is never sent.
bool isRouted(const spinnaker2::RoutingSection &routes, uint32_t chip,
              uint32_t key) {
  if (chip >= routes.tables.size())
    return false;
  for (const spinnaker2::RoutingEntry &e : routes.tables[chip].entries)
    if ((key & e.mask) == e.key)
      return true;
  return false;
}

void addSlices(const image::Image &image,
               const std::vector<image::Slice> &slices, bool updatesNeurons,
               Topology &t, std::vector<uint8_t> &routed) {
  uint32_t pesPerChip = std::max(1u, image.placement.pesPerChip);
  const spinnaker2::RoutingSection &routes = spinnaker2::routing(image);
  for (const image::Slice &s : slices) {
    // Slices arrive in the global order, so this is the slice's index.
    uint32_t key = routes.keys[t.slicePe.size()].base;
    t.slicePe.push_back(s.pe);
    t.sliceNeurons.push_back(updatesNeurons ? s.count : 0);
    for (uint32_t i = 0; i < s.count; ++i)
      routed[s.first + i] = isRouted(routes, s.pe / pesPerChip, key | i);
  }
}

/// Fills slicesPerRow, sliceStride, rowSliceCounts and maxRowSliceCount
/// (after rowSlices).
void addSliceCounts(const image::Image &image, Topology &t) {
  for (const image::Population &pop : image.populations)
    t.sliceStride.push_back((uint32_t(pop.slices.size()) + 7) / 8 * 8);
  size_t projections = image.projections.size();
  t.slicesPerRow.assign(projections, 0);
  t.rowSliceCounts.resize(projections);
  t.maxRowSliceCount.assign(projections, 0);
  for (size_t q = 0; q < projections; ++q) {
    const image::Projection &proj = image.projections[q];
    const image::Population &target = image.populations[proj.target];
    if (target.slices.size() < 2)
      continue;
    if (proj.isProcedural) {
      // Reservoir rows have no duplicate targets, so no count exceeds the
      // largest slice.
      uint32_t largest = 0;
      for (const image::Slice &s : target.slices)
        largest = std::max(largest, s.count);
      uint64_t rows = image::sourceSize(image, proj.source);
      double expected =
          snn::reservoir::Expander(proj.procedural.spec).expectedSynapses();
      t.slicesPerRow[q] =
          largest <= 65535 && double(rows * target.slices.size()) <= expected;
      continue;
    }
    const std::vector<uint32_t> &counts = t.rowSlices[q];
    if (counts.empty() ||
        *std::max_element(counts.begin(), counts.end()) > 65535)
      continue;
    size_t slices = target.slices.size(), stride = t.sliceStride[proj.target];
    std::vector<uint16_t> &out = t.rowSliceCounts[q];
    out.assign(counts.size() / slices * stride, 0);
    for (size_t i = 0; i < counts.size() / slices; ++i)
      for (size_t c = 0; c < slices; ++c)
        out[i * stride + c] = static_cast<uint16_t>(counts[i * slices + c]);
    t.maxRowSliceCount[q] = *std::max_element(out.begin(), out.end());
    t.slicesPerRow[q] = 1;
  }
}

/// Fills narrowTargets and storedRows.
void addStoredRows(const image::Image &image, Topology &t) {
  for (const image::Population &pop : image.populations)
    t.narrowTargets.push_back(pop.size <= 65536);
  t.storedRows.resize(image.projections.size());
  for (size_t q = 0; q < image.projections.size(); ++q) {
    const image::Projection &proj = image.projections[q];
    if (proj.isProcedural)
      continue;
    const image::StoredSynapses &s = proj.stored;
    const std::vector<int16_t> &weightQ =
        spinnaker2::fixedPoint(image).projections[q].weightQ;
    StoredRows &out = t.storedRows[q];
    bool narrow = t.narrowTargets[proj.target];
    if (t.uniformDelay[q] != 0 || s.target.empty()) {
      if (narrow)
        out.target16.assign(s.target.begin(), s.target.end());
      continue;
    }
    uint64_t rows = s.rowPtr.size() - 1;
    std::vector<uint64_t> order;
    out.groupPtr.push_back(0);
    for (uint64_t i = 0; i < rows; ++i) {
      uint64_t begin = s.rowPtr[i], end = s.rowPtr[i + 1];
      size_t first = order.size();
      for (uint64_t k = begin; k < end; ++k)
        order.push_back(k);
      std::stable_sort(
          order.begin() + first, order.end(),
          [&](uint64_t a, uint64_t b) { return s.delay[a] < s.delay[b]; });
      for (uint64_t k = begin; k < end; ++k) {
        uint16_t d = s.delay[order[k]];
        if (k + 1 == end || s.delay[order[k + 1]] != d) {
          out.groupDelay.push_back(d);
          out.groupEnd.push_back(k + 1);
        }
      }
      out.groupPtr.push_back(out.groupEnd.size());
    }
    for (uint64_t k : order) {
      if (narrow)
        out.target16.push_back(static_cast<uint16_t>(s.target[k]));
      else
        out.target32.push_back(s.target[k]);
      out.weightQ.push_back(weightQ[k]);
      out.weight.push_back(s.weight[k]);
    }
  }
}

} // namespace

namespace {

/// The field as the compile saw it: its --target-config override when it
/// set one, else target.json's entry; null when neither has it.
const nlohmann::json *modelField(const image::Image &image, const char *key) {
  for (const char *layer : {"overrides", "target"}) {
    auto doc = image.targetModel.find(layer);
    if (doc == image.targetModel.end() || !doc->is_object())
      continue;
    auto it = doc->find(key);
    if (it == doc->end())
      continue;
    if (it->is_object() && it->contains("value"))
      return &it->at("value");
    return &*it;
  }
  return nullptr;
}

/// The cycle model's fields and the values a run can price.
struct ModelRange {
  const char *key;
  double min;
  double max;
};
constexpr ModelRange kModelRanges[] = {
    {"clock_hz", kMinClockHz, kMaxClockHz},
    {"step_cycle_budget", 0, 1e15},
    {"cycles_per_neuron_update", 0, 1e9},
    {"cycles_per_synaptic_event", 0, 1e9},
    {"cycles_per_step_overhead", 0, 1e12},
};

} // namespace

double targetModelNumber(const image::Image &image, const char *key) {
  const nlohmann::json *value = modelField(image, key);
  return value && value->is_number() ? value->get<double>() : 0;
}

image::Status checkTargetModel(const image::Image &image) {
  for (const ModelRange &r : kModelRanges) {
    const nlohmann::json *value = modelField(image, r.key);
    std::string range =
        "[" + formatNumber(r.min) + ", " + formatNumber(r.max) + "]";
    if (!value || !value->is_number())
      return image::ImageError{
          "manifest.json",
          std::string("target.model: '") + r.key + "' is " +
              (value ? value->dump() : std::string("missing")) +
              "; it must be a number in " + range};
    double x = value->get<double>();
    if (!std::isfinite(x) || x < r.min || x > r.max)
      return image::ImageError{
          "manifest.json", std::string("target.model: '") + r.key + "' is " +
                               value->dump() + "; it must lie in " + range};
  }
  return image::Status::success();
}

CycleModel readCycleModel(const image::Image &image) {
  CycleModel m;
  m.perNeuronUpdate = targetModelNumber(image, "cycles_per_neuron_update");
  m.perSynapticEvent = targetModelNumber(image, "cycles_per_synaptic_event");
  m.perStepOverhead = targetModelNumber(image, "cycles_per_step_overhead");
  m.stepBudget = targetModelNumber(image, "step_cycle_budget");
  return m;
}

Topology buildTopology(const image::Image &image) {
  Topology t;
  t.numInputs = static_cast<uint32_t>(image.inputs.size());
  size_t sources = image.inputs.size() + image.populations.size();
  t.outgoing.resize(sources);
  t.routed.resize(sources);
  for (uint32_t q = 0; q < image.projections.size(); ++q)
    t.outgoing[t.sourceId(image.projections[q].source)].push_back(q);

  std::vector<uint32_t> maxDelay(image.populations.size(), 0);
  for (const image::Projection &q : image.projections)
    maxDelay[q.target] = std::max(maxDelay[q.target], q.maxDelay);
  for (uint32_t d : maxDelay)
    t.ringMask.push_back(ringSlots(d) - 1);

  uint32_t global = 0;
  for (uint32_t i = 0; i < image.inputs.size(); ++i) {
    const image::InputPort &port = image.inputs[i];
    t.sliceBase.push_back(global);
    global += static_cast<uint32_t>(port.slices.size());
    t.routed[i].assign(port.size, 0);
    addSlices(image, port.slices, /*updatesNeurons=*/false, t, t.routed[i]);
  }
  t.sliceOfNeuron.resize(image.populations.size());
  for (uint32_t p = 0; p < image.populations.size(); ++p) {
    const image::Population &pop = image.populations[p];
    t.sliceBase.push_back(global);
    global += static_cast<uint32_t>(pop.slices.size());
    t.routed[t.numInputs + p].assign(pop.size, 0);
    addSlices(image, pop.slices, /*updatesNeurons=*/true, t,
              t.routed[t.numInputs + p]);
    if (pop.slices.size() > 1) {
      t.sliceOfNeuron[p].resize(pop.size);
      for (uint32_t s = 0; s < pop.slices.size(); ++s)
        std::fill_n(t.sliceOfNeuron[p].begin() + pop.slices[s].first,
                    pop.slices[s].count, s);
    }
  }
  t.uniformDelay.assign(image.projections.size(), 0);
  for (size_t q = 0; q < image.projections.size(); ++q) {
    const std::vector<uint16_t> &delay = image.projections[q].stored.delay;
    if (!image.projections[q].isProcedural && !delay.empty() &&
        std::all_of(delay.begin(), delay.end(),
                    [&](uint16_t d) { return d == delay[0]; }))
      t.uniformDelay[q] = delay[0];
  }
  t.rowSlices.resize(image.projections.size());
  for (size_t q = 0; q < image.projections.size(); ++q) {
    const image::Projection &proj = image.projections[q];
    const std::vector<uint32_t> &sliceOf = t.sliceOfNeuron[proj.target];
    uint64_t rows = image::sourceSize(image, proj.source);
    uint64_t slices = image.populations[proj.target].slices.size();
    if (proj.isProcedural || sliceOf.empty() ||
        rows * slices > image::storedSynapseCount(proj))
      continue;
    std::vector<uint32_t> &counts = t.rowSlices[q];
    counts.assign(rows * slices, 0);
    for (uint64_t i = 0; i < rows; ++i)
      for (uint64_t k = proj.stored.rowPtr[i]; k < proj.stored.rowPtr[i + 1];
           ++k)
        ++counts[i * slices + sliceOf[proj.stored.target[k]]];
  }
  addSliceCounts(image, t);
  addStoredRows(image, t);
  t.cycles = readCycleModel(image);
  routerHops(image, t.hops);
  t.hopsModelled = true;
  return t;
}

} // namespace snnc::runtime::detail
