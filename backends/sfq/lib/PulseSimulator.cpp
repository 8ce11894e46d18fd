//===- PulseSimulator.cpp - Discrete-event simulation of a netlist --------===//
//
// Pending pulses live in a timing wheel: one bucket per tick of a window of
// W ticks past the current one, a bitmap of the non-empty buckets, and a
// binary heap for the few pulses further out (slow clocks, long pulser
// trains). Every emission is at least one tick in the future, so a bucket
// is complete when its tick comes up; sorting it by pin gives the
// (tick, cell, port) order, since input pins are numbered in cell order.
//
//===----------------------------------------------------------------------===//

#include "snnc/sfq/PulseSimulator.h"

#include "snnc/Support/CounterRng.h"

#include <algorithm>
#include <cassert>
#include <functional>

namespace snnc::sfq {
namespace {

constexpr uint64_t kNever = ~uint64_t(0);

/// Most ticks the wheel spans; pulses further out wait in a heap.
constexpr uint64_t kWheelCap = uint64_t(1) << 14;

/// A queued pulse is (input pin << 1) | fresh. A deferred pulse (fresh 0)
/// was already traced and counted as a setup violation; among pulses of
/// one (tick, cell, port) it goes first, as the one that arrived first.
constexpr uint32_t kFresh = 1;

/// Who drives an input pin: a fresh pulse from an input or clock cell is
/// where that source's own counter and (for clocks) next pulse come from.
enum class Source : uint8_t { Cell, Input, Clock };

/// Words a drained bucket keeps allocated for the next pulses it takes.
constexpr size_t kKeptBucketWords = 4096;

class PulseQueue {
public:
  void init(uint64_t horizon) {
    size_t w = 256;
    while (w <= horizon && w < kWheelCap)
      w <<= 1;
    buckets.assign(w, {});
    bits.assign(w / 64, 0);
    mask = w - 1;
    clear();
  }

  void clear() {
    for (auto &b : buckets)
      b.clear();
    std::fill(bits.begin(), bits.end(), 0);
    overflow.clear();
    inWheel = 0;
    now = 0;
  }

  void push(uint64_t tick, uint32_t word) {
    if (tick >= now && tick - now <= mask) {
      size_t b = tick & mask;
      buckets[b].push_back(word);
      bits[b >> 6] |= uint64_t(1) << (b & 63);
      ++inWheel;
      return;
    }
    if (tick < now) {
      rebase(tick);
      return push(tick, word);
    }
    overflow.push_back({tick, word});
    std::push_heap(overflow.begin(), overflow.end(), std::greater<>());
  }

  /// The earliest pending tick, if any.
  bool next(uint64_t &tick) const {
    if (inWheel) {
      size_t start = now & mask, words = bits.size();
      size_t w = start >> 6;
      uint64_t word = bits[w] & (~uint64_t(0) << (start & 63));
      for (size_t i = 0; i <= words; ++i) {
        if (word) {
          size_t b = (w << 6) | size_t(__builtin_ctzll(word));
          tick = now + ((b - start) & mask);
          return true;
        }
        w = (w + 1) % words;
        word = bits[w];
      }
    }
    if (overflow.empty())
      return false;
    tick = overflow.front().first;
    return true;
  }

  /// Moves the window to `tick` (the result of next()) and returns its
  /// pulses sorted by pin; release() them when processed.
  std::vector<uint32_t> &take(uint64_t tick) {
    now = tick;
    migrate();
    std::vector<uint32_t> &b = buckets[tick & mask];
    if (b.size() > 1)
      std::sort(b.begin(), b.end());
    return b;
  }

  void release(uint64_t tick) {
    size_t b = tick & mask;
    inWheel -= buckets[b].size();
    // A clock edge fills one bucket with a pulse per clocked cell; kept,
    // such capacity would pile up in every bucket an edge ever visited
    // (1.3 GB for the clocked Fashion LSM's 50 steps).
    if (buckets[b].capacity() > kKeptBucketWords)
      std::vector<uint32_t>().swap(buckets[b]);
    else
      buckets[b].clear();
    bits[b >> 6] &= ~(uint64_t(1) << (b & 63));
  }

private:
  /// Keeps the heap's pulses past the window, so next() may ignore it
  /// while the wheel holds any.
  void migrate() {
    while (!overflow.empty() && overflow.front().first - now <= mask) {
      std::pop_heap(overflow.begin(), overflow.end(), std::greater<>());
      auto [t, word] = overflow.back();
      overflow.pop_back();
      push(t, word);
    }
  }

