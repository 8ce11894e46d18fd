//===- Compile.cpp - The snnc compile pipeline ----------------------------===//
//
// Parses the input with located diagnostics, runs the pass pipeline (with
// --dump-ir-after), and reports per-projection quantization.
//
//===----------------------------------------------------------------------===//

#include "snnc/Pipeline/Compile.h"
#include "snnc/Pipeline/EmitImage.h"

#include "snn/InputChecks.h"
#include "snn/SnnOps.h"
#include "snnc/Import/NIR.h"
#include "snnc/Transforms/Passes.h"
#include "snnc/image/ImageWriter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

using namespace mlir;

namespace {

/// Peak resident set size of this process so far, in bytes (VmHWM).
uint64_t peakRssBytes() {
  std::FILE *status = std::fopen("/proc/self/status", "r");
  if (!status)
    return 0;
  char line[256];
  uint64_t kib = 0;
  while (std::fgets(line, sizeof(line), status))
    if (std::sscanf(line, "VmHWM: %lu kB", &kib) == 1)
      break;
  std::fclose(status);
  return kib * 1024;
}

/// Records each pass's wall time and the process's peak memory after it.
class StageRecorder : public PassInstrumentation {
public:
  explicit StageRecorder(nlohmann::json &stages) : stages(stages) {}

