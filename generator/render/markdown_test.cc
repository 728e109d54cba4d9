#include "render/markdown.h"

#include "load/markdown_limits.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace congkhai {
namespace {

TEST(MarkdownTest, RendersCommonMarkAndGfmTables) {
  EXPECT_EQ(markdown_to_html("Tổ chức *tập huấn*"), "<p>Tổ chức <em>tập huấn</em></p>");
  std::string table = markdown_to_html("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
  EXPECT_NE(table.find("<table>"), std::string::npos);
  EXPECT_EQ(table.find("align="), std::string::npos) << "HTML5 has no align attribute";
  EXPECT_NE(markdown_to_html("~~bỏ~~").find("<del>bỏ</del>"), std::string::npos);
  EXPECT_NE(markdown_to_html("xem https://dichvucong.gov.vn").find("<a href=\"https://dichvucong.gov.vn\">"),
            std::string::npos);
}

TEST(MarkdownTest, RawHtmlIsShownAsTextNeverPassedThrough) {
  std::string block = markdown_to_html("<script>alert(1)</script>\n");
  EXPECT_EQ(block.find("<script"), std::string::npos);
  EXPECT_NE(block.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  std::string inline_html = markdown_to_html("Văn bản <b onclick=\"x()\">đậm</b> <iframe src=x>");
  EXPECT_EQ(inline_html.find("<b "), std::string::npos);
  EXPECT_EQ(inline_html.find("<iframe"), std::string::npos);
  EXPECT_NE(inline_html.find("&lt;b onclick="), std::string::npos);
}

TEST(MarkdownTest, UnsafeLinksKeepTheirTextAndLoseTheLink) {
  EXPECT_EQ(markdown_to_html("[bấm](javascript:alert(1))"), "<p>bấm</p>");
  EXPECT_EQ(markdown_to_html("[bấm](JavaScript:alert(1))"), "<p>bấm</p>");
  EXPECT_EQ(markdown_to_html("[bấm](&#106;avascript:alert(1))"), "<p>bấm</p>");
  EXPECT_EQ(markdown_to_html("[bấm](vbscript:x) [dữ liệu](data:text/html,x)"), "<p>bấm dữ liệu</p>");
  EXPECT_EQ(markdown_to_html("<javascript:alert(1)>").find("href"), std::string::npos);
  EXPECT_EQ(markdown_to_html("[thư](mailto:ubnd@example.vn)"), "<p><a href=\"mailto:ubnd@example.vn\">thư</a></p>");
  EXPECT_EQ(markdown_to_html("[tệp](../tep/a.pdf)"), "<p><a href=\"../tep/a.pdf\">tệp</a></p>");
}

TEST(MarkdownTest, ImagesBecomeLinksSoPagesLoadNothingFromElsewhere) {
  std::string html = markdown_to_html("![Sơ đồ](https://example.vn/a.png) ![x](javascript:alert(1))");
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://example.vn/a.png\">Sơ đồ</a>"), std::string::npos);
  EXPECT_EQ(html.find("javascript"), std::string::npos);
}

TEST(MarkdownTest, HeadingsGetUniqueIdsAndShiftedLevels) {
  PageIds used = {"noi-dung"};
  MarkdownOptions o;
  o.heading_ids = true;
  o.heading_offset = 1;
  o.used_ids = &used;
  std::string html = markdown_to_html("## I. Mục đích, yêu cầu\n\n## Nội dung\n\n## Nội dung\n\n###### sáu", o);
  EXPECT_NE(html.find("<h3 id=\"i-muc-dich-yeu-cau\">I. Mục đích, yêu cầu</h3>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3 id=\"noi-dung-2\">Nội dung</h3>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3 id=\"noi-dung-3\">Nội dung</h3>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h6 id=\"sau\">sáu</h6>"), std::string::npos) << html;
}

TEST(MarkdownTest, SingleParagraphUnwrapsForTableCells) {
  MarkdownOptions cell;
  cell.unwrap_single_paragraph = true;
  EXPECT_EQ(markdown_to_html("Rà soát TTHC", cell), "Rà soát TTHC");
  EXPECT_EQ(markdown_to_html("Tập huấn:\n- công chức;\n- đầu mối.", cell),
            "<p>Tập huấn:</p>\n<ul>\n<li>công chức;</li>\n<li>đầu mối.</li>\n</ul>");
  EXPECT_EQ(markdown_to_html("một\n\nhai", cell), "<p>một</p>\n<p>hai</p>");
}

// markdown_to_html writes one line of plain text without cmark: for every line, taken that
// way or not, the bytes must be cmark's own.
TEST(MarkdownTest, PlainLinesComeOutExactlyAsCmarkWritesThem) {
  const std::vector<std::string> pieces = {
      "Rà", "soát", "TTHC", "Ủy", "ban", "xã", "Sơn", "Lâm", "đạt", "100%", "1.000", "2025", " ",
      " ", "  ", ",", ".", ";", ":", "\"", "'", "(", ")", "/", "-", "–", "+", "=", "#", "?", "$",
      "^", "{", "}", "“", "”", "…", "\u00A0", "*", "_", "[", "]", "!", "<", ">", "&", "~", "|",
      "@", "`", "\\", "www.", "WWW.", "https://", "a@b.vn", "1.", "2)", "- ", "# ", "> ", "\t",
      "\n", "\r", "&amp;", "&#39;", "**x**", "\xC2\xA0", "\xFF", "==", "---", "- [ ]"};
  MarkdownOptions cell;
  cell.unwrap_single_paragraph = true;
  std::uint64_t state = 1;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  int plain = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (std::size_t k = 1 + next() % 8; k > 0; --k) text += pieces[next() % pieces.size()];
    for (const MarkdownOptions& o : {MarkdownOptions{}, cell}) {
      ASSERT_EQ(markdown_to_html(text, o), markdown_to_html_with_cmark(text, o)) << "text: [" << text << "]";
    }
    if (markdown_to_html(text) == "<p>" + text + "</p>") ++plain;
  }
  EXPECT_GT(plain, 100) << "the mix must also give lines that take the short way";
  EXPECT_EQ(markdown_to_html("Tổ chức \"Ngày hội\" số 2/2025 (đợt 1); 100% - đạt", cell),
            "Tổ chức &quot;Ngày hội&quot; số 2/2025 (đợt 1); 100% - đạt");
}

TEST(MarkdownTest, SafeUrls) {
  EXPECT_TRUE(is_safe_url("https://a.vn"));
  EXPECT_TRUE(is_safe_url("HTTP://a.vn"));
  EXPECT_TRUE(is_safe_url("tel:0912345678"));
  EXPECT_TRUE(is_safe_url("../a/index.html#nv-1"));
  EXPECT_TRUE(is_safe_url("a:b/c") == false);
  EXPECT_FALSE(is_safe_url("javascript:alert(1)"));
  EXPECT_FALSE(is_safe_url(" javascript:alert(1)"));
  EXPECT_FALSE(is_safe_url("file:///etc/passwd"));
}

// The shapes Debian 12's cmark-gfm is quadratic on, as large as load/markdown_limits.h lets
// them be: each 1 MB field must render in well under a second.
TEST(MarkdownTest, TextWithinTheLoadersBoundsRendersQuickly) {
  auto fill = [](const std::string& head, const std::string& unit) {
    std::string s = head;
    while (s.size() + unit.size() <= kMaxMarkdownBytes) s += unit;
    return s;
  };
  std::string row;
  for (int i = 0; i < kMaxTablePipes - 1; ++i) row += "a|";
  row += "a\n";
  std::string deep;
  for (int i = 0; i < kMaxMarkdownNesting; ++i) deep += "> ";
  const std::vector<std::string> shapes = {
      fill(std::string(kMaxOpenBrackets - 1, '['), "[]()"),
      fill("", std::string("![[]()").append(5 * (kMaxOpenBrackets / 6), '!') + "\n\n"),
      fill(row + std::string(kMaxTablePipes - 1, '|') + "-\n", row),
      fill("a|b\n-|-\n", std::string(kMaxTablePipes, '|') + "\n"),
      fill("", deep + "a\n"),
      fill("", "## a\n\n"),
  };
  for (const auto& md : shapes) {
    ASSERT_FALSE(check_markdown_limits(md)) << md.substr(0, 80);
    PageIds used;
    MarkdownOptions o;
    o.heading_ids = true;
    o.used_ids = &used;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(markdown_to_html(md, o).empty());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3)) << md.substr(0, 80);
  }
}

}  // namespace
}  // namespace congkhai
