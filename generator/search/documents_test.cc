#include "search/documents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "load/content_tree.h"
#include "model/model_codec.h"
#include "search/packed_payload.h"
#include "search/packed_payload_test_util.h"
#include "search/search_files.h"

namespace congkhai {
namespace {

// Hà Tĩnh › Hương Sơn › Sơn Lâm with a plan (two tasks, a target) and a report;
// Thái Nguyên › Định Hoá with a plan.
Portal small_portal() {
  Portal p;
  p.site.title = "Công khai";
  auto unit = [&](std::string slug, std::string path, std::string name, UnitLevel level, int parent) {
    Unit u;
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
  int ht = unit("ha-tinh", "ha-tinh", "Hà Tĩnh", UnitLevel::kTinh, -1);
  int hs = unit("huong-son", "ha-tinh/huong-son", "Hương Sơn", UnitLevel::kHuyen, ht);
  int sl = unit("son-lam", "ha-tinh/huong-son/son-lam", "Sơn Lâm", UnitLevel::kXa, hs);
  int tn = unit("thai-nguyen", "thai-nguyen", "Thái Nguyên", UnitLevel::kTinh, -1);
  int dh = unit("dinh-hoa", "thai-nguyen/dinh-hoa", "Định Hoá", UnitLevel::kXa, tn);

  Plan a;
  a.id = "2023";
  a.unit = sl;
  a.number = "28/KH-UBND";
  a.title = "Kế hoạch kiểm soát thủ tục hành chính năm 2023";
  a.year = 2023;
  a.issuer = "UBND xã Sơn Lâm";
  a.body = "## I. Mục đích\n\n- Tổ chức thực hiện **nghiêm túc** các nhiệm vụ.\n";
  Task t1;
  t1.id = "so-hoa-ho-so";
  t1.text = "Số hoá hồ sơ, kết quả giải quyết TTHC";
  t1.lead = {"Văn phòng - Thống kê"};
  t1.partners = {"Bộ phận một cửa"};
  t1.timeframe = "Thường xuyên";
  Task t2;
  t2.id = "thanh-toan";
  t2.text = "Thanh toán trực tuyến:\n- phí;\n- lệ phí.";
  t2.lead = {"Tài chính - Kế toán"};
  a.tasks = {t1, t2};
  Target g;
  g.id = "thanh-toan";
  g.measure = "Tỷ lệ thanh toán trực tuyến";
  g.value = 45;
  g.value_text = "45";
  g.task = "thanh-toan";
  a.targets = {g};
  p.plans.push_back(a);
  p.units[static_cast<std::size_t>(sl)].plans.push_back(0);

  Plan b;
  b.id = "2024";
  b.unit = dh;
  b.number = "/KH-UBND";
  b.title = "Kế hoạch năm 2024 của xã Định Hoá";
  b.year = 2024;
  p.plans.push_back(b);
  p.units[static_cast<std::size_t>(dh)].plans.push_back(1);

  Report r;
  r.id = "2023-q1";
  r.unit = sl;
  r.title = "Báo cáo quý I năm 2023";
  r.period = {Period::Kind::kQuarter, 2023, 1};
  r.body = "Đã số hoá 120 hồ sơ.";
  p.reports.push_back(r);
  p.units[static_cast<std::size_t>(sl)].reports.push_back(0);
  return p;
}

const SearchDocument* find(const std::vector<SearchDocument>& docs, const std::string& ref) {
  for (const SearchDocument& d : docs)
    if (d.ref == ref) return &d;
  return nullptr;
}

TEST(SearchDocuments, OneDocumentPerUnitPlanTaskTargetAndReport) {
  Portal portal = small_portal();
  std::vector<SearchDocument> docs = search_documents(portal);
  std::vector<std::string> refs;
  for (const SearchDocument& d : docs) refs.push_back(d.ref + " " + std::string(search_kind_key(d.kind)));
  EXPECT_EQ(refs, (std::vector<std::string>{
                      "ha-tinh/index.html unit",
                      "ha-tinh/huong-son/index.html unit",
                      "ha-tinh/huong-son/son-lam/index.html unit",
                      "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html plan",
                      "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-so-hoa-ho-so task",
                      "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-thanh-toan task",
                      "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#ct-thanh-toan target",
                      "ha-tinh/huong-son/son-lam/bao-cao/2023-q1/index.html report",
                      "thai-nguyen/index.html unit",
                      "thai-nguyen/dinh-hoa/index.html unit",
                      "thai-nguyen/dinh-hoa/ke-hoach/2024/index.html plan",
                  }));
}

TEST(SearchDocuments, APlanIsFoundByItsTableHeadingAndNotByTheTableMarker) {
  Portal portal = small_portal();
  Plan& plan = portal.plans[0];
  plan.body = "## II. Nội dung\n\n[[bảng nhiệm vụ]]\n\n## III. Tổ chức thực hiện\n";
  plan.table_marker = 2;
  plan.appendix_title = "NỘI DUNG KẾ HOẠCH HOẠT ĐỘNG";
  std::vector<SearchDocument> docs = search_documents(portal);
  const SearchDocument* doc = nullptr;
  for (const SearchDocument& d : docs)
    if (d.kind == SearchKind::kPlan && d.ref == "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html") doc = &d;
  ASSERT_NE(doc, nullptr);
  EXPECT_NE(doc->text.find("NỘI DUNG KẾ HOẠCH HOẠT ĐỘNG"), std::string::npos);
  EXPECT_NE(doc->text.find("III. Tổ chức thực hiện"), std::string::npos);
  EXPECT_EQ(doc->text.find("[["), std::string::npos);
  EXPECT_EQ(doc->text.find("bảng nhiệm vụ"), std::string::npos);
}

// Every field of a document, to compare two documents whole.
std::string describe(const SearchDocument& d) {
  return d.ref + "|" + std::string(search_kind_key(d.kind)) + "|" + std::to_string(d.area) + "|" +
         std::to_string(d.owner) + "|" + d.title + "|" + d.text + "|" + d.unit + "|" + d.lead + "|" + d.year +
         "|" + d.kind_text + "|" + d.display_title + "|" + d.display_unit + "|" + d.excerpt;
}

// The small portal; the same with a plan of a province, whose shard then holds its own
// documents before its descendants' pages; the sample site of the repository.
std::vector<Portal> test_portals() {
  Portal with_province_plan = small_portal();
  Plan plan;
  plan.id = "2025";
  plan.unit = 0;
  plan.title = "Kế hoạch của tỉnh Hà Tĩnh";
  plan.year = 2025;
  with_province_plan.plans.push_back(plan);
  with_province_plan.units[0].plans.push_back(2);
  Diagnostics diags;
  std::vector<Portal> portals{small_portal(), with_province_plan,
                              load_portal(CONGKHAI_SOURCE_DIR "/content", &diags, 1)};
  EXPECT_GT(portals[2].plans.size(), 1u);
  return portals;
}

TEST(SearchDocuments, OneUnitsDocumentsAreThePortalsGroupedByUnit) {
  for (const Portal& portal : test_portals()) {
    std::vector<std::string> portal_wide;
    for (const SearchDocument& d : search_documents(portal)) portal_wide.push_back(describe(d));
    std::vector<std::string> by_unit;
    for (std::size_t u = 0; u < portal.units.size(); ++u) {
      const int unit = static_cast<int>(u);
      const SearchDocument page = unit_search_document(portal, unit);
      EXPECT_EQ(page.kind, SearchKind::kUnit);
      EXPECT_EQ(page.owner, unit);
      by_unit.push_back(describe(page));
      const std::vector<SearchDocument> own = search_documents(portal, unit);
      EXPECT_EQ(own.empty(), !has_search_documents(portal.units[u])) << portal.units[u].url_path;
      for (const SearchDocument& d : own) {
        EXPECT_NE(d.kind, SearchKind::kUnit) << d.ref;
        EXPECT_EQ(d.owner, unit) << d.ref;
        by_unit.push_back(describe(d));
      }
    }
    EXPECT_EQ(by_unit, portal_wide);
  }
}

// Which documents each shard holds, in order, worked out from the portal-wide list: a unit's
// shard its own documents but its page; a top-level unit's also its descendants' pages; the
// global index the top-level units' pages.
TEST(SearchShards, HoldThePortalsDocumentsGroupedByUnit) {
  for (const Portal& portal : test_portals()) {
    const std::size_t n = portal.units.size();
    std::vector<std::vector<std::string>> own(n), below(n);
    std::vector<std::string> global;
    for (const SearchDocument& d : search_documents(portal)) {
      const std::size_t owner = static_cast<std::size_t>(d.owner);
      if (d.kind != SearchKind::kUnit) own[owner].push_back(d.ref);
      else if (portal.units[owner].parent < 0) global.push_back(d.ref);
      else below[static_cast<std::size_t>(d.area)].push_back(d.ref);
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> expected{{"*", global}};
    for (std::size_t u = 0; u < n; ++u) {
      std::vector<std::string> refs = own[u];
      if (portal.units[u].parent < 0) refs.insert(refs.end(), below[u].begin(), below[u].end());
      if (refs.empty()) continue;
      const std::string prefix = portal.units[u].url_path + "/";
      for (std::string& r : refs) r = r.substr(prefix.size());
      expected.emplace_back(portal.units[u].url_path, refs);
    }

    std::vector<std::pair<std::string, std::vector<std::string>>> actual;
    for (const SearchShard& s : build_search_shards(portal, 2)) {
      std::vector<std::string> refs;
      for (const LunrJson& entry : s.data["store"]) refs.push_back(entry[0].get<std::string>());
      actual.emplace_back(s.key, refs);
    }
    EXPECT_EQ(actual, expected);
  }
}

TEST(SearchDocuments, TaskFieldsAndDisplay) {
  std::vector<SearchDocument> docs = search_documents(small_portal());
  const SearchDocument* t = find(docs, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-thanh-toan");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->area, 0);
  EXPECT_EQ(t->title, "Thanh toán trực tuyến: phí; lệ phí.");
  EXPECT_EQ(t->unit, "xã Sơn Lâm huyện Hương Sơn tỉnh Hà Tĩnh");
  EXPECT_EQ(t->lead, "Tài chính - Kế toán");
  EXPECT_EQ(t->year, "2023");
  EXPECT_EQ(t->kind_text, "nhiệm vụ");
  EXPECT_EQ(t->display_unit, "xã Sơn Lâm");
  EXPECT_EQ(t->excerpt, "Kế hoạch số 28/KH-UBND năm 2023 · Chủ trì: Tài chính - Kế toán");

  const SearchDocument* s = find(docs, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-so-hoa-ho-so");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->lead, "Văn phòng - Thống kê Bộ phận một cửa");
  EXPECT_EQ(s->text, "Thường xuyên 28/KH-UBND");

  const SearchDocument* g = find(docs, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#ct-thanh-toan");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->title, "Tỷ lệ thanh toán trực tuyến");
  EXPECT_EQ(g->lead, "Tài chính - Kế toán");
  EXPECT_EQ(g->excerpt, "tối thiểu 45% · Kế hoạch số 28/KH-UBND năm 2023");

  const SearchDocument* p = find(docs, "thai-nguyen/dinh-hoa/ke-hoach/2024/index.html");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->area, 3);
  EXPECT_EQ(p->excerpt, "Kế hoạch năm 2024");  // a blank number is not shown

  const SearchDocument* u = find(docs, "thai-nguyen/dinh-hoa/index.html");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->title, "xã Định Hoá");
  EXPECT_EQ(u->unit, "tỉnh Thái Nguyên");
  EXPECT_EQ(u->display_unit, "tỉnh Thái Nguyên");
}

// Issue 19, class 2: a task's status as of the reference date, with its synonyms, is indexed;
// status and deadline lead its excerpt.
TEST(SearchDocuments, TasksCarryTheirStatusAndDeadline) {
  Portal portal = small_portal();
  PortalFacts facts;
  facts.plans.resize(portal.plans.size());
  TaskFacts late;
  late.status = TaskStatus::kInProgress;
  late.overdue = true;
  late.due = Date{2023, 7, 31};
  TaskFacts done;
  done.status = TaskStatus::kDone;
  facts.plans[0].tasks = {late, done};
  std::vector<SearchDocument> docs = search_documents(portal, &facts);
  const SearchDocument* s = find(docs, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-so-hoa-ho-so");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->text, "Thường xuyên 28/KH-UBND Đang thực hiện, chưa hoàn thành, chưa xong, quá hạn, trễ hạn, chậm tiến độ, chậm trễ");
  EXPECT_EQ(s->excerpt, "Kế hoạch số 28/KH-UBND năm 2023 · đang thực hiện, quá hạn · hạn 31/07/2023 · Chủ trì: Văn phòng - Thống kê · Thường xuyên");
  const SearchDocument* t = find(docs, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-thanh-toan");
  ASSERT_NE(t, nullptr);
  EXPECT_NE(t->text.find("Đã hoàn thành, đã xong, hoàn tất"), std::string::npos) << t->text;
  EXPECT_EQ(t->text.find("chưa"), std::string::npos) << t->text;
  EXPECT_EQ(s->status, "in_progress overdue");
  EXPECT_EQ(t->status, "done");
  // The store carries year and status for the search page's filters.
  LunrJson store = search_store({s, t}, "ha-tinh/huong-son/son-lam/", "xã Sơn Lâm");
  EXPECT_EQ(to_js_json(store[0][4]), "0");
  EXPECT_EQ(store[0][5], "2023");
  EXPECT_EQ(store[0][6], "in_progress overdue");
  // Without facts (tools that index content alone) nothing is said about status.
  EXPECT_EQ(find(search_documents(portal), s->ref)->text, "Thường xuyên 28/KH-UBND");
  TaskFacts cancelled;
  cancelled.status = TaskStatus::kCancelled;
  EXPECT_EQ(task_status_search_text(cancelled), "Huỷ bỏ, đã huỷ, không thực hiện");
}

// Issue 19, classes 5 and 7: a unit's page text (contact and feedback labels) is indexed; a
// plan's number is in its title field, so that the plan ranks before its tasks.
TEST(SearchDocuments, UnitPageLabelsAndPlanNumbers) {
  Portal portal = small_portal();
  portal.units[2].feedback = "Bộ phận Một cửa xã Sơn Lâm";
  portal.units[2].contact.phone = "0239 3875 123";
  std::vector<SearchDocument> docs = search_documents(portal);
  const SearchDocument* u = find(docs, "ha-tinh/huong-son/son-lam/index.html");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->text, "Liên hệ, địa chỉ: Điện thoại 0239 3875 123 Phản ánh, kiến nghị, góp ý. Người dân, doanh nghiệp "
                     "gửi phản ánh, kiến nghị về thủ tục hành chính tới: Bộ phận Một cửa xã Sơn Lâm");
  const SearchDocument* p = find(docs, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->title, "Kế hoạch kiểm soát thủ tục hành chính năm 2023 28/KH-UBND");
  const SearchDocument* blank = find(docs, "thai-nguyen/dinh-hoa/ke-hoach/2024/index.html");
  EXPECT_EQ(blank->title, "Kế hoạch năm 2024 của xã Định Hoá");  // "/KH-UBND" is no number
}

TEST(PlainText, DropsMarkdownSyntax) {
  EXPECT_EQ(plain_text("## I. Mục đích\n\n- Tổ chức **nghiêm túc** [Nghị định 45](https://x.vn/45) `a`\n* b\n"),
            "I. Mục đích Tổ chức nghiêm túc Nghị định 45 a b");
  EXPECT_EQ(plain_text("Tỷ lệ 50\\% <https://dichvucong.gov.vn>"), "Tỷ lệ 50% https://dichvucong.gov.vn");
  EXPECT_EQ(plain_text(""), "");
}

TEST(CompactRef, CountsInBase36) {
  EXPECT_EQ(compact_ref(0), "0");
  EXPECT_EQ(compact_ref(35), "z");
  EXPECT_EQ(compact_ref(36), "10");
  EXPECT_EQ(compact_ref(36 * 36 * 36), "1000");
}

TEST(Shorten, CutsAtASpaceWithoutSplittingCharacters) {
  EXPECT_EQ(shorten("Số hoá hồ sơ", 20), "Số hoá hồ sơ");
  EXPECT_EQ(shorten("Số hoá hồ sơ, kết quả", 14), "Số hoá hồ sơ…");
  EXPECT_EQ(shorten("Đườngđườngđường", 5), "Đường…");
}

TEST(SearchShards, OneShardPerUnitWithDocumentsAndASmallGlobalIndex) {
  Portal portal = small_portal();
  std::vector<SearchShard> shards = build_search_shards(portal);
  std::vector<std::string> keys;
  for (const SearchShard& s : shards) keys.push_back(s.key);
  // Hương Sơn has no plan or report, so no shard; Hà Tĩnh has one for its units' pages.
  EXPECT_EQ(keys, (std::vector<std::string>{"*", "ha-tinh", "ha-tinh/huong-son/son-lam", "thai-nguyen",
                                            "thai-nguyen/dinh-hoa"}));

  auto store_refs = [](const LunrJson& data) {
    std::vector<std::string> refs;
    for (const LunrJson& entry : data["store"]) refs.push_back(entry[0].get<std::string>());
    return refs;
  };
  // The global index: the top-level units, and the areas with the size of their shards.
  EXPECT_EQ(store_refs(shards[0].data), (std::vector<std::string>{"ha-tinh/index.html", "thai-nguyen/index.html"}));
  EXPECT_EQ(shards[0].data["areas"][1]["slug"], "thai-nguyen");
  EXPECT_EQ(shards[0].data["areas"][1]["name"], "tỉnh Thái Nguyên");
  // Sizes are listed rounded up to 4 KiB: an upper bound for the browser's budget.
  EXPECT_EQ(shards[0].data["areas"][1]["bytes"], listed_shard_bytes(shards[3].bytes));
  EXPECT_EQ(shards[0].data["areas"][1]["total"],
            listed_shard_bytes(shards[3].bytes) + listed_shard_bytes(shards[4].bytes));
  EXPECT_EQ(listed_shard_bytes(0), 0u);
  EXPECT_EQ(listed_shard_bytes(1), 4096u);
  EXPECT_EQ(listed_shard_bytes(4096), 4096u);
  EXPECT_EQ(listed_shard_bytes(4097), 8192u);
  // A top-level unit: its descendants' pages, with refs below its path, and their shards.
  EXPECT_EQ(store_refs(shards[1].data),
            (std::vector<std::string>{"huong-son/index.html", "huong-son/son-lam/index.html"}));
  EXPECT_EQ(to_js_json(shards[1].data["units"]),
            "[[\"huong-son/son-lam\"," + std::to_string(listed_shard_bytes(shards[2].bytes)) + "]]");
  // A commune: its plan, tasks, target and report, refs below its path, its name given once.
  const LunrJson& commune = shards[2].data;
  EXPECT_EQ(commune["key"], "ha-tinh/huong-son/son-lam");
  EXPECT_EQ(commune["name"], "xã Sơn Lâm");
  EXPECT_EQ(store_refs(commune).size(), 5u);
  EXPECT_EQ(to_js_json(commune["store"][1]),
            R"(["ke-hoach/2023/index.html#nv-so-hoa-ho-so","Số hoá hồ sơ, kết quả giải quyết TTHC","task","Kế hoạch số 28/KH-UBND năm 2023 · Chủ trì: Văn phòng - Thống kê · Thường xuyên",0,"2023",""])");
  // lunr's index in the compact form, its refs the store's positions (so not listed); the
  // unit chain and the year, the same for all its documents (one plan and one report of
  // 2023), given once instead.
  const LunrJson& index = commune["index"];
  EXPECT_EQ(index["version"], "2.3.9");
  EXPECT_EQ(index["fields"], LunrJson::array({"title", "text", "lead", "kind"}));
  EXPECT_EQ(index["vectors"].size(), 5u * 4u);
  EXPECT_FALSE(index.contains("refs"));
  EXPECT_FALSE(index.contains("invertedIndex"));
  EXPECT_FALSE(index.contains("fieldVectors"));
  // It is the compact form of the index of what the shard kept as its input, whose refs are
  // the store's positions.
  EXPECT_EQ(to_js_json(index), build_lunr_compact_index_json(shards[2].index_fields, shards[2].index_documents));
  ASSERT_EQ(shards[2].index_documents.size(), 5u);
  EXPECT_EQ(shards[2].index_documents[1].ref, "1");
  const LunrJson full = build_lunr_index(shards[2].index_fields, shards[2].index_documents);
  EXPECT_EQ(full["fieldVectors"][4][0], "title/1");
  EXPECT_EQ(to_js_json(commune["constant"]), R"({"unit":"xã Sơn Lâm huyện Hương Sơn tỉnh Hà Tĩnh","year":"2023"})");
  // The top-level shard: units of two levels (kinds and chains differ), no year (left out).
  EXPECT_EQ(shards[1].data["index"]["fields"], LunrJson::array({"title", "text", "unit", "lead", "kind"}));
  EXPECT_FALSE(shards[1].data.contains("constant"));
  // The global index: two provinces, no parents and no year (empty: simply left out).
  EXPECT_EQ(shards[0].data["index"]["fields"], LunrJson::array({"title", "text", "lead"}));
  EXPECT_EQ(to_js_json(shards[0].data["constant"]), R"({"kind":"đơn vị tỉnh"})");
  // The published script assigns the data's JSON deflated, in base64; the size listed is the
  // JSON's.
  for (const SearchShard& s : shards) {
    const std::string prefix = "window.CONGKHAI_INDEX = window.CONGKHAI_INDEX || {};\nCONGKHAI_INDEX[" +
                               to_js_json(LunrJson(s.key)) + "] = {\"deflate\":\"";
    ASSERT_EQ(s.script.rfind(prefix, 0), 0u) << s.key;
    ASSERT_EQ(s.script.substr(s.script.size() - 4), "\"};\n") << s.key;
    const std::string json = zlib_inflate(base64_decode(s.script.substr(prefix.size(), s.script.size() - prefix.size() - 4)));
    EXPECT_EQ(json, to_js_json(s.data)) << s.key;
    EXPECT_EQ(s.bytes, json.size()) << s.key;
  }
}

TEST(SearchFiles, OneScriptPerShardAndTheLibraries) {
  OutputFiles files = build_search_files(small_portal(), {"/x/node_modules/lunr/lunr.min.js", "/x/node_modules/pako/dist/pako_inflate.es5.min.js"});
  std::vector<std::string> paths;
  for (const OutputFile& f : files) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "tim-kiem/chi-muc.js", "tim-kiem/chi-muc/ha-tinh.js",
                       "tim-kiem/chi-muc/ha-tinh/huong-son/son-lam.js", "tim-kiem/chi-muc/thai-nguyen.js",
                       "tim-kiem/chi-muc/thai-nguyen/dinh-hoa.js", "assets/lunr.min.js",
                       "assets/pako_inflate.min.js"}));
  EXPECT_EQ(files[5].source, "/x/node_modules/lunr/lunr.min.js");
  EXPECT_EQ(files.back().source, "/x/node_modules/pako/dist/pako_inflate.es5.min.js");
  EXPECT_TRUE(files.back().bytes.empty());
  EXPECT_EQ(build_search_files(small_portal(), {}).size(), 5u);
}

// The plans' keys here stand in for the export stage's (plan_data_key, which the pipeline
// hands over; export/shard_keys_test.cc tests the shards' keys with those): each plan's
// every field, through its codec, and its unit's path, name and level. No facts are given.
std::vector<std::string> stand_in_plan_keys(const Portal& portal) {
  std::vector<std::string> keys;
  for (const Plan& plan : portal.plans) {
    ByteWriter w;
    encode(w, plan);
    const Unit& unit = portal.units[static_cast<std::size_t>(plan.unit)];
    w.text(unit.url_path);
    w.text(unit_display_name(unit));
    keys.push_back(hash_bytes(w.bytes()).hex());
  }
  return keys;
}

// Incremental builds: a shard is indexed again only when what it is made from changed.
TEST(SearchFiles, AnIncrementalBuildIndexesOnlyTheShardsWhoseInputsChanged) {
  auto build = [](const Portal& portal, ShardReuse reuse) {
    OutputCollector out;
    const std::vector<std::string> plan_keys = stand_in_plan_keys(portal);
    reuse.plan_keys = &plan_keys;
    build_search_files(portal, {}, 1, out, reuse);
    std::map<std::string, OutputFile> files;
    for (OutputFile& f : out.take()) files[f.path] = std::move(f);
    return files;
  };
  auto keys_of = [](const std::map<std::string, OutputFile>& files) {
    std::map<std::string, std::string> keys;
    for (const auto& [path, f] : files) keys[path] = f.key;
    return keys;
  };
  const Portal portal = small_portal();
  const auto first = build(portal, {"1.0", nullptr});
  for (const auto& [path, f] : first) {
    EXPECT_FALSE(f.reused) << path;
    EXPECT_EQ(f.key.empty(), path == "tim-kiem/chi-muc.js") << path;  // the global index is always made
  }
  const auto keys = keys_of(first);

  // Nothing changed: every shard is reused with its key, the global index made again the same.
  for (const auto& [path, f] : build(portal, {"1.0", &keys})) {
    EXPECT_EQ(f.key, keys.at(path)) << path;
    EXPECT_EQ(f.reused, path != "tim-kiem/chi-muc.js") << path;
    if (!f.reused) {
      EXPECT_EQ(f.bytes, first.at(path).bytes);
    }
  }

  // A task of Sơn Lâm edited (a word): its shard is made again, as a full build would make it. Its
  // listed size stays in the same 4 KiB step, so its province's shard (which lists it) is
  // reused, as are Thái Nguyên's; the global index is always made.
  Portal edited = portal;
  edited.plans[0].tasks[0].text.replace(edited.plans[0].tasks[0].text.find("TTHC"), 4, "TTHCS");
  const auto check_against_full = [&](const Portal& p, const std::vector<std::string>& remade) {
    const auto full = build(p, {"1.0", nullptr});
    const auto again = build(p, {"1.0", &keys});
    for (const std::string& path : remade) {
      EXPECT_FALSE(again.at(path).reused) << path;
      EXPECT_EQ(again.at(path).bytes, full.at(path).bytes) << path;
      EXPECT_EQ(again.at(path).key, full.at(path).key) << path;
    }
    for (const auto& [path, f] : again) {
      if (std::find(remade.begin(), remade.end(), path) == remade.end()) {
        EXPECT_TRUE(f.reused) << path;
      }
    }
  };
  ASSERT_EQ(listed_shard_bytes(first.at("tim-kiem/chi-muc/ha-tinh/huong-son/son-lam.js").bytes.size()),
            listed_shard_bytes(build(edited, {"1.0", nullptr}).at("tim-kiem/chi-muc/ha-tinh/huong-son/son-lam.js").bytes.size()));
  check_against_full(edited, {"tim-kiem/chi-muc/ha-tinh/huong-son/son-lam.js", "tim-kiem/chi-muc.js"});

  // An edit that moves the shard's listed size: its province's shard is made again too.
  Portal grown = portal;
  grown.plans[0].tasks[0].text += " " + std::string(2 * kListedShardUnit, 'x');
  check_against_full(grown, {"tim-kiem/chi-muc/ha-tinh/huong-son/son-lam.js", "tim-kiem/chi-muc/ha-tinh.js",
                             "tim-kiem/chi-muc.js"});

  // Another version of the generator reuses nothing.
  for (const auto& [path, f] : build(portal, {"1.1", &keys})) EXPECT_FALSE(f.reused) << path;
}

// A target's value with no written form is spelt in full, whatever its size: never six
// decimals, never "-0".
TEST(SearchDocuments, TargetValuesOfAnySize) {
  for (auto [value, text] : {std::pair{1e17, "100000000000000000"}, std::pair{41.5, "41.5"}, std::pair{-0.0, " 0%"}}) {
    Portal portal = small_portal();
    portal.plans[0].targets[0].value = value;
    portal.plans[0].targets[0].value_text.clear();
    std::vector<SearchDocument> docs = search_documents(portal);
    const SearchDocument* d = nullptr;
    for (const SearchDocument& doc : docs)
      if (doc.kind == SearchKind::kTarget) d = &doc;
    ASSERT_NE(d, nullptr);
    EXPECT_NE(d->text.find(text), std::string::npos) << d->text;
    EXPECT_EQ(d->text.find(".000000"), std::string::npos) << d->text;
    EXPECT_EQ(d->text.find("-0"), std::string::npos) << d->text;
  }
}

}  // namespace
}  // namespace congkhai

namespace congkhai {
namespace {

// A task is found by its full number and by the headings of every section above it; a
// sub-task also by its task's text; a target by the plan's own sentence.
TEST(SearchDocuments, TasksCarryTheirFullNumberAndTargetsTheirSentence) {
  Portal p = small_portal();
  Plan& a = p.plans[0];
  a.sections = {{"C.", "Cải cách thủ tục", 1, -1, {}}, {"3.", "Một cửa", 2, 0, {}}};
  a.tasks[0].section = 1;
  a.tasks[0].number = "2";
  a.tasks[1].section = 1;
  a.tasks[1].number = "2.1";
  a.tasks[1].parent = 0;
  a.tasks[0].subtasks = {1};
  a.targets[0].statement = "Tối thiểu 45% giao dịch thanh toán trực tuyến";
  std::vector<SearchDocument> docs = search_documents(p);
  const SearchDocument* t = find(docs, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-thanh-toan");
  ASSERT_NE(t, nullptr);
  EXPECT_NE(t->text.find("C. › 3. › 2.1"), std::string::npos) << t->text;
  EXPECT_NE(t->text.find("Một cửa"), std::string::npos);
  EXPECT_NE(t->text.find("Cải cách thủ tục"), std::string::npos);
  EXPECT_NE(t->text.find("Số hoá hồ sơ"), std::string::npos) << "its task's text";
  EXPECT_NE(t->excerpt.find("STT C. › 3. › 2.1"), std::string::npos) << t->excerpt;
  const SearchDocument* g = find(docs, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#ct-thanh-toan");
  ASSERT_NE(g, nullptr);
  EXPECT_NE(g->text.find("Tối thiểu 45% giao dịch"), std::string::npos);
  EXPECT_NE(g->text.find("C. › 3. › 2.1"), std::string::npos);
}

}  // namespace
}  // namespace congkhai
