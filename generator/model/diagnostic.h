// A problem found in the content, carried as a value to the command line's edge.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace congkhai {

// A position in a source file; line and column count from 1, 0 when unknown.
struct SourcePos {
  int line = 0;
  int column = 0;

  bool operator==(const SourcePos&) const = default;
};

struct Diagnostic {
  Diagnostic() = default;
  // The six fields every diagnostic has, in order; `sheet` is set afterwards when needed. A
  // hint comes in both languages or not at all: there is no constructor taking one hint.
  Diagnostic(std::string path_, SourcePos pos_, std::string message_, std::string message_en_)
      : path(std::move(path_)), pos(pos_), message(std::move(message_)), message_en(std::move(message_en_)) {}
  Diagnostic(std::string path_, SourcePos pos_, std::string message_, std::string message_en_,
             std::string hint_, std::string hint_en_)
      : path(std::move(path_)), pos(pos_), message(std::move(message_)), message_en(std::move(message_en_)),
        hint(std::move(hint_)), hint_en(std::move(hint_en_)) {}

  std::string path;        // relative to the working directory, as the user typed it
  SourcePos pos;
  std::string message;     // Vietnamese, for officials
  std::string message_en;  // English, for --lang en
  std::string hint;        // optional Vietnamese hint: what was expected
  std::string hint_en;
  // Set for a problem in a spreadsheet (progress/*.xlsx, *.csv): `pos` is then a cell (line =
  // row, column = column number) and prints as "Sheet!C7", or "C7" when the sheet is "" (CSV).
  std::optional<std::string> sheet;
  // A warning names something that is probably a slip but may be what the document printed
  // (a tab pasted into a task, a section without tasks): printed, never blocking a build.
  bool warning = false;

  bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

// "A1", "C7", "AA10" for a row and a column counted from 1; "7:7" for a whole row (column 0).
std::string cell_reference(int row, int column);

// "path:line:column: message"; a problem with a whole file points at 1:1. A spreadsheet's
// problem reads "path:Sheet!C7: message".
std::string format_diagnostic(const Diagnostic& d, bool english = false);

// A warning Diagnostic (see Diagnostic::warning).
Diagnostic warning(std::string path, SourcePos pos, std::string message, std::string message_en,
                   std::string hint, std::string hint_en);

// Moves the warnings out of `ds`, keeping the order of both; what stays are the problems.
Diagnostics take_warnings(Diagnostics* ds);

// Sorts by path, line, column so that reports are stable whatever order files were read in.
void sort_diagnostics(Diagnostics& ds);

}  // namespace congkhai
