// Bounds on the Markdown that reaches cmark-gfm (plan and report bodies, budgets, task texts,
// progress notes), checked when the text is read so that a problem has its line and column.
//
// Debian 12's cmark-gfm (0.29.0.gfm.6) takes time quadratic in some shapes: links after many
// unclosed "[" ("![[]()" repeated: 120 KB took 7 s), and table rows with many "|" (a row of
// 20,000 cells: 16 s). The bounds are far above what plans use (bodies of a few KB to tens of
// KB, tables of under 15 columns) and keep every field to well under a second.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace congkhai {

// Bytes of one Markdown field.
inline constexpr std::size_t kMaxMarkdownBytes = 1024 * 1024;
// "[" still open at once in one paragraph: cmark-gfm walks them all at every link.
inline constexpr int kMaxOpenBrackets = 100;
// "|" on one line: cmark-gfm's table extension is quadratic in a row's cells.
inline constexpr int kMaxTablePipes = 64;
// Quote and list markers opening one line ("> > - 1. "): each is a nested block.
inline constexpr int kMaxMarkdownNesting = 32;

struct MarkdownLimitProblem {
  std::size_t offset = 0;  // byte offset in the text where the limit is passed
  std::string message, message_en, hint, hint_en;
};

// The first bound `markdown` passes, or nullopt. Linear in the text.
std::optional<MarkdownLimitProblem> check_markdown_limits(std::string_view markdown);

// The problem as a diagnostic at its line and column, `text` starting at `start` in `path`.
Diagnostic markdown_limit_diagnostic(const MarkdownLimitProblem& problem, std::string_view text,
                                     const std::string& path, SourcePos start);

}  // namespace congkhai