  /// A pulse before the window (an inject() behind the last run): move the
  /// wheel's pulses to the heap and restart the window at `tick`.
  void rebase(uint64_t tick) {
    for (size_t b = 0; b < buckets.size(); ++b) {
      for (uint32_t word : buckets[b])
        overflow.push_back({now + ((b - now) & mask), word});
      buckets[b].clear();
    }
    std::make_heap(overflow.begin(), overflow.end(), std::greater<>());
    std::fill(bits.begin(), bits.end(), 0);
    inWheel = 0;
    now = tick;
    migrate();
  }

  std::vector<std::vector<uint32_t>> buckets;
  std::vector<uint64_t> bits;
  std::vector<std::pair<uint64_t, uint32_t>> overflow;
  size_t inWheel = 0;
  uint64_t mask = 0;
  uint64_t now = 0;
};

struct Window {
  uint8_t after;
  uint32_t ticks;
};

} // namespace

struct PulseSimulator::State {
  struct PinInfo {
    uint32_t cell;
    uint8_t port;
    CellKind kind;
    Source source;
    uint8_t windowCount;
    uint32_t windowBegin;
  };

  const Netlist &net;
  uint64_t seed;

  std::vector<PinInfo> pins;
  /// The output driving each input pin, for traces and clock periods.
  std::vector<Pin> driver;
  /// Input pin each output slot (Netlist::outputOffsets order) drives.
  std::vector<uint32_t> outPin;
  /// Windows "after X, not within t" on each (kind, port).
  std::vector<Window> windows;
  std::array<std::array<uint32_t, kMaxCellOutputs>, kNumCellKinds> delay{};
  /// (element, input pin) of each input cell, sorted.
  std::vector<std::pair<uint32_t, uint32_t>> inputs;
  std::vector<uint32_t> clocks;

  std::vector<uint64_t> cellState;
  std::vector<uint64_t> lastAccepted;
  std::array<uint64_t, kNumCounters> counts{};
  uint64_t events = 0;
  PulseQueue queue;

  State(const Netlist &net, const TimingTable &timing, uint64_t seed);
  void reset();
  void process(uint64_t t, uint32_t word, std::vector<NeuronFire> &fires,
               std::vector<PulseRecord> *trace);

