//===- Spinnaker2TargetMachine.cpp - spinnaker2's half of the compiler ----===//
//
// Registers the spinnaker2 target with the compiler: its passes after the
// shared stages (fixed-point quantization, partition into PE slices,
// placement on the PE mesh, key/mask multicast routing), its report of PEs,
// SRAM, cycles, routing entries and quantization error, and its image.
//
//===----------------------------------------------------------------------===//

#include "EmitImage.h"
#include "ReportAttr.h"

#include "snnc/Target/TargetMachine.h"
#include "snnc/mapping/MappingError.h"
#include "snnc/mapping/TargetModel.h"
#include "snnc/spinnaker2/Dialect/S2Dialect.h"
#include "snnc/spinnaker2/ImageSections.h"
#include "snnc/spinnaker2/Passes.h"
#include "snnc/spinnaker2/TargetData.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using snnc::spinnaker2::S2Dialect;

namespace snnc {
namespace {

std::string locationName(Location loc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto name = dyn_cast<NameLoc>(loc))
    os << name.getName().getValue();
  else if (auto file = dyn_cast<FileLineColLoc>(loc))
    os << file.getFilename().getValue() << ":" << file.getLine() << ":"
       << file.getColumn();
  else
    loc.print(os);
  return text;
}

/// One row per quantized projection of the module.
nlohmann::json quantizationReport(ModuleOp module) {
  nlohmann::json rows = nlohmann::json::array();
  module.walk([&](Operation *op) {
    auto quant = op->getAttrOfType<spinnaker2::QuantAttr>(
        S2Dialect::QuantAttrHelper::getNameStr());
    if (!quant)
      return;
    rows.push_back({{"projection", locationName(op->getLoc())},
                    {"kind", op->getName().stripDialect().str()},
                    {"shift", quant.getShift()},
                    {"lsb", quant.getScaleValue()},
                    {"rms_error", quant.getRmsErrorValue()},
                    {"max_error", quant.getMaxErrorValue()}});
  });
  return rows;
}

/// The resource figures of the mapping report, for people.
void printMapping(const nlohmann::json &m, llvm::raw_ostream &out) {
  const nlohmann::json none = nlohmann::json::object();
  const nlohmann::json &pe = m.contains("per_pe") ? m["per_pe"] : none;
  auto spread = [&](const char *label, const char *key, double limit,
                    const char *unit) {
    const nlohmann::json &s = pe.contains(key) ? pe[key] : none;
    out << llvm::format("  %-24s min %9.0f  mean %11.1f  max %9.0f", label,
                        s.value("min", 0.0), s.value("mean", 0.0),
                        s.value("max", 0.0));
    if (limit > 0)
      out << llvm::format("  of %.0f", limit);
    out << " " << unit << "\n";
  };
  out << "target " << m.value("target", std::string()) << ": "
      << m.value("pes_used", 0) << " of " << m.value("pes_available", 0)
      << " PEs on " << m.value("chips_used", 0) << " of "
      << m.value("chips_available", 0) << " chips; "
      << m.value("neurons", uint64_t(0)) << " neurons, "
      << m.value("synapses", uint64_t(0)) << " synapses\n";
  spread("neurons per PE", "neurons", pe.value("neurons_limit", 0.0), "");
  spread("synapses per PE", "synapses", 0, "");
  spread("SRAM per PE", "sram_bytes", pe.value("sram_bytes_limit", 0.0), "B");
  spread("cycles per PE per step", "cycles_per_step",
         pe.value("cycle_budget", 0.0), "");
  const nlohmann::json &r = m.contains("routing") ? m["routing"] : none;
  auto entries = [&](const char *key, const char *field) -> uint64_t {
    return r.contains(key) ? r[key].value(field, uint64_t(0)) : 0;
  };
  out << "  routing entries          " << entries("entries_before", "total")
      << " before compression, " << entries("entries_after", "total")
      << " after; max per router " << entries("entries_after", "max") << " of "
      << r.value("entry_limit", 0) << "\n";
  const nlohmann::json &t = m.contains("traffic") ? m["traffic"] : none;
  out << llvm::format("  traffic                  %.1f packets/step, "
                      "traffic x hops %.1f, max link load %.2f\n",
                      t.value("total", 0.0), t.value("traffic_x_hops", 0.0),
                      t.value("max_link_load", 0.0));
}

void printQuantization(const nlohmann::json &rows, llvm::raw_ostream &out) {
  out << "quantization (int16 weights, per projection):\n";
  out << "  " << llvm::left_justify("projection", 32) << " "
      << llvm::left_justify("kind", 10) << " shift          lsb    rms error"
      << "    max error\n";
  for (const nlohmann::json &row : rows)
    out << llvm::format("  %-32s %-10s %5d %12.4g %12.4g %12.4g\n",
                        row["projection"].get<std::string>().c_str(),
                        row["kind"].get<std::string>().c_str(),
                        row["shift"].get<int>(), row["lsb"].get<double>(),
                        row["rms_error"].get<double>(),
                        row["max_error"].get<double>());
}

class Spinnaker2TargetMachine : public TargetMachine {
public:
  std::string name() const override { return "spinnaker2"; }
  std::string summary() const override {
    return "SpiNNaker2-style many-core chip";
  }
  void registerPasses() const override { registerSpinnaker2Passes(); }
  void registerDialects(DialectRegistry &registry) const override {
    registry.insert<S2Dialect>();
  }

