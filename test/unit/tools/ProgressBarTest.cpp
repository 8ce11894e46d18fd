//===- ProgressBarTest.cpp - When and how the progress bar draws ----------===//

#include "ProgressBar.h"

#include <gtest/gtest.h>

using namespace snnc::tools;
using namespace snnc::runtime;

namespace {

TEST(ProgressBar, LineShowsBarPercentRateAndEta) {
  EXPECT_EQ(formatProgress("ref", 4500, 10000, 0.5, 100),
            "ref [##################......................]  45%  "
            "4500/10000 steps  9.0 k steps/s  ETA 0:01");
  // Before any time has passed there is no rate to show.
  EXPECT_EQ(formatProgress("", 0, 10, 0, 60),
            "[........................................]   0%  0/10 steps");
  EXPECT_NE(formatProgress("ref", 1, 3601, 1, 200).find("ETA 1:00:00"),
            std::string::npos);
}

TEST(ProgressBar, CountsOtherUnitsThanSteps) {
  EXPECT_EQ(formatProgress("ref", 250, 1000, 0.5, 100, "samples"),
            "ref [##########..............................]  25%  "
            "250/1000 samples  500 samples/s  ETA 0:02");
  // update() reports progress that is not a step loop's (snnc eval).
  double now = 0;
  std::string written;
  ProgressBar bar(
      "ref", 1000, 100, [&] { return now; },
      [&](const std::string &text) { written += text; }, "samples");
  now = 2;
  bar.update(500);
  EXPECT_NE(written.find("500/1000 samples"), std::string::npos) << written;
}

TEST(ProgressBar, LineNeverExceedsTheWidth) {
  for (unsigned width = 1; width < 140; ++width) {
    std::string line = formatProgress("float", 123456, 9999999, 3.25, width);
    EXPECT_LE(line.size(), width) << line;
  }
  // Narrow terminals drop the bar before the numbers.
  std::string narrow = formatProgress("ref", 5, 10, 1, 50);
  EXPECT_EQ(narrow.find('['), std::string::npos);
  EXPECT_NE(narrow.find("50%"), std::string::npos);
}

/// Drives a bar through `steps` steps of `secondsPerStep` each on a fake
/// clock; returns what it wrote and counts clock reads.
struct Drive {
  std::string written;
  uint64_t clockReads = 0;
  uint64_t draws = 0;
};

Drive drive(uint64_t steps, double secondsPerStep) {
  Drive d;
  double now = 100;
  {
    ProgressBar bar(
        "ref", steps, 79,
        [&] {
          ++d.clockReads;
          return now;
        },
        [&](const std::string &text) {
          d.written += text;
          d.draws += text.find("steps/s") != std::string::npos;
        });
    std::vector<std::vector<uint32_t>> none;
    CounterSet counters;
    for (uint64_t s = 0; s < steps; ++s) {
      now += secondsPerStep;
      EXPECT_TRUE(bar.onStep({s, none, none, counters}));
    }
  }
  return d;
}

TEST(ProgressBar, ShortRunsDrawNothing) {
  Drive d = drive(5000, 1e-4); // 0.5 s
  EXPECT_EQ(d.written, "");
}

TEST(ProgressBar, LongRunsDrawThrottledAndClearTheLine) {
  Drive d = drive(300000, 1e-5); // 3 s
  EXPECT_NE(d.written.find("\rref ["), std::string::npos);
  // Drawn for the last 2 s at most 10 times a second.
  EXPECT_GE(d.draws, 15u);
  EXPECT_LE(d.draws, 21u);
  // The destructor erased the line.
  EXPECT_EQ(d.written.substr(d.written.size() - 4), "\r\033[K");
  // The clock is read about every 10 ms, not every step.
  EXPECT_LE(d.clockReads, 400u);
}

TEST(ProgressBar, SlowStepsStillUpdate) {
  Drive d = drive(40, 0.1); // 4 s of 100 ms steps
  EXPECT_GE(d.draws, 25u);
  EXPECT_EQ(d.clockReads, 41u);
}

} // namespace
