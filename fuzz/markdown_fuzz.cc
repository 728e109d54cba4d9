// libFuzzer: any text as Markdown from content. Besides crashes, it checks the promise of
// markdown.h: the HTML holds only the tags and attributes cmark-gfm writes for Markdown,
// and every link is to a safe address, whatever the input; and, with run_fuzzer.sh's
// -timeout, that text within load/markdown_limits.h's bounds never renders slowly.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "load/markdown_limits.h"
#include "render/markdown.h"
#include "text/unicode.h"

namespace {

const std::set<std::string> kTags = {
    "p", "a", "em", "strong", "del", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"};
const std::set<std::string> kAttributes = {"href", "title", "id", "start", "class", "style"};

std::string decode_entities(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 5, "&amp;") == 0) { out += '&'; i += 4; }
    else if (s.compare(i, 6, "&quot;") == 0) { out += '"'; i += 5; }
    else out += s[i];
  }
  return out;
}

// Walks the tags of `html`; traps on any tag, attribute or link the renderer must not write.
void check_html(const std::string& html) {
  for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    std::size_t j = i + 1;
    if (j < html.size() && html[j] == '/') ++j;
    std::size_t name_end = html.find_first_of(" >", j);
    if (name_end == std::string::npos) __builtin_trap();
    if (!kTags.count(html.substr(j, name_end - j))) __builtin_trap();
    std::size_t close = html.find('>', name_end);
    if (close == std::string::npos) __builtin_trap();
    // Attributes: name="value" pairs, values without '"' or '<' (cmark escapes them).
    for (std::size_t k = name_end; k < close;) {
      if (html[k] == ' ') { ++k; continue; }
      if (html[k] == '/') { ++k; continue; }  // "<br />"
      std::size_t eq = html.find("=\"", k);
      if (eq == std::string::npos || eq > close) __builtin_trap();
      std::string attr = html.substr(k, eq - k);
      std::size_t end = html.find('"', eq + 2);
      if (end == std::string::npos || end > close) __builtin_trap();
      std::string value = html.substr(eq + 2, end - eq - 2);
      if (!kAttributes.count(attr)) __builtin_trap();
      if (attr == "href" && !congkhai::is_safe_url(decode_entities(value))) __builtin_trap();
      if (attr == "style" && value.rfind("text-align: ", 0) != 0) __builtin_trap();
      k = end + 1;
    }
    i = close;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  congkhai::MarkdownOptions options;
  options.heading_offset = data[0] & 3;
  options.heading_ids = data[0] & 4;
  options.unwrap_single_paragraph = data[0] & 8;
  congkhai::PageIds used;
  if (data[0] & 16) options.used_ids = &used;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  // The loader only passes checked text: valid UTF-8 within the bounds on Markdown.
  if (!congkhai::is_valid_utf8(text) || congkhai::check_markdown_limits(text)) return 0;
  check_html(congkhai::markdown_to_html(text, options));
  return 0;
}
