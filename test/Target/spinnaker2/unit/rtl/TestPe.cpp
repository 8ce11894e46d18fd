//===- TestPe.cpp - One Verilated PE with hand-written tables -------------===//

#include "TestPe.h"

#include <algorithm>
#include <gtest/gtest.h>

namespace snnc::rtl::test {

PeTable integrators(uint32_t n, uint32_t slots) {
  PeTable t;
  t.count = n;
  t.keyBase = 0x10000;
  t.keyMask = ~0xFFFFu;
  t.flags = pe::kFlagRecord;
  t.slotMask = slots - 1;
  while ((1u << t.idxBits) < n)
    ++t.idxBits;
  t.ringWords = slots * n;
  ParamRow row{};
  row[pe::LaneShifts] = 65536; // decay 1.0, gain_s 0
  row[pe::LaneGainM] = 1;
  row[pe::LaneThreshold] = 0x7FFFFFFF;
  t.params.assign(n, row);
  return t;
}

void addEntry(PeTable &t, uint32_t key, uint32_t mask, uint32_t shift,
              const std::vector<std::vector<Syn>> &rows) {
  uint32_t headerAt = t.ringWords + uint32_t(t.tables.size());
  uint32_t rowAt = headerAt + uint32_t(rows.size());
  std::vector<uint32_t> headers, words;
  for (const std::vector<Syn> &r : rows) {
    headers.push_back(r.empty() ? 0 : pe::rowHeader(rowAt, uint32_t(r.size())));
    for (const Syn &s : r)
      words.push_back(pe::rowWord(s.weight, s.delay, s.target, t.idxBits));
    rowAt += uint32_t(r.size());
  }
  t.tables.insert(t.tables.end(), headers.begin(), headers.end());
  t.tables.insert(t.tables.end(), words.begin(), words.end());
  t.entries.push_back({key, mask, headerAt, shift, uint32_t(rows.size()), 0});
}

void finish(PeTable &t, uint32_t watchdog) {
  std::stable_sort(
      t.entries.begin(), t.entries.end(),
      [](const KeyEntry &a, const KeyEntry &b) { return a.key < b.key; });
  t.synEnd = t.ringWords + uint32_t(t.tables.size());
  t.watchdog = watchdog;
}

PeTable oneSource(uint32_t n, uint32_t slots, uint32_t key, uint32_t mask,
                  const std::vector<std::vector<Syn>> &rows,
                  uint32_t watchdog) {
  PeTable t = integrators(n, slots);
  addEntry(t, key, mask, 0, rows);
  finish(t, watchdog);
  return t;
}

::testing::AssertionResult contains(const std::string &text,
                                    const std::string &part) {
  if (text.find(part) != std::string::npos)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "'" << text << "' lacks '" << part << "'";
}

TestPe::TestPe(const PeTable &table) : table(table) {
  pe = std::make_unique<PeDriver>(makeVerilatedPe(false), "PE under test",
                                  table.watchdog, SNNC_PE_IN_FIFO_DEPTH);
  image::Status loaded = pe->load(configWrites(table));
  EXPECT_TRUE(loaded) << loaded.error().message();
  image::Status cleared = pe->clear();
  EXPECT_TRUE(cleared) << cleared.error().message();
}

std::vector<int32_t> TestPe::step(uint64_t t,
                                  const std::vector<uint32_t> &keys) {
  std::vector<PeDriver::Spike> spikes;
  std::vector<PeDriver::Record> records;
  std::vector<int32_t> v(table.count, 0);
  lastError.clear();
  if (image::Status st = pe->neuronPhase(t, spikes, records); !st) {
    lastError = st.error().message();
    return v;
  }
  for (const PeDriver::Record &r : records)
    v.at(r.index) = r.v;
  std::vector<PeDriver::Arrival> arrivals;
  for (uint32_t k : keys)
    arrivals.push_back({0, k});
  uint64_t start = pe->cycle();
  if (image::Status st = pe->synapsePhase(t, arrivals); !st)
    lastError = st.error().message();
  synCycles = pe->cycle() - start;
  return v;
}

} // namespace snnc::rtl::test