  void runBeforePass(Pass *, Operation *) override {
    start = std::chrono::steady_clock::now();
  }
  void runAfterPass(Pass *pass, Operation *) override {
    std::chrono::duration<double> elapsed =
        std::chrono::steady_clock::now() - start;
    stages.push_back({{"stage", pass->getArgument().str()},
                      {"seconds", elapsed.count()},
                      {"peak_rss_mb", peakRssBytes() / 1048576.0}});
  }

private:
  nlohmann::json &stages;
  std::chrono::steady_clock::time_point start;
};

/// Pass arguments --dump-ir-after accepts, in pipeline order.
const char *const kPipelinePasses[] = {"canonicalize", "snn-discretize",
                                       "snn-quantize", "snn-partition",
                                       "snn-place",    "snn-route"};

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
    auto shift = op->getAttrOfType<IntegerAttr>("snn.q_shift");
    if (!shift)
      return;
    auto real = [&](StringRef name) {
      return op->getAttrOfType<FloatAttr>(name).getValueAsDouble();
    };
    rows.push_back({{"projection", locationName(op->getLoc())},
                    {"kind", op->getName().stripDialect().str()},
                    {"shift", shift.getInt()},
                    {"lsb", real("snn.q_scale")},
                    {"rms_error", real("snn.q_rms_error")},
                    {"max_error", real("snn.q_max_error")}});
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

void printTable(const nlohmann::json &rows, llvm::raw_ostream &out) {
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

} // namespace

int snnc::compileNetwork(const CompileOptions &options, llvm::raw_ostream &out,
                         llvm::raw_ostream &diagnostics) {
  bool nir = StringRef(options.input).ends_with(".nir");
  if (options.target != "spinnaker2") {
    diagnostics << "snnc compile: unknown target '" << options.target
                << "'; this build supports: spinnaker2\n";
    return 1;
  }
  if (!options.dumpIrAfter.empty() && options.dumpIrAfter != "all" &&
      !llvm::is_contained(kPipelinePasses, options.dumpIrAfter)) {
    diagnostics << "snnc compile: --dump-ir-after names no pass of the "
                   "pipeline: '"
                << options.dumpIrAfter << "'; use all or one of:";
    for (const char *pass : kPipelinePasses)
      diagnostics << " " << pass;
    diagnostics << "\n";
    return 1;
  }

  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(options.input);
  if (!buffer) {
    diagnostics << "snnc compile: cannot read '" << options.input
                << "': " << buffer.getError().message() << "\n";
    return 1;
  }
  if (std::optional<snn::InputProblem> problem =
          nir ? std::nullopt
              : snn::checkResourceBlobs((*buffer)->getBuffer())) {
    diagnostics << options.input << ":" << problem->line << ":"
                << problem->column << ": error: " << problem->message << "\n";
    return 1;
  }

  DialectRegistry registry;
  registry.insert<snn::SnnDialect>();
  // The passes work on whole modules, so MLIR's thread pool buys nothing;
  // IR printing needs it off.
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  SourceMgrDiagnosticHandler sourceHandler(sourceMgr, &context, diagnostics);
  // Quantization remarks go to the report; they are printed only on request.
  ScopedDiagnosticHandler remarkFilter(&context, [&](Diagnostic &diag) {
    return success(diag.getSeverity() == DiagnosticSeverity::Remark &&
                   !options.remarks);
  });
  // Ops imported from NIR (or named with loc("...")) carry a bare NameLoc:
  // name the node instead of printing an unknown source position.
  ScopedDiagnosticHandler nodeHandler(&context, [&](Diagnostic &diag) {
    auto name = dyn_cast<NameLoc>(diag.getLocation());
    if (!name || isa<FileLineColLoc>(name.getChildLoc()) ||
        (diag.getSeverity() == DiagnosticSeverity::Remark && !options.remarks))
      return failure();
    snnc::printNodeDiagnostic(options.input, diag, diagnostics);
    return success();
  });

  OwningOpRef<ModuleOp> module =
      nir ? snnc::importNIRFile(options.input, &context)
          : parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;

  PassManager pm(&context);
  if (!options.dumpIrAfter.empty()) {
    std::string wanted = options.dumpIrAfter;
    pm.enableIRPrinting(
        [](Pass *, Operation *) { return false; },
        [wanted](Pass *pass, Operation *) {
          return wanted == "all" || pass->getArgument() == wanted;
        },
        /*printModuleScope=*/true, /*printAfterOnlyOnChange=*/false,
        /*printAfterOnlyOnFailure=*/false, out);
  }
  nlohmann::json stages = nlohmann::json::array();
  pm.addInstrumentation(std::make_unique<StageRecorder>(stages));
  pm.addPass(createCanonicalizerPass());
  snnc::SnnDiscretizeOptions discretize;
  discretize.dt = options.dt;
  discretize.rule = options.rule;
  pm.addPass(snnc::createSnnDiscretize(discretize));
  pm.addPass(createCanonicalizerPass());
  snnc::SnnQuantizeOptions quantize;
  quantize.target = options.target;
  pm.addPass(snnc::createSnnQuantize(quantize));
  snnc::SnnPartitionOptions partition;
  partition.targetConfig = options.targetConfig;
  partition.firingProbability = options.firingProbability;
  pm.addPass(snnc::createSnnPartition(partition));
  snnc::SnnPlaceOptions place;
  place.targetConfig = options.targetConfig;
  place.firingProbability = options.firingProbability;
  place.seed = options.seed;
  pm.addPass(snnc::createSnnPlace(place));
  snnc::SnnRouteOptions route;
  route.targetConfig = options.targetConfig;
  route.firingProbability = options.firingProbability;
  pm.addPass(snnc::createSnnRoute(route));
  if (failed(pm.run(*module)))
    return 1;

  SmallVector<snn::NetworkOp> networks(module->getOps<snn::NetworkOp>());
  if (networks.size() != 1) {
    diagnostics << "snnc compile: an image holds one network, but '"
                << options.input << "' has " << networks.size() << "\n";
    return 1;
  }
  snn::NetworkOp network = networks.front();
  nlohmann::json mapping = nlohmann::json::parse(
      network->getAttrOfType<StringAttr>("snn.mapping_report")
          .getValue()
          .str());

  nlohmann::json report = {{"target", options.target},
                           {"dt", options.dt},
                           {"rule", options.rule},
                           {"seed", options.seed},
                           {"quantization", quantizationReport(*module)},
                           {"mapping", mapping}};

  snnc::ImageContext imageContext;
  imageContext.targetConfig = options.targetConfig;
  imageContext.seed = options.seed;
  // Timings differ from run to run; the image must not (same input and
  // seed, same bytes), so they stay out of the report it stores.
  imageContext.report = report;
  imageContext.report["mapping"].erase("seconds");
  auto start = std::chrono::steady_clock::now();
  FailureOr<image::Image> image = snnc::buildImage(network, imageContext);
  if (failed(image))
    return 1;
  std::string output = options.output;
  if (output.empty())
    output = llvm::sys::path::stem(options.input).str() + ".img";
  image::Status written = image::writeImage(*image, output);
  if (!written) {
    diagnostics << "snnc compile: " << written.error().message() << "\n";
    return 1;
  }
  std::chrono::duration<double> imageSeconds =
      std::chrono::steady_clock::now() - start;
  stages.push_back({{"stage", "image"},
                    {"seconds", imageSeconds.count()},
                    {"peak_rss_mb", peakRssBytes() / 1048576.0}});
  report["stages"] = stages;
  report["image"] = output;
  if (options.report == "json")
    out << report.dump(2) << "\n";
  else if (options.report == "table") {
    printMapping(report["mapping"], out);
    printTable(report["quantization"], out);
    out << "stages:\n";
    for (const nlohmann::json &stage : stages)
      out << llvm::format("  %-16s %9.3f s %10.1f MB peak\n",
                          stage["stage"].get<std::string>().c_str(),
                          stage["seconds"].get<double>(),
                          stage["peak_rss_mb"].get<double>());
  }
  out.flush();
  return 0;
}
