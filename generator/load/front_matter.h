// Splitting a Markdown file into its YAML front matter and its body.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace congkhai {

struct FrontMatter {
  std::string yaml;   // between the two "---" lines
  int yaml_line = 2;  // file line of the first YAML line
  std::string body;   // after the closing "---"
  int body_line = 1;  // file line of the body's first line
};

// The text must start with a "---" line and the front matter end with a "---" line.
// Reports a missing or unterminated front matter and returns false.
bool split_front_matter(std::string_view text, const std::string& path, FrontMatter* out, Diagnostics* diags);

}  // namespace congkhai
