// A problem found in the content, carried as a value to the command line's edge.
#pragma once

#include <string>
#include <vector>

namespace congkhai {

// A position in a source file; line and column count from 1, 0 when unknown.
struct SourcePos {
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  std::string path;        // relative to the working directory, as the user typed it
  SourcePos pos;
  std::string message;     // Vietnamese, for officials
  std::string message_en;  // English, for --lang en
  std::string hint;        // optional Vietnamese hint: what was expected
  std::string hint_en;
};

using Diagnostics = std::vector<Diagnostic>;

// "path:line:column: message"; a problem with a whole file points at 1:1.
std::string format_diagnostic(const Diagnostic& d, bool english = false);

// Sorts by path, line, column so that reports are stable whatever order files were read in.
void sort_diagnostics(Diagnostics& ds);

}  // namespace congkhai
