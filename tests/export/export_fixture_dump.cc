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
  auto portal = congkhai::testing::make_test_portal(argc > 2 ? argv[2] : "");
  for (const auto& f : congkhai::build_exports(portal, congkhai::testing::make_test_facts())) {
    fs::path path = dir / f.path;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << f.bytes;
  }
  return 0;
}
