//===- Timing.h - A ColdFlux-like timing table for the SFQ tests -*- C++
//-*-===//
//
// Delays and separations of RSFQlib v3.0 (sfq-facts.md §3.2) in 100 fs
// ticks, written out here so the simulator's tests do not depend on the
// cell library reader. Cells outside RSFQlib get JTL-like numbers.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TEST_SFQ_TIMING_H
#define SNNC_TEST_SFQ_TIMING_H

#include "snnc/sfq/CellTiming.h"

namespace snnc::sfq::test {

inline TimingTable coldFluxTiming() {
  TimingTable t{};
  auto set = [&](CellKind kind, uint32_t delay,
                 std::vector<Separation> separations) {
    CellTiming &ct = t[static_cast<unsigned>(kind)];
    ct.delay.fill(delay);
    ct.separations = std::move(separations);
  };
  // Ports: a = 0, b = 1, clk = the last input (1 for dff and not).
  set(CellKind::Sink, 0, {{0, 0, 52}});
  set(CellKind::Jtl, 35, {{0, 0, 52}});
  set(CellKind::Split, 63, {{0, 0, 70}});
  set(CellKind::Merge, 90, {{0, 0, 102}, {0, 1, 23}, {1, 0, 22}, {1, 1, 102}});
  set(CellKind::Dff, 63, {{1, 0, 4}});
  set(CellKind::Ndro, 55, {{0, 1, 9}, {1, 0, 19}, {2, 2, 91}});
  set(CellKind::And2, 50, {{2, 0, 7}, {2, 1, 16}});
  set(CellKind::Or2, 55, {{0, 2, 29}, {1, 2, 38}});
  set(CellKind::Xor2, 50, {{2, 0, 4}, {2, 1, 4}, {0, 2, 80}, {1, 2, 80}});
  set(CellKind::Not, 55, {{0, 1, 21}, {1, 0, 45}, {1, 1, 52}});
  set(CellKind::Synapse, 35, {{0, 0, 52}});
  set(CellKind::Pulser, 35, {{0, 0, 52}});
  set(CellKind::Neuron, 63, {});
  return t;
}

} // namespace snnc::sfq::test

#endif // SNNC_TEST_SFQ_TIMING_H
