//===- RtlEngine.cpp - The crossbar chip on Verilated units ---------------===//
//
// One Verilated hw/crossbar/xbar_unit per population slice (the periphery
// beside its tiles), the behavioural analog array every unit reads
// through, and the shared step loop of runtime/rtl: per step every unit's
// neuron phase, the spikes carried as packets over the NoC model to the
// units whose tiles their rows drive, and every unit's synapse phase (word
// lines, then one read of each driven tile, its columns accumulated into
// slot t + delay; a digital tile's read is the unit's own, from its
// digital memory). Spikes, readouts and counters equal ref's bit for bit;
// cycles are the RTL's.
//
//===----------------------------------------------------------------------===//

#include "UnitDriver.h"
#include "UnitMap.h"
#include "UnitTables.h"

#include "snnc/crossbar/Counters.h"
#include "snnc/crossbar/Engines.h"
#include "snnc/rtl/Noc.h"
#include "snnc/rtl/UnitStepLoop.h"
#include "snnc/runtime/RunBookkeeping.h"

#include <chrono>
#include <ctime>

namespace snnc::crossbar::rtl {

namespace {

using snnc::rtl::Noc;
using snnc::rtl::UnitArrival;
using snnc::rtl::UnitReadout;
using snnc::rtl::UnitSpike;

/// The units of one engine as the shared step loop drives them.
class Units final : public snnc::rtl::UnitArray {
public:
  Units(ChipProgram program, RtlOptions options)
      : prog(std::move(program)), options(std::move(options)), array(prog) {}

  image::Status init();
  image::Expected<runtime::RunResult>
  run(const std::vector<runtime::SpikeTrain> &inputs,
      const runtime::RunOptions &options, runtime::StepObserver *observer);

  const ChipProgram &program() const { return prog; }

  bool ready = false;
  RtlStats stats;

