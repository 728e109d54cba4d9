#include "text/unicode.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

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

// The table path of to_lower and fold against utf8proc's, on generated text mixing
// Vietnamese letters with characters the table must leave to utf8proc (combining accents of
// NFD text, ß and İ whose folds are two characters, other scripts, malformed bytes).
TEST(Fold, TheTablePathGivesUtf8procsBytes) {
  const std::vector<std::string> pieces = {
      "a", "Z", "1", " ", "-", "Đ", "đ", "Ấ", "ầ", "Ỷ", "ỹ", "Ơ", "ư", "Ư", "À", "é", "Ç", "ÿ",
      "Ā", "ſ", "ß", "İ", "ŉ", "ǅ", "ǰ", "ẞ", "ẖ", "Ɓ", "ɐ", "\xCC\x81", "\xCC\xA3", "Ω", "Ж",
      "ⅷ", "–", "“", "\xC3", "\xE1\xBA", "\xFF", "\xC2\x80", "\xC0\xAF", "\xF0\x9F\x98\x80",
      "Huyện Hương Sơn", "THỊ TRẤN", "ĐỒNG THÁP"};
  std::uint64_t state = 7;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (std::size_t k = 1 + next() % 6; k > 0; --k) text += pieces[next() % pieces.size()];
    ASSERT_EQ(to_lower(text), to_lower_with_utf8proc(text)) << "[" << text << "]";
    ASSERT_EQ(fold(text), fold_with_utf8proc(text)) << "[" << text << "]";
  }
  // Every character of the two blocks on its own, too.
  for (unsigned cp = 0x80; cp < 0x1F00; ++cp) {
    if (cp == 0x250) cp = 0x1E00;
    std::string c = cp < 0x800 ? std::string{static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))}
                               : std::string{static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                                             static_cast<char>(0x80 | (cp & 0x3F))};
    ASSERT_EQ(to_lower(c), to_lower_with_utf8proc(c)) << std::hex << cp;
    ASSERT_EQ(fold(c), fold_with_utf8proc(c)) << std::hex << cp;
  }
  EXPECT_EQ(fold("ĐỒNG THÁP Ấp"), "dong thap ap");
  EXPECT_EQ(to_lower("ĐỒNG THÁP Ấp"), "đồng tháp ấp");
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
