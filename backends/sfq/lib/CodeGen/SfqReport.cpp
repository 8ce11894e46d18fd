//===- SfqReport.cpp - What an SFQ netlist costs --------------------------===//

#include "SfqReport.h"

#include "snnc/sfq/Dialect/NetlistConversion.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;

namespace snnc::sfq {

double totalBiasUa(CircuitOp circuit, const Netlist &netlist,
                   const CellLibrary &library) {
  double total = 0;
  for (const Cell &cell : netlist.allCells())
    total += library[cell.kind].biasUa.value_or(0);
  circuit.walk([&](Operation *op) {
    FloatAttr bias;
    if (auto synapse = dyn_cast<SynapseOp>(op))
      bias = synapse.getBiasUaAttr();
    else if (auto neuron = dyn_cast<NeuronOp>(op))
      bias = neuron.getBiasUaAttr();
    if (bias)
      total += bias.getValueAsDouble();
  });
  return total;
}

namespace {

/// Integer fact `name` of a lowering dictionary, 0 when absent.
int64_t integerFact(DictionaryAttr facts, StringRef name) {
  auto attr = facts ? facts.getAs<IntegerAttr>(name) : IntegerAttr();
  return attr ? attr.getInt() : 0;
}

/// The clocked pipeline's part of the report (docs/sfq.md §12).
nlohmann::json clockingReport(DictionaryAttr facts, const CellLibrary &library,
                              double maxClockHz) {
  auto integer = [&](StringRef name) { return integerFact(facts, name); };
  nlohmann::json stages = nlohmann::json::array();
  if (auto list = facts.getAs<ArrayAttr>("stages"))
    for (Attribute a : list) {
      auto d = cast<DictionaryAttr>(a);
      stages.push_back({{"population", d.getAs<StringAttr>("population").str()},
                        {"stages", d.getAs<IntegerAttr>("stages").getInt()}});
    }
  double period = double(integer("period_ticks"));
  double minPeriod = double(integer("min_period_ticks"));
  auto reason = facts.getAs<StringAttr>("min_period_reason");
  int64_t splitters = integer("clock_splitters"),
          sinks = integer("clock_sinks");
  return {
      {"mode", "clocked"},
      {"clock_rate_hz", period ? 1e13 / period : 0},
      {"clock_period_ps", period / 10},
      {"cycles_per_slot", integer("cycles_per_slot")},
      {"max_clock_rate_hz",
       std::min(maxClockHz, minPeriod ? 1e13 / minPeriod : maxClockHz)},
      {"clock_limit", !minPeriod || 1e13 / minPeriod > maxClockHz
                          ? std::string("max_clock_hz, the cells' fastest "
                                        "clock")
                      : reason ? reason.str()
                               : ""},
      {"stages", stages},
      {"or2s", integer("or2s")},
      {"balance_dffs", integer("balance_dffs")},
      {"jtls_per_neuron", integer("jtls_per_neuron")},
      {"retime_jtls", integer("retime_jtls")},
      {"clocked_cells", integer("clocked_cells")},
      {"clock_tree_splitters", splitters},
      {"clock_tree_sinks", sinks},
      {"clock_tree_depth", integer("clock_depth")},
      {"clock_tree_jjs",
       splitters * library[CellKind::Split].jjs +
           sinks * library[CellKind::Sink].jjs +
           (integer("clocked_cells") ? library[CellKind::Clock].jjs : 0)},
      {"clock_insertion_ps",
       double(integer("clock_depth")) *
           double(library[CellKind::Split].timing.delay[0]) / 10},
      {"edge_phase_ps", double(integer("edge_phase_ticks")) / 10},
  };
}

} // namespace

nlohmann::json sfqReport(CircuitOp circuit, const SfqModel &model) {
  FailureOr<Netlist> netlist = buildNetlist(circuit);
  if (failed(netlist))
    return nullptr;
  const CellLibrary &library = model.library;
  const TargetModel &target = model.target;
  std::vector<uint64_t> byKind = netlist->countByKind();
  nlohmann::json cells = nlohmann::json::object();
  uint64_t jjs = 0, cellCount = 0;
  double area = 0;
  bool areaKnown = true;
  for (size_t k = 0; k < kNumCellKinds; ++k) {
    if (!byKind[k])
      continue;
    const CellData &data = library.cells[k];
    uint64_t cellJjs = byKind[k] * data.jjs;
    jjs += cellJjs;
    cellCount += byKind[k];
    nlohmann::json entry = {
        {"cells", byKind[k]}, {"jjs", cellJjs}, {"basis", data.basis}};
    if (data.areaUm2)
      area += double(byKind[k]) * *data.areaUm2;
    else
      areaKnown = false;
    cells[kindInfo(CellKind(k)).name] = entry;
  }
  double biasUa = totalBiasUa(circuit, *netlist, library);
  bool biasKnown = library.knowsBiasAndArea();
  DictionaryAttr facts = circuit->getAttrOfType<DictionaryAttr>("sfq.lowering");
  auto fact = [&](StringRef name) { return integerFact(facts, name); };
  auto text = [&](StringRef name) -> std::string {
    auto attr = facts ? facts.getAs<StringAttr>(name) : StringAttr();
    return attr ? attr.str() : "";
  };
  auto real = [&](StringRef name) -> double {
    auto attr = facts ? facts.getAs<FloatAttr>(name) : FloatAttr();
    return attr ? attr.getValueAsDouble() : 0;
  };
  uint64_t slot = uint64_t(circuit.getSlotTicks());
  uint64_t separation = 0;
  for (const Separation &s : library[CellKind::Merge].timing.separations)
    if (s.after == s.on)
      separation = std::max<uint64_t>(separation, s.ticks);
  uint64_t fanIn = std::max<int64_t>(1, fact("max_fan_in"));
  double maxRate = separation ? 1e13 / double(fanIn * separation) : 0;
  nlohmann::json projections = nlohmann::json::array();
  if (auto list = facts ? facts.getAs<ArrayAttr>("projections") : ArrayAttr())
    for (Attribute a : list) {
      auto d = cast<DictionaryAttr>(a);
      projections.push_back(
          {{"name", d.getAs<StringAttr>("name").str()},
           {"synapses", d.getAs<IntegerAttr>("synapses").getInt()},
           {"splitters", d.getAs<IntegerAttr>("splitters").getInt()},
           {"mergers", d.getAs<IntegerAttr>("mergers").getInt()}});
    }
  auto clocked =
      facts ? facts.getAs<DictionaryAttr>("clocked") : DictionaryAttr();
  // A clocked netlist adds one pipeline clock beside the leak clocks when it
  // has clocked cells at all.
  bool pipelineClock = clocked && integerFact(clocked, "clocked_cells") > 0;
  uint64_t thetaMin = 0, thetaMax = 0,
           clocks = byKind[size_t(CellKind::Clock)] - (pipelineClock ? 1 : 0);
  for (const Cell &c : netlist->allCells())
    if (c.kind == CellKind::Neuron) {
      thetaMin = thetaMin ? std::min<uint64_t>(thetaMin, c.a) : c.a;
      thetaMax = std::max<uint64_t>(thetaMax, c.a);
    }
  nlohmann::json report = {
      {"cell_library", library.profile},
      {"synapse_mode", target.synapseMode == SynapseMode::Stochastic
                           ? "stochastic"
                           : "deterministic (not the seed's)"},
      {"cells", cellCount},
      {"jjs", jjs},
      {"by_cell", cells},
      {"pulse_rate_hz", 1e13 / double(slot)},
      {"slot_ps", double(slot) / 10},
      {"input_spacing_ps", double(fact("input_spacing_ticks")) / 10},
      {"critical_path_ps", double(fact("critical_path_ticks")) / 10},
      {"critical_path", text("critical_path")},
      {"max_fan_in", fact("max_fan_in")},
      {"max_fan_in_neuron", text("max_fan_in_neuron")},
      {"max_pulse_rate_hz", maxRate},
      {"neuron_theta", {thetaMin, thetaMax}},
      {"leak_clocks", clocks},
      {"projections", projections},
      {"max_pass_error", real("max_pass_error")},
      {"mean_pass_error", real("mean_pass_error")},
      {"delays_not_modelled", fact("delays_not_modelled")},
      {"drives_ignored", fact("drives_ignored")},
      {"weights_dropped", fact("weights_dropped")},
  };
  if (clocked)
    report["clocking"] = clockingReport(clocked, library, target.maxClockHz);
  else
    report["clocking"] = {{"mode", "async"}};
  if (library.jjIcUa) {
    report["process"] = library.process;
    report["jj_ic_ua"] = *library.jjIcUa;
    report["switch_energy_aj"] = *library.jjIcUa * 1e-6 * library.phi0Wb * 1e18;
  }
  if (biasKnown) {
    report["bias_ua"] = biasUa;
    report["static_power_w"] = biasUa * 1e3 * defaultBiasWattsPerNa();
  }
  if (areaKnown) {
    report["area_mm2"] = area * 1e-6;
    report["dies"] = std::ceil(area * 1e-6 / target.dieAreaMm2);
    report["die_area_mm2"] = target.dieAreaMm2;
  }
  return report;
}

void printSfqReport(const nlohmann::json &report, llvm::raw_ostream &out) {
  if (!report.is_object() || !report.contains("jjs"))
    return;
  out << "sfq netlist (" << report["cell_library"].get<std::string>() << ", "
      << report["synapse_mode"].get<std::string>()
      << " synapses): " << report["cells"].get<uint64_t>() << " cells, "
      << report["jjs"].get<uint64_t>() << " JJs\n";
  for (auto it = report["by_cell"].begin(); it != report["by_cell"].end(); ++it)
    out << llvm::format("  %-8s %10llu cells %12llu JJs  %s\n",
                        it.key().c_str(),
                        (unsigned long long)it.value()["cells"].get<uint64_t>(),
                        (unsigned long long)it.value()["jjs"].get<uint64_t>(),
                        it.value()["basis"].get<std::string>().c_str());
  if (report.contains("jj_ic_ua"))
    out << llvm::format("process %s; a junction of %.4g uA switches for "
                        "%.3g aJ (Ic Phi0)\n",
                        report["process"].get<std::string>().c_str(),
                        report["jj_ic_ua"].get<double>(),
                        report["switch_energy_aj"].get<double>());
  if (report.contains("bias_ua"))
    out << llvm::format("bias %.6g mA; static power %.4g mW at the default "
                        "bias voltage (RSFQ)\n",
                        report["bias_ua"].get<double>() / 1e3,
                        report["static_power_w"].get<double>() * 1e3);
  else
    out << "bias and static power: unknown in this cell library\n";
  if (report.contains("area_mm2"))
    out << llvm::format("area %.4g mm^2 of cells (no routing): %.0f die(s) "
                        "of %.4g mm^2\n",
                        report["area_mm2"].get<double>(),
                        report["dies"].get<double>(),
                        report["die_area_mm2"].get<double>());
  out << llvm::format("timing: slot %.4g ps (pulse rate %.4g GHz); critical "
                      "path %.4g ps through %s\n",
                      report["slot_ps"].get<double>(),
                      report["pulse_rate_hz"].get<double>() / 1e9,
                      report["critical_path_ps"].get<double>(),
                      report["critical_path"].get<std::string>().c_str());
  const nlohmann::json &clocking = report["clocking"];
  if (clocking["mode"] == "clocked") {
    out << llvm::format(
        "clocked: %.4g GHz clock (%.4g ps, %lld cycles per slot); the timing "
        "allows %.4g GHz, set by %s\n",
        clocking["clock_rate_hz"].get<double>() / 1e9,
        clocking["clock_period_ps"].get<double>(),
        (long long)clocking["cycles_per_slot"].get<int64_t>(),
        clocking["max_clock_rate_hz"].get<double>() / 1e9,
        clocking["clock_limit"].get<std::string>().c_str());
    out << "  pipeline stages:";
    for (const nlohmann::json &s : clocking["stages"])
      out << " " << s["population"].get<std::string>() << " "
          << s["stages"].get<int64_t>();
    out << " (cycles of latency)\n";
    out << "  " << clocking["or2s"].get<int64_t>() << " OR2 gates, "
        << clocking["balance_dffs"].get<int64_t>() << " path-balancing DFFs, "
        << clocking["retime_jtls"].get<int64_t>() << " retiming JTLs ("
        << clocking["jtls_per_neuron"].get<int64_t>() << " per neuron)\n";
    out << llvm::format(
        "  clock tree: %lld splitters, %lld sinks, depth %lld (%.4g ps "
        "insertion, no skew), %lld JJs for %lld clocked cells\n",
        (long long)clocking["clock_tree_splitters"].get<int64_t>(),
        (long long)clocking["clock_tree_sinks"].get<int64_t>(),
        (long long)clocking["clock_tree_depth"].get<int64_t>(),
        clocking["clock_insertion_ps"].get<double>(),
        (long long)clocking["clock_tree_jjs"].get<int64_t>(),
        (long long)clocking["clocked_cells"].get<int64_t>());
  } else {
    out << llvm::format("widest fan-in %lld (%s): the merger trees allow "
                        "%.4g GHz at most\n",
                        (long long)report["max_fan_in"].get<int64_t>(),
                        report["max_fan_in_neuron"].get<std::string>().c_str(),
                        report["max_pulse_rate_hz"].get<double>() / 1e9);
  }
  out << "neuron thresholds " << report["neuron_theta"][0].get<uint64_t>()
      << ".." << report["neuron_theta"][1].get<uint64_t>()
      << " fluxons; leak clocks " << report["leak_clocks"].get<uint64_t>()
      << "\n";
  out << llvm::format("synapse pass probability error: mean %.3g, max %.3g\n",
                      report["mean_pass_error"].get<double>(),
                      report["max_pass_error"].get<double>());
  for (const nlohmann::json &p : report["projections"])
    out << "  projection " << p["name"].get<std::string>() << ": "
        << p["synapses"].get<int64_t>() << " synapses, "
        << p["splitters"].get<int64_t>() << " splitters, "
        << p["mergers"].get<int64_t>() << " mergers (before sharing)\n";
  if (int64_t n = report["delays_not_modelled"].get<int64_t>())
    out << "  " << n
        << " synapses have a delay > 1 step; the netlist has no delay lines, "
           "so they arrive after the circuit's own delay\n";
  if (int64_t n = report["drives_ignored"].get<int64_t>())
    out << "  " << n
        << " neurons have a constant drive or bias, which a fluxon loop "
           "does not model\n";
  if (int64_t n = report["weights_dropped"].get<int64_t>())
    out << "  " << n << " weights round to 0 pulses and are dropped\n";
}

} // namespace snnc::sfq
