#include "render/site_renderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iterator>
#include <fstream>
#include <regex>

#include "model/urls.h"
#include "render/asset_versions.h"
#include "render/test_portal.h"
#include "text/content_hash.h"
#include "render/updates_view.h"
#include "render/views.h"

namespace congkhai {
namespace {

namespace fs = std::filesystem;

class SiteRendererTest : public ::testing::Test {
 protected:
  void SetUp() override {
    portal_ = testing::test_portal();
    facts_ = testing::test_facts(portal_);
    theme_ = load_theme({CONGKHAI_DEFAULT_THEME_DIR}, &errors_);
    ASSERT_TRUE(errors_.empty());
    options_.generator_version = "0.1.0";
    options_.asset_versions = asset_versions(theme_, {});  // as the build sets them
    files_ = render_site(portal_, facts_, theme_, options_, &errors_);
    for (const Diagnostic& d : errors_) ADD_FAILURE() << format_diagnostic(d);
  }

  const OutputFile* file(const std::string& path) const {
    for (const OutputFile& f : files_)
      if (f.path == path) return &f;
    return nullptr;
  }
  std::string page(const std::string& path) const {
    const OutputFile* f = file(path);
    EXPECT_NE(f, nullptr) << path;
    return f ? f->bytes : "";
  }
  // The page at `path` of the test portal changed by `change`, rendered anew.
  std::string page_of(const std::function<void(Portal&)>& change, const std::string& path) {
    Portal portal = testing::test_portal();
    change(portal);
    PortalFacts facts = testing::test_facts(portal);
    Diagnostics errors;
    OutputFiles files = render_site(portal, facts, theme_, options_, &errors);
    for (const Diagnostic& d : errors) ADD_FAILURE() << format_diagnostic(d);
    for (const OutputFile& f : files)
      if (f.path == path) return f.bytes;
    ADD_FAILURE() << path;
    return "";
  }
  std::string plan_page_html() const { return page("ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html"); }
  std::string report_page_html() const { return page("ha-tinh/huong-son/son-lam/bao-cao/2023-q1/index.html"); }

  static bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
  }
  // "?v=" and the first 10 hex digits of the hash of the default theme's asset `name`.
  static std::string version_of(const std::string& name) {
    std::ifstream in(std::string(CONGKHAI_DEFAULT_THEME_DIR) + "/assets/" + name, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_FALSE(bytes.empty()) << name;
    return "?v=" + hash_bytes(bytes).hex().substr(0, 10);
  }

  Portal portal_;
  PortalFacts facts_;
  Theme theme_;
  RenderOptions options_;
  Diagnostics errors_;
  OutputFiles files_;
};

TEST_F(SiteRendererTest, WritesEveryPageAssetAndFileSortedByPath) {
  std::vector<std::string> paths;
  for (const OutputFile& f : files_) paths.push_back(f.path);
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  EXPECT_EQ(std::adjacent_find(paths.begin(), paths.end()), paths.end()) << "no path twice";
  for (const char* p : {"index.html", "404.html", "tim-kiem/index.html", "cap-nhat/index.html", "ha-tinh/index.html",
                        "ha-tinh/huong-son/index.html", "ha-tinh/huong-son/son-lam/index.html",
                        "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html",
                        "ha-tinh/huong-son/son-lam/ke-hoach/2024/index.html",
                        "ha-tinh/huong-son/son-lam/bao-cao/2023-q1/index.html", "assets/style.css",
                        "assets/search.js"})
    EXPECT_NE(file(p), nullptr) << p;
  const OutputFile* attachment = file("tep/ha-tinh/huong-son/son-lam/reports/bao-cao-q1.pdf");
  ASSERT_NE(attachment, nullptr);
  EXPECT_EQ(attachment->source, "content/ha-tinh/huong-son/son-lam/reports/bao-cao-q1.pdf");
  EXPECT_TRUE(attachment->bytes.empty());
  const OutputFile* evidence = file("tep/ha-tinh/huong-son/son-lam/progress/files/kh-28.pdf");
  ASSERT_NE(evidence, nullptr);
  EXPECT_EQ(evidence->source, "content/ha-tinh/huong-son/son-lam/progress/files/kh-28.pdf");
  const OutputFile* css = file("assets/style.css");
  EXPECT_EQ(css->source, std::string(CONGKHAI_DEFAULT_THEME_DIR) + "/assets/style.css");
}

TEST_F(SiteRendererTest, SameInputSameBytes) {
  Diagnostics errors;
  OutputFiles again = render_site(portal_, facts_, theme_, options_, &errors);
  ASSERT_EQ(again.size(), files_.size());
  for (size_t i = 0; i < files_.size(); ++i) {
    EXPECT_EQ(again[i].path, files_[i].path);
    EXPECT_EQ(again[i].bytes, files_[i].bytes) << files_[i].path;
    EXPECT_EQ(again[i].source, files_[i].source);
  }
}

TEST_F(SiteRendererTest, AnyNumberOfThreadsGivesTheSameBytes) {
  for (int threads : {2, 3, 8}) {
    RenderOptions options = options_;
    options.threads = threads;
    Diagnostics errors;
    OutputFiles again = render_site(portal_, facts_, theme_, options, &errors);
    ASSERT_EQ(again.size(), files_.size());
    for (size_t i = 0; i < files_.size(); ++i) {
      EXPECT_EQ(again[i].path, files_[i].path);
      EXPECT_EQ(again[i].bytes, files_[i].bytes) << files_[i].path << " on " << threads << " threads";
      EXPECT_EQ(again[i].key, files_[i].key);
    }
  }
}

// Incremental builds: a page whose key is the previous build's is not rendered again; a
// change to what it shows changes its key, and only its key among unrelated pages.
// The dev server finds a page by its path before making it, and makes it alone.
TEST_F(SiteRendererTest, EachPageAloneIsThePageOfTheWholeSite) {
  const PageRenderer pages(portal_, facts_, theme_, options_);
  const std::vector<PageJob> jobs = page_jobs(portal_);
  ASSERT_EQ(jobs.size(), 1 + portal_.units.size() + portal_.plans.size() + portal_.reports.size() + 5);
  for (const PageJob& job : jobs) {
    Diagnostics errors;
    OutputFile alone = pages.render(job, &errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(page_path(portal_, job), alone.path);
    EXPECT_EQ(alone.bytes, page(alone.path)) << alone.path;
  }
}

// The dev server finds a theme's missing templates without rendering: the same problems.
TEST_F(SiteRendererTest, MissingTemplatesAreFoundWithoutRendering) {
  EXPECT_TRUE(missing_page_templates(portal_, theme_).empty());
  for (const char* name : {"home", "unit", "plan", "report", "search", "updates", "open_data", "not_found", "layout"}) {
    Theme broken = theme_;
    ASSERT_EQ(broken.templates.erase(name), 1u) << name;
    Diagnostics rendered;
    render_site(portal_, facts_, broken, options_, &rendered);
    Diagnostics found = missing_page_templates(portal_, broken);
    ASSERT_FALSE(found.empty()) << name;
    sort_diagnostics(rendered);
    sort_diagnostics(found);
    ASSERT_EQ(found.size(), rendered.size()) << name;
    for (std::size_t i = 0; i < found.size(); ++i) EXPECT_EQ(format_diagnostic(found[i]), format_diagnostic(rendered[i]));
  }
}

TEST_F(SiteRendererTest, PagesWithUnchangedKeysAreReused) {
  std::map<std::string, std::string> keys;
  for (const OutputFile& f : files_)
    if (!f.key.empty()) keys[f.path] = f.key;
  ASSERT_GT(keys.size(), 5u);
  RenderOptions options = options_;
  options.previous_keys = &keys;
  Diagnostics errors;
  for (const OutputFile& f : render_site(portal_, facts_, theme_, options, &errors)) {
    if (f.key.empty()) continue;
    EXPECT_TRUE(f.reused) << f.path;
    EXPECT_TRUE(f.bytes.empty()) << f.path;
  }

  const std::string report = report_page(portal_, portal_.reports.front());
  portal_.reports.front().body += "\nMột dòng mới.";
  for (const OutputFile& f : render_site(portal_, facts_, theme_, options, &errors)) {
    if (f.path == report) EXPECT_FALSE(f.reused);
    if (f.path == "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html") EXPECT_TRUE(f.reused);
    if (!f.reused && !f.key.empty()) EXPECT_FALSE(f.bytes.empty()) << f.path;
  }

  Theme edited = theme_;
  edited.templates.at("layout").text += "<!-- -->";
  for (const OutputFile& f : render_site(portal_, facts_, edited, options, &errors))
    if (!f.key.empty()) EXPECT_FALSE(f.reused) << f.path;
}

// A generator whose code changed at the same version (another executable) never takes an
// older build's pages for its own, although it would show the same version.
TEST_F(SiteRendererTest, AnotherBuildOfTheGeneratorRendersEveryPageAgain) {
  std::map<std::string, std::string> keys;
  RenderOptions options = options_;
  options.cache_identity = "0.1.0 aaaa";
  Diagnostics errors;
  for (const OutputFile& f : render_site(portal_, facts_, theme_, options, &errors))
    if (!f.key.empty()) keys[f.path] = f.key;
  ASSERT_GT(keys.size(), 5u);
  options.previous_keys = &keys;
  for (const OutputFile& f : render_site(portal_, facts_, theme_, options, &errors)) {
    if (!f.key.empty()) EXPECT_TRUE(f.reused) << f.path;
  }
  options.cache_identity = "0.1.0 bbbb";
  for (const OutputFile& f : render_site(portal_, facts_, theme_, options, &errors)) {
    if (f.key.empty()) continue;
    EXPECT_FALSE(f.reused) << f.path;
    EXPECT_FALSE(f.bytes.empty()) << f.path;
  }
}

TEST_F(SiteRendererTest, ContentNeverBecomesMarkup) {
  for (const OutputFile& f : files_) {
    if (f.path.size() < 5 || f.path.compare(f.path.size() - 5, 5, ".html") != 0) continue;
    // The only scripts are the theme's own, loaded from assets.
    for (size_t at = f.bytes.find("<script"); at != std::string::npos; at = f.bytes.find("<script", at + 1))
      EXPECT_EQ(f.bytes.compare(at, 13, "<script src=\""), 0) << f.path << " at " << at;
    EXPECT_FALSE(contains(f.bytes, "javascript:")) << f.path;
    EXPECT_FALSE(contains(f.bytes, "<img")) << f.path;
    EXPECT_FALSE(contains(f.bytes, "<b>TTHC")) << f.path;
  }
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "<title>Kế hoạch số 28/KH-UBND – xã Sơn Lâm – Công khai &lt;b&gt;TTHC&lt;/b&gt;</title>"));
  EXPECT_TRUE(contains(plan, "<h1>Kế hoạch kiểm soát <abbr title=\"thủ tục hành chính\">TTHC</abbr> năm 2023 "
                             "&lt;script&gt;alert(&apos;tiêu đề&apos;)&lt;/script&gt;</h1>"));
  // The issuer comes first: UBND is explained there, and only there.
  EXPECT_TRUE(contains(plan, " · <abbr title=\"Ủy ban nhân dân\">UBND</abbr> xã Sơn Lâm</p>"));
  EXPECT_TRUE(contains(plan, "<td>Văn phòng <abbr title=\"Hội đồng nhân dân\">HĐND</abbr> - UBND xã</td>"));
  EXPECT_TRUE(contains(plan, "Xây dựng Kế hoạch &lt;script&gt;alert('nv')&lt;/script&gt;")) << "task text via Markdown";
  EXPECT_TRUE(contains(plan, "Nội dung &lt;script&gt;alert('thân')&lt;/script&gt; và liên kết."));
  EXPECT_TRUE(contains(plan, "Đã ban hành. &lt;img src=x onerror=alert(1)&gt; xem")) << "progress note";
  EXPECT_TRUE(contains(plan, "<li>Văn bản lạ</li>")) << "a legal basis with a javascript: URL keeps only its text";
  std::string report = report_page_html();
  EXPECT_TRUE(contains(report, "Kết quả <strong>tốt</strong>. &lt;script&gt;"));
}

TEST_F(SiteRendererTest, TaskRowsInPrintedOrderWithNumbersAsPrinted) {
  std::string plan = plan_page_html();
  std::vector<std::string> expected = {
      "<td colspan=\"7\"><span class=\"section-num\">I</span> Công tác chỉ đạo</td>",
      "<tr id=\"nv-xay-dung-ke-hoach\"", "<td class=\"c-num\">1</td>",
      "<tr id=\"nv-tap-huan\"", "<td class=\"c-num\">3</td>",
      "<span class=\"section-num\">II</span> Kiểm soát TTHC",
      "<tr class=\"row-section row-section--2\"><td colspan=\"7\"><span class=\"section-num\">2.1</span> Rà soát",
      "<tr id=\"nv-ra-soat-a\"", "<td class=\"c-num\">2.1</td>",
      "<tr id=\"nv-ra-soat-b\"", "<td class=\"c-num\">2.1</td>",
      "<tr id=\"nv-niem-yet\"", "<td class=\"c-num\"></td>"};
  size_t at = 0;
  for (const std::string& s : expected) {
    size_t found = plan.find(s, at);
    ASSERT_NE(found, std::string::npos) << "not found in order: " << s;
    at = found + s.size();
  }
  EXPECT_TRUE(contains(plan, "<caption>"));
  EXPECT_TRUE(contains(plan, "<th scope=\"col\" class=\"c-num\">STT</th>"));
  EXPECT_TRUE(contains(plan, "<th scope=\"col\">Dự kiến sản phẩm</th>"));
  EXPECT_TRUE(contains(plan, "<td>Kế hoạch được ban hành</td>"));
  EXPECT_TRUE(contains(plan, "<td>Công an xã<br>Tư pháp</td>"));
  // The portal's own headings label the cells of the narrow screen's cards from the stylesheet.
  EXPECT_FALSE(contains(plan, "data-label="));
  EXPECT_TRUE(contains(plan, "<p>Tổ chức tập huấn:</p>\n<ul>\n<li>cho công chức một cửa;</li>"));
}

TEST_F(SiteRendererTest, StatusesAreWordsNotColoursAlone) {
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "<strong class=\"tag tag--done\">Hoàn thành</strong> <span class=\"percent\">100%</span>"));
  EXPECT_TRUE(contains(plan, "<strong class=\"tag tag--in-progress\">Đang thực hiện</strong> <span class=\"percent\">40%</span>"));
  EXPECT_TRUE(contains(plan, "<strong class=\"tag tag--overdue\">Quá hạn 12 ngày</strong>"));
  EXPECT_TRUE(contains(plan, "<strong class=\"tag tag--no-report\">Chưa có báo cáo</strong>"));
  EXPECT_TRUE(contains(plan, "Tháng 3 năm 2023 <span class=\"tf-summary\">(hạn 31/03/2023)</span>"));
  EXPECT_TRUE(contains(plan, "<a class=\"history-link\" href=\"#ls-xay-dung-ke-hoach\">Lịch sử (1)</a>"));
  // The link's target sits inside the closed panel, so that following it opens the panel.
  EXPECT_TRUE(contains(plan, "<div id=\"ls-xay-dung-ke-hoach\">"));
  EXPECT_FALSE(contains(plan, "<details class=\"history\" id="));
}

