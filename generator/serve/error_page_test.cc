#include "serve/error_page.h"

#include <gtest/gtest.h>

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

TEST(ReloadHook, GoesJustBeforeTheEndOfHead) {
  std::string html = with_reload_hook("<html><head><title>x</title></head><body></body></html>");
  EXPECT_EQ(html, std::string("<html><head><title>x</title><script src=\"") + kReloadScriptPath +
                      "\"></script>\n</head><body></body></html>");
  EXPECT_EQ(with_reload_hook("<p>x</p>").rfind("<script", 0), 0u);
  EXPECT_NE(reload_script().find(kEventsPath), std::string::npos);
}

}  // namespace
}  // namespace congkhai
