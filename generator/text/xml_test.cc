#include "text/xml.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(XmlEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(xml_escape("a & b <c> \"d\" 'e'"), "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;");
  EXPECT_EQ(xml_escape("Định Hoá"), "Định Hoá");
}

TEST(XmlEscape, DropsControlCharactersXmlForbids) {
  EXPECT_EQ(xml_escape(std::string("a\x01" "b\x1f" "c", 5)), "abc");
  EXPECT_EQ(xml_escape("a\tb\nc\rd"), "a\tb\nc\rd");
}

// A feed reader refuses the whole feed for one of them.
TEST(XmlEscape, DropsTheNoncharactersXmlForbids) {
  EXPECT_EQ(xml_escape("a\uFFFFb\uFFFEc"), "abc");
  EXPECT_EQ(xml_escape("\uFFFF"), "");
  EXPECT_EQ(xml_escape("<\uFFFE>"), "&lt;&gt;");
  // Allowed by XML 1.0, kept: the last characters before them, and noncharacters XML allows.
  EXPECT_EQ(xml_escape("\uFFFD\uFFFC\uFDD0\U0001FFFF\U0010FFFD"), "\uFFFD\uFFFC\uFDD0\U0001FFFF\U0010FFFD");
}

TEST(XmlEscape, TurnsBytesThatAreNotUtf8IntoTheReplacementCharacter) {
  EXPECT_EQ(xml_escape("a\xFF" "b"), "a\uFFFD" "b");
  EXPECT_EQ(xml_escape("a\xC3"), "a\uFFFD");                           // cut short at the end
  EXPECT_EQ(xml_escape("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");        // a surrogate
  EXPECT_EQ(xml_escape("\xC0\xBC"), "\uFFFD\uFFFD");                  // an overlong "<"
  EXPECT_EQ(xml_escape("\xE1\xBA<"), "\uFFFD\uFFFD&lt;");
}

TEST(XmlEscape, EscapesAtTheEdgesAndBetweenRuns) {
  EXPECT_EQ(xml_escape("&"), "&amp;");
  EXPECT_EQ(xml_escape("<<>>"), "&lt;&lt;&gt;&gt;");
  EXPECT_EQ(xml_escape(std::string("\x02x\x03", 3)), "x");
  EXPECT_EQ(xml_escape("'Sơn' & \"Lâm\"!"), "&apos;Sơn&apos; &amp; &quot;Lâm&quot;!");
  EXPECT_EQ(xml_escape(""), "");
}

}  // namespace
}  // namespace congkhai
