// Markdown from content (plan bodies, task texts, notes, report bodies) to safe HTML.
//
// CommonMark with the GitHub extensions officials expect (tables, strikethrough, autolinks).
// Nothing typed by an official reaches the page as markup: raw HTML is shown as text,
// links and images keep only http, https, mailto, tel and relative addresses, and images
// become links so that pages never load anything from elsewhere.
#pragma once

#include <string>
#include <string_view>

#include "render/page_ids.h"

namespace congkhai {

struct MarkdownOptions {
  // Added to every heading level (capped at 6): a body's "##" sits under the page's own h2.
  int heading_offset = 0;
  // Give headings an id slugged from their text ("I. Mục đích" → "i-muc-dich").
  bool heading_ids = false;
  // Ids already taken on the page; new heading ids avoid them and are added.
  PageIds* used_ids = nullptr;
  // Text that is a single paragraph comes out without its <p> (for table cells).
  bool unwrap_single_paragraph = false;
};

std::string markdown_to_html(std::string_view markdown, const MarkdownOptions& options = {});

// Always through cmark-gfm. markdown_to_html writes a single line of plain text itself
// (most task texts and notes: no Markdown rule applies to them), which must give exactly
// these bytes; the tests compare the two.
std::string markdown_to_html_with_cmark(std::string_view markdown, const MarkdownOptions& options = {});

// True for addresses a page may link to: http, https, mailto, tel, or no scheme at all.
bool is_safe_url(std::string_view url);

}  // namespace congkhai
