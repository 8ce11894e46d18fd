//===- TileReadBench.cpp - Cell reads per second of one crossbar tile -----===//
//
// A 256 x 256 tile of random conductances read with a quarter of its rows
// active (the Fashion-MNIST LSM's input tiles see about that), read noise
// on and off. Items are cell reads.
//
//===----------------------------------------------------------------------===//

#include "snnc/crossbar/TileRead.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace snnc::crossbar;

static void readTiles(benchmark::State &state) {
  DeviceModel m;
  m.sigmaReadFraction = state.range(1) ? 0.01 : 0.0;
  XbarTile t;
  t.block = {0, 256, 0, 256};
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> g(float(m.gMin), float(m.gMax));
  for (int i = 0; i < 256 * 256; ++i) {
    t.gPlus.push_back(g(rng));
    t.gMinus.push_back(g(rng));
  }
  ReadyTile ready = prepareTile(t);
  AdcRange range = adcRange(m);
  std::vector<uint32_t> rows;
  for (uint32_t r = 0; r < 256; r += 256 / state.range(0))
    rows.push_back(r);
  ReadScratch scratch;
  ReadCounts counts;
  std::vector<int32_t> codes(256);
  uint64_t step = 0;
  for (auto _ : state) {
    readTile(ready, rows.data(), rows.size(), 1, step++, 0, m, range, scratch,
             codes.data(), counts);
    benchmark::DoNotOptimize(codes.data());
  }
  state.SetItemsProcessed(int64_t(counts.cellReads));
}
BENCHMARK(readTiles)
    ->ArgNames({"active_rows", "read_noise"})
    ->Args({64, 1})
    ->Args({64, 0})
    ->Args({256, 1});

BENCHMARK_MAIN();
