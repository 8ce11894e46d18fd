//===- OutputFileTest.cpp - The one output writer and the input check ----===//

#include "snnc/Support/OutputFile.h"
#include "snnc/Support/InputFile.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

class OutputFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("snnc-output-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  std::string at(const std::string &name) const {
    return (dir / name).string();
  }

  static std::string read(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  static void write(const std::string &path, const std::string &text) {
    std::ofstream(path, std::ios::binary) << text;
  }

  /// Files in the directory besides `keep`: a leftover temporary shows here.
  size_t entries() const {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
  }

  fs::path dir;
};

TEST_F(OutputFileTest, WritesANewFileAndLeavesNoTemporary) {
  EXPECT_EQ(snnc::writeOutputFile(at("out.json"), "{}\n"), "");
  EXPECT_EQ(read(at("out.json")), "{}\n");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFileTest, ReplacesARegularFileKeepingItsMode) {
  write(at("out.txt"), "old contents that are longer");
  ::chmod(at("out.txt").c_str(), 0640);
  EXPECT_EQ(snnc::writeOutputFile(at("out.txt"), "new"), "");
  EXPECT_EQ(read(at("out.txt")), "new");
  struct stat st;
  ASSERT_EQ(::stat(at("out.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(OutputFileTest, ASymlinkIsFollowedAndNeverReplaced) {
  write(at("real.txt"), "old");
  fs::create_symlink("real.txt", at("link.txt"));
  EXPECT_EQ(snnc::writeOutputFile(at("link.txt"), "new"), "");
  EXPECT_TRUE(fs::is_symlink(at("link.txt")));
  EXPECT_EQ(read(at("real.txt")), "new");
  EXPECT_EQ(entries(), 2u);
}

TEST_F(OutputFileTest, ADanglingSymlinkIsRefused) {
  fs::create_symlink("missing.txt", at("link.txt"));
  std::string why = snnc::writeOutputFile(at("link.txt"), "new");
  EXPECT_NE(why.find("symbolic link to a missing file"), std::string::npos)
      << why;
  EXPECT_TRUE(fs::is_symlink(at("link.txt")));
}

TEST_F(OutputFileTest, ACharacterDeviceIsWrittenThroughNotReplaced) {
  // /dev/null itself, written through: it must stay a device.
  EXPECT_EQ(snnc::writeOutputFile("/dev/null", "bytes"), "");
  struct stat st;
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(OutputFileTest, AFullDeviceGivesTheOsReason) {
  if (::access("/dev/full", W_OK) != 0)
    GTEST_SKIP() << "no writable /dev/full";
  std::string why = snnc::writeOutputFile("/dev/full", "bytes");
  EXPECT_NE(why.find("'/dev/full': No space left on device"), std::string::npos)
      << why;
  struct stat st;
  ASSERT_EQ(::stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(OutputFileTest, AFifoIsWrittenThrough) {
  ASSERT_EQ(::mkfifo(at("pipe").c_str(), 0600), 0);
  // A reader on the other end, so that opening for writing does not block.
  int reader = ::open(at("pipe").c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  EXPECT_EQ(snnc::writeOutputFile(at("pipe"), "through"), "");
  char buffer[16] = {};
  EXPECT_EQ(::read(reader, buffer, sizeof buffer), 7);
  EXPECT_STREQ(buffer, "through");
  ::close(reader);
  struct stat st;
  ASSERT_EQ(::lstat(at("pipe").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST_F(OutputFileTest, AMissingDirectoryGivesTheOsReasonAndNoFile) {
  std::string why = snnc::writeOutputFile(at("no/such/out.json"), "x");
  EXPECT_NE(why.find("No such file or directory"), std::string::npos) << why;
  EXPECT_EQ(entries(), 0u);
}

TEST_F(OutputFileTest, AFailedWriteKeepsTheOldFile) {
  write(at("out.txt"), "old");
  snnc::PendingOutput out(at("out.txt"));
  ASSERT_TRUE(out.ok()) << out.error();
  EXPECT_EQ(out.write("half"), "");
  out.discard(); // the writer failed part-way
  EXPECT_EQ(read(at("out.txt")), "old");
  EXPECT_EQ(entries(), 1u);
}

TEST_F(OutputFileTest, AnOutputThatIsAnInputIsRefused) {
  write(at("in.json"), "{}");
  std::string why = snnc::checkOutputPath(at("in.json"), {at("in.json")}, "-o");
  EXPECT_NE(why.find("is also the input"), std::string::npos) << why;
  // The same file through a link, or a hard link, is the same input.
  fs::create_symlink("in.json", at("alias.json"));
  ASSERT_EQ(::link(at("in.json").c_str(), at("hard.json").c_str()), 0);
  EXPECT_NE(snnc::checkOutputPath(at("alias.json"), {at("in.json")}, "-o"), "");
  EXPECT_NE(snnc::checkOutputPath(at("hard.json"), {at("in.json")}, "-o"), "");
  EXPECT_EQ(snnc::checkOutputPath(at("other.json"), {at("in.json")}, "-o"), "");
}

TEST_F(OutputFileTest, AnOutputInsideAnInputDirectoryIsRefused) {
  fs::create_directories(dir / "x.img" / "sub");
  write(at("x.img/manifest.json"), "{}");
  for (const char *name :
       {"x.img/manifest.json", "x.img/new.svg", "x.img/sub/deep.json"}) {
    std::string why = snnc::checkOutputPath(at(name), {at("x.img")}, "--plot");
    EXPECT_NE(why.find("lies inside the input"), std::string::npos)
        << name << ": " << why;
  }
  EXPECT_EQ(snnc::checkOutputPath(at("beside.json"), {at("x.img")}, "-o"), "");
}

TEST_F(OutputFileTest, DirectoriesAndEmptyPathsAreRefused) {
  EXPECT_NE(snnc::checkOutputPath(dir.string(), {}, "-o").find("directory"),
            std::string::npos);
  EXPECT_NE(snnc::checkOutputPath("", {}, "-o").find("empty path"),
            std::string::npos);
  EXPECT_EQ(snnc::checkOutputPath("-", {}, "-o"), "");
}

TEST_F(OutputFileTest, InputsThatNeverEndAreRefused) {
  EXPECT_NE(snnc::checkInputFile("/dev/zero").find("not a regular file"),
            std::string::npos);
  ASSERT_EQ(::mkfifo(at("pipe").c_str(), 0600), 0);
  EXPECT_NE(snnc::checkInputFile(at("pipe")).find("not a regular file"),
            std::string::npos);
  fs::create_symlink("/dev/zero", at("zero.mlir"));
  EXPECT_NE(snnc::checkInputFile(at("zero.mlir")), "");
  EXPECT_NE(snnc::checkInputFile(dir.string()).find("is a directory"),
            std::string::npos);
  EXPECT_NE(snnc::checkInputFile(at("missing")).find("No such file"),
            std::string::npos);
  write(at("ten.txt"), "0123456789");
  EXPECT_EQ(snnc::checkInputFile(at("ten.txt"), 10), "");
  EXPECT_NE(snnc::checkInputFile(at("ten.txt"), 9).find("more than the 9"),
            std::string::npos);
}

} // namespace