  // UnitArray.
  const std::vector<Unit> &units() const override { return unitList; }
  const std::vector<std::vector<uint32_t>> &destinations() const override {
    return destUnits;
  }
  const std::vector<uint32_t> &trees() const override { return treeOf; }
  Noc &noc() override { return *nocModel; }
  image::Status neuronPhase(size_t unit, uint64_t step,
                            std::vector<UnitSpike> &spikes,
                            std::vector<UnitReadout> &readouts) override;
  image::Status synapsePhase(size_t unit, uint64_t step,
                             const std::vector<UnitArrival> &arrivals) override;
  uint64_t busyCycles(size_t unit) const override {
    return drivers[unit]->counter(unit::CntBusyCycles);
  }
  uint64_t stepCycles(size_t unit) const override {
    return drivers[unit]->cycle();
  }
  uint32_t inputPayload(uint32_t slice, uint32_t element) const override {
    return sliceKey[slice] + element;
  }
  void countPacket(uint32_t source, uint32_t element,
                   runtime::CounterSet &counters) const override {
    counters[PacketsSent] += prog.sent[source][element];
    counters[RouterHops] += prog.hops[source][element];
  }
  void countStep(runtime::CounterSet &counters) override;
  void setTracing(bool on, uint64_t base) override {
    if (traced >= 0)
      drivers[size_t(traced)]->setTracing(on, base);
  }

private:
  ChipProgram prog;
  RtlOptions options;
  AnalogArray array;
  std::vector<UnitTable> tables;
  std::vector<std::unique_ptr<UnitDriver>> drivers;
  std::unique_ptr<Noc> nocModel;
  std::vector<Unit> unitList;
  std::vector<std::vector<uint32_t>> destUnits;
  std::vector<uint32_t> treeOf;
  /// Per global slice: the packet of its first element.
  std::vector<uint32_t> sliceKey;
  int traced = -1;
  std::vector<UnitDriver::Spike> unitSpikes;
  std::vector<UnitDriver::Record> unitRecords;
  std::vector<UnitDriver::Arrival> unitArrivals;
};

image::Status Units::init() {
  auto start = std::chrono::steady_clock::now();
  const image::Image &image = *prog.image;
  // The NoC model walks the machine layout: refuse one it cannot.
  const image::MachineLayout &layout = image.layout;
  uint32_t perChip = image.placement.pesPerChip;
  if (perChip == 0 || layout.peSites.size() < perChip ||
      layout.chipSites.size() < image.placement.chips ||
      layout.neighbours.size() !=
          layout.chipSites.size() * image::linkCount(layout))
    return image::ImageError{
        "layout", "rtl: the machine layout does not describe the placement (" +
                      std::to_string(layout.peSites.size()) + " PE sites for " +
                      std::to_string(perChip) + " PEs per chip, " +
                      std::to_string(layout.chipSites.size()) +
                      " chip sites for " +
                      std::to_string(image.placement.chips) + " chips)"};
  image::Expected<std::vector<UnitTable>> built = buildUnitTables(prog);
  if (!built)
    return built.error();
  tables = std::move(*built);

  std::vector<image::SliceRef> slices = image::listSlices(image);
  sliceKey.clear();
  std::vector<uint32_t> slicePe;
  for (const image::SliceRef &ref : slices) {
    const image::Slice &s = image::sliceAt(image, ref);
    uint32_t source = ref.kind == image::SourceKind::Input
                          ? ref.owner
                          : prog.numInputs + ref.owner;
    sliceKey.push_back(packetOf(source, s.first));
    slicePe.push_back(s.pe);
    if (uint64_t(s.pe) >= uint64_t(perChip) * image.placement.chips)
      return image::ImageError{
          "placement",
          "rtl: a slice sits on PE " + std::to_string(s.pe) +
              " of a placement of " +
              std::to_string(uint64_t(perChip) * image.placement.chips) +
              " PEs"};
  }

  snnc::rtl::NocTiming timing;
  timing.hopCycles = unit::kNocHopCycles;
  nocModel = std::make_unique<Noc>(image, timing);

  traced = -1;
  if (!options.vcdPath.empty()) {
    for (size_t k = 0; k < tables.size() && traced < 0; ++k)
      if (!options.vcdPe || tables[k].pe == *options.vcdPe)
        traced = int(k);
    if (traced < 0)
      return image::ImageError{
          "", "rtl: --vcd-pe " + std::to_string(*options.vcdPe) +
                  " hosts no population slice (waveforms exist only for "
                  "units that run neurons)"};
  }
  drivers.clear();
  for (size_t k = 0; k < tables.size(); ++k) {
    bool trace = int(k) == traced;
    std::unique_ptr<XbarUnitModel> model =
        options.factory ? options.factory(trace) : makeVerilatedXbarUnit(trace);
    if (trace && !model->openTrace(options.vcdPath))
      return image::ImageError{options.vcdPath, "cannot write the VCD file"};
    auto driver =
        std::make_unique<UnitDriver>(std::move(model), tables[k], array);
    if (image::Status st = driver->load(configWrites(tables[k], prog)); !st)
      return st;
    drivers.push_back(std::move(driver));
  }
  unitList.clear();
  for (const UnitTable &t : tables)
    unitList.push_back({t.globalSlice, t.pe, t.population, t.first});
  destUnits.assign(slices.size(), {});
  std::vector<std::vector<uint32_t>> destPes(slices.size());
  for (uint32_t k = 0; k < tables.size(); ++k)
    for (uint32_t src : tables[k].sources) {
      destUnits[src].push_back(k);
      destPes[src].push_back(tables[k].pe);
    }
  treeOf.assign(slices.size(), 0);
  for (uint32_t s = 0; s < slices.size(); ++s)
    if (!destPes[s].empty())
      treeOf[s] = nocModel->addTree(slicePe[s], destPes[s]);
  stats.loadSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  ready = true;
  return image::Status::success();
}

image::Status Units::neuronPhase(size_t unit, uint64_t step,
                                 std::vector<UnitSpike> &spikes,
                                 std::vector<UnitReadout> &readouts) {
  unitSpikes.clear();
  unitRecords.clear();
  if (image::Status st =
          drivers[unit]->neuronPhase(step, unitSpikes, unitRecords);
      !st)
    return st;
  const UnitTable &t = tables[unit];
  for (const UnitDriver::Spike &s : unitSpikes)
    spikes.push_back({s.cycle, s.key, s.key - t.keyBase});
  double sV = prog.plan.populations[t.population].sV;
  for (const UnitDriver::Record &r : unitRecords)
    readouts.push_back({r.index, double(r.v) * sV});
  return image::Status::success();
}

image::Status Units::synapsePhase(size_t unit, uint64_t step,
                                  const std::vector<UnitArrival> &arrivals) {
  unitArrivals.clear();
  for (const UnitArrival &a : arrivals)
    unitArrivals.push_back({a.cycle, a.payload});
  return drivers[unit]->synapsePhase(step, unitArrivals);
}

/// The units' counters run from the clear at the start of the run, so the
/// sums are the run's totals so far; the conductance read is the array's.
void Units::countStep(runtime::CounterSet &counters) {
  uint64_t updates = 0, rows = 0, cells = 0, conversions = 0, saturations = 0,
           digital = 0;
  for (const std::unique_ptr<UnitDriver> &d : drivers) {
    updates += d->counter(unit::CntNeuronUpdates);
    rows += d->counter(unit::CntRowDrives);
    cells += d->counter(unit::CntCellReads);
    conversions += d->counter(unit::CntConversions);
    saturations += d->counter(unit::CntSaturations);
    digital += d->counter(unit::CntDigitalReads);
  }
  counters[NeuronUpdates] = updates;
  counters[RowDrives] = rows;
  counters[SynapticEvents] = cells;
  counters[AdcConversions] = conversions;
  counters[AdcSaturations] = saturations;
  counters[DigitalWeightReads] = digital;
  counters[ConductanceReadsNs] = array.conductanceNs();
}

image::Expected<runtime::RunResult>
Units::run(const std::vector<runtime::SpikeTrain> &inputs,
           const runtime::RunOptions &runOptions,
           runtime::StepObserver *observer) {
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpuStart = std::clock();
  const image::Image &image = *prog.image;
  runtime::RunResult result =
      runtime::detail::startRun(image, runOptions, counterSchema());
  result.routerHopsModelled = prog.hopsModelled;
  result.peLoads.resize(prog.unitPe.size());
  for (uint32_t u = 0; u < prog.unitPe.size(); ++u)
    result.peLoads[u] = {u, prog.unitPe[u], 0, 0, 0};
  array.clear();
  for (std::unique_ptr<UnitDriver> &d : drivers)
    if (image::Status st = d->clear(); !st)
      return st.error();
  nocModel->resetStats();
  RtlStats fresh;
  fresh.loadSeconds = stats.loadSeconds;
  fresh.units = uint32_t(drivers.size());
  stats = fresh;
  std::vector<uint64_t> ticksBefore, readsBefore;
  for (const std::unique_ptr<UnitDriver> &d : drivers) {
    ticksBefore.push_back(d->ticks());
    readsBefore.push_back(d->readTicks());
  }

  snnc::rtl::UnitLoopStats loop;
  double budget = image.dt * prog.model.clockHz;
  if (image::Status st =
          snnc::rtl::runUnitSteps(image, *this, inputs, runOptions, observer,
                                  budget, options.vcdSteps, result, loop);
      !st)
    return st.error();
  if (traced >= 0) {
    std::string lost = drivers[size_t(traced)]->unit().closeTrace();
    traced = -1;
    if (!lost.empty())
      return image::ImageError{options.vcdPath,
                               "cannot write the VCD file: " + lost};
  }

  stats.steps = result.steps;
  stats.stepCyclesTotal = loop.stepCyclesTotal;
  stats.stepCyclesMax = loop.stepCyclesMax;
  for (size_t k = 0; k < drivers.size(); ++k) {
    stats.unitCycles += drivers[k]->ticks() - ticksBefore[k];
    stats.tileCycles += drivers[k]->readTicks() - readsBefore[k];
  }
  for (unsigned c = 0; c < unit::NumCounters; ++c) {
    uint64_t sum = 0;
    for (const std::unique_ptr<UnitDriver> &d : drivers)
      sum += d->counter(c);
    stats.counters.emplace_back(unit::counterName(c), sum);
  }
  const snnc::rtl::NocStats &n = nocModel->stats();
  stats.nocHops = n.nocHops + n.chipHops;
  stats.nocContentionCycles = n.contentionCycles;
  stats.nocDeliveries = n.deliveries;
  stats.runCpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  stats.runSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return result;
}

class RtlEngine final : public runtime::Engine {
public:
  RtlEngine(ChipProgram prog, RtlOptions options)
      : units(std::make_unique<Units>(std::move(prog), std::move(options))) {}

