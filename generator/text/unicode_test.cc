#include "text/unicode.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

TEST(Slugify, VietnameseNamesBecomeAsciiSlugs) {
  EXPECT_EQ(slugify("Định Hoá"), "dinh-hoa");
  EXPECT_EQ(slugify("Phường 2"), "phuong-2");
  EXPECT_EQ(slugify("  Sơn  Lâm "), "son-lam");
  EXPECT_EQ(slugify("Hà Tĩnh"), "ha-tinh");
  EXPECT_EQ(slugify("../etc/passwd"), "etc-passwd");
  EXPECT_EQ(slugify("!!!"), "");
}

TEST(Slugify, DecomposedInputGivesTheSameSlug) {
  // "Định Hoá" typed in NFD: D-stroke is precomposed, but i + combining dot below, o + acute are not.
  EXPECT_EQ(slugify("\xC4\x90i\xCC\xA3nh Hoa\xCC\x81"), "dinh-hoa");
}

TEST(SlugifyWords, KeepsOnlyTheFirstWords) {
  EXPECT_EQ(slugify_words("Xây dựng Kế hoạch hoạt động kiểm soát TTHC và thực hiện", 7),
            "xay-dung-ke-hoach-hoat-dong-kiem");
}

TEST(Fold, RemovesDiacriticsAndCase) {
  EXPECT_EQ(fold("Số hóa HỒ SƠ"), "so hoa ho so");
  EXPECT_EQ(fold("Đường đi"), "duong di");
  EXPECT_EQ(fold("hoá"), fold("hóa"));
}

TEST(Nfc, ComposesDecomposedText) {
  EXPECT_EQ(to_nfc("Hoa\xCC\x81"), "Hoá");
  EXPECT_EQ(to_lower("Định HOÁ"), "định hoá");
}

TEST(Utf8, RejectsMalformedBytes) {
  EXPECT_TRUE(is_valid_utf8("Sơn Lâm"));
  EXPECT_FALSE(is_valid_utf8("S\xFFn"));
  EXPECT_FALSE(is_valid_utf8("\xC4"));
}

TEST(ToNfc, QuickCheckedTextIsKeptAndTheRestComposed) {
  EXPECT_EQ(to_nfc("Ủy ban – “Đợt 1” 5.000 ₫"), "Ủy ban – “Đợt 1” 5.000 ₫");
  EXPECT_EQ(to_nfc("t\xC6\xB0\xCC\x81"), "tứ");        // ư + combining acute
  EXPECT_EQ(to_nfc("\xE2\x84\xA6"), "\xCE\xA9");        // OHM SIGN → Ω
  EXPECT_EQ(to_nfc("a\xC3(b\xCC\x81"), "a\xC3(b\xCC\x81");  // invalid UTF-8: unchanged
  EXPECT_EQ(to_nfc("a\xC3("), "a\xC3(");                // even where the quick check passes it
}

}  // namespace
}  // namespace congkhai
