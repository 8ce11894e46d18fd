//===- SummaryTest.cpp - The `snnc inspect` summary -----------------------===//

#include "SampleImage.h"

#include "snnc/image/ImageWriter.h"
#include "snnc/image/Summary.h"

#include <gtest/gtest.h>

#include <sstream>

namespace fs = std::filesystem;
using namespace snnc::image;
using namespace snnc::image::test;

namespace {

std::vector<std::string> lines(const std::string &text) {
  std::vector<std::string> result;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    result.push_back(line);
  return result;
}

/// The lines of the section headed `title`, header row first.
std::vector<std::string> section(const std::string &text,
                                 const std::string &title) {
  std::vector<std::string> all = lines(text), result;
  bool inside = false;
  for (const std::string &line : all) {
    if (line == title) {
      inside = true;
      continue;
    }
    if (inside && line.empty())
      break;
    if (inside)
      result.push_back(line);
  }
  return result;
}

TEST(ImageSummary, NamesEverything) {
  std::string text = summarize(sampleImage());
  for (const char *fragment :
       {"spinnaker2", "sample-\xc2\xb5net", "0.000333333 s (exact)",
        "3 used, 60 PEs each", "11 of 180 used", "cuba_lif", "integrator",
        "sum_pool2d", "procedural", "input 'in'", "readout", "current",
        "routing.bin", "#7"})
    EXPECT_NE(text.find(fragment), std::string::npos) << fragment << "\n"
                                                      << text;
}

TEST(ImageSummary, ColumnsAreAligned) {
  std::string text = summarize(sampleImage());
  std::vector<std::string> pops = section(text, "populations");
  ASSERT_EQ(pops.size(), 7u) << text;
  // "model" starts where every population's model starts.
  size_t column = pops[0].find("model");
  ASSERT_NE(column, std::string::npos);
  for (size_t i = 1; i < pops.size(); ++i) {
    EXPECT_NE(pops[i][column], ' ') << pops[i];
    EXPECT_EQ(pops[i][column - 1], ' ') << pops[i];
  }
  // Right-aligned numbers end in the same column as their header.
  size_t sizeEnd = pops[0].find("size") + 4;
  for (size_t i = 1; i < pops.size(); ++i)
    EXPECT_EQ(pops[i][sizeEnd], ' ') << pops[i];
}

TEST(ImageSummary, InputsShowSlicesAndPes) {
  std::string text = summarize(sampleImage());
  std::vector<std::string> inputs = section(text, "inputs");
  ASSERT_EQ(inputs.size(), 3u) << text;
  auto columns = [](const std::string &line) {
    std::vector<std::string> cells;
    std::istringstream in(line);
    for (std::string cell; in >> cell;)
      cells.push_back(cell);
    return cells;
  };
  EXPECT_EQ(columns(inputs[0]),
            (std::vector<std::string>{"index", "name", "shape", "size",
                                      "slices", "PEs"}));
  // Shapes print as "[2, 3]", two cells when split at spaces.
  EXPECT_EQ(columns(inputs[1]), (std::vector<std::string>{
                                    "0", "in", "[2,", "3]", "6", "2", "4-65"}));
  EXPECT_EQ(columns(inputs[2]),
            (std::vector<std::string>{"2", "cue", "[4]", "4", "1", "5"}));
}

TEST(ImageSummary, FileSizesMatchTheWrittenImage) {
  ScopedDir dir;
  Image image = sampleImage();
  ASSERT_TRUE(writeImage(image, (dir / "net.img").string()).ok());
  std::vector<std::string> files = section(summarize(image), "files");
  ASSERT_EQ(files.size(), 10u); // Header, eight files, total.
  uint64_t total = 0;
  for (size_t i = 1; i + 1 < files.size(); ++i) {
    std::istringstream row(files[i]);
    std::string name;
    uint64_t bytes = 0;
    row >> name >> bytes;
    EXPECT_EQ(bytes, fs::file_size(dir / "net.img" / name)) << name;
    total += bytes;
  }
  EXPECT_NE(files.back().find(std::to_string(total)), std::string::npos);
}

} // namespace
