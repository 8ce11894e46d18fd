//===- MutationTest.cpp - Mutated sample files never crash the importer ---===//
//
// Flips bytes in, and truncates, each sample NIR file with a fixed seed;
// every import must either succeed or fail with a diagnostic.
//
//===----------------------------------------------------------------------===//

#include "ImportFixture.h"

#include <fstream>
#include <random>

using namespace nirtest;

namespace {

using MutationTest = ImportTest;

std::string readFile(const std::string &file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

TEST_F(MutationTest, FlippedAndTruncatedSamplesNeverCrash) {
  const char *samples[] = {"two_lif_neurons.nir", "lif_rockpool.nir",
                           "braille_noDelay_bias_zero.nir",
                           "braille_noDelay_bias_zero_subgraph_repaired.nir",
                           "cnn_sinabs.nir"};
  if (!std::ifstream(std::string(SNNC_NIR_SAMPLES) + "/two_lif_neurons.nir"))
    GTEST_SKIP() << "the sample NIR files (../shared/nir) are not beside the "
                    "repository";
  std::mt19937 rng(20261123);
  int succeeded = 0, failed = 0;
  for (const char *sample : samples) {
    std::string original =
        readFile(std::string(SNNC_NIR_SAMPLES) + "/" + sample);
    ASSERT_FALSE(original.empty()) << sample;
    for (int round = 0; round < 40; ++round) {
      std::string bytes = original;
      std::uniform_int_distribution<size_t> pos(0, bytes.size() - 1);
      if (round % 4 == 3) {
        bytes.resize(pos(rng));
      } else {
        int flips = 1 + round % 8;
        for (int f = 0; f < flips; ++f)
          bytes[pos(rng)] ^= static_cast<char>(1 + rng() % 255);
      }
      std::string file = path("mutant");
      std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
      auto module = import(file);
      if (module) {
        ++succeeded;
      } else {
        ++failed;
        EXPECT_FALSE(errors.empty())
            << sample << " round " << round << " failed silently";
      }
    }
  }
  EXPECT_GT(failed, 0);
  RecordProperty("succeeded", succeeded);
  RecordProperty("failed", failed);
}

} // namespace