  const char *name() const override { return "rtl"; }

  image::Expected<runtime::RunResult>
  run(const std::vector<runtime::SpikeTrain> &inputs,
      const runtime::RunOptions &options,
      runtime::StepObserver *observer) override {
    if (image::Status st =
            runtime::detail::checkInputs(*units->program().image, inputs);
        !st)
      return st.error();
    if (!units->ready)
      if (image::Status st = units->init(); !st)
        return st.error();
    image::Expected<runtime::RunResult> result =
        units->run(inputs, options, observer);
    // A unit that reported an error has halted: rebuild before the next run.
    if (!result)
      units->ready = false;
    return result;
  }

  nlohmann::json extraReport(double clockHz) const override {
    return toJson(units->stats, clockHz);
  }
  std::string describeExtra(double clockHz) const override {
    return describe(units->stats, clockHz);
  }

private:
  std::unique_ptr<Units> units;
};

} // namespace

} // namespace snnc::crossbar::rtl

namespace snnc::crossbar {

runtime::Expected<std::unique_ptr<runtime::Engine>>
makeRtlEngine(const image::Image &image, rtl::RtlOptions options) {
  image::Expected<ChipProgram> prog = loadChipProgram(image);
  if (!prog)
    return prog.error();
  return std::unique_ptr<runtime::Engine>(
      std::make_unique<rtl::RtlEngine>(std::move(*prog), std::move(options)));
}

} // namespace snnc::crossbar
