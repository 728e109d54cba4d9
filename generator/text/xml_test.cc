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

TEST(XmlEscape, EscapesAtTheEdgesAndBetweenRuns) {
  EXPECT_EQ(xml_escape("&"), "&amp;");
  EXPECT_EQ(xml_escape("<<>>"), "&lt;&lt;&gt;&gt;");
  EXPECT_EQ(xml_escape(std::string("\x02x\x03", 3)), "x");
  EXPECT_EQ(xml_escape("'Sơn' & \"Lâm\"!"), "&apos;Sơn&apos; &amp; &quot;Lâm&quot;!");
  EXPECT_EQ(xml_escape(""), "");
}

}  // namespace
}  // namespace congkhai
