#include "search/lunr_index.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>

namespace congkhai {
namespace {

using Strings = std::vector<std::string>;

TEST(LunrTokenize, SplitsOnWhiteSpaceAndHyphensAfterLowerCasing) {
  EXPECT_EQ(lunr_tokenize("Văn phòng HĐND - UBND xã"), (Strings{"văn", "phòng", "hđnd", "ubnd", "xã"}));
  EXPECT_EQ(lunr_tokenize("28/KH-UBND"), (Strings{"28/kh", "ubnd"}));
  EXPECT_EQ(lunr_tokenize("  a\t\nb\xC2\xA0" "c\xE3\x80\x80" "d--e  "), (Strings{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(lunr_tokenize(""), Strings{});
  EXPECT_EQ(lunr_tokenize(" - "), Strings{});
}

TEST(LunrFieldTerms, EmitsExactAndFoldedTermsAndDropsPunctuation) {
  EXPECT_EQ(lunr_field_terms("Số hoá hồ sơ, TTHC – 100%"),
            (Strings{"số", "so", "hoá", "hoa", "hồ", "ho", "sơ", "so", "tthc", "100"}));
}

TEST(JsNumber, MatchesNumberToString) {
  EXPECT_EQ(js_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(js_number(1e21), "1e+21");
  EXPECT_EQ(js_number(1e-7), "1e-7");
  EXPECT_EQ(js_number(123e-20), "1.23e-18");
  EXPECT_EQ(js_number(0.000001), "0.000001");
  EXPECT_EQ(js_number(5e-324), "5e-324");
  EXPECT_EQ(js_number(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(js_number(100), "100");
  EXPECT_EQ(js_number(2.5), "2.5");
  EXPECT_EQ(js_number(-0.001), "-0.001");
  EXPECT_EQ(js_number(123456789012345680000.0), "123456789012345680000");
  EXPECT_EQ(js_number(0.0), "0");
  EXPECT_EQ(js_number(-0.0), "0");
}

// Whole numbers, as the index's scores in thousandths are: below 2^53, where every whole
// number is a double of its own, Number::toString writes their digits, as to_chars does in
// fixed form.
TEST(JsNumber, WholeNumbersAreWrittenAsTheirShortestDigits) {
  auto check = [](double v) {
    char buf[400];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    EXPECT_EQ(js_number(v), std::string(buf, res.ptr)) << v;
  };
  for (double v = -3000; v <= 300000; v += 1) check(v);
  for (double v = 1; v < 9e15; v = v * 7 + 3) {
    check(v);
    check(-v);
  }
  for (double v : {999999999999999.0, 1e15, 1e15 + 1, 9007199254740991.0, 9007199254740992.0})
    check(v);
}

TEST(JsNumber, ThousandthsAreWrittenAsNumberToStringWritesThem) {
  auto check = [](double r) {
    std::string fast;
    append_js_thousandths(&fast, r);
    EXPECT_EQ(fast, js_number(r / 1000)) << r;
  };
  for (double r = -2000; r <= 200000; r += 1) check(r);
  for (double r = 1; r < 1e15; r = r * 7 + 3) check(r);
  check(-0.0);
  check(0.5);  // not whole: the general path
  check(std::nan(""));
}

TEST(JsRound, RoundsHalvesUp) {
  EXPECT_EQ(js_round(2.5), 3);
  EXPECT_EQ(js_round(-2.5), -2);
  EXPECT_EQ(js_round(0.49999999999999994), 0);
  EXPECT_EQ(js_round(1574.5), 1575);
}

TEST(ToJsJson, EscapesLikeJsonStringify) {
  LunrJson v = LunrJson::object();
  v["s"] = "a\"b\\c\n\t\x01 Sơn Lâm \x7f";
  v["n"] = LunrJson::array({1, 0.5, 1.0});
  EXPECT_EQ(to_js_json(v), "{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001 Sơn Lâm \x7f\",\"n\":[1,0.5,1]}");
}

// The expected text is what lunr.js 2.3.9 serialises for the same documents, built with
// lunr.Builder, the viFold pipeline function and the same boosts.
TEST(BuildLunrIndex, MatchesLunrOnATinyCorpus) {
  std::vector<LunrField> fields = {{"title", 2}, {"body", 1}};
  std::vector<LunrDocument> docs = {
      {"a", {"Số hoá hồ sơ", "thanh toán trực tuyến"}, 1},
      {"b", {"so sánh", "hồ sơ trực tuyến, hồ sơ giấy"}, 1.5},
      {"c", {"Hồ sơ", ""}, 1},
  };
  EXPECT_EQ(
      to_js_json(build_lunr_index(fields, docs)),
      R"({"version":"2.3.9","fields":["title","body"],"fieldVectors":[["title/a",[0,1.575,1,0.248,2,1.575,3,1.575,4,0.214,5,0.214,6,0.214]],["body/a",[7,0.981,8,0.981,9,0.981,10,0.47,11,0.47,12,0.47,13,0.47]],["title/b",[1,0.378,14,3.518,15,3.518]],["body/b",[1,0.17,4,0.215,5,0.215,6,0.215,10,0.5,11,0.5,12,0.5,13,0.5,16,1.044,17,1.044]],["title/c",[1,0.229,4,0.291,5,0.291,6,0.291]],["body/c",[]]],"invertedIndex":[["giay",{"_index":17,"title":{},"body":{"b":{}}}],["giấy",{"_index":16,"title":{},"body":{"b":{}}}],["ho",{"_index":5,"title":{"a":{},"c":{}},"body":{"b":{}}}],["hoa",{"_index":3,"title":{"a":{}},"body":{}}],["hoá",{"_index":2,"title":{"a":{}},"body":{}}],["hồ",{"_index":4,"title":{"a":{},"c":{}},"body":{"b":{}}}],["sanh",{"_index":15,"title":{"b":{}},"body":{}}],["so",{"_index":1,"title":{"a":{},"b":{},"c":{}},"body":{"b":{}}}],["sánh",{"_index":14,"title":{"b":{}},"body":{}}],["sơ",{"_index":6,"title":{"a":{},"c":{}},"body":{"b":{}}}],["số",{"_index":0,"title":{"a":{}},"body":{}}],["thanh",{"_index":7,"title":{},"body":{"a":{}}}],["toan",{"_index":9,"title":{},"body":{"a":{}}}],["toán",{"_index":8,"title":{},"body":{"a":{}}}],["truc",{"_index":11,"title":{},"body":{"a":{},"b":{}}}],["trực",{"_index":10,"title":{},"body":{"a":{},"b":{}}}],["tuyen",{"_index":13,"title":{},"body":{"a":{},"b":{}}}],["tuyến",{"_index":12,"title":{},"body":{"a":{},"b":{}}}]],"pipeline":["viFold"]})");
}

// The same documents in the compact form: the terms in _index order, the refs (not their
// positions in base 36), and the vectors of the index above with each term given as its
// distance from the one before and each score in thousandths. tests/search/compact.js expands
// it with search-core.js and compares it with lunr's own text.
TEST(BuildLunrCompactIndex, KeepsTermsAndVectorsOnly) {
  std::vector<LunrField> fields = {{"title", 2}, {"body", 1}};
  std::vector<LunrDocument> docs = {
      {"a", {"Số hoá hồ sơ", "thanh toán trực tuyến"}, 1},
      {"b", {"so sánh", "hồ sơ trực tuyến, hồ sơ giấy"}, 1.5},
      {"c", {"Hồ sơ", ""}, 1},
  };
  EXPECT_EQ(
      build_lunr_compact_index_json(fields, docs),
      R"({"version":"2.3.9","fields":["title","body"],"pipeline":["viFold"],)"
      R"("terms":["số","so","hoá","hoa","hồ","ho","sơ","thanh","toán","toan","trực","truc","tuyến","tuyen","sánh","sanh","giấy","giay"],)"
      R"("refs":["a","b","c"],)"
      R"("vectors":[[0,1575,1,248,1,1575,1,1575,1,214,1,214,1,214],[7,981,1,981,1,981,1,470,1,470,1,470,1,470],)"
      R"([1,378,13,3518,1,3518],[1,170,3,215,1,215,1,215,4,500,1,500,1,500,1,500,3,1044,1,1044],)"
      R"([1,229,3,291,1,291,1,291],[]]})");
}

TEST(BuildLunrCompactIndex, LeavesOutRefsThatArePositionsInBase36) {
  std::vector<LunrDocument> docs;
  for (int i = 0; i < 40; ++i) {
    std::string ref = i < 10 ? std::string(1, static_cast<char>('0' + i))
                     : i < 36 ? std::string(1, static_cast<char>('a' + i - 10))
                              : "1" + std::to_string(i - 36);
    docs.push_back({ref, {"x"}, 1});
  }
  EXPECT_EQ(docs[39].ref, "13");
  std::string positional = build_lunr_compact_index_json({{"t", 1}}, docs);
  EXPECT_EQ(positional.find("\"refs\""), std::string::npos);
  docs[39].ref = "14";
  std::string listed = build_lunr_compact_index_json({{"t", 1}}, docs);
  EXPECT_NE(listed.find(R"("refs":["0","1",)"), std::string::npos);
}

TEST(BuildLunrIndex, ScoresWithBm25) {
  // One field, two documents: "so" in both (idf = ln(1 + 0.5/2.5)), "hồ" in one
  // (idf = ln(1 + 1.5/1.5)); lengths 1 and 3 ("hồ" gives "hồ" and "ho"), average 2.
  std::vector<LunrDocument> docs = {{"x", {"so"}, 1}, {"y", {"so hồ"}, 1}};
  LunrJson index = build_lunr_index({{"t", 1}}, docs);
  const LunrJson& x = index["fieldVectors"][0][1];
  const LunrJson& y = index["fieldVectors"][1][1];
  double idf_so = std::log(1 + 0.5 / 2.5), idf_ho = std::log(1 + 1.5 / 1.5);
  double avg = (1 + 3) / 2.0;
  auto score = [&](double idf, double len) {
    return js_round(idf * 2.2 / (1.2 * (0.25 + 0.75 * (len / avg)) + 1) * 1000) / 1000;
  };
  EXPECT_EQ(x, LunrJson::array({0, score(idf_so, 1)}));
  EXPECT_EQ(y, LunrJson::array({0, score(idf_so, 3), 1, score(idf_ho, 3), 2, score(idf_ho, 3)}));
}

TEST(BuildLunrIndex, OrdersRefsAndTermsAsJavaScriptDoes) {
  // Array-index refs come first in numeric order; terms sort by UTF-16 code units, so the
  // astral "𝐚" (U+1D41A) sorts before "ﬁ" (U+FB01).
  std::vector<LunrDocument> docs = {{"x", {"ﬁ 𝐚 b"}, 1}, {"42", {"b"}, 1}, {"7", {"b"}, 1}, {"x", {"z"}, 1}};
  LunrJson index = build_lunr_index({{"t", 1}}, docs);
  const LunrJson& inverted = index["invertedIndex"];
  ASSERT_EQ(inverted.size(), 3u);
  EXPECT_EQ(inverted[0][0], "b");
  EXPECT_EQ(inverted[1][0], "𝐚");
  EXPECT_EQ(inverted[2][0], "ﬁ");
  EXPECT_EQ(to_js_json(inverted[0][1]), R"({"_index":2,"t":{"7":{},"42":{},"x":{}}})");
  EXPECT_EQ(index["fieldVectors"].size(), 3u);  // the repeated ref "x" is skipped
}

}  // namespace
}  // namespace congkhai
