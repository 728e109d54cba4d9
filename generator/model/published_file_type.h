// The types of file that content may publish as evidence or attachments (docs/limits.md, "Plans,
// progress, reports"): documents, spreadsheets, presentations, images, plain text and archives.
#pragma once

#include <string>
#include <string_view>

namespace congkhai {

// Whether a file named `name` (a path or a bare name) has one of the published types, judged by
// its extension in any case. An allow-list, not a deny-list: a web host serves a file by its
// extension, and every type it does not know as a download or an inert image (".xhtm",
// ".shtm", ".xht", ".hta" and whatever comes next) may be served as a page whose script runs
// with the site's rights, outside the pages' Content-Security-Policy.
bool is_published_file_type(std::string_view name);

// The accepted extensions, for messages: ".pdf, .doc, …, .rar".
std::string published_file_types();

}  // namespace congkhai
