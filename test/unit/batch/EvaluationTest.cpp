//===- EvaluationTest.cpp - Accuracy, confusion and percentiles -----------===//

#include "snnc/batch/Evaluation.h"

#include <gtest/gtest.h>

using namespace snnc;

namespace {

TEST(Evaluation, PercentilesAreNearestRank) {
  std::vector<double> v;
  for (int i = 100; i >= 1; --i)
    v.push_back(i);
  batch::Distribution d = batch::distributionOf(v);
  EXPECT_DOUBLE_EQ(d.mean, 50.5);
  EXPECT_DOUBLE_EQ(d.p50, 50);
  EXPECT_DOUBLE_EQ(d.p90, 90);
  EXPECT_DOUBLE_EQ(d.p99, 99);
  EXPECT_DOUBLE_EQ(d.max, 100);
  batch::Distribution one = batch::distributionOf({7});
  EXPECT_DOUBLE_EQ(one.p50, 7);
  EXPECT_DOUBLE_EQ(one.p99, 7);
  EXPECT_DOUBLE_EQ(batch::distributionOf({}).max, 0);
}

TEST(Evaluation, CountsConfusionSilenceAndEvents) {
  batch::BatchResult run;
  run.engine = "ref";
  // Predictions 0, 1, silent, 1 for labels 0, 0, 1, 1.
  for (int64_t p : {0, 1, -1, 1}) {
    batch::SampleOutcome s;
    s.predicted = p;
    s.joules = 2.0;
    s.latencySeconds = 1e-3;
    run.samples.push_back(s);
  }
  batch::Evaluation e = batch::evaluate(run, {0, 0, 1, 1}, 2, 10, 1e-3);
  EXPECT_EQ(e.correct, 2u);
  EXPECT_DOUBLE_EQ(e.accuracy, 0.5);
  EXPECT_EQ(e.silent, 1u);
  EXPECT_EQ(e.confusion,
            (std::vector<std::vector<uint64_t>>{{1, 1, 0}, {0, 1, 1}}));
  EXPECT_EQ(e.classAccuracy, (std::vector<double>{0.5, 0.5}));
  EXPECT_DOUBLE_EQ(e.edp, 2e-3);
  EXPECT_DOUBLE_EQ(e.inferenceSeconds, 0.01);
  nlohmann::json j = batch::toJson(e);
  EXPECT_EQ(j["confusion"][1][2], 1);
  EXPECT_EQ(j["accuracy"], 0.5);
}

} // namespace
