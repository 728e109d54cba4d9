// The blanks of the starting files `congkhai new` writes: a value or a body line such as
// "(điền nội dung công việc như in trên văn bản)". A file still holding one is not published:
// every blank is reported, naming what to fill in.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace congkhai {

// Whether `text` is a blank left to fill in: it starts with "(điền " (after spaces).
bool is_placeholder(std::string_view text);

// The problem for a blank at `pos`.
Diagnostic placeholder_diagnostic(const std::string& path, SourcePos pos, std::string_view text);

// Reports each line of a Markdown body that is a blank; `first_line` is the body's first line.
void check_body_placeholders(const std::string& path, std::string_view body, int first_line, Diagnostics* diags);

}  // namespace congkhai
