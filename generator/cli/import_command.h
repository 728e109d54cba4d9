// `congkhai import plan FILE --unit DIR [--id ID] [--review LIST]`: reads the document an
// official has (Word, PDF or plain text), writes DIR/plans/<id>.md in the content format (never
// over an existing file) and prints the review list: every guess, with where it is in the
// document and the line it went to in the file. With --review the list is also written to LIST
// (UTF-8, a first line naming the document and the plan file, then the items one a line as
// printed), never over an existing file, and not at all when the import fails.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace congkhai {

struct ImportFlags {
  CLI::App* plan = nullptr;
  std::string file;
  std::string unit;
  std::string id;
  std::string review;
  std::string lang;
};

CLI::App* add_import_command(CLI::App* app, ImportFlags* flags);

// 0 when the plan file was written, 1 when the document or the unit is refused.
int run_import(const ImportFlags& flags, bool english);

}  // namespace congkhai
