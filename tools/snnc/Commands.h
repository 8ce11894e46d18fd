//===- Commands.h - snnc subcommand registration ----------------*- C++ -*-===//
//
// Each subcommand of `snnc` lives in its own file with an options struct and
// a setup function that binds the options and installs the callback.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_COMMANDS_H
#define SNNC_TOOLS_COMMANDS_H

#include <CLI/CLI.hpp>

namespace snnc::tools {

/// Exit codes shared by all subcommands.
enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,      // bad input, or a network that does not fit
  kExitUnavailable = 3 // the subcommand is not part of this build yet
};

void setupCompileCommand(CLI::App &app);
void setupRunCommand(CLI::App &app);
void setupInspectCommand(CLI::App &app);
void setupImportCommand(CLI::App &app);
void setupEncodeCommand(CLI::App &app);
void setupExportCommand(CLI::App &app);
void setupTargetsCommand(CLI::App &app);
void setupEvalCommand(CLI::App &app);
void setupFitCommand(CLI::App &app);

/// Thrown by a subcommand callback to end the program with `code`.
struct CommandExit {
  int code;
};

} // namespace snnc::tools

#endif // SNNC_TOOLS_COMMANDS_H
