// Reading a PDF with a text layer, as portals publish plans, with poppler's C++ API: the words
// of each page and their positions (poppler::page::text_list), laid out again into paragraphs
// and tables by import/placed_words.h. Plain text extraction would lose the table's columns.
//
// Refused, with a reason in both languages and never a crash: bytes that are not a PDF or a
// PDF poppler cannot open, a PDF locked with a password, a PDF without a text layer (a scan,
// which cannot be read yet), more than kMaxPdfPages pages or kMaxPdfBytes bytes, more than
// kMaxPdfWords words. Poppler's own messages never reach stderr.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "import/document.h"

namespace congkhai::import {

inline constexpr int kMaxPdfPages = 200;
inline constexpr std::size_t kMaxPdfBytes = 64 * 1024 * 1024;
inline constexpr std::size_t kMaxPdfWords = 400000;

std::optional<Document> read_pdf(const std::string& path, ReadProblem* problem);

// The same from the file's bytes; `path` only names the document.
std::optional<Document> read_pdf_bytes(std::string_view bytes, const std::string& path, ReadProblem* problem);

}  // namespace congkhai::import
