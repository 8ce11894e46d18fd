//===- NpyTest.cpp - NumPy .npy arrays, good and corrupt ------------------===//

#include "snnc/dataset/Npy.h"
#include "NpyWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace snnc;

namespace {
using test::bytesOf;
using test::npy;

class NpyFiles : public ::testing::Test {
protected:
  void SetUp() override {
    dir =
        fs::temp_directory_path() /
        ("snnc-npy-" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string write(const std::string &name, const std::vector<uint8_t> &b) {
    std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char *>(b.data()), b.size());
    return path;
  }
  std::string error(const std::vector<uint8_t> &b) {
    image::Expected<dataset::NpyArray> got =
        dataset::readNpy(write("bad.npy", b));
    EXPECT_FALSE(got.ok());
    return got ? "" : got.error().message();
  }
  fs::path dir;
};

TEST_F(NpyFiles, ReadsFloatsIntegersAndBytes) {
  image::Expected<dataset::NpyArray> f = dataset::readNpy(
      write("f.npy",
            npy("<f4", "(2, 3)", bytesOf<float>({0.5f, -1, 2, 3, 4.25f, 5}))));
  ASSERT_TRUE(f.ok()) << f.error().message();
  EXPECT_EQ(f->shape, (std::vector<uint64_t>{2, 3}));
  EXPECT_EQ(f->values, (std::vector<double>{0.5, -1, 2, 3, 4.25, 5}));
  image::Expected<dataset::NpyArray> i = dataset::readNpy(
      write("i.npy", npy("<i8", "(3,)", bytesOf<int64_t>({-7, 0, 9}))));
  ASSERT_TRUE(i.ok()) << i.error().message();
  EXPECT_EQ(i->shape, (std::vector<uint64_t>{3}));
  EXPECT_EQ(i->values, (std::vector<double>{-7, 0, 9}));
  image::Expected<dataset::NpyArray> u =
      dataset::readNpy(write("u.npy", npy("|u1", "(2,)", {255, 3})));
  ASSERT_TRUE(u.ok()) << u.error().message();
  EXPECT_EQ(u->values, (std::vector<double>{255, 3}));
}

TEST_F(NpyFiles, CorruptFilesNameTheOffsetAndField) {
  std::vector<uint8_t> good = npy("<f8", "(2,)", bytesOf<double>({1, 2}));
  std::vector<uint8_t> magic = good;
  magic[1] = 'X';
  EXPECT_NE(error(magic).find("at byte 0: not a .npy file"), std::string::npos);
  std::vector<uint8_t> version = good;
  version[6] = 9;
  EXPECT_NE(error(version).find("at byte 6: format version 9"),
            std::string::npos);
  std::vector<uint8_t> truncated(good.begin(), good.end() - 3);
  EXPECT_NE(
      error(truncated).find("need 16 bytes of values but the file has 13"),
      std::string::npos);
  std::vector<uint8_t> trailing = good;
  trailing.push_back(0);
  EXPECT_NE(error(trailing).find("the file has 17"), std::string::npos);
  EXPECT_NE(error(npy(">f8", "(2,)", bytesOf<double>({1, 2})))
                .find("dtype '>f8' is not supported"),
            std::string::npos);
  EXPECT_NE(error(npy("<f8", "(2,)", bytesOf<double>({1, 2}), true))
                .find("'fortran_order' is True"),
            std::string::npos);
  EXPECT_NE(error(npy("<f8", "(99999999999999999999999,)", {}))
                .find("more than 2^32 values"),
            std::string::npos);
  std::vector<uint8_t> longHeader = good;
  longHeader[8] = 0xff;
  longHeader[9] = 0xff;
  EXPECT_NE(error(longHeader).find("runs past the end of the file"),
            std::string::npos);
}

} // namespace
