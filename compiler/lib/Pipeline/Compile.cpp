//===- Compile.cpp - The snnc compile pipeline ----------------------------===//
//
// Parses the input with located diagnostics, runs the pass pipeline (with
// --dump-ir-after), and reports per-projection quantization.
//
//===----------------------------------------------------------------------===//

#include "snnc/Pipeline/Compile.h"
#include "snnc/Pipeline/Pipeline.h"
#include "snnc/Support/InputFile.h"
#include "snnc/Support/OutputFile.h"

#include "snn/InputChecks.h"
#include "snn/SnnOps.h"
#include "snnc/Import/NIR.h"
#include "snnc/Target/TargetMachine.h"
#include "snnc/image/ImageWriter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
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

/// Blobs longer than this (in hex characters) are elided by
/// --dump-elide-blobs; small ones stay, so a dump of a small network reads
/// the same either way.
constexpr int64_t kDumpBlobChars = 64;

/// Pass arguments of `pm`, in order, for --dump-ir-after.
std::vector<std::string> passArguments(OpPassManager &pm) {
  std::vector<std::string> names;
  for (Pass &pass : pm.getPasses())
    names.push_back(pass.getArgument().str());
  return names;
}

} // namespace

int snnc::compileNetwork(const CompileOptions &options, llvm::raw_ostream &out,
                         llvm::raw_ostream &diagnostics) {
  bool nir = StringRef(options.input).ends_with(".nir");
  std::string error;
  std::string targetName = options.target;
  if (targetName.empty() && !targetMachines().empty())
    targetName = targetMachines().front()->name();
  const TargetMachine *machine = lookupTargetMachine(targetName, error);
  if (!machine) {
    diagnostics << "snnc compile: " << error << "\n";
    return 1;
  }

  if (std::string why = snnc::checkInputFile(options.input); !why.empty()) {
    diagnostics << "snnc compile: " << why << "\n";
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
          nir ? std::nullopt : snn::checkInput((*buffer)->getBuffer())) {
    diagnostics << options.input << ":" << problem->line << ":"
                << problem->column << ": error: " << problem->message << "\n";
    return 1;
  }

  DialectRegistry registry;
  registry.insert<snn::SnnDialect>();
  machine->registerDialects(registry);
  // The passes work on whole modules, so MLIR's thread pool buys nothing;
  // IR printing needs it off.
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  // A diagnostic names its place (file:line:col or the NIR node); a dump of
  // the whole network after it only buries the message.
  context.printOpOnDiagnostic(false);
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
  CompilePipelineOptions pipeline;
  pipeline.target = targetName;
  pipeline.targetConfig = options.targetConfig;
  pipeline.dt = options.dt;
  pipeline.rule = options.rule;
  pipeline.seed = options.seed;
  pipeline.firingProbability = options.firingProbability;
  buildCompilePipeline(pm, pipeline);
  std::vector<std::string> stagesRun = passArguments(pm);
  if (!options.dumpIrAfter.empty() && options.dumpIrAfter != "all" &&
      !llvm::is_contained(stagesRun, options.dumpIrAfter)) {
    diagnostics << "snnc compile: --dump-ir-after names no pass of the "
                   "pipeline: '"
                << options.dumpIrAfter << "'; use all or one of:";
    std::vector<std::string> unique;
    for (const std::string &pass : stagesRun)
      if (!llvm::is_contained(unique, pass))
        unique.push_back(pass);
    for (const std::string &pass : unique)
      diagnostics << " " << pass;
    diagnostics << "\n";
    return 1;
  }
  if (!options.dumpIrAfter.empty()) {
    std::string wanted = options.dumpIrAfter;
    pm.enableIRPrinting(
        [](Pass *, Operation *) { return false; },
        [wanted](Pass *pass, Operation *) {
          return wanted == "all" || pass->getArgument() == wanted;
        },
        /*printModuleScope=*/true, /*printAfterOnlyOnChange=*/false,
        /*printAfterOnlyOnFailure=*/false, out,
        options.dumpElideBlobs
            ? OpPrintingFlags().elideLargeResourceString(kDumpBlobChars)
            : OpPrintingFlags());
  }
  nlohmann::json stages = nlohmann::json::array();
  pm.addInstrumentation(std::make_unique<StageRecorder>(stages));
  if (failed(pm.run(*module)))
    return 1;

  SmallVector<snn::NetworkOp> networks(module->getOps<snn::NetworkOp>());
  if (networks.size() != 1) {
    diagnostics << "snnc compile: an image holds one network, but '"
                << options.input << "' has " << networks.size() << "\n";
    return 1;
  }
  snn::NetworkOp network = networks.front();
  nlohmann::json report = {{"target", targetName},
                           {"dt", options.dt},
                           {"rule", options.rule},
                           {"seed", options.seed}};
  report.update(machine->report(*module, network));

  // The target's report holds no timings (the IR it comes from must be
  // the same for the same input and seed), so the image stores it whole.
  auto start = std::chrono::steady_clock::now();
  FailureOr<image::Image> image = machine->buildImage(*module, network, report);
  if (failed(image))
    return 1;
  std::string output = options.output;
  if (output.empty())
    output = llvm::sys::path::stem(options.input).str() + ".img";
  // The Verilog is made before anything is written, so that a target
  // refusing it leaves no image behind either.
  std::string verilog;
  if (!options.emitVerilog.empty()) {
    if (std::string why = checkOutputPath(
            options.emitVerilog, {options.input, output}, "--emit-verilog");
        !why.empty()) {
      diagnostics << "snnc compile: " << why << "\n";
      return 1;
    }
    FailureOr<std::string> text = machine->emitVerilog(*module, network);
    if (failed(text))
      return 1;
    verilog = std::move(*text);
  }
  image::Status written = image::writeImage(*image, output);
  if (!written) {
    diagnostics << "snnc compile: " << written.error().message() << "\n";
    return 1;
  }
  if (!options.emitVerilog.empty())
    if (std::string why = writeOutputFile(options.emitVerilog, verilog);
        !why.empty()) {
      diagnostics << "snnc compile: " << why << "\n";
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
    machine->printReport(report, out);
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
