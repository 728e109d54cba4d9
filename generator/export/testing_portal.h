// A small hand-built portal and its facts, shared by the export tests and the open-data
// validation in tests/export. Facts are written by hand so the export tests pin down what
// the exports say, whatever the derive stage computes.
//
//   ha-tinh (tỉnh) › huong-son (huyện) › son-lam (xã): plan 2023 with 3 tasks, 2 targets,
//       one progress file (2 entries, 2 measurements), one report
//   thai-nguyen (tỉnh) › dinh-hoa (xã): plan 2026 with a blank number and a partial date,
//       one report
#pragma once

#include "derive/facts.h"
#include "model/portal.h"

namespace congkhai::testing {

inline Portal make_test_portal(const std::string& base_url = "") {
  Portal p;
  p.content_dir = "content";
  p.site.title = "Cổng Công khai thủ tục hành chính";
  p.site.base_url = base_url;
  p.site.licence = {"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"};

  auto unit = [&](std::string path, std::string name, UnitLevel level, int parent) {
    Unit u;
    u.url_path = path;
    u.slug = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    u.path = "content/" + path + "/unit.yaml";
    u.name = name;
    u.level = level;
    u.parent = parent;
    p.units.push_back(u);
    int index = static_cast<int>(p.units.size()) - 1;
    if (parent >= 0)
      p.units[parent].children.push_back(index);
    else
      p.top_units.push_back(index);
    return index;
  };
  int ha_tinh = unit("ha-tinh", "Hà Tĩnh", UnitLevel::kTinh, -1);
  int huong_son = unit("ha-tinh/huong-son", "Hương Sơn", UnitLevel::kHuyen, ha_tinh);
  int son_lam = unit("ha-tinh/huong-son/son-lam", "Sơn Lâm", UnitLevel::kXa, huong_son);
  int thai_nguyen = unit("thai-nguyen", "Thái Nguyên", UnitLevel::kTinh, -1);
  int dinh_hoa = unit("thai-nguyen/dinh-hoa", "Định Hoá", UnitLevel::kXa, thai_nguyen);

  Plan a;
  a.path = "content/ha-tinh/huong-son/son-lam/plans/2023.md";
  a.id = "2023";
  a.unit = son_lam;
  a.number = "28/KH-UBND";
  a.title = "Kế hoạch kiểm soát thủ tục hành chính năm 2023";
  a.year = 2023;
  a.date = Date{2023, 3, 3};
  a.issuer = "UBND xã Sơn Lâm";
  a.signer = {"Phan Thanh Nam", "Phó Chủ tịch", {"TM. Ủy ban nhân dân", "KT. Chủ tịch"}};
  a.legal_basis = {{"Nghị định số 63/2010/NĐ-CP", ""},
                   {"Quyết định số 07/QĐ-UBND", "https://example.vn/qd-07"}};
  a.implements = Reference{"Kế hoạch số 27/KH-UBND của UBND huyện Hương Sơn", ""};
  a.recipients = {"Văn phòng HĐND - UBND huyện", "Lưu: VT."};
  a.body = "## I. Mục đích, yêu cầu\n\nNội dung.\n";
  a.sections = {{"I", "Công tác chỉ đạo, điều hành", 1, -1, {}}};
  Task t1;
  t1.id = "xay-dung-ke-hoach";
  t1.number = "1";
  t1.text = "Xây dựng Kế hoạch, kiểm soát \"TTHC\"";
  t1.lead = {"Văn phòng HĐND - UBND xã"};
  t1.partners = {"Công an xã", "Bộ phận một cửa"};
  t1.output = "Kế hoạch được ban hành";
  t1.timeframe = "Tháng 3 năm 2023";
  t1.section = 0;
  Task t2;
  t2.id = "tap-huan";
  t2.number = "2";
  t2.text = "=HYPERLINK(\"http://evil.example\",\"bấm\")";
  t2.lead = {"Văn phòng HĐND - UBND xã"};
  t2.timeframe = "Thường xuyên";
  t2.section = 0;
  Task t3;
  t3.id = "niem-yet";
  t3.text = "- cho công chức một cửa;\n- cho công chức đầu mối.";
  t3.timeframe = "Tháng 5/2023";
  a.tasks = {t1, t2, t3};
  Target g1;
  g1.id = "ho-so-truc-tuyen";
  g1.measure = "Tỷ lệ hồ sơ trực tuyến";
  g1.comparison = Comparison::kAtLeast;
  g1.value = 60;
  g1.value_text = "60";
  g1.task = "tap-huan";
  Target g2;
  g2.id = "thay-doi-thoi-gian";
  g2.measure = "Thay đổi thời gian giải quyết";
  g2.comparison = Comparison::kAtMost;
  g2.value = -2.5;
  g2.value_text = "-2.5";
  g2.unit = "ngày";
  a.targets = {g1, g2};
  p.plans.push_back(a);

  Plan b;
  b.path = "content/thai-nguyen/dinh-hoa/plans/2026.md";
  b.id = "2026";
  b.unit = dinh_hoa;
  b.number = "/KH-UBND";
  b.title = "Kế hoạch năm 2026";
  b.year = 2026;
  b.date = Date{2026, 1, 0};
  b.issuer = "UBND xã Định Hoá";
  Task t4;
  t4.id = "so-hoa";
  t4.text = "Số hoá hồ sơ";
  t4.timeframe = "Theo kế hoạch";
  b.tasks = {t4};
  p.plans.push_back(b);
  p.units[son_lam].plans = {0};
  p.units[dinh_hoa].plans = {1};

  ProgressRecord rec;
  rec.path = "content/ha-tinh/huong-son/son-lam/progress/2023-q1.yaml";
  rec.plan = 0;
  rec.plan_id = "2023";
  rec.period = "Quý I/2023";
  ProgressEntry e1;
  e1.task = "xay-dung-ke-hoach";
  e1.date = {2023, 3, 6};
  e1.status = TaskStatus::kDone;
  e1.percent = 100;
  e1.note = "Kế hoạch số 28/KH-UBND, ban hành ngày 03/03/2023.";
  e1.evidence = {{"Bản scan", "", "ha-tinh/huong-son/son-lam/progress/files/kh 28.pdf", {}},
                 {"Cổng tỉnh", "https://hatinh.gov.vn/a?b=1&c=2", "", {}}};
  e1.reported_by = "Văn phòng";
  e1.source = rec.path;
  e1.pos = {6, 5};
  ProgressEntry e2;
  e2.task = "tap-huan";
  e2.date = {2023, 3, 20};
  e2.status = TaskStatus::kInProgress;
  e2.percent = 40;
  e2.note = "+ đã tập huấn\r\ncho 12 người";
  e2.source = rec.path;
  e2.pos = {14, 5};
  Measurement m1;
  m1.target = "ho-so-truc-tuyen";
  m1.date = {2023, 3, 31};
  m1.value = 41.5;
  m1.value_text = "41.5";
  m1.source_note = "@Hệ thống thông tin giải quyết TTHC";
  m1.source = rec.path;
  m1.pos = {20, 5};
  Measurement m2;
  m2.target = "thay-doi-thoi-gian";
  m2.date = {2023, 3, 31};
  m2.value = -3;
  m2.value_text = "-3";
  m2.source = rec.path;
  m2.pos = {24, 5};
  rec.entries = {e1, e2};
  rec.measurements = {m1, m2};
  p.progress.push_back(rec);

  Report r1;
  r1.path = "content/ha-tinh/huong-son/son-lam/reports/2023-q1.md";
  r1.id = "2023-q1";
  r1.unit = son_lam;
  r1.title = "Báo cáo quý I năm 2023 <kiểm soát> & \"một cửa\"";
  r1.date = {2023, 4, 5};
  r1.period = {Period::Kind::kQuarter, 2023, 1};
  r1.number = "15/BC-UBND";
  r1.plan_id = "2023";
  r1.plan = 0;
  r1.tasks = {"tap-huan"};
  r1.attachments = {{"ha-tinh/huong-son/son-lam/reports/bao cáo q1.pdf", "Bản PDF", 1234, {}}};
  p.reports.push_back(r1);
  Report r2;
  r2.path = "content/thai-nguyen/dinh-hoa/reports/2023-thang-5.md";
  r2.id = "2023-thang-5";
  r2.unit = dinh_hoa;
  r2.title = "Báo cáo tháng 5 năm 2023";
  r2.date = {2023, 6, 1};
  r2.period = {Period::Kind::kMonth, 2023, 5};
  p.reports.push_back(r2);
  p.units[son_lam].reports = {0};
  p.units[dinh_hoa].reports = {1};
  return p;
}

// The test portal with huyện Hương Sơn's plan of 2023 (index 2), which Sơn Lâm's plan implements.
inline Portal make_test_portal_with_parent_plan(const std::string& base_url = "") {
  Portal p = make_test_portal(base_url);
  Plan c;
  c.path = "content/ha-tinh/huong-son/plans/2023.md";
  c.id = "2023";
  c.unit = 1;
  c.number = "27/KH-UBND";
  c.title = "Kế hoạch của huyện Hương Sơn năm 2023";
  c.year = 2023;
  c.issuer = "UBND huyện Hương Sơn";
  c.implemented_by = {0};
  p.plans.push_back(c);
  p.units[1].plans = {2};
  p.plans[0].implements_plan = "ha-tinh/huong-son/2023";
  p.plans[0].implements_index = 2;
  return p;
}

inline PortalFacts make_test_facts() {
  PortalFacts f;
  f.as_of = {2023, 6, 30};
  PlanFacts a;
  TaskFacts t1;
  t1.timeframe.kind = Timeframe::Kind::kDue;
  t1.timeframe.raw = "Tháng 3 năm 2023";
  t1.timeframe.due = Date{2023, 3, 31};
  t1.due = Date{2023, 3, 31};
  t1.status = TaskStatus::kDone;
  t1.reported = true;
  t1.percent = 100;
  t1.entries = {0};
  TaskFacts t2;
  t2.timeframe.kind = Timeframe::Kind::kRecurring;
  t2.timeframe.raw = "Thường xuyên";
  t2.timeframe.cadences = {Timeframe::Cadence::kContinuous, Timeframe::Cadence::kQuarterly};
  t2.timeframe.also_on_demand = true;
  t2.status = TaskStatus::kInProgress;
  t2.reported = true;
  t2.percent = 40;
  t2.entries = {1};
  TaskFacts t3;
  t3.timeframe.kind = Timeframe::Kind::kCheckpoints;
  t3.timeframe.raw = "Tháng 5/2023";
  t3.timeframe.checkpoints = {Date{2023, 5, 31}};
  t3.due = Date{2023, 5, 31};
  t3.overdue = true;
  t3.overdue_days = 30;
  a.tasks = {t1, t2, t3};
  TargetFacts g1;
  g1.result = TargetResult::kNotMet;
  g1.latest = 41.5;
  g1.latest_date = Date{2023, 3, 31};
  g1.measurements = {0};
  TargetFacts g2;
  g2.result = TargetResult::kMet;
  g2.latest = -3;
  g2.latest_date = Date{2023, 3, 31};
  g2.measurements = {1};
  a.targets = {g1, g2};
  a.done = 1;
  a.in_progress = 1;
  a.not_started = 1;
  a.overdue = 1;
  a.reports = {0};
  a.last_updated = {2023, 4, 5};
  PlanFacts b;
  TaskFacts t4;
  t4.timeframe.kind = Timeframe::Kind::kUnscheduled;
  t4.timeframe.raw = "Theo kế hoạch";
  b.tasks = {t4};
  b.not_started = 1;
  b.last_updated = {2026, 1, 0};
  f.plans = {a, b};
  f.entries = {{0, 0, 0}, {0, 1, 0}};
  f.measurements = {{0, 0, 0}, {0, 1, 0}};
  return f;
}

}  // namespace congkhai::testing
