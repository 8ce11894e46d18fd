//===- FuzzTest.cpp - Mutated images never crash the reader ---------------===//
//
// Seeded mutations of a valid image: raw byte edits of manifest.json, edits
// of single JSON values (to reach the checks behind the parser with absurd
// numbers), and byte edits of each table with the checksum resealed (to reach
// the checks behind the checksum). The reader must return an image that
// validates, or an error naming a file; crashes and sanitizer reports fail
// the test binary. Build with -fsanitize=address,undefined to make the
// latter bite.
//
//===----------------------------------------------------------------------===//

#include "SampleImage.h"

#include "snnc/image/ImageReader.h"
#include "snnc/image/ImageWriter.h"
#include "snnc/image/Validate.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>

namespace fs = std::filesystem;
using namespace snnc::image;
using namespace snnc::image::test;
using nlohmann::json;

namespace {

const char *const kTables[] = {"neurons.bin", "slices.bin", "placement.bin",
                               "synapses.bin", "routing.bin"};

void mutateBytes(std::vector<uint8_t> &bytes, std::mt19937_64 &rng) {
  if (bytes.empty()) {
    bytes.push_back(static_cast<uint8_t>(rng()));
    return;
  }
  switch (rng() % 6) {
  case 0: // Flip a few bits.
    for (int i = 0, n = 1 + rng() % 4; i < n; ++i)
      bytes[rng() % bytes.size()] ^= uint8_t(1) << (rng() % 8);
    break;
  case 1: // Random byte.
    bytes[rng() % bytes.size()] = static_cast<uint8_t>(rng());
    break;
  case 2: // Truncate.
    bytes.resize(rng() % bytes.size());
    break;
  case 3: // Insert bytes.
    bytes.insert(bytes.begin() + rng() % bytes.size(), 1 + rng() % 8,
                 static_cast<uint8_t>(rng()));
    break;
  case 4: { // Saturate a 32-bit word, the likeliest count or index.
    size_t at = rng() % bytes.size();
    for (size_t i = at; i < std::min(bytes.size(), at + 4); ++i)
      bytes[i] = 0xff;
    break;
  }
  default: // Copy a chunk over another.
    size_t from = rng() % bytes.size(), to = rng() % bytes.size();
    size_t n = std::min(
        {size_t(1 + rng() % 16), bytes.size() - from, bytes.size() - to});
    std::copy(bytes.begin() + from, bytes.begin() + from + n,
              bytes.begin() + to);
    break;
  }
}

/// Every scalar leaf of `value`, by JSON pointer.
void collectLeaves(const json &value, const json::json_pointer &at,
                   std::vector<json::json_pointer> &leaves) {
  if (value.is_object())
    for (auto it = value.begin(); it != value.end(); ++it)
      collectLeaves(it.value(), at / it.key(), leaves);
  else if (value.is_array())
    for (size_t i = 0; i < value.size(); ++i)
      collectLeaves(value[i], at / i, leaves);
  else
    leaves.push_back(at);
}

json oddValue(std::mt19937_64 &rng) {
  switch (rng() % 12) {
  case 0:
    return 0;
  case 1:
    return -1;
  case 2:
    return uint64_t(1) << 32;
  case 3:
    return std::numeric_limits<uint64_t>::max();
  case 4:
    return 1e308;
  case 5:
    return -0.5;
  case 6:
    return "x";
  case 7:
    return nullptr;
  case 8:
    return json::array();
  case 9:
    return std::numeric_limits<uint32_t>::max();
  case 10:
    return rng() % 200;
  default:
    return true;
  }
}

/// Reads `image` and checks the outcome is one of the two allowed ones.
void readAndCheck(const fs::path &image) {
  Expected<Image> read = readImage(image.string());
  if (read.ok()) {
    Status valid = validateImage(*read);
    EXPECT_TRUE(valid.ok()) << valid.error().message();
    return;
  }
  EXPECT_FALSE(read.error().file.empty());
  EXPECT_FALSE(read.error().what.empty());
}

class ImageFuzz : public ::testing::Test {
protected:
  void SetUp() override {
    original = dir / "original.img";
    ASSERT_TRUE(writeImage(sampleImage(), original.string()).ok());
  }

  /// A fresh copy of the original image.
  fs::path copy() {
    fs::path target = dir / "case.img";
    fs::remove_all(target);
    fs::copy(original, target);
    return target;
  }

  ScopedDir dir;
  fs::path original;
};

TEST_F(ImageFuzz, ManifestBytes) {
  std::mt19937_64 rng(20240601);
  for (int i = 0; i < 250; ++i) {
    fs::path image = copy();
    std::vector<uint8_t> bytes = readFile(image / "manifest.json");
    mutateBytes(bytes, rng);
    writeFile(image / "manifest.json", bytes);
    SCOPED_TRACE("case " + std::to_string(i));
    readAndCheck(image);
  }
}

TEST_F(ImageFuzz, ManifestValues) {
  std::mt19937_64 rng(7);
  json base = json::parse(readText(original / "manifest.json"));
  std::vector<json::json_pointer> leaves;
  collectLeaves(base, json::json_pointer(), leaves);
  for (int i = 0; i < 250; ++i) {
    fs::path image = copy();
    json m = base;
    for (int k = 0, n = 1 + rng() % 2; k < n; ++k)
      m[leaves[rng() % leaves.size()]] = oddValue(rng);
    writeText(image / "manifest.json", m.dump(2));
    SCOPED_TRACE("case " + std::to_string(i));
    readAndCheck(image);
  }
}

TEST_F(ImageFuzz, TableBytesResealed) {
  std::mt19937_64 rng(99);
  for (int i = 0; i < 300; ++i) {
    fs::path image = copy();
    std::string table = kTables[rng() % 5];
    std::vector<uint8_t> bytes = readFile(image / table);
    mutateBytes(bytes, rng);
    writeFile(image / table, bytes);
    // Resealing most cases gets past the checksum to the structural checks.
    if (rng() % 8 != 0)
      resealFile(image, table);
    SCOPED_TRACE("case " + std::to_string(i) + " in " + table);
    readAndCheck(image);
  }
}

} // namespace
