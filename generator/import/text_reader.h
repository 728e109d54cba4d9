// Reading a plan as plain text, as it comes when copied out of Word or a PDF: the body's lines
// as paragraphs (lines wrapped by hand joined again, "NĐ-" / "CP" without the hyphen's break),
// and the task table rebuilt from whichever of the three shapes the copy took:
//   - a row per line, cells separated by tabs (Word's "text only" copy of a table);
//   - a cell per line, each starting with a tab, a cell's wrapped lines without one, rows
//     separated by blank lines (Word's copy of a table with wrapped cells);
//   - columns as blocks separated by blank lines, the number and the task's first line
//     together, the header row repeated at the top of every page (a PDF's text copied out).
// Whatever had to be guessed (a row joined across a blank line or a page break, a row without
// a number) is set as the row's doubt for the import's review list. Running headers, page
// numbers and Word's "[bookmark: …]" marks are dropped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "import/document.h"

namespace congkhai::import {

inline constexpr std::size_t kMaxTextBytes = 8 * 1024 * 1024;

std::optional<Document> read_text(const std::string& path, ReadProblem* problem);

// The same from the text itself; nullopt when it is not UTF-8 text.
std::optional<Document> parse_text(std::string_view text, const std::string& path, ReadProblem* problem);

}  // namespace congkhai::import
