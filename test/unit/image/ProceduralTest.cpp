//===- ProceduralTest.cpp - Procedural rows expand and quantize alike -----===//

#include "SampleImage.h"

#include "snnc/spinnaker2/ImageSections.h"

#include "snnc/image/Procedural.h"
#include "snnc/spinnaker2/FixedPoint.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc::image;
using namespace snnc::image::test;
using snnc::spinnaker2::quantizeWeight;

namespace {

TEST(ImageProcedural, QuantizeWeightFollowsNumerics) {
  EXPECT_EQ(quantizeWeight(0.5, 1.0), 1); // Half away from zero.
  EXPECT_EQ(quantizeWeight(-0.5, 1.0), -1);
  EXPECT_EQ(quantizeWeight(2.49, 1.0), 2);
  EXPECT_EQ(quantizeWeight(3.0, 0.25), 12);
  EXPECT_EQ(quantizeWeight(1e9, 1.0), 32767); // Clamped, symmetric.
  EXPECT_EQ(quantizeWeight(-1e9, 1.0), -32767);
  EXPECT_EQ(quantizeWeight(std::nan(""), 1.0), 0);
}

TEST(ImageProcedural, RowsMatchTheExpander) {
  Image image = sampleImage();
  for (size_t j = 0; j < image.projections.size(); ++j) {
    const Projection &q = image.projections[j];
    if (!q.isProcedural)
      continue;
    SCOPED_TRACE(q.name);
    double scale = snnc::spinnaker2::fixedPoint(image).projections[j].scale;
    snn::reservoir::Expander expander(q.procedural.spec);
    ProceduralRows rows(q.procedural.spec, scale, quantizeWeight);
    std::vector<snn::reservoir::Synapse> expected;
    std::vector<ExpandedSynapse> row, single;
    uint64_t total = 0;
    for (uint32_t pre = 0; pre < q.procedural.spec.size; ++pre) {
      expander.expandRow(pre, expected);
      rows.expandRow(pre, row);
      expandProceduralRow(q.procedural.spec, pre, scale, quantizeWeight,
                          single);
      ASSERT_EQ(row.size(), expected.size());
      ASSERT_EQ(single.size(), expected.size());
      for (size_t k = 0; k < row.size(); ++k) {
        EXPECT_EQ(row[k].target, expected[k].target);
        EXPECT_EQ(row[k].weight, expected[k].weight);
        int64_t wq = std::llround(double(expected[k].weight) / scale);
        wq = std::max<int64_t>(-32767, std::min<int64_t>(32767, wq));
        EXPECT_EQ(row[k].weightQ, wq);
        EXPECT_EQ(single[k].target, row[k].target);
        EXPECT_EQ(single[k].weight, row[k].weight);
        EXPECT_EQ(single[k].weightQ, row[k].weightQ);
      }
      total += row.size();
    }
    EXPECT_GT(total, 0u);
  }
}

} // namespace
