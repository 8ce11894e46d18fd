//===- snnc-opt.cpp - The snnc MLIR optimizer driver ----------------------===//
//
// mlir-opt with only snnc's dialects and passes (every built target's too,
// and the snnc-compile pipeline), for pass-level work and lit.
// It reads the input itself so that text MLIR 19 would abort on is refused
// with a diagnostic first (snn/InputChecks.h).
//
//===----------------------------------------------------------------------===//

#include "snn/InputChecks.h"
#include "snn/SnnDialect.h"
#include "snnc/Pipeline/Pipeline.h"
#include "snnc/Support/InputFile.h"
#include "snnc/Target/InitAllTargets.h"
#include "snnc/Target/TargetMachine.h"
#include "snnc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

#include <algorithm>
#include <vector>

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();
  snnc::registerSnncPasses();
  snnc::registerCompilePipeline();
  snnc::initializeAllTargets();

  mlir::DialectRegistry registry;
  registry.insert<snn::SnnDialect, mlir::arith::ArithDialect,
                  mlir::func::FuncDialect>();
  for (const snnc::TargetMachine *target : snnc::targetMachines()) {
    target->registerPasses();
    target->registerDialects(registry);
  }
  // snnc's diagnostics name the op and its location; the op's generic dump
  // (the whole network, for a pass on the module) only when asked for.
  std::vector<char *> args(argv, argv + argc);
  static char quiet[] = "--mlir-print-op-on-diagnostic=false";
  if (std::none_of(args.begin(), args.end(), [](const char *arg) {
        return llvm::StringRef(arg).contains("print-op-on-diagnostic");
      }))
    args.insert(args.begin() + 1, quiet);
  auto [inputName, outputName] = mlir::registerAndParseCLIOptions(
      int(args.size()), args.data(), "snnc optimizer driver\n", registry);
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();

  std::string error;
  if (std::string why = snnc::checkInputFile(inputName); !why.empty()) {
    llvm::WithColor::error() << why << "\n";
    return 1;
  }
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputName, &error);
  if (!input) {
    llvm::WithColor::error() << error << "\n";
    return 1;
  }
  if (std::optional<snn::InputProblem> problem =
          snn::checkInput(input->getBuffer())) {
    llvm::errs() << input->getBufferIdentifier() << ":" << problem->line << ":"
                 << problem->column << ": error: " << problem->message << "\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputName, &error);
  if (!output) {
    llvm::WithColor::error() << error << "\n";
    return 1;
  }
  // Printed into memory first: what snnc-opt prints it must read back, and
  // printing can nest deeper than the input (aliases expanded, several
  // top-level operations wrapped in a module).
  std::string printed;
  llvm::raw_string_ostream printedStream(printed);
  if (mlir::failed(
          mlir::MlirOptMain(printedStream, std::move(input), registry, config)))
    return 1;
  if (std::optional<snn::InputProblem> problem = snn::checkInput(printed)) {
    llvm::WithColor::error()
        << "the result, at its line " << problem->line << ":" << problem->column
        << ", would be " << problem->message
        << "; snnc-opt prints nothing it could not read back\n";
    return 1;
  }
  output->os() << printed;
  // A full disk is an error with its reason, not LLVM's fatal "IO failure".
  output->os().flush();
  if (std::error_code ec = output->os().error()) {
    output->os().clear_error();
    llvm::WithColor::error()
        << "cannot write '" << outputName << "': " << ec.message() << "\n";
    return 1;
  }
  output->keep();
  return 0;
}
