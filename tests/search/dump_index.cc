// Test tool for tests/search/compare.js: builds search data with the C++ code so that the
// JavaScript side can compare it with what lunr.js builds.
//
//   search_dump_index index <fixture.json>     the lunr index of the fixture's documents
//   search_dump_index compact <fixture.json>   the same in the compact form shards publish
//   search_dump_index terms <words.json>       vi_terms of each string of a JSON array
//   search_dump_index files <out-dir> [<input-dir>]
//                                              the search files of a small portal
//   search_dump_index site <content> <out-dir> [<input-dir>]
//                                              the search files of a content folder
// With <input-dir>, each shard's index also as lunr serialises it, and its documents. With
// SOURCE_DATE_EPOCH set, `site` makes the files as `congkhai build` does as of that day.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "derive/facts.h"
#include "derive/portal_as_of.h"
#include "derive/reference_date.h"
#include "load/content_tree.h"
#include "search/lunr_index.h"
#include "search/search_files.h"
#include "search/vi_terms.h"

namespace ck = congkhai;
namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int dump_index(const std::string& fixture_path, bool compact) {
  nlohmann::json fixture = nlohmann::json::parse(read_file(fixture_path));
  std::vector<ck::LunrField> fields;
  for (const auto& f : fixture["fields"]) fields.push_back({f["name"], f.value("boost", 1.0)});
  std::vector<ck::LunrDocument> docs;
  for (const auto& d : fixture["documents"]) {
    ck::LunrDocument doc;
    doc.ref = d["ref"];
    doc.boost = d.value("boost", 1.0);
    for (const auto& f : fields) doc.fields.push_back(d["fields"].value(f.name, std::string()));
    docs.push_back(std::move(doc));
  }
  std::cout << (compact ? ck::build_lunr_compact_index_json(fields, docs) : ck::build_lunr_index_json(fields, docs));
  return 0;
}

int dump_terms(const std::string& words_path) {
  nlohmann::json words = nlohmann::json::parse(read_file(words_path));
  ck::LunrJson out = ck::LunrJson::array();
  for (const auto& w : words) out.push_back(ck::vi_terms(w.get<std::string>()));
  std::cout << ck::to_js_json(out);
  return 0;
}

// The search files of `portal` in `out_dir`, listed on stdout as "path bytes". With
// `input_dir`, each shard's index also as lunr serialises it and what it was made from:
// <input_dir>/<path>.lunr.json (build_lunr_index_json's text) and <input_dir>/<path>.input.json
// ({"fields": [{name, boost}], "documents": [{ref, boost, fields: {name: text}}]}).
int write_files(const ck::Portal& portal, const std::string& out_dir, const std::string& input_dir,
                const ck::PortalFacts* facts = nullptr) {
  auto write = [](const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
  };
  for (const ck::SearchShard& s : ck::build_search_shards(portal, 1, nullptr, {}, facts)) {
    const std::string file = ck::search_index_path(s.key, "js");
    write(fs::path(out_dir) / file, s.script);
    std::cout << file << " " << s.script.size() << "\n";
    if (input_dir.empty()) continue;
    write(fs::path(input_dir) / (file + ".lunr.json"), ck::build_lunr_index_json(s.index_fields, s.index_documents));
    ck::LunrJson input = ck::LunrJson::object();
    input["fields"] = ck::LunrJson::array();
    for (const ck::LunrField& f : s.index_fields) input["fields"].push_back({{"name", f.name}, {"boost", f.boost}});
    input["documents"] = ck::LunrJson::array();
    for (const ck::LunrDocument& d : s.index_documents) {
      ck::LunrJson fields = ck::LunrJson::object();
      for (std::size_t i = 0; i < s.index_fields.size() && i < d.fields.size(); ++i)
        fields[s.index_fields[i].name] = d.fields[i];
      input["documents"].push_back({{"ref", d.ref}, {"boost", d.boost}, {"fields", std::move(fields)}});
    }
    write(fs::path(input_dir) / (file + ".input.json"), ck::to_js_json(input));
  }
  return 0;
}

