//===- TestPe.h - One Verilated PE with hand-written tables ---------------===//
//
// A PE of integrators (decay 1, gain 1: v adds up its ring slot every step,
// recorded each step), so that every ring contribution shows as a jump of v
// in the step it lands in; plus helpers to add key entries and rows.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TEST_RTL_TESTPE_H
#define SNNC_TEST_RTL_TESTPE_H

#include "PeDriver.h"
#include "PeMap.h"
#include "PeTables.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snnc::rtl::test {

struct Syn {
  int16_t weight;
  uint32_t delay;
  uint32_t target;
};

/// `n` integrators with a ring of `slots` slots, keys 0x10000 | j.
PeTable integrators(uint32_t n, uint32_t slots);

/// Adds a key entry for a source slice of `rows.size()` elements with key
/// block (key, mask), its header table and rows.
void addEntry(PeTable &t, uint32_t key, uint32_t mask, uint32_t shift,
              const std::vector<std::vector<Syn>> &rows);

/// Busy cycles without progress before a PE gives up, unless a test asks
/// for fewer.
inline constexpr uint32_t kTestWatchdog = 100000;

/// Sorts the entries by key and sets synEnd: call after the last addEntry.
void finish(PeTable &t, uint32_t watchdog = kTestWatchdog);

/// integrators(n, slots) fed by one source of key block (key, mask), shift
/// 0, whose rows are `rows`; finished.
PeTable oneSource(uint32_t n, uint32_t slots, uint32_t key, uint32_t mask,
                  const std::vector<std::vector<Syn>> &rows,
                  uint32_t watchdog = kTestWatchdog);

/// Passes when `part` occurs in `text` (gmock's HasSubstr without gmock,
/// which is not among the dependencies).
::testing::AssertionResult contains(const std::string &text,
                                    const std::string &part);

/// A loaded, cleared PE.
class TestPe {
public:
  explicit TestPe(const PeTable &table);

  /// Step t: the neuron phase (returns v of every neuron after it), then
  /// the synapse phase with `keys` arriving at cycle 0.
  std::vector<int32_t> step(uint64_t t, const std::vector<uint32_t> &keys = {});
  /// The error of the last step, or "".
  const std::string &error() const { return lastError; }
  /// Cycles of the last synapse phase (the step's end minus the neuron
  /// phase's end).
  uint64_t synapseCycles() const { return synCycles; }
  PeDriver &driver() { return *pe; }

private:
  PeTable table;
  std::unique_ptr<PeDriver> pe;
  std::string lastError;
  uint64_t synCycles = 0;
};

} // namespace snnc::rtl::test

#endif // SNNC_TEST_RTL_TESTPE_H
