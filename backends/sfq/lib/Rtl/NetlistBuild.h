//===- NetlistBuild.h - A netlist's RTL, verilated at run time --*- C++ -*-===//
//
// Every compiled network is its own netlist, so unlike the PE and the
// crossbar unit its RTL cannot be verilated when snnc is built. The
// emitted top (EmitVerilog.h) and a small C-ABI shim are verilated and
// compiled into a shared object the first time a netlist is run, kept in a
// cache directory under a hash of everything that went into it, and
// dlopened. The shim drives the model with the shared Verilated-unit
// driver (runtime/rtl's VerilatedUnit: clock, reset, checked VCD), so a
// netlist behaves like every other target's unit (rtl::UnitModel).
//
// Builds are safe to run concurrently: each builds in a private temporary
// directory that is renamed into place, and a loser of the race uses the
// winner's object. Every failure (no verilator or compiler, a compile
// error, a full disk) comes back as an error naming the step and the tail
// of its log (kept in the cache directory).
//
// The tools and sources found when snnc was configured can be overridden
// at run time: SNNC_VERILATOR (verilator_bin), SNNC_VERILATOR_INCLUDE (its
// include directory), SNNC_RTL_CXX (the C++ compiler), SNNC_SFQ_HW_DIR (the
// cell models); SNNC_RTL_CACHE moves the cache (defaultCacheDir()). The
// Verilator runtime is compiled once per cache, Verilator and compiler.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_RTL_NETLISTBUILD_H
#define SNNC_SFQ_RTL_NETLISTBUILD_H

#include "snnc/image/ImageError.h"
#include "snnc/rtl/UnitModel.h"
#include "snnc/sfq/CellTiming.h"
#include "snnc/sfq/Counters.h"
#include "snnc/sfq/Netlist.h"
#include "snnc/sfq/PulseSimulator.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snnc::sfq::rtl {

struct BuildOptions {
  /// Build with --trace, so that openTrace() can write waveforms.
  bool trace = false;
  /// Test only: every merger ignores its cross-input windows
  /// (sfq_merge's WrongMergeRule), which the differential tests must catch.
  bool wrongMergeRule = false;
  /// "" means defaultCacheDir().
  std::string cacheDir;
};

/// $SNNC_RTL_CACHE, else $XDG_CACHE_HOME/snnc/sfq-rtl, else
/// $HOME/.cache/snnc/sfq-rtl (else a directory under /tmp).
std::string defaultCacheDir();

/// A pulse leaving input element `element`'s input cell at `tick`.
struct Injection {
  uint64_t tick = 0;
  uint32_t element = 0;
};

struct BuildInfo {
  /// The shared object loaded.
  std::string library;
  /// Whether it came from the cache (no verilator run).
  bool cached = false;
  /// Wall time of verilating and compiling (0 when cached).
  double buildSeconds = 0;
};

class VerilatedNetlist final : public snnc::rtl::UnitModel {
public:
  /// Emits, builds (or finds in the cache) and loads the netlist's model;
  /// the model is reset with seed 0. `netlist` must pass check().
  static image::Expected<std::unique_ptr<VerilatedNetlist>>
  build(const Netlist &netlist, const TimingTable &timing,
        const BuildOptions &options = {});

  ~VerilatedNetlist() override;
  VerilatedNetlist(const VerilatedNetlist &) = delete;
  VerilatedNetlist &operator=(const VerilatedNetlist &) = delete;

  /// rtl::UnitModel: back to tick 0, every cell empty, counters 0, no
  /// pulse queued. The seed set by setSeed() stays.
  void reset() override;
  bool openTrace(const std::string &path) override;
  void setTracing(bool on, uint64_t cycle) override;
  std::string closeTrace() override;

  /// The synapses' seed (seed_i), from the next tick on: set it before the
  /// first tick of a run.
  void setSeed(uint64_t seed);

  /// One tick: a pulse leaves the input cell of each element in `elements`
  /// (elements without an input cell are ignored). Fires decided in the
  /// tick are appended to `fires`, if given.
  void tick(const std::vector<uint32_t> &elements = {},
            std::vector<NeuronFire> *fires = nullptr);

  /// Ticks until `endTick` (exclusive), injecting `injections` (any order;
  /// those outside [now(), endTick) are dropped) and appending fires in
  /// ref's order (tick, then neuron cell). Equivalent to PulseSimulator's
  /// inject() of the same pulses and runUntil(endTick).
  void runUntil(uint64_t endTick, const std::vector<Injection> &injections,
                std::vector<NeuronFire> &fires);

  /// PulseSimulator's interface: inject() queues a pulse, runUntil() runs
  /// with the queued pulses below `endTick` and keeps the later ones.
  /// Pulses queued before now() are dropped (the model cannot go back).
  void inject(uint64_t tick, uint32_t element);
  void runUntil(uint64_t endTick, std::vector<NeuronFire> &fires);

  /// Ticks since reset.
  uint64_t now() const;
  std::array<uint64_t, kNumCounters> counters() const;
  /// pulseSum(trace) of ref's trace over the same ticks, and its length.
  uint64_t pulseSum() const;
  uint64_t pulseCount() const;
  /// A wire or a deferral slot saturated since reset, or more than three
  /// pulses of one element were injected in one tick: pulses were lost and
  /// the run no longer matches ref.
  bool overflowed() const;

  /// Neuron cells in netlist order (fire_o order).
  const std::vector<uint32_t> &neurons() const { return neuronCells_; }
  const BuildInfo &info() const { return info_; }

private:
  struct Library;
  VerilatedNetlist() = default;

  std::shared_ptr<Library> library;
  void *model = nullptr;
  std::vector<Injection> queued;
  std::vector<uint32_t> neuronCells_;
  BuildInfo info_;
};

} // namespace snnc::sfq::rtl

#endif // SNNC_SFQ_RTL_NETLISTBUILD_H
