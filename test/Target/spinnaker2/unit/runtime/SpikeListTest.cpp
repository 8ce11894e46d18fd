//===- SpikeListTest.cpp - The compact recorded-spike list ----------------===//

#include "snnc/runtime/SpikeList.h"

#include <gtest/gtest.h>

using namespace snnc::runtime;

namespace {

TEST(SpikeList, ReadsBackWhatWasAppended) {
  SpikeList list;
  const uint32_t first[] = {4, 9}, second[] = {1}, third[] = {0, 2, 3};
  list.append(0, first, 2);
  list.append(5, nullptr, 0); // a silent step leaves no trace
  list.append(7, second, 1);
  list.append(7, third, 3); // the same step again extends it
  std::vector<SpikeEvent> want = {{0, 4}, {0, 9}, {7, 1},
                                  {7, 0}, {7, 2}, {7, 3}};
  EXPECT_EQ(list.size(), want.size());
  EXPECT_EQ(list.events(), want);
  EXPECT_EQ(list, want);
  for (size_t k = 0; k < want.size(); ++k)
    EXPECT_EQ(list[k], want[k]) << "spike " << k;
  EXPECT_EQ(list, SpikeList(want));
}

TEST(SpikeList, EqualityLooksAtStepsAndIndices) {
  SpikeList a = {{1, 2}, {1, 3}, {4, 0}};
  EXPECT_NE(a, (SpikeList{{1, 2}, {2, 3}, {4, 0}}));
  EXPECT_NE(a, (SpikeList{{1, 2}, {1, 4}, {4, 0}}));
  EXPECT_NE(a, (std::vector<SpikeEvent>{{1, 2}, {1, 3}}));
  EXPECT_EQ(a, (std::vector<SpikeEvent>{{1, 2}, {1, 3}, {4, 0}}));
}

TEST(SpikeList, Empty) {
  SpikeList list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.begin(), list.end());
  EXPECT_EQ(list, std::vector<SpikeEvent>{});
}

} // namespace
