#include "serve/error_page.h"

#include "text/xml.h"

namespace congkhai {

std::string error_page_html(const std::vector<ErrorItem>& items, bool english) {
  std::string count = std::to_string(items.size());
  std::string title = english ? "The content has " + count + " problem(s)" : "Nội dung có " + count + " lỗi";
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + std::string(english ? "en" : "vi") +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      xml_escape(title) +
      "</title>\n<style>\n"
      "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}\n"
      "h1{color:#a40000;font-size:1.5rem}\n"
      "li{margin:0 0 1.5rem}\n"
      ".loc{font-family:ui-monospace,monospace;font-weight:bold}\n"
      "pre{background:#f6f6f6;border-left:4px solid #a40000;padding:.5rem 1rem;overflow-x:auto}\n"
      ".hint{color:#004a80}\n"
      "</style>\n</head>\n<body>\n<main>\n<h1>" +
      xml_escape(title) + "</h1>\n<p>" +
      (english ? "Fix the files below and save: this page reloads by itself."
               : "Hãy sửa các tệp dưới đây rồi lưu lại: trang này tự tải lại.") +
      "</p>\n<ol class=\"problems\">\n";
  for (const auto& item : items) {
    out += "<li><p class=\"loc\">" + xml_escape(item.heading) + "</p>\n";
    if (!item.excerpt.empty()) out += "<pre>" + xml_escape(item.excerpt) + "</pre>\n";
    if (!item.hint.empty())
      out += "<p class=\"hint\">" + std::string(english ? "Hint: " : "Gợi ý: ") + xml_escape(item.hint) + "</p>\n";
    out += "</li>\n";
  }
  out += "</ol>\n</main>\n</body>\n</html>\n";
  return out;
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
