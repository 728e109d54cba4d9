#include "load/source_text.h"

#include <gtest/gtest.h>

#include "text/unicode.h"

namespace congkhai {
namespace {

std::string clean(const std::string& bytes) {
  Diagnostics d;
  auto t = clean_text(bytes, "t.yaml", &d);
  EXPECT_TRUE(d.empty());
  return t.value_or("");
}

TEST(SourceTextTest, PrecomposedVietnameseIsKeptAsIs) {
  std::string text = "tên: Ủy ban nhân dân xã Sơn Lâm – “Đợt 1” … 5.000 ₫\n";
  EXPECT_TRUE(is_surely_nfc(text));
  EXPECT_EQ(clean(text), text);
}

TEST(SourceTextTest, DecomposedAccentsAreComposed) {
  // "ư" (precomposed) followed by a combining acute: the quick check must not wave it through.
  std::string nfd = "t\xC6\xB0\xCC\x81 Sa\xCC\x80i\n";
  EXPECT_FALSE(is_surely_nfc(nfd));
  EXPECT_EQ(clean(nfd), "tứ Sài\n");
  EXPECT_EQ(clean(nfd), to_nfc(nfd));
}

TEST(SourceTextTest, CharactersOutsideTheQuickBlocksAreNormalised) {
  std::string ohm = "r: 5 \xE2\x84\xA6\n";  // U+2126 OHM SIGN, whose NFC is U+03A9
  EXPECT_FALSE(is_surely_nfc(ohm));
  EXPECT_EQ(clean(ohm), "r: 5 \xCE\xA9\n");
  EXPECT_FALSE(is_surely_nfc("\xE2\x80\x80"));  // U+2000 EN QUAD, a singleton
  EXPECT_TRUE(is_surely_nfc("ascii only"));
}

}  // namespace
}  // namespace congkhai
