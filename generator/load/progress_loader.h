// progress/**/*.yaml: dated task entries and target measurements for one plan.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "model/progress.h"

namespace congkhai {

// `content_dir` lets evidence files be checked to stay inside the content folder; their
// paths are stored relative to it.
std::optional<ProgressRecord> load_progress(const std::string& path, const std::string& content_dir,
                                            Diagnostics* diags);
std::optional<ProgressRecord> parse_progress(const std::string& path, const std::string& text,
                                             const std::string& content_dir, Diagnostics* diags);

}  // namespace congkhai
