//===- Models.h - Device models the crossbar tests share ---------*- C++
//-*-===//

#ifndef SNNC_TEST_CROSSBAR_MODELS_H
#define SNNC_TEST_CROSSBAR_MODELS_H

#include "snnc/crossbar/DeviceModel.h"

namespace snnc::crossbar::test {

/// The default model without programming noise.
inline DeviceModel unprogrammedNoise() {
  DeviceModel m;
  m.sigmaProgram = 0;
  return m;
}

/// The default model with neither programming nor read noise.
inline DeviceModel noiseless() {
  DeviceModel m = unprogrammedNoise();
  m.sigmaReadFraction = 0;
  return m;
}

} // namespace snnc::crossbar::test

#endif // SNNC_TEST_CROSSBAR_MODELS_H
