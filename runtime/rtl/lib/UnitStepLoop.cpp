//===- UnitStepLoop.cpp - The step loop every RTL engine shares -----------===//

#include "snnc/rtl/UnitStepLoop.h"

#include "snnc/runtime/RunBookkeeping.h"

#include <algorithm>

namespace snnc::rtl {

UnitArray::~UnitArray() = default;

namespace {

struct Packet {
  uint64_t emit;
  uint32_t srcPe;
  uint32_t payload;
  uint32_t slice;
};

/// The scratch of one run, reused step by step.
class Loop {
public:
  Loop(const image::Image &image, UnitArray &units, double budget,
       runtime::RunResult &result)
      : image(image), units(units), budget(budget), result(result),
        spikes(units.units().size()), readouts(units.units().size()),
        queues(units.units().size()), popSpikes(image.populations.size()) {
    uint32_t global = 0;
    for (const image::InputPort &port : image.inputs) {
      inputBase.push_back(global);
      global += static_cast<uint32_t>(port.slices.size());
    }
    inputSlices = global;
    injected.assign(result.peLoads.size(), 0);
    busyBefore.assign(units.units().size(), 0);
  }

  /// One step; its latency in `stepEnd`, true when a unit overran the
  /// budget.
  image::Expected<bool> step(uint64_t t, uint64_t &stepEnd);

  std::vector<std::vector<uint32_t>> inSpikes;
  std::vector<std::vector<uint32_t>> popSpikes;

private:
  void inputPackets();
  void unitPackets();
  void carry();
  bool charge(uint64_t &stepEnd);
  void recordReadouts(uint64_t t);