TEST_F(SiteRendererTest, PrintedColumnHeadingsLabelTheirOwnCells) {
  // On a narrow screen each cell shows its column's heading: the stylesheet writes the
  // portal's own, so only a heading the plan printed differently travels with each cell.
  std::string plan = page_of(
      [](Portal& p) {
        p.plans[0].columns.number = "TT";
        p.plans[0].columns.task = kTaskColumnHeadings.task;  // printed as the portal's own
        p.plans[0].columns.lead = "Bộ phận chủ trì";
      },
      "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  EXPECT_TRUE(contains(plan, "<th scope=\"col\" class=\"c-num\">TT</th>"));
  EXPECT_TRUE(contains(plan, "<th scope=\"col\">Bộ phận chủ trì</th>"));
  EXPECT_TRUE(contains(plan, "<td class=\"c-num\" data-label=\"TT\">1</td>\n<td class=\"c-text\">"));
  EXPECT_TRUE(contains(plan, "<td data-label=\"Bộ phận chủ trì\">Văn phòng"));
  EXPECT_FALSE(contains(plan, "data-label=\"Nội dung công việc\""));
  EXPECT_FALSE(contains(plan, "data-label=\"Cơ quan phối hợp\""));
}

TEST_F(SiteRendererTest, StylesheetLabelsCellsWithThePortalsOwnHeadings) {
  std::ifstream in(std::string(CONGKHAI_DEFAULT_THEME_DIR) + "/assets/style.css", std::ios::binary);
  std::string css((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const char* heading : {kTaskColumnHeadings.number, kTaskColumnHeadings.task, kTaskColumnHeadings.lead,
                              kTaskColumnHeadings.partners, kTaskColumnHeadings.output, kTaskColumnHeadings.timeframe})
    EXPECT_TRUE(contains(css, std::string("::before { content: \"") + heading + "\"; }")) << heading;
  std::string plan = plan_page_html();
  for (const char* heading : {kTaskColumnHeadings.task, kTaskColumnHeadings.lead, kTaskColumnHeadings.partners,
                              kTaskColumnHeadings.output, kTaskColumnHeadings.timeframe})
    EXPECT_TRUE(contains(plan, std::string("<th scope=\"col\">") + heading + "</th>")) << heading;
}

// Who reported is said once: for the whole history when every update on the page names the
// same office, else above a task's updates when all of them do, else with each update.
TEST_F(SiteRendererTest, HistoryNamesACommonReporterOnce) {
  auto history = [](const std::string& page) {
    size_t from = page.find("<section id=\"tien-do\"");
    return from == std::string::npos ? std::string() : page.substr(from, page.find("</section>", from) - from);
  };
  auto panel = [](const std::string& page, const std::string& task) {
    size_t from = page.find("<div id=\"ls-" + task + "\">");
    return from == std::string::npos ? std::string() : page.substr(from, page.find("</details>", from) - from);
  };
  // The first task given a second update, reported by `by`, noting `note`; the second task's
  // update reported by `other`.
  auto with_second_update = [&](const std::string& by, const std::string& note, const std::string& other) {
    Portal portal = testing::test_portal();
    ProgressEntry later = portal.progress[0].entries[0];
    later.date = Date{2023, 3, 20};
    later.reported_by = by;
    later.note = note;
    later.evidence.clear();
    portal.progress[0].entries.push_back(later);
    portal.progress[0].entries[1].reported_by = other;
    PortalFacts facts = testing::test_facts(portal);
    facts.entries.push_back({0, 2, 0});
    facts.plans[0].tasks[0].entries.push_back(2);
    Diagnostics errors;
    OutputFiles files = render_site(portal, facts, theme_, options_, &errors);
    EXPECT_TRUE(errors.empty());
    for (const OutputFile& f : files)
      if (f.path == "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html") return history(f.bytes);
    return std::string();
  };
  // Every update on the page by one office: said once, above every panel.
  std::string all = with_second_update("Văn phòng", "Đã gửi.", "Văn phòng");
  EXPECT_TRUE(contains(all, "<p class=\"entry-by\">Mọi lần cập nhật dưới đây do Văn phòng báo cáo.</p>\n<details")) << all;
  EXPECT_FALSE(contains(all, "Cả 2 lần cập nhật")) << all;
  EXPECT_FALSE(contains(all, "Báo cáo: ")) << all;
  // A note of one paragraph is that paragraph; a longer one keeps the prose styles.
  EXPECT_TRUE(contains(all, "(Quý I/2023)</small>\n<p>Đã gửi.</p></li>")) << all;

  // One task's updates by one office, another's by another: said above each panel, or with
  // the single update.
  std::string same = with_second_update("Văn phòng", "Đã gửi.", "Công an xã");
  EXPECT_FALSE(contains(same, "Mọi lần cập nhật")) << same;
  EXPECT_TRUE(contains(panel(same, "xay-dung-ke-hoach"),
                       "<div id=\"ls-xay-dung-ke-hoach\">\n<p class=\"entry-by\">Cả 2 lần cập nhật do Văn phòng báo cáo.</p>\n<ol class=\"entries\">"))
      << same;
  EXPECT_FALSE(contains(panel(same, "xay-dung-ke-hoach"), "Báo cáo: ")) << same;
  EXPECT_TRUE(contains(panel(same, "tap-huan"), "<p class=\"entry-by\">Báo cáo: Công an xã</p></li>")) << same;

  std::string two = with_second_update("Công an xã", "Đã gửi.\n\n- bản một;\n- bản hai.", "Văn phòng");
  EXPECT_FALSE(contains(two, "lần cập nhật do")) << two;
  EXPECT_TRUE(contains(two, "<p class=\"entry-by\">Báo cáo: Văn phòng</p>")) << two;
  EXPECT_TRUE(contains(two, "<p class=\"entry-by\">Báo cáo: Công an xã</p>")) << two;
  EXPECT_TRUE(contains(two, "<div class=\"prose\"><p>Đã gửi.</p>\n<ul>\n<li>bản một;</li>")) << two;

  // An update that names no one: nothing is said of all of them.
  std::string unnamed = with_second_update("", "Đã gửi.", "Văn phòng");
  EXPECT_FALSE(contains(unnamed, "lần cập nhật do")) << unnamed;
  size_t named = 0;
  for (size_t at = unnamed.find("<p class=\"entry-by\">Báo cáo: Văn phòng</p>"); at != std::string::npos;
       at = unnamed.find("<p class=\"entry-by\">Báo cáo: Văn phòng</p>", at + 1))
    ++named;
  EXPECT_EQ(named, 2u) << unnamed;
  EXPECT_FALSE(contains(unnamed, "Báo cáo: </p>")) << unnamed;
}

// Each update gives its date, status, progress and period; its status stands out as a tag at
// the task's first update and wherever it differs from the update before, and is plain text
// where the update repeats it.
TEST_F(SiteRendererTest, HistoryMarksAStatusWhereItChanges) {
  Portal portal = testing::test_portal();
  ProgressEntry first = portal.progress[0].entries[0];
  first.evidence.clear();
  first.note.clear();
  std::vector<ProgressEntry> updates;
  const std::pair<Date, TaskStatus> steps[] = {{Date{2023, 1, 10}, TaskStatus::kInProgress},
                                               {Date{2023, 2, 10}, TaskStatus::kInProgress},
                                               {Date{2023, 3, 6}, TaskStatus::kDone},
                                               {Date{2023, 3, 20}, TaskStatus::kDone}};
  PortalFacts facts;
  for (const auto& [date, status] : steps) {
    ProgressEntry e = first;
    e.date = date;
    e.status = status;
    e.percent = status == TaskStatus::kDone ? 100 : 50;
    portal.progress[0].entries.push_back(e);
  }
  facts = testing::test_facts(portal);
  facts.plans[0].tasks[0].entries.clear();
  for (int i = 2; i < 6; ++i) {
    facts.entries.push_back({0, i, 0});
    facts.plans[0].tasks[0].entries.push_back(static_cast<int>(facts.entries.size()) - 1);
  }
  Diagnostics errors;
  std::string page;
  for (const OutputFile& f : render_site(portal, facts, theme_, options_, &errors))
    if (f.path == "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html") page = f.bytes;
  ASSERT_TRUE(errors.empty());
  const size_t from = page.find("<div id=\"ls-xay-dung-ke-hoach\">");
  ASSERT_NE(from, std::string::npos) << page;
  const std::string panel = page.substr(from, page.find("</details>", from) - from);
  EXPECT_TRUE(contains(panel,
                       "<li>10/01/2023: <strong class=\"tag tag--in-progress\">Đang thực hiện</strong> 50% <small>(Quý I/2023)</small></li>\n"
                       "<li>10/02/2023: Đang thực hiện 50% <small>(Quý I/2023)</small></li>\n"
                       "<li>06/03/2023: <strong class=\"tag tag--done\">Hoàn thành</strong> 100% <small>(Quý I/2023)</small></li>\n"
                       "<li>20/03/2023: Hoàn thành 100% <small>(Quý I/2023)</small></li>\n"))
      << panel;
  // The panel's heading gives the task's status as of the reference date, always as a tag.
  EXPECT_TRUE(contains(page, "<strong class=\"tag tag--done\">Hoàn thành</strong> <small>(4 lần cập nhật)</small></summary>")) << page;
}

TEST_F(SiteRendererTest, PlanSummaryCountsEachTaskUnderOneStatus) {
  // Five tasks as of 2023-06-30: one done, one in progress (and overdue), three never reported.
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan,
                       "<strong><span data-n=\"total\">5</span> nhiệm vụ</strong>: "
                       "<span class=\"part\"><strong data-n=\"part\" data-key=\"done\">1</strong> hoàn thành</span>, "
                       "<span class=\"part\"><strong data-n=\"part\" data-key=\"in-progress\">1</strong> đang thực hiện</span>, "
                       "<span class=\"part\"><strong data-n=\"part\" data-key=\"no-report\">3</strong> chưa có báo cáo</span>."))
      << plan;
  // Overdue is said to be a part of the unfinished tasks, and leads to them.
  EXPECT_TRUE(contains(plan, "Trong số chưa hoàn thành, <a href=\"#loc-qua-han\"><strong data-n=\"subset\" data-key=\"overdue\">1</strong> nhiệm vụ</a>"));
  // The rows carry what the filters need.
  EXPECT_TRUE(contains(plan, "class=\"row-task row-task--overdue\" data-status=\"in-progress\""));
  EXPECT_TRUE(contains(plan, "class=\"row-task\" data-status=\"done\""));
  EXPECT_FALSE(contains(plan, "đã kết thúc")) << "the year 2023 is not over on 2023-06-30";
  // By part of the plan: section I holds the done task and the overdue one; II the other three.
  EXPECT_TRUE(contains(plan, "<tr data-sum=\"part\"><th scope=\"row\"><span class=\"section-num\">I</span> Công tác chỉ đạo"
                             "<progress max=\"100\" value=\"50\" aria-hidden=\"true\"></progress></th>"
                             "<td data-n=\"total\">2</td><td data-n=\"part\" data-key=\"done\">1</td><td data-n=\"part\">1</td>"
                             "<td data-n=\"part\" data-key=\"cancelled\">0</td><td data-n=\"subset\" data-key=\"overdue\">1</td></tr>"))
      << plan;
  EXPECT_TRUE(contains(plan, "<tr data-sum=\"part\"><th scope=\"row\"><span class=\"section-num\">II</span> Kiểm soát TTHC<progress"));
  // The summary and the table come before the plan's text.
  EXPECT_LT(plan.find("id=\"tom-tat\""), plan.find("<table class=\"tasks\">"));
  EXPECT_LT(plan.find("<table class=\"tasks\">"), plan.find("<section id=\"van-ban\""));
}

