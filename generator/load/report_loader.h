// reports/*.md: a published report with front matter and attachments.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "model/report.h"

namespace congkhai {

std::optional<Report> load_report(const std::string& path, const std::string& content_dir,
                                  Diagnostics* diags);
std::optional<Report> parse_report(const std::string& path, const std::string& text,
                                   const std::string& content_dir, Diagnostics* diags);

}  // namespace congkhai