// Two provinces: Hà Tĩnh › Hương Sơn › Sơn Lâm with a plan and a report, Thái Nguyên ›
// Định Hoá with a plan.
ck::Portal small_portal() {
  ck::Portal p;
  p.site.title = "Công khai kế hoạch";
  auto unit = [&](std::string slug, std::string path, std::string name, ck::UnitLevel level, int parent) {
    ck::Unit u;
    u.slug = std::move(slug);
    u.url_path = std::move(path);
    u.name = std::move(name);
    u.level = level;
    u.parent = parent;
    p.units.push_back(u);
    int i = static_cast<int>(p.units.size()) - 1;
    if (parent >= 0) p.units[static_cast<std::size_t>(parent)].children.push_back(i);
    else p.top_units.push_back(i);
    return i;
  };
  int ht = unit("ha-tinh", "ha-tinh", "Hà Tĩnh", ck::UnitLevel::kTinh, -1);
  int hs = unit("huong-son", "ha-tinh/huong-son", "Hương Sơn", ck::UnitLevel::kHuyen, ht);
  int sl = unit("son-lam", "ha-tinh/huong-son/son-lam", "Sơn Lâm", ck::UnitLevel::kXa, hs);
  int tn = unit("thai-nguyen", "thai-nguyen", "Thái Nguyên", ck::UnitLevel::kTinh, -1);
  int dh = unit("dinh-hoa", "thai-nguyen/dinh-hoa", "Định Hoá", ck::UnitLevel::kXa, tn);
  p.units[static_cast<std::size_t>(sl)].contact.address = "xã Sơn Lâm, huyện Hương Sơn, tỉnh Hà Tĩnh";

  auto task = [](std::string id, std::string text, std::string lead, std::string timeframe) {
    ck::Task t;
    t.id = std::move(id);
    t.text = std::move(text);
    t.lead = {std::move(lead)};
    t.timeframe = std::move(timeframe);
    return t;
  };
  ck::Plan a;
  a.id = "2023";
  a.unit = sl;
  a.number = "28/KH-UBND";
  a.title = "Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2023";
  a.year = 2023;
  a.issuer = "UBND xã Sơn Lâm";
  a.body = "## I. Mục đích, yêu cầu\n\n- Tổ chức thực hiện **nghiêm túc** các nhiệm vụ về kiểm soát TTHC.\n";
  a.tasks.push_back(task("so-hoa-ho-so", "Số hoá hồ sơ, kết quả giải quyết TTHC", "Văn phòng - Thống kê", "Thường xuyên trong năm 2023"));
  a.tasks.push_back(task("thanh-toan-truc-tuyen", "Triển khai thanh toán trực tuyến phí, lệ phí", "Tài chính - Kế toán", "Quý II/2023"));
  ck::Target g;
  g.id = "thanh-toan";
  g.measure = "Tỷ lệ hồ sơ được thanh toán trực tuyến";
  g.value = 45;
  g.value_text = "45";
  g.task = "thanh-toan-truc-tuyen";
  a.targets.push_back(g);
  p.plans.push_back(a);
  p.units[static_cast<std::size_t>(sl)].plans.push_back(0);

  ck::Plan b;
  b.id = "2024";
  b.unit = dh;
  b.number = "/KH-UBND";
  b.title = "Kế hoạch kiểm soát thủ tục hành chính năm 2024 trên địa bàn xã Định Hoá";
  b.year = 2024;
  b.tasks.push_back(task("so-hoa-ket-qua", "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực", "Văn phòng HĐND và UBND xã", "Chậm nhất ngày 25/8/2024"));
  p.plans.push_back(b);
  p.units[static_cast<std::size_t>(dh)].plans.push_back(1);

  ck::Report r;
  r.id = "2023-q1";
  r.unit = sl;
  r.title = "Báo cáo kết quả kiểm soát TTHC quý I năm 2023";
  r.period = {ck::Period::Kind::kQuarter, 2023, 1};
  r.body = "Trong quý, xã đã số hoá 120 hồ sơ.";
  p.reports.push_back(r);
  p.units[static_cast<std::size_t>(sl)].reports.push_back(0);
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "index" && argc == 3) return dump_index(argv[2], false);
  if (mode == "terms" && argc == 3) return dump_terms(argv[2]);
  if (mode == "compact" && argc == 3) return dump_index(argv[2], true);
  if (mode == "files" && (argc == 3 || argc == 4)) return write_files(small_portal(), argv[2], argc == 4 ? argv[3] : "");
  if (mode == "site" && (argc == 4 || argc == 5)) {
    ck::Diagnostics diags;
    ck::Portal portal = ck::load_portal(argv[2], &diags);
    for (const auto& d : diags) std::cerr << ck::format_diagnostic(d) << "\n";
    // With SOURCE_DATE_EPOCH, as `congkhai build` makes them as of that day: the same files.
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch) return write_files(portal, argv[3], argc == 5 ? argv[4] : "");
    auto as_of = ck::resolve_reference_date(epoch, "", 0, nullptr);
    if (!as_of) return 2;
    ck::LeftOut left_out;
    portal = ck::portal_as_of(std::move(portal), *as_of, &left_out);
    const ck::PortalFacts facts = ck::derive_facts(portal, *as_of);
    return write_files(portal, argv[3], argc == 5 ? argv[4] : "", &facts);
  }
  std::cerr << "usage: search_dump_index index|compact <fixture.json> | terms <words.json> | "
               "files <out-dir> [<input-dir>] | site <content-dir> <out-dir> [<input-dir>]\n";
  return 2;
}