TEST_F(SiteRendererTest, AFinishedPlanYearSaysSo) {
  facts_.as_of = Date{2024, 3, 1};
  // A recurring task still in progress when the year ended: no deadline, so never overdue.
  facts_.plans[0].tasks[4].reported = true;
  facts_.plans[0].tasks[4].status = TaskStatus::kInProgress;
  files_ = render_site(portal_, facts_, theme_, options_, &errors_);
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "<strong>Năm kế hoạch 2023 đã kết thúc</strong>: 2 nhiệm vụ chưa hoàn thành khi hết năm, "
                             "2 nhiệm vụ không có báo cáo tiến độ nào.")) << plan;
  EXPECT_TRUE(contains(plan, "<strong class=\"tag tag--no-report\">Không có báo cáo</strong>"));
  EXPECT_TRUE(contains(plan, "<strong class=\"tag tag--ended\">Hết năm chưa hoàn thành</strong>"));
  EXPECT_FALSE(contains(page("ha-tinh/huong-son/son-lam/ke-hoach/2024/index.html"), "đã kết thúc"));
  // The unit's list of plans says which years are over.
  std::string unit = page("ha-tinh/huong-son/son-lam/index.html");
  EXPECT_TRUE(contains(unit, "1/5 nhiệm vụ hoàn thành · năm kế hoạch đã kết thúc</span>")) << unit;
}

TEST_F(SiteRendererTest, ADutyWithNoEndDoesNotEndWithThePlanYear) {
  facts_.as_of = Date{2024, 3, 1};
  portal_.plans[0].tasks[4].timeframe = "Năm 2023 và các năm tiếp theo";
  facts_.plans[0].tasks[4].timeframe = parse_timeframe(portal_.plans[0].tasks[4].timeframe, 2023);
  facts_.plans[0].tasks[4].reported = true;
  facts_.plans[0].tasks[4].status = TaskStatus::kInProgress;
  files_ = render_site(portal_, facts_, theme_, options_, &errors_);
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "Năm 2023 và các năm tiếp theo <span class=\"tf-summary\">(hằng năm kể từ năm 2023)</span>"))
      << plan;
  // Its row, and only its row, carries no "year over, not finished" tag.
  const std::string id = "<tr id=\"" + task_anchor(portal_.plans[0].tasks[4]) + "\"";
  const size_t row = plan.find(id);
  ASSERT_NE(row, std::string::npos);
  const std::string row_html = plan.substr(row, plan.find("</tr>", row) - row);
  EXPECT_FALSE(contains(row_html, "Hết năm chưa hoàn thành")) << row_html;
  EXPECT_FALSE(contains(row_html, "tag--overdue")) << row_html;
  EXPECT_TRUE(contains(plan, "Hết năm chưa hoàn thành")) << "the unreported tasks still say it";
}

TEST_F(SiteRendererTest, ATimeframeNotReadSaysSo) {
  portal_.plans[0].tasks[4].timeframe = "Chưa xác định thời gian";
  facts_.plans[0].tasks[4].timeframe = parse_timeframe(portal_.plans[0].tasks[4].timeframe, 2023);
  files_ = render_site(portal_, facts_, theme_, options_, &errors_);
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "Chưa xác định thời gian <span class=\"tf-summary\">(chưa đọc được hạn)</span>"))
      << plan;
  // An empty timeframe is not a text to read.
  EXPECT_EQ(portal_.plans[0].tasks[2].timeframe, "");
  EXPECT_EQ(plan.find("chưa đọc được hạn"), plan.rfind("chưa đọc được hạn"));
}

