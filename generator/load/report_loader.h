// reports/*.md: a published report with front matter and attachments.
#pragma once

#include <optional>
#include <string>

#include "load/attached_file.h"
#include "model/diagnostic.h"
#include "model/report.h"

namespace congkhai {

std::optional<Report> load_report(const std::string& path, const std::string& content_dir,
                                  Diagnostics* diags);
// The same from text already read; the attachments found are added to `files` when given.
std::optional<Report> parse_report(const std::string& path, const std::string& text,
                                   const std::string& content_dir, Diagnostics* diags,
                                   FileReferences* files = nullptr);

}  // namespace congkhai
