//===- ImportCommand.cpp - `snnc import`: NIR (HDF5) to the snn dialect ---===//

#include "Commands.h"

#include "mlir/IR/OperationSupport.h"

#include "snnc/Import/NIR.h"
#include "snnc/Support/OutputFile.h"

#include "snn/SnnDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace snnc::tools {

namespace {
struct ImportOptions {
  std::string input;
  std::string output = "-";
};

int runImport(const ImportOptions &options) {
  if (std::string why = checkOutputPath(options.output, {options.input}, "-o");
      !why.empty()) {
    llvm::errs() << "snnc import: " << why << "\n";
    return kExitError;
  }
  // No threads: the importer forks a probe child while reading HDF5.
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  context.getOrLoadDialect<snn::SnnDialect>();
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &diag) {
    snnc::printNodeDiagnostic(options.input, diag, llvm::errs());
    return mlir::success();
  });
  mlir::OwningOpRef<mlir::ModuleOp> module =
      snnc::importNIRFile(options.input, &context);
  if (!module)
    return kExitError;
  // Locations carry the NIR node names (NameLocs); printing them keeps the
  // names through import -> edit -> export.
  std::string text;
  llvm::raw_string_ostream os(text);
  module->print(os, mlir::OpPrintingFlags().enableDebugInfo());
  os.flush();
  if (std::string why = writeOutputFile(options.output, text); !why.empty()) {
    llvm::errs() << "snnc import: " << why << "\n";
    return kExitError;
  }
  return kExitOk;
}
} // namespace

void setupImportCommand(CLI::App &app) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App *sub = app.add_subcommand(
      "import", "convert a NIR graph (.nir, HDF5) to the snn dialect");
  sub->add_option("input", options->input, "NIR file")->required();
  sub->add_option("-o,--output", options->output,
                  "MLIR file to write ('-' for stdout)")
      ->capture_default_str();
  sub->callback([options] { throw CommandExit{runImport(*options)}; });
}

} // namespace snnc::tools