TEST_F(SiteRendererTest, EveryPageHasADescriptionAndAPreviewAndWaysToReportAProblem) {
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "<meta name=\"description\" content=\"Kế hoạch số 28/KH-UBND của xã Sơn Lâm, năm 2023: "
                             "5 nhiệm vụ, 1 hoàn thành, 1 quá hạn (tính đến 30/06/2023).\">"))
      << plan;
  EXPECT_TRUE(contains(plan, "<meta property=\"og:title\" content=\"Kế hoạch số 28/KH-UBND – xã Sơn Lâm – Công khai &lt;b&gt;TTHC&lt;/b&gt;\">"));
  EXPECT_FALSE(contains(plan, "og:image")) << "no absolute address without a base_url";
  for (const OutputFile& f : files_)
    if (f.path.ends_with(".html")) {
      EXPECT_TRUE(contains(f.bytes, "<meta name=\"description\" content=\"")) << f.path;
      EXPECT_TRUE(contains(f.bytes, "<meta property=\"og:description\" content=\"")) << f.path;
      EXPECT_TRUE(contains(f.bytes, "Giải thích từ ngữ</a>")) << f.path;
    }
  // No unit on the way up has an e-mail: the problem goes to the accessibility statement.
  EXPECT_TRUE(contains(plan, "<a href=\"../../../../../gioi-thieu/index.html#bao-loi\">Báo lỗi trên trang này</a>"));
  portal_.site.base_url = "https://congkhai.example.vn";
  portal_.units[2].contact.email = "ubnd@sonlam.example.vn";
  files_ = render_site(portal_, facts_, theme_, options_, &errors_);
  plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "<meta property=\"og:image\" content=\"https://congkhai.example.vn/assets/chia-se.png" + version_of("chia-se.png") + "\">"));
  EXPECT_TRUE(contains(plan, "<meta property=\"og:url\" content=\"https://congkhai.example.vn/ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html\">"));
  EXPECT_TRUE(contains(plan, "<a href=\"mailto:ubnd@sonlam.example.vn?subject=B%C3%A1o%20l%E1%BB%97i%20trang%3A%20"));
  EXPECT_TRUE(contains(page("gioi-thieu/index.html"), "<abbr title=\"thủ tục hành chính\">TTHC</abbr>"));
}

TEST_F(SiteRendererTest, UnitPageAnswersWhatIsLateWhatIsNewAndWhomToAsk) {
  std::string unit = page("ha-tinh/huong-son/son-lam/index.html");
  // The overdue count leads to the overdue tasks, each one click from its row.
  EXPECT_TRUE(contains(unit, "<a href=\"#qua-han\"><strong data-n=\"subset\" data-key=\"overdue\">1</strong> nhiệm vụ</a>"));
  EXPECT_TRUE(contains(unit, "<h2 id=\"qua-han-h\">Nhiệm vụ quá hạn (1)</h2>"));
  EXPECT_TRUE(contains(unit, "<a href=\"ke-hoach/2023/index.html#nv-tap-huan\">I › 3 Tổ chức tập huấn:</a> <strong class=\"tag tag--overdue\">Quá hạn 12 ngày</strong>"))
      << unit;
  // The latest updates: the report and both progress entries, newest first.
  size_t updates = unit.find("<h2 id=\"cap-nhat-h\">Cập nhật mới nhất</h2>");
  ASSERT_NE(updates, std::string::npos);
  EXPECT_LT(unit.find("bao-cao/2023-q1/index.html", updates), unit.find("ke-hoach/2023/index.html#nv-xay-dung-ke-hoach", updates));
  // Whom to ask comes before the figures.
  EXPECT_LT(unit.find("class=\"contact-box\""), unit.find("id=\"tinh-hinh-h\""));
  EXPECT_FALSE(contains(unit, "chưa công bố kế hoạch năm 2023"));

  // A district without plans of its own: this year's plan is missing, the plans are below.
  std::string district = page("ha-tinh/huong-son/index.html");
  EXPECT_TRUE(contains(district, "huyện Hương Sơn chưa công bố kế hoạch năm 2023 trên trang này."));
  EXPECT_TRUE(contains(district, "không có kế hoạch riêng trên trang này; các kế hoạch và số liệu ở trên là của các đơn vị trực thuộc."));
  EXPECT_FALSE(contains(district, "Đơn vị chưa công bố kế hoạch nào"));
  // The home page lists every unit down to the communes.
  EXPECT_TRUE(contains(page("index.html"), "<a class=\"commune-link\" href=\"ha-tinh/huong-son/son-lam/index.html\">xã Sơn Lâm</a>"));
}

TEST_F(SiteRendererTest, PlanHeaderAndDocument) {
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "<dd>Số: 28/KH-UBND</dd>"));
  EXPECT_TRUE(contains(plan, "<dd>Sơn Lâm, ngày 03 tháng 03 năm 2023</dd>"));
  EXPECT_TRUE(contains(plan, "<a href=\"https://vanban.chinhphu.vn/61\">Nghị định số 61/2018/NĐ-CP</a>"));
  EXPECT_TRUE(contains(plan, "<span class=\"signer-capacity\">KT. Chủ tịch</span>"));
  EXPECT_TRUE(contains(plan, "<p class=\"signer-name\">Phan Thanh Nam</p>"));
  EXPECT_TRUE(contains(plan, "<li>Lưu: VT.</li>"));
  EXPECT_TRUE(contains(plan, "<h3 id=\"i-muc-dich-yeu-cau\">I. Mục đích, yêu cầu</h3>"));
  // The data of the commune's plans, this one among them, in one file.
  EXPECT_TRUE(contains(plan, "<link rel=\"alternate\" type=\"application/json\" title=\"Dữ liệu các kế hoạch của xã Sơn Lâm (JSON)\" href=\"../../du-lieu/ke-hoach.json\">"));
  EXPECT_TRUE(contains(plan, "<a href=\"../../du-lieu/ke-hoach.json\" type=\"application/json\">Tải dữ liệu các kế hoạch của xã Sơn Lâm (tệp JSON)</a>"));

  std::string blank = page("ha-tinh/huong-son/son-lam/ke-hoach/2024/index.html");
  EXPECT_TRUE(contains(blank, "<dd>Số: /KH-UBND <span class=\"muted\">(văn bản không ghi số)</span></dd>"));
  EXPECT_TRUE(contains(blank, "<dd>Sơn Lâm, ngày … tháng 01 năm 2024 <span class=\"muted\">(văn bản không ghi ngày)</span></dd>"));
  EXPECT_TRUE(contains(blank, "<title>Kế hoạch năm 2024 – xã Sơn Lâm"));
}

TEST_F(SiteRendererTest, HeaderFieldsNotInTheCopyReadUnknownNotBlank) {
  auto lacking = [](Portal& p) {
    Plan& plan = p.plans[0];
    plan.not_in_copy = {true, true, true, true, true};
    plan.number.clear();
    plan.date.reset();
    plan.place.clear();
    plan.issuer.clear();
    plan.signer.name.clear();
  };
  std::string plan = page_of(lacking, "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  EXPECT_TRUE(contains(plan, "<dt>Số văn bản</dt><dd>Không rõ <span class=\"muted\">(bản đăng tải không có phần này)</span></dd>"));
  EXPECT_TRUE(contains(plan, "<dt>Ngày ban hành</dt><dd>Không rõ <span class=\"muted\">(bản đăng tải không có phần này)</span></dd>"));
  EXPECT_TRUE(contains(plan, "Bản đăng tải không có các phần sau của văn bản: số văn bản, ngày ban hành, địa danh, cơ quan ban hành, tên người ký.</p>"));
  EXPECT_TRUE(contains(plan, "cơ quan ban hành: không rõ (bản đăng tải không có phần này)"));
  EXPECT_TRUE(contains(plan, "<p class=\"signer-name\"><span class=\"muted\">(tên người ký: bản đăng tải không có phần này)</span></p>"));
  EXPECT_FALSE(contains(plan, "không ghi số"));
  EXPECT_FALSE(contains(plan, "không ghi ngày"));
  EXPECT_FALSE(contains(plan, "không ghi tên người ký"));
  EXPECT_TRUE(contains(plan, "<title>Kế hoạch năm 2023 – xã Sơn Lâm"));
  // Where the plan is listed, the same.
  std::string unit = page_of(lacking, "ha-tinh/huong-son/son-lam/index.html");
  EXPECT_TRUE(contains(unit, "Bản đăng tải không có số, ngày ban hành · "));
  EXPECT_FALSE(contains(unit, "Kế hoạch số"));

  // A date never given says nothing about the document either.
  std::string undated = page_of([](Portal& p) { p.plans[0].date.reset(); },
                                "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  EXPECT_TRUE(contains(undated, "<dt>Ngày ban hành</dt><dd>Không rõ</dd>"));
}

TEST_F(SiteRendererTest, ListsSayWhenTheNumberIsPrintedBlank) {
  std::string unit = page("ha-tinh/huong-son/son-lam/index.html");
  EXPECT_TRUE(contains(unit, "Văn bản không ghi số · "));
}

TEST_F(SiteRendererTest, TheTableKeepsItsPrintedColumnHeadings) {
  std::string own = plan_page_html();
  EXPECT_TRUE(contains(own, "<th scope=\"col\" class=\"c-num\">STT</th>"));
  EXPECT_TRUE(contains(own, "<th scope=\"col\">Thời gian thực hiện</th>"));
  std::string printed = page_of(
      [](Portal& p) {
        p.plans[0].columns.number = "TT";
        p.plans[0].columns.lead = "Bộ phận chủ trì";
        p.plans[0].columns.output = "Kết quả";
        p.plans[0].columns.timeframe = "Thời hạn hoàn thành";
      },
      "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  EXPECT_TRUE(contains(printed, "<th scope=\"col\" class=\"c-num\">TT</th>"));
  EXPECT_TRUE(contains(printed, "<th scope=\"col\">Bộ phận chủ trì</th>"));
  EXPECT_TRUE(contains(printed, "<th scope=\"col\">Kết quả</th>"));
  EXPECT_TRUE(contains(printed, "<th scope=\"col\">Thời hạn hoàn thành</th>"));
  EXPECT_TRUE(contains(printed, "<th scope=\"col\">Cơ quan phối hợp</th>"));  // not given: the portal's own
  EXPECT_FALSE(contains(printed, "<th scope=\"col\">Dự kiến sản phẩm</th>"));
}

