// Rebuilding a document from the words of its pages and their positions, as a PDF gives them:
// lines from words that share a height on the page; page numbers and running headers and
// footers dropped; the task table's columns found under its header row ("STT", "Nội dung …")
// and refined by the gaps no word crosses; its rows started by a number in the first column
// (or, without a number, by the space between rows), joined across page breaks, with cells
// spanning the columns their words cross; other lines split at wide gaps into the borderless
// tables of a plan's heading and signature; the rest as paragraphs.
//
// Kept apart from the PDF library so that it can be tested on words placed by hand.
#pragma once

#include <string>
#include <vector>

#include "import/document.h"

namespace congkhai::import {

// A word on a page, in points from the page's top left corner (y grows downwards).
struct PlacedWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;           // font size; 0 = unknown (the box's height stands in)
  bool bold = false;
  bool space_after = true;   // a space follows the word on its line
};

struct PlacedPage {
  double width = 0, height = 0;
  std::vector<PlacedWord> words;  // in any order
};

Document layout_document(const std::vector<PlacedPage>& pages, const std::string& path);

}  // namespace congkhai::import
