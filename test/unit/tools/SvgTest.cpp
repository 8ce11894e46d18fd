//===- SvgTest.cpp - The SVG writer: escaping, numbers, structure ---------===//

#include "Svg.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc::tools::svg;

namespace {

TEST(Svg, EscapesMarkupCharacters) {
  EXPECT_EQ(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(escape("lif0->li1"), "lif0-&gt;li1");
  EXPECT_EQ(escape(""), "");
}

TEST(Svg, ReplacesWhatXmlForbids) {
  // Control characters, except tab, newline and return.
  EXPECT_EQ(escape(std::string("a\x01"
                               "b\tc\n",
                               6)),
            "a?b\tc\n");
  EXPECT_EQ(escape(std::string("x\0y", 3)), "x?y");
  // Well-formed UTF-8 passes through.
  EXPECT_EQ(escape("µs ×"), "µs ×");
  EXPECT_EQ(escape("\xF0\x9F\x99\x82"), "\xF0\x9F\x99\x82");
  // A stray continuation byte, a truncated sequence, an overlong '/', a
  // surrogate and U+FFFF become one '?' per byte.
  EXPECT_EQ(escape("\x80"), "?");
  EXPECT_EQ(escape("a\xC3"), "a?");
  EXPECT_EQ(escape("\xC0\xAF"), "??");
  EXPECT_EQ(escape("\xED\xA0\x80"), "???");
  EXPECT_EQ(escape("\xEF\xBF\xBF"), "???");
}

TEST(Svg, NumbersHaveFixedDecimalsWithoutTrailingZeros) {
  EXPECT_EQ(number(2.5), "2.5");
  EXPECT_EQ(number(3.0), "3");
  EXPECT_EQ(number(1234.5678), "1234.57");
  EXPECT_EQ(number(0.125, 3), "0.125");
  EXPECT_EQ(number(-0.001), "0");
  EXPECT_EQ(number(-1.5), "-1.5");
  EXPECT_EQ(number(NAN), "0");
  EXPECT_EQ(number(INFINITY), "0");
  EXPECT_EQ(number(7.0, 0), "7");
}

TEST(Svg, PrefixesPickTheUnitThatKeepsThreeDigits) {
  EXPECT_EQ(withPrefix(0.00123, "J"), "1.23 mJ");
  EXPECT_EQ(withPrefix(450e-9, "J"), "450 nJ");
  EXPECT_EQ(withPrefix(0.311, "J"), "311 mJ");
  EXPECT_EQ(withPrefix(2.0, "s"), "2 s");
  EXPECT_EQ(withPrefix(7.11e-10, "J"), "711 pJ");
  // Rounds up into the next prefix rather than printing "1e+03 µJ".
  EXPECT_EQ(withPrefix(999.9e-6, "J"), "1 mJ");
  EXPECT_EQ(withPrefix(0, "J"), "0 J");
  EXPECT_EQ(withPrefix(-2e-3, "J"), "-2 mJ");
  EXPECT_EQ(significant(19.629), "19.6");
  EXPECT_EQ(significant(0.0032149), "0.00321");
}

TEST(Svg, DocumentEscapesAttributesAndTextAndClosesElements) {
  Document doc(100, 50, 2);
  doc.begin("g", {{"class", "a&b"}});
  doc.text(1.5, 2, "<lif0>", 12, "middle");
  doc.rect(0, 0, 10.004, 5, "#ffffff", {{"stroke", "\"x\""}});
  // Left open on purpose: finish() closes it and the root.
  std::string out = doc.finish();
  EXPECT_EQ(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0),
            0u);
  EXPECT_NE(out.find("width=\"200\" height=\"100\" viewBox=\"0 0 100 50\""),
            std::string::npos);
  EXPECT_NE(out.find("<g class=\"a&amp;b\">"), std::string::npos);
  EXPECT_NE(out.find("<text x=\"1.5\" y=\"2\" font-size=\"12\" "
                     "text-anchor=\"middle\">&lt;lif0&gt;</text>"),
            std::string::npos);
  EXPECT_NE(out.find("<rect x=\"0\" y=\"0\" width=\"10\" height=\"5\" "
                     "fill=\"#ffffff\" stroke=\"&quot;x&quot;\"/>"),
            std::string::npos);
  EXPECT_NE(out.find("</g>\n</svg>\n"), std::string::npos);
  EXPECT_EQ(out.size() - out.rfind("</svg>\n"), 7u);
}

} // namespace
