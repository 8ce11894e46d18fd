//===- CorruptionTest.cpp - Damaged images are refused with clear errors --===//

#include "SampleImage.h"

#include "snnc/image/ImageReader.h"
#include "snnc/image/ImageWriter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>

namespace fs = std::filesystem;
using namespace snnc::image;
using namespace snnc::image::test;
using nlohmann::json;

namespace {

class ImageCorruption : public ::testing::Test {
protected:
  void SetUp() override {
    image = (dir / "net.img");
    Status written = writeImage(sampleImage(), image.string());
    ASSERT_TRUE(written.ok()) << written.error().message();
  }

  /// Reads the image, expecting an error about `file` that mentions every
  /// one of `fragments`.
  void expectError(const std::string &file,
                   std::initializer_list<std::string> fragments) {
    Expected<Image> read = readImage(image.string());
    ASSERT_FALSE(read.ok()) << "corrupt image was accepted";
    const ImageError &error = read.error();
    EXPECT_EQ(fs::path(error.file).filename().string(), file)
        << error.message();
    for (const std::string &fragment : fragments)
      EXPECT_NE(error.message().find(fragment), std::string::npos)
          << "'" << fragment << "' missing from: " << error.message();
  }

  json manifest() { return json::parse(readText(image / "manifest.json")); }
  void setManifest(const json &m) {
    writeText(image / "manifest.json", m.dump(2) + "\n");
  }

  /// Overwrites `size` bytes of `file` at `offset` and fixes the checksum,
  /// so that the structural checks behind it are reached.
  void patch(const std::string &file, size_t offset, const void *bytes,
             size_t size) {
    std::vector<uint8_t> data = readFile(image / file);
    ASSERT_LE(offset + size, data.size());
    std::memcpy(data.data() + offset, bytes, size);
    writeFile(image / file, data);
    resealFile(image, file);
  }

  ScopedDir dir;
  fs::path image;
};

TEST_F(ImageCorruption, NoSuchImage) {
  Expected<Image> read = readImage((dir / "absent.img").string());
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message().find("no such image"), std::string::npos);
}

TEST_F(ImageCorruption, RegularFileIsNotAnImage) {
  writeText(dir / "file.img", "hello");
  Expected<Image> read = readImage((dir / "file.img").string());
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message().find("not an image directory"),
            std::string::npos);
}

TEST_F(ImageCorruption, MissingManifest) {
  fs::remove(image / "manifest.json");
  expectError("manifest.json", {"missing"});
}

TEST_F(ImageCorruption, BadJson) {
  std::string text = readText(image / "manifest.json");
  writeText(image / "manifest.json", text.substr(0, text.size() / 2));
  expectError("manifest.json", {"invalid JSON"});
}

TEST_F(ImageCorruption, DeeplyNestedJson) {
  std::string text = readText(image / "manifest.json");
  size_t report = text.find("\"report\": {");
  ASSERT_NE(report, std::string::npos);
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  text.insert(report + 11, "\"deep\": " + deep + ", ");
  writeText(image / "manifest.json", text);
  expectError("manifest.json", {"nested deeper than 512 levels"});
}

TEST_F(ImageCorruption, WrongFormatName) {
  json m = manifest();
  m["format"] = "other-image";
  setManifest(m);
  expectError("manifest.json", {"not an snnc image"});
}

TEST_F(ImageCorruption, VersionBumped) {
  json m = manifest();
  m["version"] = 3;
  setManifest(m);
  expectError("manifest.json",
              {"unsupported image version 3", "reads image version 2"});
}

TEST_F(ImageCorruption, VersionOneSaysRecompile) {
  json m = manifest();
  m["version"] = 1;
  setManifest(m);
  expectError("manifest.json",
              {"is an image of version 1, written by an older snnc",
               "recompile the network with `snnc compile`"});
}

TEST_F(ImageCorruption, WrongFieldType) {
  json m = manifest();
  m["sections"][5]["header"]["populations"][2]["s_in"] = "small";
  setManifest(m);
  expectError("manifest.json", {"section 'spinnaker2.fixed_point' header",
                                "populations[2].s_in", "expected a number"});
}

TEST_F(ImageCorruption, UnknownKey) {
  json m = manifest();
  m["projections"][0]["colour"] = "red";
  setManifest(m);
  expectError("manifest.json", {"projections[0]", "unknown key 'colour'"});
}

TEST_F(ImageCorruption, MissingBinaryFile) {
  fs::remove(image / "spinnaker2.routing.bin");
  expectError("spinnaker2.routing.bin", {"missing"});
}

TEST_F(ImageCorruption, ExtraFile) {
  writeText(image / "extra.bin", "x");
  expectError("extra.bin", {"unexpected file"});
}

