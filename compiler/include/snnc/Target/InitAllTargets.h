//===- InitAllTargets.h - Register every built target's compiler -*- C++
//-*-===//
//
// Tools call initializeAllTargets() once; it expands the generated list of
// built targets into snncInitialize<target>Target() calls, which each
// backend defines (link SnncAllTargets).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TARGET_INITALLTARGETS_H
#define SNNC_TARGET_INITALLTARGETS_H

#define SNNC_TARGET(name) extern "C" void snncInitialize##name##Target();
#include "snnc/Config/Targets.def"

namespace snnc {

inline void initializeAllTargets() {
  static bool done = false;
  if (done)
    return;
  done = true;
#define SNNC_TARGET(name) snncInitialize##name##Target();
#include "snnc/Config/Targets.def"
}

} // namespace snnc

#endif // SNNC_TARGET_INITALLTARGETS_H
