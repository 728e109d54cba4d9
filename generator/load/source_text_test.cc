#include "load/source_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

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


TEST(SourceTextTest, LineEndsBecomeLineFeedsAndTheByteOrderMarkGoes) {
  EXPECT_EQ(clean("\xEF\xBB\xBF" "a: 1\r\nb: \"Sơn\"\rc: 3\r\n\r\n"), "a: 1\nb: \"Sơn\"\nc: 3\n\n");
  EXPECT_EQ(clean("\r"), "\n");
  EXPECT_EQ(clean("x\r\r\ny"), "x\n\ny");
}

TEST(SourceTextTest, AStrayByteIsReportedWhereItIs) {
  Diagnostics d;
  EXPECT_FALSE(clean_text("tên: Sơn\nxã: L\xE2m\n", "t.yaml", &d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 2);
  EXPECT_EQ(d[0].pos.column, 6);
  d.clear();
  EXPECT_FALSE(clean_text(std::string("a\0b", 3), "t.yaml", &d));
  EXPECT_EQ(d.size(), 1u);
}

TEST(SourceTextTest, AFileIsReadAsItsCleanedBytes) {
  const std::string bytes = "\xEF\xBB\xBFti\xCC\x81nh: H\xC3\xA0 T\xC4\xA9nh\r\n";
  const std::string path = ::testing::TempDir() + "source_text_read.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  Diagnostics d;
  auto read = read_source(path, &d);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, clean(bytes));
  EXPECT_EQ(*read, "tính: Hà Tĩnh\n");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace congkhai