TEST_F(SiteRendererTest, TheTableStandsWhereTheBodyMarksIt) {
  std::string page = page_of(
      [](Portal& p) {
        p.plans[0].body = "## I. Mục đích\n\nVăn bản.\n\n## II. Nội dung cụ thể\n\n[[bảng nhiệm vụ]]\n\n## III. Tổ chức thực hiện\n\nCác bộ phận.\n";
        p.plans[0].table_marker = 6;
      },
      "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  size_t part2 = page.find("II. Nội dung cụ thể</h3>");
  size_t table = page.find("<table class=\"tasks\">");
  size_t part3 = page.find("III. Tổ chức thực hiện</h3>");
  size_t signer = page.find("<div class=\"signer\">");
  size_t targets = page.find("<section id=\"chi-tieu\"");
  ASSERT_NE(part2, std::string::npos);
  ASSERT_NE(table, std::string::npos);
  EXPECT_LT(part2, table);
  EXPECT_LT(table, part3);
  EXPECT_LT(part3, signer);
  EXPECT_LT(signer, targets);  // the document, with its table, comes first
  EXPECT_EQ(page.find("<table class=\"tasks\">", table + 1), std::string::npos);  // once
  EXPECT_TRUE(contains(page, "<h4 id=\"nhiem-vu-h\">Bảng nhiệm vụ</h4>"));
  EXPECT_FALSE(contains(page, "[[bảng nhiệm vụ]]"));

  std::string appendix = plan_page_html();
  EXPECT_TRUE(contains(appendix, "<h2 id=\"nhiem-vu-h\">Bảng nhiệm vụ</h2>"));
  EXPECT_LT(appendix.find("<table class=\"tasks\">"), appendix.find("<section id=\"van-ban\""));
}

TEST_F(SiteRendererTest, TargetsWithLatestFigureAndResult) {
  std::string plan = plan_page_html();
  EXPECT_TRUE(contains(plan, "<li class=\"target target--not-met\" id=\"ct-ho-so-truc-tuyen\">"));
  EXPECT_TRUE(contains(plan, "<dd>tối thiểu 60%</dd>"));
  EXPECT_TRUE(contains(plan, "<dd>41,5% (ngày 31/03/2023)</dd>"));
  EXPECT_TRUE(contains(plan, "<strong class=\"tag tag--not-met\">Chưa đạt</strong>"));
  // The latest figure against the goal, as an SVG bar 100 units long.
  EXPECT_TRUE(contains(plan, "<rect class=\"bar-fill\" width=\"41.5\" height=\"10\""));
  EXPECT_TRUE(contains(plan, "<rect class=\"bar-goal\" x=\"59.5\" width=\"1\" height=\"10\""));
  // A task's progress: its figure, and a bar that screen readers skip.
  EXPECT_TRUE(contains(plan, "<span class=\"percent\">40%</span><progress max=\"100\" value=\"40\" aria-hidden=\"true\"></progress>"));
  EXPECT_TRUE(contains(plan, "Nhiệm vụ: <a href=\"#nv-tap-huan\">I › 3 Tổ chức tập huấn:</a>"));
}

TEST_F(SiteRendererTest, TargetChartHasAPointPerMeasurementAndATextEquivalent) {
  std::string plan = plan_page_html();
  size_t at = plan.find("<svg class=\"chart\"");
  ASSERT_NE(at, std::string::npos);
  std::string svg = plan.substr(at, plan.find("</svg>", at) + 6 - at);
  EXPECT_TRUE(contains(svg, "role=\"img\"><title>Biểu đồ Tỷ lệ hồ sơ trực tuyến: 1 số liệu, ngày 31/03/2023: 41,5%; mục tiêu tối thiểu 60%.</title>"));
  // The plan's year spans the width: 31 March is day 89 of 364; 41.5% of the height.
  std::regex circle("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"");
  std::vector<std::pair<std::string, std::string>> points;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), circle); it != std::sregex_iterator(); ++it)
    points.emplace_back((*it)[1], (*it)[2]);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0].first, "108.5");
  EXPECT_EQ(points[0].second, "90.9");
  EXPECT_TRUE(contains(svg, ">Mục tiêu 60%</text>"));
  // The measurements stay listed as text.
  EXPECT_TRUE(contains(plan, "<li><time datetime=\"2023-03-31\">31/03/2023</time>: 41,5%"));

  // A second measurement is a second point, joined by a line.
  Measurement later = portal_.progress[0].measurements[0];
  later.date = Date{2023, 6, 30};
  later.value = 58;
  later.value_text = "58";
  portal_.progress[0].measurements.push_back(later);
  facts_.measurements.push_back({0, 1, 0});
  facts_.plans[0].targets[0].measurements = {0, 1};
  Diagnostics errors;
  OutputFiles files = render_site(portal_, facts_, theme_, options_, &errors);
  auto it = std::find_if(files.begin(), files.end(), [](const OutputFile& f) {
    return f.path == "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html";
  });
  ASSERT_NE(it, files.end());
  std::string html = it->bytes;
  EXPECT_EQ(std::distance(std::sregex_iterator(html.begin(), html.end(), circle), std::sregex_iterator()), 2);
  EXPECT_TRUE(contains(html, "<polyline class=\"chart-line\""));
  EXPECT_TRUE(contains(html, "2 số liệu, từ 41,5% ngày 31/03/2023 đến 58% ngày 30/06/2023"));
}

TEST_F(SiteRendererTest, ASourceOfEveryMeasurementIsNamedOnce) {
  auto measurements = [&](const std::string& first_source, const std::string& second_source) {
    Portal portal = testing::test_portal();
    portal.progress[0].measurements[0].source_note = first_source;
    Measurement later = portal.progress[0].measurements[0];
    later.date = Date{2023, 6, 30};
    later.value = 58;
    later.value_text = "58";
    later.source_note = second_source;
    portal.progress[0].measurements.push_back(later);
    PortalFacts facts = testing::test_facts(portal);
    facts.measurements.push_back({0, 1, 0});
    facts.plans[0].targets[0].measurements = {0, 1};
    Diagnostics errors;
    for (const OutputFile& f : render_site(portal, facts, theme_, options_, &errors))
      if (f.path == "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html") {
        size_t from = f.bytes.find("<details class=\"measurements\">");
        return f.bytes.substr(from, f.bytes.find("</details>", from) - from);
      }
    return std::string();
  };
  std::string same = measurements("Hệ thống một cửa", "Hệ thống một cửa");
  EXPECT_TRUE(contains(same, "<li><time datetime=\"2023-03-31\">31/03/2023</time>: 41,5%</li>")) << same;
  EXPECT_TRUE(contains(same, "</ul>\n<p class=\"muted\">Nguồn của cả 2 số liệu: Hệ thống một cửa</p>")) << same;
  EXPECT_FALSE(contains(same, "(nguồn:")) << same;
  std::string two = measurements("Hệ thống một cửa", "Sổ theo dõi");
  EXPECT_TRUE(contains(two, "41,5% <span class=\"muted\">(nguồn: Hệ thống một cửa)</span></li>")) << two;
  EXPECT_TRUE(contains(two, "58% <span class=\"muted\">(nguồn: Sổ theo dõi)</span></li>")) << two;
  EXPECT_FALSE(contains(two, "Nguồn của cả")) << two;
  std::string some = measurements("Hệ thống một cửa", "");
  EXPECT_TRUE(contains(some, "41,5% <span class=\"muted\">(nguồn: Hệ thống một cửa)</span></li>")) << some;
  EXPECT_FALSE(contains(some, "Nguồn của cả")) << some;
}

TEST_F(SiteRendererTest, NoPageHasAStyleAttribute) {
  // The Content-Security-Policy allows styles from the site's own stylesheet only.
  std::regex style_attr("<[^>]*\\sstyle\\s*=", std::regex::icase);
  size_t pages = 0;
  for (const OutputFile& f : files_) {
    if (f.path.size() < 5 || f.path.compare(f.path.size() - 5, 5, ".html") != 0) continue;
    ++pages;
    EXPECT_FALSE(std::regex_search(f.bytes, style_attr)) << f.path;
    EXPECT_FALSE(contains(f.bytes, "<style")) << f.path;
  }
  EXPECT_GT(pages, 8u);
}

TEST_F(SiteRendererTest, UnitPagesCountTheirSubUnitsTasks) {
  // The district has no plan of its own: its figures are its commune's two plans.
  std::string district = page("ha-tinh/huong-son/index.html");
  EXPECT_TRUE(contains(district, "<h3 class=\"progress-heading\">Nhiệm vụ: <span data-n=\"total\">10</span></h3>"));
  EXPECT_TRUE(contains(district, "Hoàn thành: <strong data-n=\"part\" data-key=\"done\">1</strong> (10%)"));
  EXPECT_TRUE(contains(district, "Đang thực hiện: <strong data-n=\"part\" data-key=\"in-progress\">1</strong> (10%)"));
  EXPECT_TRUE(contains(district, "Chưa có báo cáo: <strong data-n=\"part\" data-key=\"no-report\">8</strong> (80%)"));
  EXPECT_TRUE(contains(district, "Trong số đó <strong class=\"tag tag--overdue\">Quá hạn</strong> <a href=\"#qua-han\"><strong data-n=\"subset\" data-key=\"overdue\">1</strong> nhiệm vụ</a> (10%"))
      << "the commune's overdue task";
  EXPECT_TRUE(contains(district, "Chưa đạt: <strong data-n=\"part\" data-key=\"not-met\">1</strong> (100%)"));
  // The stacked bar repeats the legend: done from 0 for 10 units (less a gap), then in progress.
  EXPECT_TRUE(contains(district, "<rect class=\"stack-part stack-part--done\" x=\"0\" width=\"9.6\" height=\"10\"/>"));
  EXPECT_TRUE(contains(district, "<rect class=\"stack-part stack-part--in-progress\" x=\"10\" width=\"9.6\""));
  EXPECT_TRUE(contains(district, "<rect class=\"stack-part stack-part--no-report\" x=\"20\" width=\"80\""));
  EXPECT_TRUE(contains(district, "<th scope=\"row\"><a href=\"son-lam/index.html\">xã Sơn Lâm</a></th>"));
  // The row of the commune: done, unfinished and cancelled add up to its tasks.
  EXPECT_TRUE(contains(district, "<td data-n=\"total\">10</td>"
                                 "<td><span data-n=\"part\">1</span> <span class=\"muted\">(10%)</span></td>"
                                 "<td data-n=\"part\">9</td>"
                                 "<td data-n=\"part\">0</td>"))
      << district;
  EXPECT_TRUE(contains(district, "<strong class=\"overdue-count\" data-n=\"subset\">1</strong>"));

  std::string home = page("index.html");
  EXPECT_TRUE(contains(home, "<h3 class=\"progress-heading\">Nhiệm vụ: <span data-n=\"total\">10</span></h3>"));
  EXPECT_TRUE(contains(home, "<th scope=\"row\"><a href=\"ha-tinh/index.html\">tỉnh Hà Tĩnh</a></th>"));
}

