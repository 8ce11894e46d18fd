//===- IdxTest.cpp - IDX files, plain and gzip, good and corrupt ----------===//

#include "snnc/dataset/Idx.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace snnc;

namespace {

/// A fresh temporary directory for one test.
class IdxFiles : public ::testing::Test {
protected:
  void SetUp() override {
    dir =
        fs::temp_directory_path() /
        ("snnc-idx-" +
         std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string plain(const std::string &name, const std::vector<uint8_t> &b) {
    std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char *>(b.data()), b.size());
    return path;
  }
  std::string gzip(const std::string &name, const std::vector<uint8_t> &b) {
    std::string path = (dir / name).string();
    gzFile f = gzopen(path.c_str(), "wb");
    gzwrite(f, b.data(), unsigned(b.size()));
    gzclose(f);
    return path;
  }
  std::string error(const std::string &path) {
    image::Expected<dataset::IdxArray> got = dataset::readIdx(path);
    EXPECT_FALSE(got.ok());
    return got ? "" : got.error().message();
  }

  fs::path dir;
};

/// An IDX header for unsigned bytes of `dims`, then `values`.
std::vector<uint8_t> idx(std::vector<uint32_t> dims,
                         std::vector<uint8_t> values) {
  std::vector<uint8_t> b = {0, 0, 0x08, uint8_t(dims.size())};
  for (uint32_t d : dims)
    for (int shift : {24, 16, 8, 0})
      b.push_back(uint8_t(d >> shift));
  b.insert(b.end(), values.begin(), values.end());
  return b;
}

std::vector<uint8_t> counting(size_t n) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = uint8_t(i * 7);
  return v;
}

TEST_F(IdxFiles, ReadsPlainAndGzipAlike) {
  std::vector<uint8_t> bytes = idx({3, 2, 4}, counting(24));
  for (const std::string &path :
       {plain("a.idx", bytes), gzip("a.idx.gz", bytes)}) {
    image::Expected<dataset::IdxArray> got = dataset::readIdx(path);
    ASSERT_TRUE(got.ok()) << got.error().message();
    EXPECT_EQ(got->dims, (std::vector<uint32_t>{3, 2, 4}));
    EXPECT_EQ(got->values, counting(24));
  }
}

TEST_F(IdxFiles, LabelsAreOneDimensional) {
  image::Expected<dataset::IdxArray> got =
      dataset::readIdx(plain("labels", idx({5}, {9, 0, 3, 1, 7})));
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->dims, (std::vector<uint32_t>{5}));
  EXPECT_EQ(got->values, (std::vector<uint8_t>{9, 0, 3, 1, 7}));
}

TEST_F(IdxFiles, CorruptFilesNameTheOffsetAndField) {
  std::vector<uint8_t> good = idx({2, 3}, counting(6));
  auto with = [&](size_t at, uint8_t v) {
    std::vector<uint8_t> b = good;
    b[at] = v;
    return b;
  };
  EXPECT_NE(
      error(plain("magic", with(0, 1))).find("at byte 0: not an IDX file"),
      std::string::npos);
  EXPECT_NE(error(plain("float", with(2, 0x0D)))
                .find("at byte 2: IDX type 0x0d (float) is not supported"),
            std::string::npos);
  EXPECT_NE(error(plain("nodims", with(3, 0)))
                .find("at byte 3: dimension count 0 is outside [1, 8]"),
            std::string::npos);
  EXPECT_NE(
      error(plain("zero", with(7, 0))).find("at byte 4: dimension 0 is 0"),
      std::string::npos);
  std::vector<uint8_t> shortValues(good.begin(), good.end() - 2);
  EXPECT_NE(error(plain("short", shortValues))
                .find("at byte 16: the values end after 4 of the 6 bytes"),
            std::string::npos);
  std::vector<uint8_t> trailing = good;
  trailing.push_back(1);
  EXPECT_NE(error(plain("trailing", trailing))
                .find("at byte 18: trailing bytes after the 6 values"),
            std::string::npos);
  EXPECT_NE(error(plain("header", {0, 0, 8})).find("ends inside the 4-byte"),
            std::string::npos);
  EXPECT_NE(error(plain("dims", {0, 0, 8, 2, 0, 0})).find("inside dimension 0"),
            std::string::npos);
  EXPECT_NE(error((dir / "absent").string()).find("cannot be opened"),
            std::string::npos);
}

TEST_F(IdxFiles, AHeaderClaimingMoreThanTheFileHoldsFailsOnTruncation) {
  // 65536 x 65536 values claimed (4 GiB), 10 present: refused after
  // reading what is there, without allocating the claim.
  std::string message = error(plain("huge", idx({65536, 65535}, counting(10))));
  EXPECT_NE(message.find("the values end after 10 of the 4294901760 bytes"),
            std::string::npos)
      << message;
  EXPECT_NE(error(plain("over", idx({65536, 65536, 2}, {})))
                .find("more than 2^32 values"),
            std::string::npos);
}

TEST_F(IdxFiles, ATruncatedGzipStreamIsRefused) {
  std::string path = gzip("cut.gz", idx({50, 50}, counting(2500)));
  std::vector<uint8_t> bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes.resize(bytes.size() / 2);
  std::string message = error(plain("cut.gz", bytes));
  EXPECT_TRUE(message.find("truncated") != std::string::npos ||
              message.find("corrupt gzip") != std::string::npos)
      << message;
}

/// The real Fashion-MNIST of Debian's dataset-fashion-mnist, when installed
/// (tools/scripts/install-deps.sh installs it).
TEST(FashionMnist, TestSplitHasTenBalancedClassesOf28x28Images) {
  const std::string root = "/usr/share/datasets/fashion-mnist/";
  if (!fs::exists(root + "t10k-images-idx3-ubyte.gz"))
    GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  image::Expected<dataset::IdxArray> images =
      dataset::readIdx(root + "t10k-images-idx3-ubyte.gz");
  image::Expected<dataset::IdxArray> labels =
      dataset::readIdx(root + "t10k-labels-idx1-ubyte.gz");
  ASSERT_TRUE(images.ok()) << images.error().message();
  ASSERT_TRUE(labels.ok()) << labels.error().message();
  EXPECT_EQ(images->dims, (std::vector<uint32_t>{10000, 28, 28}));
  EXPECT_EQ(labels->dims, (std::vector<uint32_t>{10000}));
  std::vector<int> perClass(10, 0);
  for (uint8_t label : labels->values) {
    ASSERT_LT(label, 10);
    ++perClass[label];
  }
  EXPECT_EQ(perClass, std::vector<int>(10, 1000));
}

} // namespace
