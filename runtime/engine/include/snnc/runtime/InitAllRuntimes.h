//===- InitAllRuntimes.h - Register every built target's runtime -*- C++
//-*-===//
//
// Tools call initializeAllTargetRuntimes() once; it expands the generated
// list of built targets into snncInitialize<target>Runtime() calls, which
// each backend defines (link SnncAllRuntimes).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_INITALLRUNTIMES_H
#define SNNC_RUNTIME_INITALLRUNTIMES_H

#define SNNC_TARGET(name) extern "C" void snncInitialize##name##Runtime();
#include "snnc/Config/Targets.def"

namespace snnc::runtime {

inline void initializeAllTargetRuntimes() {
  static bool done = false;
  if (done)
    return;
  done = true;
#define SNNC_TARGET(name) snncInitialize##name##Runtime();
#include "snnc/Config/Targets.def"
}

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_INITALLRUNTIMES_H
