//===- FloatNeuron.h - One neuron step in double ----------------*- C++ -*-===//
//
// The discrete-time update of docs/numerics.md §2 in IEEE double. Every
// target's float engine, and the NIR-exact engine, differ only in how
// spikes are delivered, never in this update, so all call this function.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_FLOATNEURON_H
#define SNNC_RUNTIME_FLOATNEURON_H

#include "snnc/image/Image.h"

namespace snnc::runtime {

struct FloatNeuronState {
  double v = 0;
  double isyn = 0;
};

/// Affine biases are added to the step's input, as the fixed-point update
/// adds bias_q. The CuBa current is updated first and drives the membrane in
/// the same step. The threshold is strict (NIR's Heaviside): v equal to it
/// does not fire.
inline bool stepFloatNeuron(const image::FloatNeuron &n, bool cuba,
                            bool spiking, double input, FloatNeuronState &s) {
  double x = input + n.bias;
  double in = x;
  if (cuba) {
    s.isyn = n.synDecay * s.isyn + n.synGain * x;
    in = s.isyn;
  }
  s.v = n.decay * s.v + n.drive + n.gain * in;
  if (spiking && s.v > n.threshold) {
    s.v = n.reset;
    return true;
  }
  return false;
}

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_FLOATNEURON_H
