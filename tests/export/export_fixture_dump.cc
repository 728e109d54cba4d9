// Writes the exports of the export tests' hand-built portal into a folder, for validation with
// the reference tools (validate_open_data.mjs). Usage: export_fixture_dump <dir> [base_url]
#include <filesystem>
#include <fstream>
#include <iostream>

#include "export/exports.h"
#include "export/testing_portal.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: export_fixture_dump <dir> [base_url]\n";
    return 2;
  }
  namespace fs = std::filesystem;
  fs::path dir = argv[1];
  fs::remove_all(dir);
  // With a district's plan that the commune's implements, so that the links are validated too.
  auto portal = congkhai::testing::make_test_portal_with_parent_plan(argc > 2 ? argv[2] : "");
  auto facts = congkhai::testing::make_test_facts();
  facts.plans.resize(portal.plans.size());  // the district's plan has no tasks: nothing to derive
  for (const auto& f : congkhai::build_exports(portal, facts)) {
    fs::path path = dir / f.path;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << f.bytes;
  }
  return 0;
}
