// Printing diagnostics for people: the message, the offending line with a caret under the
// column, and the hint; optionally also as GitHub Actions annotations.
#pragma once

#include <ostream>

#include "model/diagnostic.h"

namespace congkhai {

struct PrintOptions {
  bool english = false;
  bool github = false;   // also "::error file=…,line=…,col=…::…" lines
  bool context = true;   // show the source line and a caret
};

// Problems and warnings, then "Tìm thấy N lỗi." when there are problems and "M cảnh báo."
// when there are warnings.
void print_diagnostics(const Diagnostics& diags, const PrintOptions& options, std::ostream& out);

// "::error file=a.md,line=3,col=5::message" ("::warning …" for a warning) with GitHub's
// escaping of %, CR and LF.
std::string github_annotation(const Diagnostic& d, bool english);

// The source line `line` of `path` and a caret line under `column`, or "" when unreadable.
std::string source_excerpt(const std::string& path, int line, int column);

}  // namespace congkhai