  uint64_t d0(CellKind kind) const { return delay[unsigned(kind)][0]; }
  void count(Counter c) { ++counts[index(c)]; }
  void emit(uint64_t tick, uint32_t cell, unsigned out) {
    queue.push(tick, (outPin[net.outputOffsets()[cell] + out] << 1) | kFresh);
  }
};

PulseSimulator::State::State(const Netlist &net, const TimingTable &timing,
                             uint64_t seed)
    : net(net), seed(seed) {
  // Windows per (kind, port), so a pin finds its own with two fields.
  std::array<std::array<std::pair<uint32_t, uint8_t>, kMaxCellInputs>,
             kNumCellKinds>
      windowRange{};
  uint64_t horizon = 0;
  for (unsigned k = 0; k < kNumCellKinds; ++k) {
    const CellTiming &ct = timing[k];
    for (unsigned y = 0; y < kindInfo(CellKind(k)).inputs; ++y) {
      windowRange[k][y].first = static_cast<uint32_t>(windows.size());
      for (const Separation &s : ct.separations)
        if (s.on == y && s.after < kindInfo(CellKind(k)).inputs &&
            s.ticks > 0) {
          windows.push_back({s.after, s.ticks});
          horizon = std::max<uint64_t>(horizon, s.ticks);
        }
      windowRange[k][y].second =
          static_cast<uint8_t>(windows.size() - windowRange[k][y].first);
    }
    for (unsigned o = 0; o < kMaxCellOutputs; ++o) {
      delay[k][o] = ct.delay[o];
      horizon = std::max<uint64_t>(horizon, ct.delay[o]);
    }
  }

  std::vector<uint32_t> firstIn(net.size() + 1, 0);
  for (uint32_t c = 0; c < net.size(); ++c)
    firstIn[c + 1] = firstIn[c] + kindInfo(net.cell(c).kind).inputs;
  assert(firstIn.back() < (uint32_t(1) << 31) && "too many input pins");
  pins.resize(firstIn.back());
  driver.resize(firstIn.back());
  for (uint32_t c = 0; c < net.size(); ++c) {
    CellKind kind = net.cell(c).kind;
    for (unsigned y = 0; y < kindInfo(kind).inputs; ++y) {
      auto [begin, count] = windowRange[unsigned(kind)][y];
      pins[firstIn[c] + y] = {c, uint8_t(y), kind, Source::Cell, count, begin};
    }
  }
  outPin.resize(net.allDrives().size());
  for (uint32_t c = 0; c < net.size(); ++c) {
    const Cell &cell = net.cell(c);
    for (unsigned o = 0; o < kindInfo(cell.kind).outputs; ++o) {
      Pin to = net.destination(c, o);
      assert(to.cell < net.size() && "netlist must pass check()");
      uint32_t pin = firstIn[to.cell] + to.port;
      outPin[net.outputOffsets()[c] + o] = pin;
      driver[pin] = {c, uint8_t(o)};
      if (cell.kind == CellKind::Input) {
        pins[pin].source = Source::Input;
        // Elements past 2^32 - 1 cannot be injected.
        if (cell.a <= ~uint32_t(0))
          inputs.push_back({uint32_t(cell.a), pin});
      } else if (cell.kind == CellKind::Clock) {
        pins[pin].source = Source::Clock;
        clocks.push_back(c);
        horizon = std::max(horizon, cell.a);
      } else if (cell.kind == CellKind::Pulser && cell.b < kWheelCap) {
        uint64_t k = std::min<uint64_t>(cell.a, kWheelCap);
        horizon = std::max(horizon, d0(cell.kind) + (k - 1) * cell.b);
      }
    }
  }
  std::sort(inputs.begin(), inputs.end());
  queue.init(horizon);
  reset();
}

void PulseSimulator::State::reset() {
  cellState.assign(net.size(), 0);
  lastAccepted.assign(pins.size(), kNever);
  counts.fill(0);
  events = 0;
  queue.clear();
  for (uint32_t c : clocks)
    emit(net.cell(c).b, c, 0);
}

void PulseSimulator::State::process(uint64_t t, uint32_t word,
                                    std::vector<NeuronFire> &fires,
                                    std::vector<PulseRecord> *trace) {
  ++events;
  uint32_t pin = word >> 1;
  const PinInfo &info = pins[pin];
  if (word & kFresh) {
    if (trace)
      trace->push_back({t, driver[pin].cell, driver[pin].port});
    if (info.source == Source::Input) {
      count(Counter::InputPulses);
    } else if (info.source == Source::Clock) {
      count(Counter::ClockPulses);
      queue.push(t + net.cell(driver[pin].cell).a, word);
    }
  }

  if (info.windowCount) {
    const uint64_t *last = &lastAccepted[pin - info.port];
    uint64_t end = 0;
    for (unsigned i = 0; i < info.windowCount; ++i) {
      const Window &w = windows[info.windowBegin + i];
      uint64_t l = last[w.after];
      if (l != kNever && t < l + w.ticks)
        end = std::max(end, l + w.ticks);
    }
    if (end) {
      if (kindInfo(info.kind).clocked) {
        if (word & kFresh)
          count(Counter::SetupViolations);
        queue.push(end, word & ~kFresh);
        return;
      }
      if (info.kind == CellKind::Merge) {
        count(Counter::MergeCollisions);
        return;
      }
      // Absorbed pulses still reached the synapse or neuron.
      if (info.kind == CellKind::Synapse || info.kind == CellKind::Pulser)
        count(Counter::SynapticEvents);
      else if (info.kind == CellKind::Neuron)
        count(Counter::NeuronUpdates);
      count(Counter::PulseCollisions);
      return;
    }
  }
  lastAccepted[pin] = t;

  uint32_t c = info.cell;
  uint64_t &s = cellState[c];
  const uint32_t *d = delay[unsigned(info.kind)].data();
  switch (info.kind) {
  case CellKind::Input:
  case CellKind::Clock:
    break;
  case CellKind::Sink:
    count(Counter::SinkPulses);
    break;
  case CellKind::Jtl:
    count(Counter::JtlPulses);
    emit(t + d[0], c, 0);
    break;
  case CellKind::Split:
    count(Counter::SplitPulses);
    emit(t + d[0], c, 0);
    emit(t + d[1], c, 1);
    break;
  case CellKind::Merge:
    count(Counter::MergePulses);
    emit(t + d[0], c, 0);
    break;
  case CellKind::Synapse: {
    count(Counter::SynapticEvents);
    const Cell &cell = net.cell(c);
    uint64_t u = snn::reservoir::detail::CounterRng::at(seed, kSynapseStream,
                                                        cell.b, ++s) >>
                 32;
    if (u < cell.a) {
      count(Counter::SynapsePasses);
      emit(t + d[0], c, 0);
    } else {
      count(Counter::SynapseBlocks);
    }
    break;
  }
  case CellKind::Pulser: {
    count(Counter::SynapticEvents);
    const Cell &cell = net.cell(c);
    counts[index(Counter::PulserPulses)] += cell.a;
    for (uint64_t j = 0; j < cell.a; ++j)
      emit(t + d[0] + j * cell.b, c, 0);
    break;
  }
  case CellKind::Neuron: {
    count(Counter::NeuronUpdates);
    if (info.port != 0) {
      count(info.port == 1 ? Counter::NeuronInhibitions : Counter::NeuronLeaks);
      s -= s > 0;
      break;
    }
    count(Counter::NeuronExcitations);
    const Cell &cell = net.cell(c);
    if (++s < cell.a)
      break;
    count(Counter::NeuronFires);
    emit(t + d[0], c, 0);
    fires.push_back({t, c});
    auto rule = ResetRule(cell.b);
    s = rule == ResetRule::Zero       ? 0
        : rule == ResetRule::Subtract ? s - cell.a
                                      : s - 1;
    break;
  }
  case CellKind::Dff:
    if (info.port == 0) {
      count(s ? Counter::DffDrops : Counter::DffStores);
      s = 1;
    } else if (s) {
      count(Counter::DffReads);
      emit(t + d[0], c, 0);
      s = 0;
    } else {
      count(Counter::DffEmptyClocks);
    }
    break;
  case CellKind::Ndro:
    if (info.port == 0) {
      count(s ? Counter::NdroRepeatSets : Counter::NdroSets);
      s = 1;
    } else if (info.port == 1) {
      count(s ? Counter::NdroResets : Counter::NdroRepeatResets);
      s = 0;
    } else if (s) {
      count(Counter::NdroReads);
      emit(t + d[0], c, 0);
    } else {
      count(Counter::NdroEmptyClocks);
    }
    break;
  case CellKind::And2:
    // Bit 0: a stored, bit 1: b stored.
    if (info.port < 2) {
      uint64_t bit = uint64_t(1) << info.port;
      count(s & bit ? Counter::And2Repeats : Counter::And2Stores);
      s |= bit;
    } else {
      if (s == 3) {
        count(Counter::And2ClocksBoth);
        emit(t + d[0], c, 0);
      } else {
        count(s ? Counter::And2ClocksOne : Counter::And2ClocksNone);
      }
      s = 0;
    }
    break;
  case CellKind::Or2:
    if (info.port < 2) {
      count(s ? Counter::Or2Repeats : Counter::Or2Stores);
      s = 1;
    } else if (s) {
      count(Counter::Or2Reads);
      emit(t + d[0], c, 0);
      s = 0;
    } else {
      count(Counter::Or2EmptyClocks);
    }
    break;
  case CellKind::Xor2:
    // State 0, 1 (a stored) or 2 (b stored); port + 1 is the state an
    // input leads to from 0.
    if (info.port < 2) {
      uint64_t mine = info.port + 1u;
      if (s == 0 || s == mine) {
        count(Counter::Xor2Firsts);
        s = mine;
      } else {
        count(Counter::Xor2Seconds);
        s = 0;
      }
    } else if (s) {
      count(Counter::Xor2Reads);
      emit(t + d[0], c, 0);
      s = 0;
    } else {
      count(Counter::Xor2EmptyClocks);
    }
    break;
  case CellKind::Not:
    if (info.port == 0) {
      count(s ? Counter::NotRepeats : Counter::NotStores);
      s = 1;
    } else if (s) {
      count(Counter::NotClears);
      s = 0;
    } else {
      count(Counter::NotReads);
      emit(t + d[0], c, 0);
    }
    break;
  }
}

PulseSimulator::PulseSimulator(const Netlist &netlist,
                               const TimingTable &timing, uint64_t seed)
    : state(std::make_unique<State>(netlist, timing, seed)) {}

PulseSimulator::~PulseSimulator() = default;

void PulseSimulator::reset() { state->reset(); }

void PulseSimulator::inject(uint64_t tick, uint32_t element) {
  auto it = std::lower_bound(state->inputs.begin(), state->inputs.end(),
                             std::make_pair(element, uint32_t(0)));
  for (; it != state->inputs.end() && it->first == element; ++it)
    state->queue.push(tick, (it->second << 1) | kFresh);
}

void PulseSimulator::runUntil(uint64_t endTick, std::vector<NeuronFire> &fires,
                              std::vector<PulseRecord> *trace) {
  State &s = *state;
  uint64_t t;
  while (s.queue.next(t) && t < endTick) {
    std::vector<uint32_t> &bucket = s.queue.take(t);
    // Indexing, not iterators: processing pushes to other buckets only.
    for (size_t i = 0; i < bucket.size(); ++i)
      s.process(t, bucket[i], fires, trace);
    s.queue.release(t);
  }
}

const std::array<uint64_t, kNumCounters> &PulseSimulator::counters() const {
  return state->counts;
}

uint64_t PulseSimulator::eventsProcessed() const { return state->events; }

uint64_t PulseSimulator::neuronState(uint32_t cell) const {
  return state->cellState[cell];
}

} // namespace snnc::sfq
