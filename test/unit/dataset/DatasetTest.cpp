//===- DatasetTest.cpp - Dataset splits: layouts, slices, crop and pool ---===//

#include "snnc/dataset/Dataset.h"
#include "NpyWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace snnc;
using test::bytesOf;
using test::npy;

namespace {

class DatasetFiles : public ::testing::Test {
protected:
  void SetUp() override {
    dir =
        fs::temp_directory_path() /
        ("snnc-dataset-" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const fs::path &path, const std::vector<uint8_t> &b) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char *>(b.data()), b.size());
  }
  /// Four 2x4 samples of values 0..31 / 32 and labels 0, 1, 2, 1.
  void valueSplit(const std::string &split) {
    std::vector<float> v(32);
    for (int i = 0; i < 32; ++i)
      v[size_t(i)] = float(i) / 32;
    write(dir / (split + "-values.npy"), npy("<f4", "(4, 2, 4)", bytesOf(v)));
    write(dir / (split + "-labels.npy"),
          npy("|u1", "(4,)", std::vector<uint8_t>{0, 1, 2, 1}));
  }
  image::Expected<dataset::Dataset> load(const std::string &split,
                                         size_t offset = 0, size_t limit = 0) {
    return dataset::loadDataset({dir.string(), split, offset, limit});
  }

  fs::path dir;
};

TEST_F(DatasetFiles, ReadsTheValueLayout) {
  valueSplit("test");
  image::Expected<dataset::Dataset> d = load("test");
  ASSERT_TRUE(d.ok()) << d.error().message();
  EXPECT_EQ(d->shape, (std::vector<uint32_t>{2, 4}));
  EXPECT_EQ(d->sampleSize, 8u);
  EXPECT_EQ(d->samples(), 4u);
  EXPECT_EQ(d->classes, 3u);
  EXPECT_FLOAT_EQ(d->sample(1)[0], 8.0f / 32);
}

TEST_F(DatasetFiles, OffsetAndLimitKeepAContiguousSlice) {
  valueSplit("train");
  image::Expected<dataset::Dataset> d = load("train", 1, 2);
  ASSERT_TRUE(d.ok()) << d.error().message();
  EXPECT_EQ(d->labels, (std::vector<uint32_t>{1, 2}));
  EXPECT_FLOAT_EQ(d->sample(0)[0], 8.0f / 32);
  EXPECT_EQ(d->values.size(), 16u);
  EXPECT_FALSE(load("train", 4).ok());
  image::Expected<dataset::Dataset> all = load("train", 1, SIZE_MAX);
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->samples(), 3u);
}

TEST_F(DatasetFiles, ReadsTheSpikeLayoutInFileNameOrder) {
  fs::create_directories(dir / "test-spikes");
  for (const char *name : {"b.json", "a.json"})
    std::ofstream(dir / "test-spikes" / name) << "{}";
  write(dir / "test-labels.npy", npy("<i8", "(2,)", bytesOf<int64_t>({4, 7})));
  image::Expected<dataset::Dataset> d = load("test");
  ASSERT_TRUE(d.ok()) << d.error().message();
  ASSERT_EQ(d->spikeFiles.size(), 2u);
  EXPECT_EQ(fs::path(d->spikeFiles[0]).filename(), "a.json");
  EXPECT_EQ(d->classes, 8u);
}

TEST_F(DatasetFiles, RefusesMismatchedOrBadLabels) {
  valueSplit("test");
  write(dir / "test-labels.npy",
        npy("|u1", "(3,)", std::vector<uint8_t>{0, 1, 2}));
  image::Expected<dataset::Dataset> d = load("test");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message().find("holds 3 labels for the 4 samples"),
            std::string::npos)
      << d.error().message();
  write(dir / "test-labels.npy",
        npy("<f8", "(4,)", bytesOf<double>({0, 1.5, 2, 1})));
  d = load("test");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message().find("label of sample 1 is 1.5"),
            std::string::npos)
      << d.error().message();
}

TEST_F(DatasetFiles, RefusesSamplesWithoutValues) {
  write(dir / "test-values.npy", npy("<f4", "(2, 0, 3)", {}));
  write(dir / "test-labels.npy",
        npy("|u1", "(2,)", std::vector<uint8_t>{0, 1}));
  image::Expected<dataset::Dataset> d = load("test");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message().find("dimension 1 of the values is 0"),
            std::string::npos)
      << d.error().message();
}

TEST_F(DatasetFiles, NamesWhatItLookedFor) {
  image::Expected<dataset::Dataset> d = load("dev");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message().find("holds no split 'dev'"), std::string::npos)
      << d.error().message();
  d = dataset::loadDataset({"no-such-dataset", "test", 0, 0});
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message().find("apt install dataset-no-such-dataset"),
            std::string::npos)
      << d.error().message();
}

TEST_F(DatasetFiles, CropsAroundTheCentreThenPools) {
  valueSplit("test");
  image::Expected<dataset::Dataset> d = load("test");
  ASSERT_TRUE(d.ok());
  // 2x4 -> crop 2 keeps columns 1..2 -> pool 2 averages them.
  ASSERT_TRUE(dataset::cropAndPool(*d, 2, 2).ok());
  EXPECT_EQ(d->shape, (std::vector<uint32_t>{1, 1}));
  EXPECT_EQ(d->sampleSize, 1u);
  EXPECT_FLOAT_EQ(d->sample(0)[0], (1 + 2 + 5 + 6) / 4.0f / 32);
  EXPECT_FLOAT_EQ(d->sample(3)[0], (25 + 26 + 29 + 30) / 4.0f / 32);
  EXPECT_FALSE(dataset::cropAndPool(*d, 0, 2).ok()); // 1x1 pools to nothing
}

TEST(FashionMnist, TestSplitReadsWhole) {
  if (!fs::is_directory("/usr/share/datasets/fashion-mnist"))
    GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  image::Expected<dataset::Dataset> d =
      dataset::loadDataset({"fashion-mnist", "test", 0, 0});
  ASSERT_TRUE(d.ok()) << d.error().message();
  EXPECT_EQ(d->samples(), 10000u);
  EXPECT_EQ(d->shape, (std::vector<uint32_t>{28, 28}));
  EXPECT_EQ(d->classes, 10u);
  ASSERT_TRUE(dataset::cropAndPool(*d, 0, 2).ok());
  EXPECT_EQ(d->sampleSize, 196u);
}

} // namespace
