//===- WriteSafetyTest.cpp - Writing never destroys data or leaves debris -===//

#include "SampleImage.h"

#include "snnc/image/ImageReader.h"
#include "snnc/image/ImageWriter.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace fs = std::filesystem;
using namespace snnc::image;
using namespace snnc::image::test;

namespace {

bool contains(const std::string &text, const std::string &fragment) {
  return text.find(fragment) != std::string::npos;
}

TEST(ImageWriteSafety, RefusesToReplaceARegularFile) {
  ScopedDir dir;
  writeText(dir / "net.img", "precious user data");
  Status written = writeImage(sampleImage(), (dir / "net.img").string());
  ASSERT_FALSE(written.ok());
  EXPECT_TRUE(contains(written.error().message(), "is a regular file"))
      << written.error().message();
  EXPECT_EQ(readText(dir / "net.img"), "precious user data");
  EXPECT_EQ(listDir(dir.path()), std::vector<std::string>{"net.img"});
}

TEST(ImageWriteSafety, RefusesToReplaceADirectoryWithoutManifest) {
  ScopedDir dir;
  fs::create_directory(dir / "net.img");
  writeText(dir / "net.img" / "notes.txt", "keep me");
  Status written = writeImage(sampleImage(), (dir / "net.img").string());
  ASSERT_FALSE(written.ok());
  EXPECT_TRUE(
      contains(written.error().message(), "without a readable snnc image"))
      << written.error().message();
  EXPECT_EQ(readText(dir / "net.img" / "notes.txt"), "keep me");
  EXPECT_EQ(listDir(dir.path()), std::vector<std::string>{"net.img"});
}

TEST(ImageWriteSafety, RefusesToReplaceAForeignManifest) {
  ScopedDir dir;
  fs::create_directory(dir / "net.img");
  writeText(dir / "net.img" / "manifest.json", R"({"format": "other"})");
  Status written = writeImage(sampleImage(), (dir / "net.img").string());
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(readText(dir / "net.img" / "manifest.json"),
            R"({"format": "other"})");
}

TEST(ImageWriteSafety, RefusesToFollowASymlink) {
  ScopedDir dir;
  ASSERT_TRUE(writeImage(sampleImage(), (dir / "real.img").string()).ok());
  fs::create_directory_symlink(dir / "real.img", dir / "link.img");
  Status written = writeImage(sampleImage(), (dir / "link.img").string());
  ASSERT_FALSE(written.ok());
  EXPECT_TRUE(contains(written.error().message(), "symbolic link"));
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dir / "link.img")));
}

TEST(ImageWriteSafety, RefusesAnInvalidImageAndWritesNothing) {
  ScopedDir dir;
  Image image = sampleImage();
  image.projections[0].stored.target[0] = 99;
  Status written = writeImage(image, (dir / "net.img").string());
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().file, "synapses.bin");
  EXPECT_TRUE(listDir(dir.path()).empty());
}

TEST(ImageWriteSafety, MissingParentDirectory) {
  ScopedDir dir;
  Status written =
      writeImage(sampleImage(), (dir / "no" / "such" / "net.img").string());
  ASSERT_FALSE(written.ok());
  EXPECT_TRUE(listDir(dir.path()).empty());
}

TEST(ImageWriteSafety, UnwritableParentDirectory) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root ignores directory permissions";
  ScopedDir dir;
  fs::create_directory(dir / "ro");
  fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  Status written = writeImage(sampleImage(), (dir / "ro" / "net.img").string());
  fs::permissions(dir / "ro", fs::perms::owner_all);
  ASSERT_FALSE(written.ok());
  EXPECT_TRUE(listDir(dir / "ro").empty());
}

/// Fails each step in turn: no temporary directory may survive, and an
/// image already at the destination must be left exactly as it was.
TEST(ImageWriteSafety, FailureAtAnyStepLeavesNoTrace) {
  const std::vector<std::string> steps = {"neurons.bin",
                                          "slices.bin",
                                          "placement.bin",
                                          "synapses.bin",
                                          "layout.bin",
                                          "spinnaker2.fixed_point.bin",
                                          "spinnaker2.routing.bin",
                                          "manifest.json",
                                          "install"};
  for (bool existing : {false, true}) {
    for (const std::string &failing : steps) {
      SCOPED_TRACE(failing + (existing ? " over an existing image" : ""));
      ScopedDir dir;
      std::string path = (dir / "net.img").string();
      Image old = sampleImage();
      old.network = "old";
      if (existing) {
        ASSERT_TRUE(writeImage(old, path).ok());
      }
      std::vector<std::string> before = listDir(dir.path());
      std::vector<std::string> seen;
      WriteOptions options;
      options.beforeStep = [&](const std::string &step) {
        seen.push_back(step);
        return step != failing;
      };
      Status written = writeImage(sampleImage(), path, options);
      ASSERT_FALSE(written.ok());
      EXPECT_TRUE(contains(written.error().message(), "simulated failure"));
      EXPECT_EQ(seen.back(), failing);
      EXPECT_EQ(listDir(dir.path()), before);
      if (existing) {
        Expected<Image> back = readImage(path);
        ASSERT_TRUE(back.ok()) << back.error().message();
        EXPECT_TRUE(*back == old);
      }
    }
  }
}

TEST(ImageWriteSafety, StepsAreReportedInOrder) {
  ScopedDir dir;
  std::vector<std::string> seen;
  WriteOptions options;
  options.beforeStep = [&](const std::string &step) {
    seen.push_back(step);
    return true;
  };
  ASSERT_TRUE(
      writeImage(sampleImage(), (dir / "net.img").string(), options).ok());
  EXPECT_EQ(seen,
            (std::vector<std::string>{
                "neurons.bin", "slices.bin", "placement.bin", "synapses.bin",
                "layout.bin", "spinnaker2.fixed_point.bin",
                "spinnaker2.routing.bin", "manifest.json", "install"}));
}

} // namespace
