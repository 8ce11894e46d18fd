//===- ExportCommand.cpp - `snnc export`: the snn dialect to NIR (HDF5) ---===//

#include "Commands.h"

#include "snnc/Export/NIR.h"
#include "snnc/Import/NIR.h"
#include "snnc/Support/InputFile.h"
#include "snnc/Support/OutputFile.h"

#include "snn/InputChecks.h"
#include "snn/SnnDialect.h"
#include "snnc/Target/TargetMachine.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <fstream>
#include <memory>

namespace snnc::tools {

namespace {
struct ExportOptions {
  std::string input;
  std::string output;
  bool materialize = false;
};

/// True when `path` is a regular file that starts with HDF5's signature.
bool isHdf5File(const std::string &path) {
  if (path == "-" || !checkInputFile(path).empty())
    return false;
  char head[8] = {};
  std::ifstream in(path, std::ios::binary);
  return in.read(head, sizeof(head)) &&
         llvm::StringRef(head, sizeof(head)) ==
             llvm::StringRef("\x89HDF\r\n\x1a\n", 8);
}

int runExport(const ExportOptions &options) {
  std::string output = options.output;
  if (output.empty()) {
    llvm::SmallString<256> path(options.input);
    llvm::sys::path::replace_extension(path, ".nir");
    output = path.str().str();
  }
  if (output == "-") {
    llvm::errs() << "snnc export: a NIR file is HDF5 and cannot go to "
                    "stdout; name a file with -o\n";
    return kExitError;
  }
  // Checked first: MLIR's parser would only say "unexpected character",
  // and the default output (the input with .nir) is the input itself.
  if (isHdf5File(options.input)) {
    llvm::errs() << options.input
                 << ": error: this is a NIR (HDF5) file; export takes MLIR "
                    "(use snnc import to read NIR)\n";
    return kExitError;
  }
  if (std::string why = checkOutputPath(output, {options.input}, "-o");
      !why.empty()) {
    llvm::errs() << "snnc export: " << why << "\n";
    return kExitError;
  }
  if (std::string why = checkInputFile(options.input); !why.empty()) {
    llvm::errs() << "snnc export: " << why << "\n";
    return kExitError;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(options.input);
  if (!buffer) {
    llvm::errs() << "snnc export: cannot read '" << options.input
                 << "': " << buffer.getError().message() << "\n";
    return kExitError;
  }
  if (std::optional<snn::InputProblem> problem =
          snn::checkInput((*buffer)->getBuffer())) {
    llvm::errs() << options.input << ":" << problem->line << ":"
                 << problem->column << ": error: " << problem->message << "\n";
    return kExitError;
  }
  // A lowered network carries its target's attributes; parsing them needs
  // the target's dialect, so that the exporter can name the real problem.
  mlir::DialectRegistry registry;
  registry.insert<snn::SnnDialect>();
  for (const TargetMachine *target : targetMachines())
    target->registerDialects(registry);
  mlir::MLIRContext context(registry, mlir::MLIRContext::Threading::DISABLED);
  context.getOrLoadDialect<snn::SnnDialect>();
  // The error names the op and its location; its generic form adds nothing.
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  mlir::SourceMgrDiagnosticHandler sourceHandler(sourceMgr, &context,
                                                 llvm::errs());
  // Ops imported from NIR carry their node's name: print it like the
  // importer does.
  mlir::ScopedDiagnosticHandler nodeHandler(
      &context, [&](mlir::Diagnostic &diag) {
        auto name = mlir::dyn_cast<mlir::NameLoc>(diag.getLocation());
        if (!name || mlir::isa<mlir::FileLineColLoc>(name.getChildLoc()))
          return mlir::failure();
        snnc::printNodeDiagnostic(options.input, diag, llvm::errs());
        return mlir::success();
      });
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  if (!module)
    return kExitError;
  NIRExportOptions exportOptions;
  exportOptions.materialize = options.materialize;
  if (failed(snnc::exportNIRFile(*module, output, exportOptions)))
    return kExitError;
  return kExitOk;
}
} // namespace

void setupExportCommand(CLI::App &app) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App *sub = app.add_subcommand(
      "export", "write a network in the snn dialect as a NIR graph (.nir)");
  sub->add_option("input", options->input, "network (.mlir)")->required();
  sub->add_option("-o,--output", options->output,
                  "NIR file to write (default: the input with .nir)");
  sub->add_flag("--materialize", options->materialize,
                "write procedural reservoirs as a LIF population with dense "
                "recurrent weights (at most 2^24) instead of refusing them");
  sub->callback([options] { throw CommandExit{runExport(*options)}; });
}

} // namespace snnc::tools
