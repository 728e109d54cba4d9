#include "serve/error_page.h"

#include "render/content_policy.h"
#include "text/xml.h"

namespace congkhai {

std::string dev_page_html(const std::string& title, const std::string& body_html, bool english) {
  // The same rules as the site's pages: the policy first, no inline style or script. The
  // stylesheet is the last good build's (the server keeps serving its assets); before any
  // build succeeded it is missing and the page is plain.
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(english ? "en" : "vi") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n" + std::string(kContentPolicyMeta) +
         "\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         xml_escape(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + kStylesheetPath +
         "\">\n</head>\n<body>\n<main class=\"wrap\">\n<h1>" + xml_escape(title) + "</h1>\n" + body_html +
         "</main>\n</body>\n</html>\n";
}

std::string error_page_html(const std::vector<ErrorItem>& items, bool english) {
  std::string count = std::to_string(items.size());
  std::string title = english ? "The content has " + count + " problem(s)" : "Nội dung có " + count + " lỗi";
  std::string body = "<p>" +
                     std::string(english ? "Fix the files below and save: this page reloads by itself."
                                         : "Hãy sửa các tệp dưới đây rồi lưu lại: trang này tự tải lại.") +
                     "</p>\n<ol class=\"problems\">\n";
  for (const auto& item : items) {
    body += "<li><p><strong>" + xml_escape(item.heading) + "</strong></p>\n";
    if (!item.excerpt.empty()) body += "<pre>" + xml_escape(item.excerpt) + "</pre>\n";
    if (!item.hint.empty())
      body += "<p>" + std::string(english ? "Hint: " : "Gợi ý: ") + xml_escape(item.hint) + "</p>\n";
    body += "</li>\n";
  }
  body += "</ol>\n";
  return dev_page_html(title, body, english);
}

std::string reload_script() {
  // A "hello" carries the build generation: a different one after a reconnection means the
  // site changed (or the server restarted) while the tab was not listening.
  return std::string(
             "// congkhai serve: tải lại trang khi nội dung thay đổi.\n"
             "(function () {\n"
             "  var seen = null;\n"
             "  var events = new EventSource(\"") + kEventsPath + "\");\n"
         "  events.addEventListener(\"hello\", function (e) {\n"
         "    if (seen !== null && seen !== e.data) location.reload();\n"
         "    seen = e.data;\n"
         "  });\n"
         "  events.addEventListener(\"reload\", function () { location.reload(); });\n"
         "})();\n";
}

std::string with_reload_hook(std::string_view html) {
  std::string tag = std::string("<script src=\"") + kReloadScriptPath + "\"></script>\n";
  std::size_t at = html.find("</head>");
  if (at == std::string_view::npos) return tag + std::string(html);
  std::string out(html.substr(0, at));
  out += tag;
  out += html.substr(at);
  return out;
}

}  // namespace congkhai
