#include "serve/error_page.h"

#include <gtest/gtest.h>

#include "render/content_policy.h"

namespace congkhai {
namespace {

TEST(ErrorPage, ListsEveryProblemEscaped) {
  std::string html = error_page_html(
      {{"content/a/plans/2024.md:7:11: trạng thái \"<xong>\" không hợp lệ", " 7 |     status: <xong>\n   |             ^\n",
        "trạng thái phải là một trong: not_started, done"},
       {"content/b/unit.yaml:1:1: thiếu khoá bắt buộc \"level\"", "", ""}},
      false);
  EXPECT_NE(html.find("Nội dung có 2 lỗi"), std::string::npos);
  EXPECT_NE(html.find("content/a/plans/2024.md:7:11: trạng thái &quot;&lt;xong&gt;&quot; không hợp lệ"),
            std::string::npos);
  EXPECT_NE(html.find("<pre> 7 |     status: &lt;xong&gt;\n   |             ^\n</pre>"), std::string::npos);
  EXPECT_NE(html.find("Gợi ý: trạng thái phải là một trong"), std::string::npos);
  EXPECT_NE(html.find("content/b/unit.yaml:1:1"), std::string::npos);
  EXPECT_EQ(html.find("<xong>"), std::string::npos);
}

// The dev server's pages follow the site's rules: the policy first, then no inline style or
// script, only the theme's stylesheet; with the reload hook, scripts still come from files.
TEST(ErrorPage, CarriesThePolicyAndNoInlineStyleOrScript) {
  std::string html = with_reload_hook(error_page_html({{"content/site.yaml:1:1: x", "1 | x\n", "y"}}, false));
  EXPECT_NE(html.find("<head>\n<meta charset=\"utf-8\">\n" + std::string(kContentPolicyMeta) + "\n"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("<style"), std::string::npos) << html;
  EXPECT_EQ(html.find(" style="), std::string::npos) << html;
  EXPECT_EQ(html.find("<script>"), std::string::npos) << html;
  EXPECT_NE(html.find(std::string("<link rel=\"stylesheet\" href=\"") + kStylesheetPath + "\">"), std::string::npos);
  EXPECT_NE(html.find(std::string("<script src=\"") + kReloadScriptPath + "\"></script>"), std::string::npos);
}

TEST(ReloadHook, GoesJustBeforeTheEndOfHead) {
  std::string html = with_reload_hook("<html><head><title>x</title></head><body></body></html>");
  EXPECT_EQ(html, std::string("<html><head><title>x</title><script src=\"") + kReloadScriptPath +
                      "\"></script>\n</head><body></body></html>");
  EXPECT_EQ(with_reload_hook("<p>x</p>").rfind("<script", 0), 0u);
  EXPECT_NE(reload_script().find(kEventsPath), std::string::npos);
}

}  // namespace
}  // namespace congkhai
