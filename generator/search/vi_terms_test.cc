#include "search/vi_terms.h"

#include <gtest/gtest.h>
#include <vector>
#include <string>
#include <cstdint>
#include <utf8proc.h>

#include "text/unicode.h"

namespace congkhai {
namespace {

using Terms = std::vector<std::string>;

TEST(ViTerms, KeepsTheExactFormAndAddsTheFoldedOne) {
  EXPECT_EQ(vi_terms("Số"), (Terms{"số", "so"}));
  EXPECT_EQ(vi_terms("hoá"), (Terms{"hoá", "hoa"}));
  EXPECT_EQ(vi_terms("Định"), (Terms{"định", "dinh"}));
  EXPECT_EQ(vi_terms("đ"), (Terms{"đ", "d"}));
  EXPECT_EQ(vi_terms("TTHC"), (Terms{"tthc"}));
  EXPECT_EQ(vi_terms("2023"), (Terms{"2023"}));
}

TEST(ViTerms, TrimsPunctuationButNotVietnameseLetters) {
  EXPECT_EQ(vi_terms("Số:"), (Terms{"số", "so"}));
  EXPECT_EQ(vi_terms("(TTHC),"), (Terms{"tthc"}));
  EXPECT_EQ(vi_terms("“Ủy"), (Terms{"ủy", "uy"}));
  EXPECT_EQ(vi_terms("28/kh"), (Terms{"28/kh"}));
  EXPECT_EQ(vi_terms("50%"), (Terms{"50"}));
  EXPECT_EQ(vi_terms("–"), Terms{});
  EXPECT_EQ(vi_terms("..."), Terms{});
}

TEST(ViTerms, DecomposedInputGivesTheSameTerms) {
  // "Hoá" and "Định" typed in NFD.
  EXPECT_EQ(vi_terms("Hoa\xCC\x81"), (Terms{"hoá", "hoa"}));
  EXPECT_EQ(vi_terms("\xC4\x90i\xCC\xA3nh"), (Terms{"định", "dinh"}));
}

TEST(JsToLower, FollowsJavaScriptNotCaseFolding) {
  EXPECT_EQ(js_to_lower("ĐỊNH HOÁ"), "định hoá");
  EXPECT_EQ(js_to_lower("Straße"), "straße");  // case folding would give "strasse"
  EXPECT_EQ(js_to_lower("İ"), "i\xCC\x87");
  EXPECT_EQ(js_to_lower("ΟΔΟΣ"), "οδος");
  EXPECT_EQ(js_to_lower("ΣΑ"), "σα");
}

std::string utf8(utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(utf8proc_encode_char(cp, buf)));
}

// Lower-casing one code point at a time with utf8proc, an invalid byte kept as it is: what
// js_to_lower does to a text without a capital sigma (whose lower case depends on what is
// around it).
std::string lower_by_code_point(std::string_view s) {
  std::string out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      out.push_back(static_cast<char>(*p));
      n = 1;
    } else {
      out += cp == 0x130 ? "i\xCC\x87" : utf8(utf8proc_tolower(cp));
    }
    p += n;
    left -= n;
  }
  return out;
}

TEST(JsToLower, LowerCasesEveryCodePointAndKeepsInvalidBytes) {
  for (utf8proc_int32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0x3A3) continue;
    const std::string text = "Ạ" + utf8(cp) + "A";
    ASSERT_EQ(js_to_lower(text), lower_by_code_point(text)) << std::hex << cp;
  }
  // Truncated, overlong, surrogate and out-of-range sequences, beside and inside letters.
  for (std::string text : {"\xC2", "\xC2" "A", "\xE1\x80", "\xE1\x80Ạ", "\xE1\xBA", "Ạ\xE1", "\xC0\x80",
                           "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x80\x80\x80",
                           "\xFF\xFE", "\x80Ạ", "\xC3\xC3\x80", "Đ\xE1\xBA\xA0\xBA"}) {
    EXPECT_EQ(js_to_lower(text), lower_by_code_point(text)) << text;
  }
  EXPECT_EQ(js_to_lower("ĐƯỜNG Ấp \xC3"), "đường ấp \xC3");
  EXPECT_EQ(js_to_lower("Ạ ΟΔΟΣ"), "ạ οδος");  // a capital sigma anywhere: the whole text's context
}

// Every Vietnamese letter, lower and upper case: the consonants, and each vowel bare and
// with each of the five tone marks (tone marks given as combining characters, then composed).
std::vector<std::string> vietnamese_letters() {
  const char* lower[] = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
  const char* upper[] = {"A", "Ă", "Â", "E", "Ê", "I", "O", "Ô", "Ơ", "U", "Ư", "Y"};
  const char* tones[] = {"", "\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3"};
  std::vector<std::string> out;
  for (int i = 0; i < 12; ++i)
    for (const char* t : tones) {
      out.push_back(to_nfc(std::string(lower[i]) + t));
      out.push_back(to_nfc(std::string(upper[i]) + t));
    }
  for (const char* c : {"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x",
                        "B", "C", "D", "Đ", "G", "H", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "V", "X"})
    out.push_back(c);
  return out;
}

TEST(SearchFold, AgreesWithTheSharedFoldOnEveryVietnameseLetter) {
  std::vector<std::string> letters = vietnamese_letters();
  ASSERT_EQ(letters.size(), 2u * (12 * 6 + 17));
  for (const std::string& letter : letters) {
    Terms terms = vi_terms(letter);
    ASSERT_FALSE(terms.empty()) << letter;
    EXPECT_EQ(terms.front(), to_lower(letter)) << letter;
    EXPECT_EQ(terms.back(), fold(letter)) << letter;
    EXPECT_EQ(terms.back().size(), 1u) << letter;  // one ASCII letter
  }
  EXPECT_EQ(search_fold("ắằẳẵặ ướ đ"), "aaaaa uo d");
  EXPECT_EQ(vi_terms("ẮẰẲẴẶ").back(), "aaaaa");
  EXPECT_EQ(vi_terms("ƯỚ").front(), "ướ");
}

// search_fold's table path against utf8proc's, on generated lower-case text.
TEST(SearchFold, TheTablePathGivesUtf8procsBytes) {
  const std::vector<std::string> pieces = {"a", "z", "1", " ", "-", "đ", "ấ", "ầ", "ỷ", "ỹ", "ơ", "ư",
                                           "à", "é", "ç", "ÿ", "ā", "ſ", "ß", "ŉ", "ǰ", "ẖ", "ɓ",
                                           "\xCC\x81", "\xCC\xA3", "ω", "ж", "–", "“", "\xC3",
                                           "\xE1\xBA", "\xFF", "huyện hương sơn", "thị trấn"};
  std::uint64_t state = 11;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (std::size_t k = 1 + next() % 6; k > 0; --k) text += pieces[next() % pieces.size()];
    ASSERT_EQ(search_fold(text), search_fold_with_utf8proc(text)) << "[" << text << "]";
  }
  EXPECT_EQ(search_fold("đồng tháp ấp"), "dong thap ap");
}

}  // namespace
}  // namespace congkhai
