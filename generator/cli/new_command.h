// `congkhai new`: start a unit folder, a plan, a progress record or a report from a
// commented template (see cli/scaffold.h). Never overwrites a file.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "cli/new_site.h"
#include "model/unit.h"

namespace congkhai {

struct NewFlags {
  CLI::App* site = nullptr;
  NewSiteFlags site_flags;
  CLI::App* unit = nullptr;
  CLI::App* plan = nullptr;
  CLI::App* progress = nullptr;
  CLI::App* report = nullptr;
  std::string path;     // the unit's folder
  std::string name;     // new unit
  std::string level;    // new unit
  Contact contact;      // new unit: what the official gave of address, phone, e-mail, hours
  int year = 0;         // new plan
  std::string from;     // new plan: id of the plan to start from
  std::string plan_id;  // new progress / report
  std::string period;   // new progress / report
  std::string format = "yaml";  // new progress: yaml, or xlsx for a workbook
};

CLI::App* add_new_command(CLI::App* app, NewFlags* flags);

// Writes the file; 0 on success, 1 when it exists already or its inputs are wrong.
int run_new(const NewFlags& flags, bool english);

}  // namespace congkhai
