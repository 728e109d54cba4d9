#include "load/markdown_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace congkhai {
namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(MarkdownLimitsTest, RealTextPasses) {
  EXPECT_FALSE(check_markdown_limits(""));
  EXPECT_FALSE(check_markdown_limits("## I. Mục đích\n\nXem [Quyết định 1](https://a.vn/qd) và [2].\n\n"
                                     "| STT | Nội dung | Kết quả |\n|---|---|---|\n| 1 | Rà soát | Đạt |\n\n"
                                     "> Trích: \n> - một\n>   - hai\n"));
}

TEST(MarkdownLimitsTest, OpenBracketsPerParagraph) {
  EXPECT_FALSE(check_markdown_limits(repeat("[", 100)));
  auto p = check_markdown_limits(repeat("[", 101));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->offset, 100u);
  EXPECT_NE(p->message_en.find("unclosed ["), std::string::npos);
  // Closed brackets and links do not add up, however many.
  EXPECT_FALSE(check_markdown_limits(repeat("[a](b) [c] ", 10000)));
  // A blank line ends the paragraph; escaped brackets are text.
  EXPECT_FALSE(check_markdown_limits(repeat(repeat("[", 60) + "\n\n", 100)));
  EXPECT_TRUE(check_markdown_limits(repeat(repeat("[", 60) + "\n", 2)));
  EXPECT_FALSE(check_markdown_limits(repeat("\\[", 1000)));
  // "![[]()" leaves one more "[" open each time.
  p = check_markdown_limits(repeat("![[]()", 1000));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->offset, 99u * 6 + 2);
}

TEST(MarkdownLimitsTest, PipesPerLine) {
  EXPECT_FALSE(check_markdown_limits(repeat("|a", 64) + "\n" + repeat("|-", 64) + "\n"));
  auto p = check_markdown_limits("x\n" + repeat("|a", 65));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->offset, 2u + 64 * 2);
  EXPECT_NE(p->message.find("tối đa 63 cột"), std::string::npos);
}

TEST(MarkdownLimitsTest, NestingAtALinesStart) {
  EXPECT_FALSE(check_markdown_limits(repeat("> ", 32) + "a"));
  EXPECT_FALSE(check_markdown_limits("a " + repeat("> ", 100)));  // not at the start: text
  auto p = check_markdown_limits("a\n" + repeat("> ", 20) + repeat("- ", 10) + "1. 2) * a");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->offset, 2u + 40 + 20 + 3 + 3);
  EXPECT_FALSE(check_markdown_limits(repeat("-", 200)));  // a rule, not 200 list items
  EXPECT_FALSE(check_markdown_limits(repeat("1. ", 31) + "1234567890. a"));
}

TEST(MarkdownLimitsTest, Size) {
  EXPECT_FALSE(check_markdown_limits(std::string(kMaxMarkdownBytes, 'a')));
  auto p = check_markdown_limits(std::string(kMaxMarkdownBytes + 1, 'a'));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->offset, 0u);
  EXPECT_EQ(p->message, "phần văn bản Markdown quá dài (1,0 MB); mỗi phần tối đa 1 MB");
  EXPECT_EQ(p->message_en, "Markdown text too long (1.0 MB); each field holds at most 1 MB");
}

TEST(MarkdownLimitsTest, DiagnosticAtTheLineAndCharacter) {
  const std::string body = "\nĐoạn một.\n\nỞ đây " + repeat("[", 101);
  auto p = check_markdown_limits(body);
  ASSERT_TRUE(p);
  Diagnostic d = markdown_limit_diagnostic(*p, body, "a.md", {12, 1});
  EXPECT_EQ(d.pos.line, 15);
  EXPECT_EQ(d.pos.column, 6 + 101);  // "Ở đây " is six characters
  EXPECT_EQ(d.path, "a.md");
  EXPECT_FALSE(d.hint_en.empty());
}

}  // namespace
}  // namespace congkhai