TEST_F(ImageCorruption, FileMissingFromSectionTable) {
  json m = manifest();
  m["sections"].erase(m["sections"].size() - 1);
  setManifest(m);
  expectError("spinnaker2.routing.bin", {"unexpected file"});
}

TEST_F(ImageCorruption, RequiredSectionMissing) {
  json m = manifest();
  m["sections"].erase(m["sections"].size() - 1);
  setManifest(m);
  fs::remove(image / "spinnaker2.routing.bin");
  expectError("manifest.json", {"an image for target 'spinnaker2' needs "
                                "section 'spinnaker2.routing'"});
}

TEST_F(ImageCorruption, CoreSectionMissing) {
  json m = manifest();
  m["sections"].erase(4);
  setManifest(m);
  expectError("manifest.json", {"sections[4] is 'spinnaker2.fixed_point'",
                                "expected core section 'layout'"});
}

TEST_F(ImageCorruption, SectionOfAnotherTarget) {
  json m = manifest();
  m["sections"][6]["owner"] = "photonic";
  setManifest(m);
  expectError("manifest.json",
              {"sections[6] ('spinnaker2.routing') belongs to target "
               "'photonic' but the image is for target 'spinnaker2'"});
}

TEST_F(ImageCorruption, UnknownSection) {
  json m = manifest();
  m["sections"][6]["name"] = "spinnaker2.synfire";
  setManifest(m);
  expectError("manifest.json", {"section 'spinnaker2.synfire' of target "
                                "'spinnaker2' is unknown to this snnc"});
}

TEST_F(ImageCorruption, SectionVersionBumped) {
  json m = manifest();
  m["sections"][6]["version"] = 2;
  setManifest(m);
  expectError("manifest.json", {"section 'spinnaker2.routing' has version 2",
                                "reads 1 only (recompile"});
}

TEST_F(ImageCorruption, Truncated) {
  std::vector<uint8_t> bytes = readFile(image / "synapses.bin");
  bytes.resize(bytes.size() - 3);
  writeFile(image / "synapses.bin", bytes);
  expectError("synapses.bin",
              {"size is " + std::to_string(bytes.size()) + " bytes",
               "manifest records " + std::to_string(bytes.size() + 3)});
}

TEST_F(ImageCorruption, ChecksumFlipped) {
  std::vector<uint8_t> bytes = readFile(image / "neurons.bin");
  std::string recorded = fnv1a64Hex(bytes);
  bytes[bytes.size() / 2] ^= 0x10;
  writeFile(image / "neurons.bin", bytes);
  expectError("neurons.bin",
              {"checksum mismatch", recorded, fnv1a64Hex(bytes)});
}

TEST_F(ImageCorruption, CountsDisagreeWithFileSize) {
  json m = manifest();
  m["populations"][0]["slices"] = 3;
  setManifest(m);
  expectError("slices.bin", {"counts in the manifest need", "bytes"});
}

TEST_F(ImageCorruption, AbsurdSizeIsRefusedBeforeAllocating) {
  json m = manifest();
  m["populations"][3]["size"] = 4000000000u; // 256 GB of neuron records.
  m["populations"][3]["shape"] = {4000000000u};
  setManifest(m);
  expectError("neurons.bin", {"counts in the manifest need 256000"});
  m["sections"][6]["header"]["chips"][0]["routes"] = json(uint64_t(1) << 62);
  m["populations"][3]["size"] = 27;
  m["populations"][3]["shape"] = {27};
  setManifest(m);
  expectError("manifest.json",
              {"section 'spinnaker2.routing' header", "over 2^64 bytes"});
}

TEST_F(ImageCorruption, RowPointerPastSynapses) {
  // Projection 0 ("drive") has 6 rows; its row_ptr starts the file.
  uint64_t big = 90;
  patch("synapses.bin", 8 * 3, &big, sizeof(big));
  expectError("synapses.bin", {"projection 'drive' row_ptr[3] = 90 exceeds"});
}

TEST_F(ImageCorruption, RowPointerDecreasing) {
  uint64_t zero = 0;
  patch("synapses.bin", 8 * 6, &zero, sizeof(zero));
  expectError("synapses.bin",
              {"projection 'drive' row_ptr[6] = 0", "row_ptr[5]"});
}

TEST_F(ImageCorruption, TargetOutOfRange) {
  // Targets follow all row pointers: (6+1) + (4+1) + (10+1) + (4+1) + (3+1)
  // + (10+1) row pointers of the six stored projections.
  uint64_t targetsAt = 8 * (7 + 5 + 11 + 5 + 4 + 11);
  uint32_t far = 1000;
  patch("synapses.bin", targetsAt, &far, sizeof(far));
  expectError("synapses.bin", {"projection 'drive' synapse 0 (row ",
                               "targets neuron 1000 of 10"});
}