TEST_F(SiteRendererTest, UnitPagesLinkTheirFeed) {
  std::string unit = page("ha-tinh/huong-son/son-lam/index.html");
  EXPECT_TRUE(contains(unit, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Cập nhật của xã Sơn Lâm\" href=\"feed.xml\">"));
  EXPECT_TRUE(contains(unit, "<a href=\"feed.xml\" type=\"application/atom+xml\">"));
  std::string home = page("index.html");
  EXPECT_TRUE(contains(home, "<link rel=\"alternate\" type=\"application/atom+xml\""));
  EXPECT_TRUE(contains(home, "href=\"feed.xml\">"));
}

TEST_F(SiteRendererTest, UpdatesPageListsTheNewestFirst) {
  // A report dated after the reference date is not news yet.
  Report later = portal_.reports[0];
  later.id = "2023-q3";
  later.title = "Báo cáo quý III";
  later.date = Date{2023, 10, 5};
  portal_.reports.push_back(later);
  portal_.units[2].reports.push_back(1);
  facts_.plans[0].reports.push_back(1);
  Diagnostics errors;
  files_ = render_site(portal_, facts_, theme_, options_, &errors);
  std::string updates = page("cap-nhat/index.html");
  EXPECT_TRUE(contains(updates, "<title>Cập nhật mới – "));
  EXPECT_TRUE(contains(updates, "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Cập nhật của Công khai &lt;b&gt;TTHC&lt;/b&gt;\" href=\"../feed.xml\">"));
  EXPECT_FALSE(contains(updates, "Báo cáo quý III"));
  std::vector<std::string> expected = {
      "<a href=\"../ha-tinh/huong-son/son-lam/bao-cao/2023-q1/index.html\">Báo cáo quý I",
      "<time datetime=\"2023-03-06\">06/03/2023</time>",
      "<a href=\"../ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-xay-dung-ke-hoach\">I › 1 Xây dựng Kế hoạch",
      "<strong class=\"tag tag--done\">Hoàn thành</strong> <span class=\"percent\">100%</span>",
      "<a href=\"../ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html#nv-tap-huan\">I › 3 Tổ chức tập huấn:",
      "<strong class=\"tag tag--in-progress\">Đang thực hiện</strong>"};
  size_t at = 0;
  for (const std::string& s : expected) {
    size_t found = updates.find(s, at);
    ASSERT_NE(found, std::string::npos) << "not found in order: " << s;
    at = found + s.size();
  }
  // Linked from every page's footer and from the home page.
  EXPECT_TRUE(contains(page("index.html"), "<a href=\"cap-nhat/index.html\">Xem các cập nhật"));
  EXPECT_TRUE(contains(plan_page_html(), "<a href=\"../../../../../cap-nhat/index.html\">Cập nhật mới</a>"));
}

TEST(LatestUpdatesTest, NewestFirstWithAFixedOrderForTies) {
  Portal portal = testing::test_portal();
  PortalFacts facts = testing::test_facts(portal);
  // A third entry on the report's day, and the second entry moved to a later day.
  ProgressEntry same_day = portal.progress[0].entries[0];
  same_day.date = Date{2023, 4, 5};
  portal.progress[0].entries.push_back(same_day);
  facts.entries.push_back({0, 2, 0});
  portal.progress[0].entries[1].date = Date{2023, 5, 0};  // May 2023: counts from 31 May
  std::vector<Update> u = latest_updates(portal, facts, 10);
  ASSERT_EQ(u.size(), 4u);
  EXPECT_EQ(u[0].kind, Update::Kind::kProgress);
  EXPECT_EQ(u[0].index, 1) << "the May entry";
  EXPECT_EQ(u[1].kind, Update::Kind::kReport) << "a report before an entry of the same day";
  EXPECT_EQ(u[2].kind, Update::Kind::kProgress);
  EXPECT_EQ(u[2].index, 2);
  EXPECT_EQ(u[3].index, 0);
  EXPECT_EQ(latest_updates(portal, facts, 2).size(), 2u);
}

// latest_updates keeps the first of every update as a stable sort, newest day first, would
// order them, without sorting them: the same list, for many updates with many ties and some
// naming no task.
TEST(LatestUpdatesTest, TheFirstOfEveryUpdateSorted) {
  Portal portal = testing::test_portal();
  PortalFacts facts = testing::test_facts(portal);
  unsigned seed = 7;
  auto next = [&seed](unsigned n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int i = 0; i < 400; ++i) {
    ProgressEntry e = portal.progress[0].entries[i % 2];
    e.date = Date{2023, 1 + static_cast<int>(next(6)), static_cast<int>(next(4))};  // day 0: the month's end
    if (next(7) == 0) e.task = "khong-co";
    portal.progress[0].entries.push_back(e);
    facts.entries.push_back({0, static_cast<int>(portal.progress[0].entries.size()) - 1, 0});
  }
  for (int i = 0; i < 30; ++i) {
    Report r = portal.reports[0];
    r.date = Date{2023, 1 + static_cast<int>(next(6)), 1 + static_cast<int>(next(3))};
    portal.reports.push_back(r);
  }
  portal.reports[3].unit = -1;  // a report of no unit is left out
  auto day = [](const Date& d) {
    return d.day ? days_from_civil(d) : days_from_civil(end_of_month(d.year, d.month));
  };
  std::vector<Update> all;
  for (std::size_t i = 0; i < portal.reports.size(); ++i)
    if (portal.reports[i].unit >= 0) all.push_back({Update::Kind::kReport, static_cast<int>(i), portal.reports[i].date});
  for (std::size_t i = 0; i < facts.entries.size(); ++i) {
    const ProgressEntry& e = portal.progress[0].entries[facts.entries[i].index];
    if (find_task(portal.plans[0], e.task)) all.push_back({Update::Kind::kProgress, static_cast<int>(i), e.date});
  }
  std::stable_sort(all.begin(), all.end(), [&](const Update& a, const Update& b) { return day(a.date) > day(b.date); });
  for (std::size_t limit : {0u, 1u, 5u, 60u, 1000u}) {
    const std::vector<Update> got = latest_updates(portal, facts, limit);
    ASSERT_EQ(got.size(), std::min(limit, all.size())) << limit;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].kind, all[i].kind) << limit << " " << i;
      EXPECT_EQ(got[i].index, all[i].index) << limit << " " << i;
    }
  }
}

TEST_F(SiteRendererTest, LinksAreRelativeAndExplicit) {
  std::string plan = plan_page_html();
  const std::string up = "../../../../../";
  EXPECT_TRUE(contains(plan, "<html lang=\"vi\" data-root=\"" + up + "\" data-area=\"ha-tinh/huong-son/son-lam\" data-versions=\"assets/search-words.js" +
                             version_of("search-words.js") + " assets/search-core.js" + version_of("search-core.js") +
                             " tim-kiem/chi-muc?f=6\">"));
  EXPECT_TRUE(contains(plan, "<link rel=\"stylesheet\" href=\"" + up + "assets/style.css" + version_of("style.css") + "\">"));
  EXPECT_TRUE(contains(plan, "<script src=\"" + up + "assets/search.js" + version_of("search.js") + "\" defer></script>"));
  EXPECT_TRUE(contains(plan, "<link rel=\"icon\" href=\"" + up + "assets/favicon.svg" + version_of("favicon.svg") + "\""));
  EXPECT_TRUE(contains(plan, "<a class=\"site-title\" href=\"" + up + "index.html\">"));
  EXPECT_TRUE(contains(plan, "action=\"" + up + "tim-kiem/index.html\" method=\"get\""));
  EXPECT_TRUE(contains(plan, "<a href=\"../../index.html\">xã Sơn Lâm</a>"));
  EXPECT_TRUE(contains(plan, "<a href=\"../../../index.html\">huyện Hương Sơn</a>"));
  EXPECT_TRUE(contains(plan, "<span aria-current=\"page\">Kế hoạch số 28/KH-UBND</span>"));
  EXPECT_TRUE(contains(plan, "<a href=\"../../bao-cao/2023-q1/index.html\">"));
  EXPECT_TRUE(contains(plan, "<a href=\"../../../../../tep/ha-tinh/huong-son/son-lam/progress/files/kh-28.pdf\">Bản scan</a>"));

  std::string report = report_page_html();
  EXPECT_TRUE(contains(report, "<a href=\"../../ke-hoach/2023/index.html#nv-xay-dung-ke-hoach\">I › 1 Xây dựng Kế hoạch"));
  EXPECT_TRUE(contains(report, "<a href=\"../../ke-hoach/2023/index.html#ct-ho-so-truc-tuyen\">Tỷ lệ hồ sơ trực tuyến</a>"));
  EXPECT_TRUE(contains(report, "<a href=\"../../../../../tep/ha-tinh/huong-son/son-lam/reports/bao-cao-q1.pdf\">Báo cáo (bản ký)</a> <span class=\"muted\">(PDF, 1,2 MB)</span>"));
  EXPECT_TRUE(contains(report, "<dd>quý I năm 2023</dd>"));

  std::string home = page("index.html");
  EXPECT_TRUE(contains(home, "data-root=\"\" data-area=\"\""));
  EXPECT_TRUE(contains(home, "href=\"assets/style.css" + version_of("style.css") + "\""));
  EXPECT_TRUE(contains(home, "<a href=\"ha-tinh/huong-son/index.html\">huyện Hương Sơn</a>"));
  EXPECT_TRUE(contains(home, "<a href=\"ha-tinh/huong-son/son-lam/ke-hoach/2024/index.html\">Kế hoạch năm 2024</a>"));

  // No link anywhere leaves the site by an absolute path or ends at a folder.
  std::regex href("href=\"([^\"]*)\"");
  for (const OutputFile& f : files_) {
    if (f.path == "404.html" || f.bytes.empty()) continue;
    for (auto it = std::sregex_iterator(f.bytes.begin(), f.bytes.end(), href); it != std::sregex_iterator(); ++it) {
      std::string link = (*it)[1];
      if (link.rfind("http", 0) == 0 || link.rfind("mailto:", 0) == 0 || link.rfind("tel:", 0) == 0 || link[0] == '#')
        continue;
      EXPECT_NE(link[0], '/') << f.path << ": " << link;
      std::string target = link.substr(0, link.find('#'));
      EXPECT_NE(target.back(), '/') << f.path << ": " << link;
    }
  }
}