  const image::Image &image;
  UnitArray &units;
  double budget;
  runtime::RunResult &result;
  std::vector<std::vector<UnitSpike>> spikes;
  std::vector<std::vector<UnitReadout>> readouts;
  std::vector<std::vector<UnitArrival>> queues;
  std::vector<uint32_t> inputBase;
  /// Input slices come first in global slice order; this many of them.
  uint32_t inputSlices = 0;
  std::vector<uint64_t> injected;
  std::vector<uint64_t> busyBefore;
  std::vector<Packet> packets, carried;
  std::vector<Noc::Injection> injections;
};

/// Input slices inject one packet per cycle from cycle 0, in train order.
void Loop::inputPackets() {
  std::fill(injected.begin(), injected.end(), 0);
  for (uint32_t i = 0; i < inSpikes.size(); ++i) {
    const std::vector<image::Slice> &ss = image.inputs[i].slices;
    for (uint32_t idx : inSpikes[i]) {
      auto it = std::upper_bound(
          ss.begin(), ss.end(), idx,
          [](uint32_t v, const image::Slice &s) { return v < s.first; });
      const image::Slice &s = *(it - 1);
      uint32_t slice = inputBase[i] + uint32_t(it - 1 - ss.begin());
      packets.push_back({injected[slice]++, s.pe,
                         units.inputPayload(slice, idx - s.first), slice});
      units.countPacket(i, idx, result.counters);
    }
  }
}

void Loop::unitPackets() {
  uint32_t numInputs = static_cast<uint32_t>(image.inputs.size());
  for (std::vector<uint32_t> &v : popSpikes)
    v.clear();
  const std::vector<UnitArray::Unit> &all = units.units();
  for (size_t k = 0; k < all.size(); ++k) {
    const UnitArray::Unit &u = all[k];
    for (const UnitSpike &s : spikes[k]) {
      uint32_t neuron = u.first + s.local;
      popSpikes[u.population].push_back(neuron);
      packets.push_back({s.cycle, u.pe, s.payload, u.slice});
      units.countPacket(numInputs + u.population, neuron, result.counters);
    }
  }
}

/// Packets leave in cycle order (ties: lower PE first) and reach the queues
/// of the units that hold their synapses.
void Loop::carry() {
  std::stable_sort(
      packets.begin(), packets.end(), [](const Packet &a, const Packet &b) {
        return a.emit != b.emit ? a.emit < b.emit : a.srcPe < b.srcPe;
      });
  for (std::vector<UnitArrival> &q : queues)
    q.clear();
  carried.clear();
  injections.clear();
  const std::vector<std::vector<uint32_t>> &dest = units.destinations();
  for (const Packet &p : packets)
    if (!dest[p.slice].empty()) {
      carried.push_back(p);
      injections.push_back({p.emit, units.trees()[p.slice]});
    }
  units.noc().carry(injections, [&](size_t i, uint32_t d, uint64_t at) {
    const Packet &p = carried[i];
    queues[dest[p.slice][d]].push_back({at, p.payload});
  });
  for (std::vector<UnitArrival> &q : queues)
    std::stable_sort(q.begin(), q.end(),
                     [](const UnitArrival &a, const UnitArrival &b) {
                       return a.cycle < b.cycle;
                     });
}

/// Loads of the input slices (one cycle per packet) and of the units.
bool Loop::charge(uint64_t &stepEnd) {
  bool violated = false;
  auto add = [&](uint32_t slice, double busy, uint64_t end) {
    violated |= runtime::detail::chargeLoad(result.peLoads[slice], busy,
                                            double(end), budget);
    stepEnd = std::max(stepEnd, end);
  };
  for (uint32_t s = 0; s < inputSlices; ++s)
    add(s, double(injected[s]), injected[s]);
  const std::vector<UnitArray::Unit> &all = units.units();
  for (size_t k = 0; k < all.size(); ++k) {
    uint64_t busy = units.busyCycles(k);
    add(all[k].slice, double(busy - busyBefore[k]), units.stepCycles(k));
    busyBefore[k] = busy;
  }
  return violated;
}

void Loop::recordReadouts(uint64_t t) {
  const std::vector<UnitArray::Unit> &all = units.units();
  for (size_t k = 0; k < all.size(); ++k)
    for (runtime::OutputTrace &trace : result.outputs)
      if (trace.kind == image::OutputKind::Current &&
          trace.population == all[k].population)
        for (const UnitReadout &r : readouts[k])
          trace.values[t * trace.size + all[k].first + r.local] = r.value;
}

image::Expected<bool> Loop::step(uint64_t t, uint64_t &stepEnd) {
  for (size_t k = 0; k < spikes.size(); ++k) {
    spikes[k].clear();
    readouts[k].clear();
    if (image::Status st = units.neuronPhase(k, t, spikes[k], readouts[k]); !st)
      return st.error();
  }
  packets.clear();
  inputPackets();
  unitPackets();
  carry();
  for (size_t k = 0; k < queues.size(); ++k)
    if (image::Status st = units.synapsePhase(k, t, queues[k]); !st)
      return st.error();
  stepEnd = 0;
  bool violated = charge(stepEnd);
  units.countStep(result.counters);
  recordReadouts(t);
  return violated;
}

} // namespace

image::Status runUnitSteps(const image::Image &image, UnitArray &units,
                           const std::vector<runtime::SpikeTrain> &inputs,
                           const runtime::RunOptions &options,
                           runtime::StepObserver *observer, double budget,
                           const TraceWindow &window,
                           runtime::RunResult &result, UnitLoopStats &stats) {
  Loop loop(image, units, budget, result);
  runtime::detail::InputCursor cursor(inputs);
  uint64_t traceBase = 0;
  for (uint64_t t = 0; t < options.steps; ++t) {
    units.setTracing(window.covers(t), traceBase);
    cursor.step(t, loop.inSpikes);
    uint64_t stepEnd = 0;
    image::Expected<bool> violated = loop.step(t, stepEnd);
    if (!violated)
      return violated.error();
    result.realTimeViolations += *violated;
    stats.stepCyclesTotal += stepEnd;
    stats.stepCyclesMax = std::max(stats.stepCyclesMax, stepEnd);
    traceBase += stepEnd + 1;
    result.steps = t + 1;
    runtime::detail::recordSpikes(t, loop.popSpikes, options, result);
    if (*violated && options.stopOnRealTimeViolation) {
      result.stopReason = runtime::StopReason::RealTimeViolation;
      break;
    }
    if (observer && !observer->onStep(
                        {t, loop.popSpikes, loop.inSpikes, result.counters})) {
      result.stopReason = runtime::StopReason::ObserverStopped;
      break;
    }
  }
  units.setTracing(false, traceBase);
  runtime::detail::finishRun(options, result);
  return image::Status::success();
}

} // namespace snnc::rtl
