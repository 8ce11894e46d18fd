//===- SnncToy.cpp - snnc with a test-only target registered --------------===//
//
// The unchanged snnc driver, linked with the toy target. Toy registers
// itself before the driver registers the built targets, as a backend's
// snncInitialize<T>Target/Runtime would; no shared file names it.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"

extern "C" void snncInitializetoyTarget();
extern "C" void snncInitializetoyRuntime();

int main(int argc, char **argv) {
  snncInitializetoyTarget();
  snncInitializetoyRuntime();
  return snnc::tools::runSnnc(argc, argv);
}