TEST_F(SiteRendererTest, EveryPageHasTheFrame) {
  for (const OutputFile& f : files_) {
    if (f.path.size() < 5 || f.path.compare(f.path.size() - 5, 5, ".html") != 0) continue;
    const std::string& html = f.bytes;
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"vi\"", 0), 0u) << f.path;
    EXPECT_TRUE(contains(html, "<a class=\"skip-link\" href=\"#noi-dung-chinh\">")) << f.path;
    EXPECT_TRUE(contains(html, "<main id=\"noi-dung-chinh\"")) << f.path;
    EXPECT_TRUE(contains(html, "Số liệu tiến độ trên trang này là số liệu minh hoạ.")) << f.path;
    EXPECT_TRUE(contains(html, "Số liệu tính đến ngày <time datetime=\"2023-06-30\">30/06/2023</time>")) << f.path;
    EXPECT_TRUE(contains(html, "<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>")) << f.path;
    EXPECT_TRUE(contains(html, "<label for=\"q\">Tìm kiếm</label>")) << f.path;
    EXPECT_TRUE(contains(html, "<meta name=\"generator\" content=\"Công khai 0.1.0\">")) << f.path;
    size_t ids = 0;
    for (size_t at = html.find("id=\"q\""); at != std::string::npos; at = html.find("id=\"q\"", at + 1)) ++ids;
    EXPECT_EQ(ids, 1u) << f.path;
  }
}

TEST_F(SiteRendererTest, NoticeLeftOutWhenNotSet) {
  portal_.site.sample_data_notice.clear();
  Diagnostics errors;
  OutputFiles files = render_site(portal_, facts_, theme_, options_, &errors);
  for (const OutputFile& f : files) EXPECT_FALSE(contains(f.bytes, "sample-notice")) << f.path;
}

TEST_F(SiteRendererTest, UnitPage) {
  std::string unit = page("ha-tinh/huong-son/son-lam/index.html");
  EXPECT_TRUE(contains(unit, "<h1>xã Sơn Lâm</h1>"));
  EXPECT_TRUE(contains(unit, "thuộc <a href=\"../index.html\">huyện Hương Sơn</a>"));
  EXPECT_TRUE(contains(unit, "<a href=\"tel:02393875\">0239 3875 xxx</a>"));
  EXPECT_TRUE(contains(unit, "<strong>Bộ phận Tiếp nhận và Trả kết quả xã Sơn Lâm</strong>"));
  size_t y2024 = unit.find("<h3>Năm 2024</h3>");
  size_t y2023 = unit.find("<h3>Năm 2023</h3>");
  ASSERT_NE(y2024, std::string::npos);
  ASSERT_NE(y2023, std::string::npos);
  EXPECT_LT(y2024, y2023);
  EXPECT_TRUE(contains(unit, "1/5 nhiệm vụ hoàn thành"));
  EXPECT_TRUE(contains(unit, "<strong class=\"tag tag--overdue\">1 nhiệm vụ quá hạn</strong>"));
}

TEST_F(SiteRendererTest, SearchPageHasOneFormAndAResultsRegion) {
  std::string search = page("tim-kiem/index.html");
  EXPECT_TRUE(contains(search, "<form role=\"search\" class=\"site-search\" action=\"index.html\" method=\"get\">"));
  EXPECT_TRUE(contains(search, "<div id=\"search-results\" aria-live=\"polite\"></div>"));
  EXPECT_TRUE(contains(search, "<noscript>"));
  EXPECT_TRUE(contains(search, "data-root=\"../\""));
}

TEST_F(SiteRendererTest, NotFoundPageLinksFromTheSiteRoot) {
  std::string nf = page("404.html");
  EXPECT_TRUE(contains(nf, "href=\"/assets/style.css" + version_of("style.css") + "\""));
  EXPECT_TRUE(contains(nf, "<a href=\"/index.html\">Về trang chủ</a>"));
  EXPECT_TRUE(contains(nf, "data-root=\"/\""));

  portal_.site.base_url = "https://congkhai.example.vn/ha-tinh";
  Diagnostics errors;
  OutputFiles files = render_site(portal_, facts_, theme_, options_, &errors);
  auto it = std::find_if(files.begin(), files.end(), [](const OutputFile& f) { return f.path == "404.html"; });
  ASSERT_NE(it, files.end());
  EXPECT_TRUE(contains(it->bytes, "href=\"https://congkhai.example.vn/ha-tinh/assets/style.css" + version_of("style.css") + "\""));
  EXPECT_TRUE(contains(it->bytes, "<a href=\"https://congkhai.example.vn/ha-tinh/index.html\">Về trang chủ</a>"));
}

