//===- ImportCommand.cpp - `snnc import`: NIR (HDF5) to the snn dialect ---===//

#include "Commands.h"

#include "mlir/IR/OperationSupport.h"

#include "snnc/Import/NIR.h"

#include "snn/SnnDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace snnc::tools {

namespace {
struct ImportOptions {
  std::string input;
  std::string output = "-";
};

int runImport(const ImportOptions &options) {
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
  std::string message;
  std::unique_ptr<llvm::ToolOutputFile> file =
      mlir::openOutputFile(options.output, &message);
  if (!file) {
    llvm::errs() << "snnc import: " << message << "\n";
    return kExitError;
  }
  // Locations carry the NIR node names (NameLocs); printing them keeps the
  // names through import -> edit -> export.
  module->print(file->os(), mlir::OpPrintingFlags().enableDebugInfo());
  file->keep();
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
