//===- Compile.cpp - The snnc compile pipeline ----------------------------===//
//
// Parses the input with located diagnostics, runs the pass pipeline (with
// --dump-ir-after), and reports per-projection quantization.
//
//===----------------------------------------------------------------------===//

#include "snnc/Pipeline/Compile.h"

#include "snn/InputChecks.h"
#include "snn/SnnOps.h"
#include "snnc/Transforms/Passes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
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
                                       "snn-quantize"};

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
  if (StringRef(options.input).ends_with(".nir")) {
    diagnostics << "snnc compile: NIR import is not in this build yet (issue "
                   "#6); write the network in the snn dialect (.mlir)\n";
    return 3;
  }
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
          snn::checkResourceBlobs((*buffer)->getBuffer())) {
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

  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
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
  if (failed(pm.run(*module)))
    return 1;

  nlohmann::json report = {{"target", options.target},
                           {"dt", options.dt},
                           {"rule", options.rule},
                           {"quantization", quantizationReport(*module)},
                           {"stages", stages}};
  if (options.report == "json")
    out << report.dump(2) << "\n";
  else if (options.report == "table") {
    printTable(report["quantization"], out);
    out << "stages:\n";
    for (const nlohmann::json &stage : stages)
      out << llvm::format("  %-16s %9.3f s %10.1f MB peak\n",
                          stage["stage"].get<std::string>().c_str(),
                          stage["seconds"].get<double>(),
                          stage["peak_rss_mb"].get<double>());
  }
  out.flush();

  diagnostics << "snnc compile: partition, placement, routing and image "
                 "emission are not in this build yet (issue #3 in progress); "
                 "the network was discretized and quantized, no image was "
                 "written\n";
  return 3;
}