// Every page loads its stylesheet and scripts by URLs that carry a version of their bytes,
// and search.js finds the versions of what it loads (and the shards' format) on <html>: a
// browser holding an older copy fetches the new one. The version moves with the bytes only.
TEST_F(SiteRendererTest, AssetUrlsCarryTheVersionOfTheirBytes) {
  fs::path dir = fs::temp_directory_path() / ("congkhai-asset-versions-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(dir);
  fs::create_directories(dir / "theme" / "assets");
  auto write = [&](const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; };
  write(dir / "lunr.min.js", "/* lunr */");
  write(dir / "pako_inflate.min.js", "/* pako */");
  auto build = [&](const std::string& css) {
    write(dir / "theme" / "assets" / "style.css", css);
    Diagnostics errors;
    Theme theme = load_theme({(dir / "theme").generic_string(), CONGKHAI_DEFAULT_THEME_DIR}, &errors);
    RenderOptions options = options_;
    options.asset_versions = asset_versions(theme, {(dir / "lunr.min.js").generic_string(), (dir / "pako_inflate.min.js").generic_string()});
    OutputFiles files = render_site(portal_, facts_, theme, options, &errors);
    for (const Diagnostic& d : errors) ADD_FAILURE() << format_diagnostic(d);
    return files;
  };
  auto get = [](const OutputFiles& files, const std::string& path) {
    auto it = std::find_if(files.begin(), files.end(), [&](const OutputFile& f) { return f.path == path; });
    return it == files.end() ? OutputFile{} : *it;
  };
  const std::string v1 = "?v=" + hash_bytes("body { color: #111 }").hex().substr(0, 10);
  const std::string v2 = "?v=" + hash_bytes("body { color: #222 }").hex().substr(0, 10);
  ASSERT_NE(v1, v2);
  OutputFiles first = build("body { color: #111 }");
  OutputFiles again = build("body { color: #111 }");
  OutputFiles edited = build("body { color: #222 }");
  fs::remove_all(dir);

  const std::string plan_path = "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html";
  const std::string up = "../../../../../";
  const std::string plan = get(first, plan_path).bytes;
  EXPECT_TRUE(contains(plan, "<link rel=\"stylesheet\" href=\"" + up + "assets/style.css" + v1 + "\">"));
  EXPECT_TRUE(contains(plan, "<script src=\"" + up + "assets/search.js" + version_of("search.js") + "\" defer></script>"));
  EXPECT_TRUE(contains(plan, " data-versions=\"assets/lunr.min.js?v=" + hash_bytes("/* lunr */").hex().substr(0, 10) +
                                 " assets/pako_inflate.min.js?v=" + hash_bytes("/* pako */").hex().substr(0, 10) +
                                 " assets/search-words.js" + version_of("search-words.js") + " assets/search-core.js" +
                                 version_of("search-core.js") + " tim-kiem/chi-muc?f=6\">"));
  // The file keeps its name: only the URL carries the version.
  EXPECT_EQ(get(first, "assets/style.css").path, "assets/style.css");

  // The same bytes: the same pages, by bytes and by key (an incremental build reuses them).
  for (const OutputFile& f : first) {
    EXPECT_EQ(get(again, f.path).bytes, f.bytes) << f.path;
    EXPECT_EQ(get(again, f.path).key, f.key) << f.path;
  }
  // Other bytes: another version on every page, and a key that tells the page changed.
  const OutputFile changed = get(edited, plan_path);
  EXPECT_TRUE(contains(changed.bytes, "assets/style.css" + v2 + "\""));
  EXPECT_FALSE(contains(changed.bytes, v1));
  EXPECT_NE(changed.key, get(first, plan_path).key);
  for (const OutputFile& f : edited)
    if (f.path.ends_with(".html")) EXPECT_TRUE(contains(f.bytes, "assets/style.css" + v2 + "\"")) << f.path;
}

TEST(AssetVersions, FromTheBytesOfEachAssetAndTheShardFormat) {
  Diagnostics errors;
  Theme theme = load_theme({CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  theme.assets["gone.css"] = "/nonexistent/gone.css";
  std::map<std::string, std::string> v = asset_versions(theme, {"/nonexistent/lunr.min.js", ""});
  EXPECT_EQ(v.count("assets/gone.css"), 0u) << "a file that cannot be read keeps its plain URL";
  EXPECT_EQ(v.count("assets/lunr.min.js"), 0u);
  EXPECT_EQ(v.at("tim-kiem/chi-muc"), "f=6");
  EXPECT_EQ(content_version(""), "v=" + hash_bytes("").hex().substr(0, 10));
  EXPECT_EQ(v.at("assets/search-core.js").size(), 12u);
  EXPECT_NE(v.at("assets/search-core.js"), v.at("assets/search.js"));
}

TEST_F(SiteRendererTest, ExtraHeadOnlyInServeMode) {
  options_.extra_head = "<script src=\"/__livereload.js\"></script>";
  Diagnostics errors;
  OutputFiles built = render_site(portal_, facts_, theme_, options_, &errors);
  for (const OutputFile& f : built) EXPECT_FALSE(contains(f.bytes, "__livereload")) << f.path;
  options_.serve_mode = true;
  OutputFiles served = render_site(portal_, facts_, theme_, options_, &errors);
  auto it = std::find_if(served.begin(), served.end(), [](const OutputFile& f) { return f.path == "index.html"; });
  ASSERT_NE(it, served.end());
  EXPECT_TRUE(contains(it->bytes, "<script src=\"/__livereload.js\"></script>\n</head>"));
}

TEST_F(SiteRendererTest, ATemplateInAnEarlierThemeFolderWins) {
  fs::path dir = fs::temp_directory_path() / "congkhai-render-override";
  fs::remove_all(dir);
  fs::create_directories(dir / "templates");
  fs::create_directories(dir / "partials");
  std::ofstream(dir / "templates" / "home.mustache") << "<h1>Cổng riêng của tỉnh</h1>";
  std::ofstream(dir / "partials" / "task_row.mustache") << "<tr id=\"{{anchor}}\"><td>{{number}}</td></tr>\n";
  Diagnostics errors;
  Theme theme = load_theme({dir.generic_string(), CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  OutputFiles files = render_site(portal_, facts_, theme, options_, &errors);
  fs::remove_all(dir);
  EXPECT_TRUE(errors.empty());
  auto get = [&](const std::string& p) {
    auto it = std::find_if(files.begin(), files.end(), [&](const OutputFile& f) { return f.path == p; });
    return it == files.end() ? std::string() : it->bytes;
  };
  std::string home = get("index.html");
  EXPECT_TRUE(contains(home, "<h1>Cổng riêng của tỉnh</h1>"));
  EXPECT_TRUE(contains(home, "<a class=\"skip-link\"")) << "the default layout still frames it";
  std::string plan = get("ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html");
  EXPECT_TRUE(contains(plan, "<tr id=\"nv-ra-soat-a\"><td>2.1</td></tr>"));
  EXPECT_FALSE(contains(plan, "data-label=\"STT\""));
}

TEST_F(SiteRendererTest, RenderingErrorsBecomeDiagnostics) {
  theme_.templates.erase("report");
  Diagnostics errors;
  render_site(portal_, facts_, theme_, options_, &errors);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "templates/report.mustache");
}

// CONGKHAI_RENDER_DUMP=DIR writes this test portal's pages (and assets) to DIR, to look at
// them in a browser or run the Nu Html Checker on them while working on the theme.
TEST_F(SiteRendererTest, DumpsPagesWhenAsked) {
  const char* dir = std::getenv("CONGKHAI_RENDER_DUMP");
  if (!dir || !*dir) GTEST_SKIP() << "set CONGKHAI_RENDER_DUMP=DIR to write the pages";
  for (const OutputFile& f : files_) {
    fs::path out = fs::path(dir) / f.path;
    fs::create_directories(out.parent_path());
    if (!f.source.empty()) {
      if (fs::exists(f.source)) fs::copy_file(f.source, out, fs::copy_options::overwrite_existing);
      continue;
    }
    std::ofstream(out, std::ios::binary) << f.bytes;
  }
}

}  // namespace
}  // namespace congkhai

namespace congkhai {
namespace {

// Plans that implement plans: the district publishes its plan of 2023, the commune's names it.
TEST_F(SiteRendererTest, PlansImplementingPlansAreLinkedBothWaysAndUnitsSayWhoHasAPlan) {
  // Before: the province says its district has no plan of 2023 here, without blaming it.
  std::string province = page("ha-tinh/index.html");
  EXPECT_TRUE(contains(province, "<h2 id=\"ke-hoach-cap-duoi-h\">Kế hoạch năm 2023 của các đơn vị trực thuộc</h2>"));
  EXPECT_TRUE(contains(province, "<strong data-n=\"part\" data-key=\"published\">0</strong> trong <span data-n=\"total\">1</span>"));
  EXPECT_TRUE(contains(province, "<li class=\"child-plan\"><a href=\"huong-son/index.html\">huyện Hương Sơn</a>: <span class=\"not-here\">chưa có trên cổng</span></li>"));
  EXPECT_TRUE(contains(province, "không có nghĩa là đơn vị chưa ban hành kế hoạch"));
  EXPECT_TRUE(contains(page("ha-tinh/huong-son/index.html"),
                       "<a href=\"son-lam/ke-hoach/2023/index.html\">Kế hoạch số 28/KH-UBND</a></li>"));
  EXPECT_FALSE(contains(page("ha-tinh/huong-son/son-lam/index.html"), "ke-hoach-cap-duoi"));  // no units below

  testing::add_implemented_district_plan(portal_);
  portal_.plans[0].implements = Reference{"Kế hoạch số 27/KH-UBND ngày 01/3/2023 của UBND huyện Hương Sơn", ""};
  facts_ = derive_facts(portal_, facts_.as_of);
  files_ = render_site(portal_, facts_, theme_, options_, &errors_);

  EXPECT_TRUE(contains(plan_page_html(),
                       "<strong>Thực hiện:</strong> <a href=\"../../../ke-hoach/2023/index.html\">Kế hoạch số 27/KH-UBND "
                       "ngày 01/3/2023 của UBND huyện Hương Sơn</a> <span class=\"muted\">(trên cổng này)</span>"));
  std::string parent = page("ha-tinh/huong-son/ke-hoach/2023/index.html");
  EXPECT_TRUE(contains(parent, "<li><a href=\"#thuc-hien\">Kế hoạch thực hiện kế hoạch này</a></li>"));
  EXPECT_TRUE(contains(parent, "<a href=\"../../son-lam/ke-hoach/2023/index.html\">xã Sơn Lâm: Kế hoạch số 28/KH-UBND</a>"));
  EXPECT_TRUE(contains(page("ha-tinh/huong-son/index.html"),
                       "<a href=\"son-lam/ke-hoach/2023/index.html\">Kế hoạch số 28/KH-UBND</a> "
                       "<span class=\"muted\">(thực hiện Kế hoạch số 27/KH-UBND)</span></li>"));
  province = page("ha-tinh/index.html");
  EXPECT_TRUE(contains(province, "<strong data-n=\"part\" data-key=\"published\">1</strong> trong <span data-n=\"total\">1</span>"));
  EXPECT_FALSE(contains(province, "<span class=\"not-here\">"));
  // A plan nobody implements has no such part.
  EXPECT_FALSE(contains(plan_page_html(), "id=\"thuc-hien\""));
}

// What a build as of a date left out is said once, on the page explaining the site.
TEST_F(SiteRendererTest, TheAboutPageSaysWhatWasLeftOut) {
  EXPECT_FALSE(contains(page("gioi-thieu/index.html"), "class=\"left-out\""));
  facts_.left_out = {1, 2, 0, 3};
  files_ = render_site(portal_, facts_, theme_, options_, &errors_);
  EXPECT_TRUE(contains(page("gioi-thieu/index.html"),
                       "Tính đến ngày 30/06/2023, những gì sau đây không được đưa vào vì ghi ngày sau ngày này: "
                       "<span class=\"left-out\">1 kế hoạch; 2 báo cáo; 3 số liệu đo chỉ tiêu</span>."));
}

// A row with sub-rows ("4" with 4.1 and 4.2): the sub-rows sit under it with a class of their
// own, the row counts once with the status its sub-rows give it, and a target quotes the
// plan's sentence and names its task by full number.
TEST(SiteRendererSubTasks, SubRowsCountWithinTheirTaskAndTargetsQuoteThePlan) {
  Portal portal = testing::test_portal();
  Plan& plan = portal.plans[0];
  ASSERT_EQ(plan.id, "2023");
  const int base = static_cast<int>(plan.tasks.size());
  plan.tasks.push_back(testing::make_task("mot-cua", "4", "Thực hiện cơ chế một cửa", 0));
  plan.tasks.push_back(testing::make_task("tiep-nhan", "4.1", "Tiếp nhận hồ sơ", 0));
  plan.tasks.push_back(testing::make_task("tra-ket-qua", "4.2", "Trả kết quả", 0));
  plan.tasks[base].subtasks = {base + 1, base + 2};
  plan.tasks[base + 1].parent = base;
  plan.tasks[base + 2].parent = base;
  plan.tasks[base + 1].timeframe = "Tháng 3 năm 2023";  // overdue on 2023-06-30
  for (int i = 0; i < 3; ++i) plan.table.push_back({TableRow::Kind::kTask, base + i});
  plan.targets[0].statement = "Tối thiểu 60% hồ sơ được tiếp nhận trực tuyến";
  plan.targets[0].task = "tiep-nhan";
  const int before = static_cast<int>(plan.tasks.size()) - 2;  // every row but the sub-rows
  PortalFacts facts = derive_facts(portal, Date{2023, 6, 30});
  Diagnostics errors;
  Theme theme = load_theme({CONGKHAI_DEFAULT_THEME_DIR}, &errors);
  ASSERT_TRUE(errors.empty());
  RenderOptions options;
  options.generator_version = "0.1.0";
  OutputFiles files = render_site(portal, facts, theme, options, &errors);
  std::string html;
  for (const auto& f : files)
    if (f.path == "ha-tinh/huong-son/son-lam/ke-hoach/2023/index.html") html = f.bytes;
  ASSERT_FALSE(html.empty());
  EXPECT_NE(html.find("<tr id=\"nv-mot-cua\" class=\"row-task row-task--overdue\" data-status=\"no-report\">"),
            std::string::npos)
      << "the task is overdue through its sub-task, and nobody reported on it";
  EXPECT_NE(html.find("<tr id=\"nv-tiep-nhan\" class=\"row-subtask row-subtask--overdue\""),
            std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = html.find("class=\"row-task"); at != std::string::npos; at = html.find("class=\"row-task", at + 1))
    ++rows;
  EXPECT_EQ(rows, static_cast<std::size_t>(before));
  EXPECT_NE(html.find("<span data-n=\"total\">" + std::to_string(before) + "</span>"), std::string::npos);
  EXPECT_NE(html.find("<blockquote class=\"target-statement\"><p>Tối thiểu 60% hồ sơ được tiếp nhận trực tuyến</p></blockquote>"),
            std::string::npos);
  EXPECT_NE(html.find("Nêu tại nhiệm vụ: <a href=\"#nv-tiep-nhan\">I › 4.1 Tiếp nhận hồ sơ</a>"), std::string::npos);
}

}  // namespace
}  // namespace congkhai
