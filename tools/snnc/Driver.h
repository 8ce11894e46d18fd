//===- Driver.h - The snnc command line as a function -----------*- C++ -*-===//
//
// `snnc` is main() over runSnnc(), so a program that registers a target of
// its own (such as a target registered only in a test) runs the very same
// driver.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_DRIVER_H
#define SNNC_TOOLS_DRIVER_H

namespace snnc::tools {

/// Registers every built target, parses `argv` and runs the subcommand;
/// returns the exit code.
int runSnnc(int argc, char **argv);

} // namespace snnc::tools

#endif // SNNC_TOOLS_DRIVER_H
