#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <vector>

#include "text/unicode.h"

namespace congkhai {

namespace {

// The extension registry is process-wide; registering it once keeps parallel renders safe.
void ensure_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// The text of a node's inline children, for heading ids.
std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default: break;
    }
  }
  cmark_iter_free(it);
  return out;
}

// Moves the children of `node` in front of it, then removes it.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_unlink(child);
    cmark_node_insert_before(node, child);
  }
  cmark_node_unlink(node);
  cmark_node_free(node);
}

// Raw HTML, unsafe links and images are rewritten in the tree, before rendering, so that
// the HTML renderer only ever sees content it escapes.
void sanitize(cmark_node* root) {
  std::vector<cmark_node*> html, links, images;
  cmark_iter* it = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE: html.push_back(n); break;
      case CMARK_NODE_LINK: links.push_back(n); break;
      case CMARK_NODE_IMAGE: images.push_back(n); break;
      default: break;
    }
  }
  cmark_iter_free(it);

  for (cmark_node* n : html) {
    const char* lit = cmark_node_get_literal(n);
    std::string text = lit ? lit : "";
    cmark_node* replacement;
    if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
      replacement = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(t, text.c_str());
      cmark_node_append_child(replacement, t);
    } else {
      replacement = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(replacement, text.c_str());
    }
    cmark_node_insert_before(n, replacement);
    cmark_node_unlink(n);
    cmark_node_free(n);
  }
  for (cmark_node* n : images) {
    const char* url = cmark_node_get_url(n);
    if (url && *url && is_safe_url(url)) {
      cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
      cmark_node_set_url(link, url);
      cmark_node_insert_before(n, link);
      while (cmark_node* child = cmark_node_first_child(n)) {
        cmark_node_unlink(child);
        cmark_node_append_child(link, child);
      }
      if (!cmark_node_first_child(link)) {
        cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(t, url);
        cmark_node_append_child(link, t);
      }
      cmark_node_unlink(n);
      cmark_node_free(n);
    } else {
      unwrap(n);
    }
  }
  for (cmark_node* n : links) {
    const char* url = cmark_node_get_url(n);
    if (!url || !is_safe_url(url)) unwrap(n);
  }
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool is_safe_url(std::string_view url) {
  // The scheme, if any, is what comes before the first ':' that precedes any '/', '?' or '#'.
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') {
      std::string scheme;
      for (char s : url.substr(0, i)) scheme += static_cast<char>(s >= 'A' && s <= 'Z' ? s + 32 : s);
      return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
    }
    if (c == '/' || c == '?' || c == '#') return true;
    bool scheme_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '+' || c == '-' || c == '.';
    if (!scheme_char) return false;  // control characters or spaces before a scheme: refuse
  }
  return true;
}

namespace {

// True for one line of text that no CommonMark or GFM rule can change: it starts with a
// letter (no list, heading, quote, code or break marker), has no line break, no space at
// either end, no control character, and none of the characters that open inline syntax
// (emphasis, code, links, images, entities, raw HTML, escapes, strikethrough, tables) or
// the GFM autolinks ("@", "www.", "://"). Most task texts and notes are such lines; cmark
// would only wrap and escape them.
bool is_plain_line(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(s.front());
  const bool letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first >= 0xC3;
  if (!letter || s.back() == ' ') return false;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7F) return false;
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '!': case '<':
      case '>': case '&': case '~': case '|': case '@':
        return false;
      default: break;
    }
  }
  if (s.find("://") != std::string_view::npos) return false;
  for (std::size_t i = s.find_first_of("wW"); i != std::string_view::npos; i = s.find_first_of("wW", i + 1))
    if (s.size() - i >= 4 && (s[i + 1] | 0x20) == 'w' && (s[i + 2] | 0x20) == 'w' && s[i + 3] == '.') return false;
  return is_valid_utf8(s);
}

// What cmark writes for a plain line: the text with '"' escaped, as one paragraph.
std::string plain_line_html(std::string_view s, const MarkdownOptions& options) {
  std::string html = options.unwrap_single_paragraph ? "" : "<p>";
  html.reserve(s.size() + 16);
  for (char c : s) {
    if (c == '"') html += "&quot;";
    else html += c;
  }
  if (!options.unwrap_single_paragraph) html += "</p>";
  return html;
}

}  // namespace

std::string markdown_to_html(std::string_view markdown, const MarkdownOptions& options) {
  if (is_plain_line(markdown)) return plain_line_html(markdown, options);
  return markdown_to_html_with_cmark(markdown, options);
}

std::string markdown_to_html_with_cmark(std::string_view markdown, const MarkdownOptions& options) {
  ensure_extensions();
  // Safe is the default of this cmark-gfm; CMARK_OPT_SAFE is kept for older versions.
  // Table alignment as style attributes: HTML5 has no align attribute.
  const int opts = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> parser(cmark_parser_new(opts),
                                                                cmark_parser_free);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(cmark_parser_finish(parser.get()),
                                                         cmark_node_free);
  sanitize(doc.get());

  std::vector<std::string> ids;  // heading ids in document order
  {
    std::vector<cmark_node*> headings;
    cmark_iter* it = cmark_iter_new(doc.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_HEADING)
        headings.push_back(cmark_iter_get_node(it));
    cmark_iter_free(it);
    for (cmark_node* h : headings) {
      int level = cmark_node_get_heading_level(h) + options.heading_offset;
      cmark_node_set_heading_level(h, level > 6 ? 6 : level < 1 ? 1 : level);
      if (options.heading_ids) {
        std::string base = slugify(plain_text(h));
        if (base.empty()) base = "muc";
        ids.push_back(options.used_ids ? options.used_ids->take(base) : base);
      }
    }
  }

  char* rendered = cmark_render_html(doc.get(), opts, cmark_parser_get_syntax_extensions(parser.get()));
  std::string html = rendered ? rendered : "";
  std::free(rendered);

  if (!ids.empty()) {
    // Every "<hN>" in the output is a heading the renderer wrote, in document order: text
    // and code are escaped, and raw HTML was turned into text above.
    std::string out;
    out.reserve(html.size() + ids.size() * 24);
    size_t k = 0;
    for (size_t i = 0; i < html.size();) {
      if (k < ids.size() && html.size() - i >= 4 && html[i] == '<' && html[i + 1] == 'h' &&
          html[i + 2] >= '1' && html[i + 2] <= '6' && html[i + 3] == '>') {
        out.append(html, i, 3);
        out += " id=\"" + ids[k++] + "\">";
        i += 4;
      } else {
        out += html[i++];
      }
    }
    html = std::move(out);
  }

  if (options.unwrap_single_paragraph && starts_with(html, "<p>") && html.size() >= 8 &&
      html.compare(html.size() - 5, 5, "</p>\n") == 0) {
    // A single paragraph: its "</p>" is the first one and nothing follows it.
    size_t end = html.size() - 5;
    if (html.find("</p>", 3) == end) html = html.substr(3, end - 3);
  }
  while (!html.empty() && html.back() == '\n') html.pop_back();
  return html;
}

}  // namespace congkhai