  std::string checkTargetConfig(const nlohmann::json &overrides,
                                std::string &field) const override {
    try {
      mapping::targetModelFromJson(
          nlohmann::json::parse(spinnaker2::layoutJson()),
          nlohmann::json::parse(spinnaker2::targetJson()), &overrides,
          "spinnaker2");
    } catch (const mapping::MappingError &e) {
      field = e.subject;
      return e.what();
    }
    return "";
  }

  TargetCapacity capacity(const nlohmann::json &overrides) const override {
    mapping::TargetModel m = mapping::targetModelFromJson(
        nlohmann::json::parse(spinnaker2::layoutJson()),
        nlohmann::json::parse(spinnaker2::targetJson()),
        overrides.is_object() ? &overrides : nullptr, "spinnaker2");
    uint64_t pes = uint64_t(m.pesPerChip) * m.chipsPerBoard * m.maxBoards;
    uint64_t words =
        m.synapseWordBytes
            ? (m.sramBytesPerPe - m.sramReservedBytesPerPe) / m.synapseWordBytes
            : 0;
    TargetCapacity c;
    c.neurons = pes * m.maxNeuronsPerPe;
    c.neuronsBasis = std::to_string(pes) + " PEs x " +
                     std::to_string(m.maxNeuronsPerPe) + " neurons per PE";
    c.synapses = pes * words;
    c.synapsesBasis = std::to_string(pes) + " PEs x " + std::to_string(words) +
                      " synapse words of SRAM per PE";
    return c;
  }

  void addLoweringPasses(OpPassManager &pm) const override {
    pm.addPass(createSnnQuantize());
    pm.addPass(createSnnPartition());
    pm.addPass(createSnnPlace());
    pm.addPass(createSnnRoute());
  }

  nlohmann::json report(ModuleOp module,
                        snn::NetworkOp network) const override {
    nlohmann::json mapping = nlohmann::json::object();
    if (auto attr = network->getAttrOfType<spinnaker2::MappingReportAttr>(
            S2Dialect::MappingReportAttrHelper::getNameStr())) {
      mapping = mapping::toJson(mappingReport(attr));
      // The attribute holds no timings (the IR must not vary between runs).
      mapping.erase("seconds");
    }
    return {{"quantization", quantizationReport(module)}, {"mapping", mapping}};
  }

  void printReport(const nlohmann::json &report,
                   llvm::raw_ostream &out) const override {
    if (report.contains("mapping") && report["mapping"].is_object())
      printMapping(report["mapping"], out);
    if (report.contains("quantization"))
      printQuantization(report["quantization"], out);
  }

  FailureOr<image::Image>
  buildImage(ModuleOp module, snn::NetworkOp network,
             const nlohmann::json &report) const override {
    return buildSpinnaker2Image(module, network, report);
  }
};

} // namespace
} // namespace snnc

extern "C" void snncInitializespinnaker2Target() {
  snnc::spinnaker2::registerImageSections();
  snnc::registerTargetMachine(
      std::make_unique<snnc::Spinnaker2TargetMachine>());
}
