// progress/**/*.yaml: dated task entries and target measurements for one plan.
#pragma once

#include <optional>
#include <string>

#include "load/attached_file.h"
#include "model/diagnostic.h"
#include "model/progress.h"

namespace congkhai {

// `content_dir` lets evidence files be checked to stay inside the content folder; their
// paths are stored relative to it.
std::optional<ProgressRecord> load_progress(const std::string& path, const std::string& content_dir,
                                            Diagnostics* diags);
// The same from text already read; the evidence files found are added to `files` when given.
std::optional<ProgressRecord> parse_progress(const std::string& path, const std::string& text,
                                             const std::string& content_dir, Diagnostics* diags,
                                             FileReferences* files = nullptr);

}  // namespace congkhai
