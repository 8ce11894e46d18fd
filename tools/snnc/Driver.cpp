//===- Driver.cpp - The snnc command line as a function -------------------===//

#include "Driver.h"
#include "CliChecks.h"
#include "Commands.h"

#include "snnc/Target/InitAllTargets.h"
#include "snnc/runtime/InitAllRuntimes.h"

#include <iostream>

int snnc::tools::runSnnc(int argc, char **argv) {
  CLI::App app{"snnc: compile spiking networks for neuromorphic chips, run "
               "them on simulated chips, and inspect every stage"};
  app.require_subcommand(1);
  snnc::initializeAllTargets();
  snnc::runtime::initializeAllTargetRuntimes();
  snnc::tools::setupCompileCommand(app);
  snnc::tools::setupRunCommand(app);
  snnc::tools::setupEvalCommand(app);
  snnc::tools::setupFitCommand(app);
  snnc::tools::setupInspectCommand(app);
  snnc::tools::setupImportCommand(app);
  snnc::tools::setupEncodeCommand(app);
  snnc::tools::setupExportCommand(app);
  snnc::tools::setupTargetsCommand(app);
  snnc::tools::checkIntegerOptions(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    // Help and version exit 0; every refused command line exits 1, as any
    // other bad input does, with an error that names the command.
    if (e.get_exit_code() == 0)
      return app.exit(e);
    std::string command = "snnc";
    for (const CLI::App *sub : app.get_subcommands())
      command += " " + sub->get_name();
    std::cerr << command << ": error: " << e.what() << "\nRun '" << command
              << " --help' for more information.\n";
    return snnc::tools::kExitError;
  } catch (const snnc::tools::CommandExit &e) {
    return e.code;
  }
  return snnc::tools::kExitOk;
}
