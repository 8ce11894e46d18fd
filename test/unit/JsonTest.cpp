//===- JsonTest.cpp - snnc::parseJson's limits and messages ---------------===//

#include "snnc/Support/Json.h"

#include <gtest/gtest.h>

using snnc::parseJson;

namespace {

std::string nested(int depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(Json, ParsesDocumentsUpToTheNestingLimit) {
  snnc::JsonParse parsed = parseJson(nested(snnc::kMaxJsonDepth));
  ASSERT_TRUE(parsed.value) << parsed.error;
  EXPECT_TRUE(parsed.value->is_array());
}

TEST(Json, RefusesDeeperDocumentsWithoutBuildingThem) {
  snnc::JsonParse parsed = parseJson(nested(snnc::kMaxJsonDepth + 1));
  EXPECT_FALSE(parsed.value);
  EXPECT_EQ(parsed.error, "nested deeper than 512 levels");
  // A million levels would overflow the recursive copy and print.
  EXPECT_FALSE(parseJson(nested(1000000)).value);
}

TEST(Json, SyntaxErrorsHaveTheirPlaceAndNoExceptionTag) {
  snnc::JsonParse parsed = parseJson("{\n  \"tile_rows\": .5\n}");
  ASSERT_FALSE(parsed.value);
  EXPECT_EQ(parsed.line, 2u);
  EXPECT_EQ(parsed.column, 16u);
  EXPECT_EQ(parsed.error.find("[json.exception"), std::string::npos);
  EXPECT_EQ(parsed.error.find("parse error at"), std::string::npos);
  EXPECT_NE(parsed.error.find("invalid literal"), std::string::npos);
  EXPECT_NE(snnc::describeJsonError(parsed).find("(line 2, column 16)"),
            std::string::npos);
}

TEST(Json, NumbersBeyondDoubleAreErrorsNotInfinities) {
  snnc::JsonParse parsed = parseJson("{\"clock_hz\": 1e999}");
  ASSERT_FALSE(parsed.value);
  EXPECT_EQ(parsed.error, "number overflow parsing '1e999'");
}

TEST(Json, EmptyAndTruncatedTextAreErrors) {
  EXPECT_FALSE(parseJson("").value);
  EXPECT_FALSE(parseJson("{\"a\": [1, 2").value);
}

} // namespace