TEST_F(ImageCorruption, NotANumberInNeuronTable) {
  double nan = std::nan("");
  patch("neurons.bin", 64 * 2 + 8, &nan, sizeof(nan));
  expectError("neurons.bin", {"population 'exc' neuron 2 gain = nan"});
}

TEST_F(ImageCorruption, ShiftOutOfRangeInFixedPointTable) {
  // 40-byte records: decay_q, gain_m, gain_s, ...
  int32_t shift = 63;
  patch("spinnaker2.fixed_point.bin", 40 * 4 + 8, &shift, sizeof(shift));
  expectError("spinnaker2.fixed_point.bin",
              {"neuron 4 gain_s = 63 is outside [0, 62]"});
}

// slices.bin holds the three input slices (records 0-2) before the
// population slices (records 3-10); a record is 12 bytes: first, count, pe.

TEST_F(ImageCorruption, SlicePeOutOfRange) {
  uint32_t pe = 180;
  patch("slices.bin", 12 * 3 + 8, &pe, sizeof(pe));
  expectError("slices.bin", {"population 'exc' slice 0 is on PE 180 of 180"});
}

TEST_F(ImageCorruption, InputSlicePeOutOfRange) {
  uint32_t pe = 180;
  patch("slices.bin", 8, &pe, sizeof(pe));
  expectError("slices.bin", {"input 'in' slice 0 is on PE 180 of 180"});
}

TEST_F(ImageCorruption, SlicesDoNotTile) {
  uint32_t first = 5;
  patch("slices.bin", 12 * 4, &first, sizeof(first));
  expectError("slices.bin",
              {"population 'exc' slice 1 covers [5, 9)", "from 6"});
}

TEST_F(ImageCorruption, InputSlicesDoNotTile) {
  uint32_t first = 5;
  patch("slices.bin", 12, &first, sizeof(first));
  expectError("slices.bin", {"input 'in' slice 1 covers [5, 7)", "from 4"});
}

TEST_F(ImageCorruption, InputSliceOnAPopulationPe) {
  uint32_t pe = 0;
  patch("slices.bin", 12 * 2 + 8, &pe, sizeof(pe));
  expectError(
      "slices.bin",
      {"population 'exc' slice 0 shares PE 0 with input 'cue' slice 0"});
}

TEST_F(ImageCorruption, InputKeysCollide) {
  // spinnaker2.routing.bin: 8 route words (64 bytes), then a key and mask
  // per slice.
  uint32_t key = 0x00100000;
  patch("spinnaker2.routing.bin", 64 + 8, &key, sizeof(key));
  expectError("spinnaker2.routing.bin",
              {"input 'in' slice 1 has keys [0x00100000, "
               "0x00100001], which overlap keys [0x00100000, "
               "0x00100003] of input 'in' slice 0"});
}

TEST_F(ImageCorruption, InputSliceCountDisagreesWithFileSize) {
  json m = manifest();
  m["inputs"][1]["slices"] = 2;
  setManifest(m);
  expectError("slices.bin",
              {"counts in the manifest need 144 bytes", "the file has 132"});
}

TEST_F(ImageCorruption, PortLevelKeysAreRefused) {
  // The layout before inputs were sliced: one key block per port.
  json m = manifest();
  m["inputs"][0].erase("slices");
  m["inputs"][0]["key"] = 0x00100000;
  m["inputs"][0]["mask"] = 0xfffffff8u;
  setManifest(m);
  expectError("manifest.json", {"inputs[0]", "missing key 'slices'"});
}

TEST_F(ImageCorruption, PlacementDisagreesWithSlices) {
  uint32_t slice = 4;
  patch("placement.bin", 4 * 10, &slice, sizeof(slice));
  expectError("placement.bin", {"PE 10 lists slice 4", "no slice"});
}

TEST_F(ImageCorruption, RouteIndexOutsidePool) {
  // Route words: 2 routes x 2 words on chips 0 and 1, then 11 slice keys,
  // then entries.
  uint32_t route = 7;
  patch("spinnaker2.routing.bin", 8 * 8 + 8 * 11 + 8, &route, sizeof(route));
  expectError("spinnaker2.routing.bin",
              {"chip 0 entry 0 uses route 7 of a pool of 2"});
}

TEST_F(ImageCorruption, ProceduralSpecInvalid) {
  json m = manifest();
  m["projections"][5]["procedural"]["rule"]["lambda"] = -1.0;
  setManifest(m);
  expectError("manifest.json", {"projection 'rec'", "lambda"});
}

TEST_F(ImageCorruption, SourceIndexOutOfRange) {
  json m = manifest();
  m["projections"][1]["source"]["index"] = 9;
  setManifest(m);
  expectError("manifest.json", {"projections[1].source.index",
                                "input 9 does not exist (2 inputs)"});
}

} // namespace
