// A small portal built by hand for the render tests: a province, a district and a commune,
// a plan with a printed table (skipped, repeated and missing numbers, nested sections),
// progress, a target and a report; and its facts as of 2023-06-30.
#pragma once

#include "derive/facts.h"
#include "model/portal.h"

namespace congkhai::testing {

inline Task make_task(const std::string& id, const std::string& number, const std::string& text, int section) {
  Task t;
  t.id = id;
  t.number = number;
  t.text = text;
  t.section = section;
  return t;
}

inline Portal test_portal() {
  Portal p;
  p.content_dir = "content";
  p.site.title = "Công khai <b>TTHC</b>";
  p.site.description = "Kế hoạch kiểm soát TTHC của các xã.";
  p.site.sample_data_notice = "Số liệu tiến độ trên trang này là số liệu minh hoạ.";
  p.site.licence = {"CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"};

  Unit tinh;
  tinh.slug = "ha-tinh";
  tinh.url_path = "ha-tinh";
  tinh.name = "Hà Tĩnh";
  tinh.level = UnitLevel::kTinh;
  tinh.children = {1};
  Unit huyen;
  huyen.slug = "huong-son";
  huyen.url_path = "ha-tinh/huong-son";
  huyen.name = "Hương Sơn";
  huyen.level = UnitLevel::kHuyen;
  huyen.parent = 0;
  huyen.children = {2};
  Unit xa;
  xa.slug = "son-lam";
  xa.url_path = "ha-tinh/huong-son/son-lam";
  xa.name = "Sơn Lâm";
  xa.level = UnitLevel::kXa;
  xa.parent = 1;
  xa.contact.phone = "0239 3875 xxx";
  xa.feedback = "Bộ phận Tiếp nhận và Trả kết quả xã Sơn Lâm";
  xa.plans = {1, 0};
  xa.reports = {0};
  p.units = {tinh, huyen, xa};
  p.top_units = {0};

  Plan plan;
  plan.path = "content/ha-tinh/huong-son/son-lam/plans/2023.md";
  plan.id = "2023";
  plan.unit = 2;
  plan.number = "28/KH-UBND";
  plan.title = "Kế hoạch kiểm soát TTHC năm 2023 <script>alert('tiêu đề')</script>";
  plan.year = 2023;
  plan.date = Date{2023, 3, 3};
  plan.place = "Sơn Lâm";
  plan.issuer = "UBND xã Sơn Lâm";
  plan.signer = {"Phan Thanh Nam", "Phó Chủ tịch", {"TM. Ủy ban nhân dân", "KT. Chủ tịch"}};
  plan.legal_basis = {{"Nghị định số 61/2018/NĐ-CP", "https://vanban.chinhphu.vn/61"},
                      {"Quyết định số 07/QĐ-UBND", ""},
                      {"Văn bản lạ", "javascript:alert(1)"}};
  plan.implements = Reference{"Kế hoạch số 27/KH-UBND của UBND huyện Hương Sơn", ""};
  plan.recipients = {"Văn phòng HĐND - UBND huyện", "Lưu: VT."};
  plan.budget = "Theo Thông tư số 167/2012/TT-BTC.";
  plan.body = "## I. Mục đích, yêu cầu\n\nNội dung <script>alert('thân')</script> và [liên kết](javascript:alert(1)).\n\n## II. Nhiệm vụ\n";
  plan.sections = {{"I", "Công tác chỉ đạo", 1, -1, {}},
                   {"II", "Kiểm soát TTHC", 1, -1, {}},
                   {"2.1", "Rà soát", 2, 1, {}}};
  plan.tasks = {make_task("xay-dung-ke-hoach", "1", "Xây dựng Kế hoạch <script>alert('nv')</script>", 0),
                make_task("tap-huan", "3", "Tổ chức tập huấn:\n- cho công chức một cửa;\n- cho đầu mối.", 0),
                make_task("ra-soat-a", "2.1", "Rà soát quy định A", 2),
                make_task("ra-soat-b", "2.1", "Rà soát quy định B", 2),
                make_task("niem-yet", "", "Niêm yết công khai TTHC", 1)};
  plan.tasks[0].lead = {"Văn phòng HĐND - UBND xã"};
  plan.tasks[0].partners = {"Công an xã", "Tư pháp"};
  plan.tasks[0].output = "Kế hoạch được ban hành";
  plan.tasks[0].timeframe = "Tháng 3 năm 2023";
  plan.tasks[1].timeframe = "Quý II/2023";
  plan.tasks[4].timeframe = "Thường xuyên";
  plan.table = {{TableRow::Kind::kSection, 0}, {TableRow::Kind::kTask, 0}, {TableRow::Kind::kTask, 1},
                {TableRow::Kind::kSection, 1}, {TableRow::Kind::kSection, 2}, {TableRow::Kind::kTask, 2},
                {TableRow::Kind::kTask, 3}, {TableRow::Kind::kTask, 4}};
  Target target;
  target.id = "ho-so-truc-tuyen";
  target.measure = "Tỷ lệ hồ sơ trực tuyến";
  target.comparison = Comparison::kAtLeast;
  target.value = 60;
  target.value_text = "60";
  target.task = "tap-huan";
  plan.targets = {target};

  Plan blank = plan;
  blank.id = "2024";
  blank.number = "/KH-UBND";
  blank.title = "Kế hoạch năm 2024";
  blank.year = 2024;
  blank.date = Date{2024, 1, 0};
  blank.targets.clear();
  p.plans = {plan, blank};

  ProgressRecord rec;
  rec.path = "content/ha-tinh/huong-son/son-lam/progress/2023-q1.yaml";
  rec.plan = 0;
  rec.plan_id = "2023";
  rec.period = "Quý I/2023";
  ProgressEntry e;
  e.task = "xay-dung-ke-hoach";
  e.date = Date{2023, 3, 6};
  e.status = TaskStatus::kDone;
  e.percent = 100;
  e.note = "Đã ban hành. <img src=x onerror=alert(1)> [xem](javascript:alert(1))";
  e.evidence = {{"Bản scan", "", "ha-tinh/huong-son/son-lam/progress/files/kh-28.pdf", {}},
                {"Cổng DVC", "https://dichvucong.gov.vn", "", {}}};
  e.reported_by = "Văn phòng";
  ProgressEntry e2 = e;
  e2.task = "tap-huan";
  e2.status = TaskStatus::kInProgress;
  e2.percent = 40;
  e2.note.clear();
  e2.evidence.clear();
  rec.entries = {e, e2};
  Measurement m;
  m.target = "ho-so-truc-tuyen";
  m.date = Date{2023, 3, 31};
  m.value = 41.5;
  m.value_text = "41.5";
  rec.measurements = {m};
  p.progress = {rec};

  Report r;
  r.path = "content/ha-tinh/huong-son/son-lam/reports/2023-q1.md";
  r.id = "2023-q1";
  r.unit = 2;
  r.title = "Báo cáo quý I <script>alert('bc')</script>";
  r.date = Date{2023, 4, 5};
  parse_period("2023-Q1", &r.period);
  r.number = "15/BC-UBND";
  r.plan_id = "2023";
  r.plan = 0;
  r.tasks = {"xay-dung-ke-hoach", "tap-huan"};
  r.targets = {"ho-so-truc-tuyen"};
  r.attachments = {{"ha-tinh/huong-son/son-lam/reports/bao-cao-q1.pdf", "Báo cáo (bản ký)", 1258291, {}}};
  r.body = "Kết quả **tốt**. <script>alert('thân bc')</script>";
  p.reports = {r};
  return p;
}

// The district's plan of 2023, added as plan 2, which the commune's plan of 2023 (plan 0)
// implements: plan 0's page links it, plan 2's page lists plan 0.
inline void add_implemented_district_plan(Portal& p) {
  Plan district;
  district.path = "content/ha-tinh/huong-son/plans/2023.md";
  district.id = "2023";
  district.unit = 1;
  district.number = "27/KH-UBND";
  district.title = "Kế hoạch của huyện";
  district.year = 2023;
  district.date = Date{2023, 3, 1};
  district.implemented_by = {0};
  p.plans.push_back(district);
  p.units[1].plans = {2};
  p.plans[0].implements_plan = "ha-tinh/huong-son/2023";
  p.plans[0].implements_index = 2;
}

inline Timeframe due_timeframe(const std::string& raw, Date due) {
  Timeframe t;
  t.kind = Timeframe::Kind::kDue;
  t.raw = raw;
  t.due = due;
  return t;
}

inline PortalFacts test_facts(const Portal& p) {
  PortalFacts f;
  f.as_of = Date{2023, 6, 30};
  f.entries = {{0, 0, 0}, {0, 1, 0}};
  f.measurements = {{0, 0, 0}};
  for (const Plan& plan : p.plans) {
    PlanFacts pf;
    pf.tasks.resize(plan.tasks.size());
    pf.targets.resize(plan.targets.size());
    for (size_t i = 0; i < plan.tasks.size(); ++i) {
      pf.tasks[i].timeframe.raw = plan.tasks[i].timeframe;
    }
    f.plans.push_back(pf);
  }
  PlanFacts& pf = f.plans[0];
  pf.tasks[0].timeframe = due_timeframe("Tháng 3 năm 2023", Date{2023, 3, 31});
  pf.tasks[0].status = TaskStatus::kDone;
  pf.tasks[0].reported = true;
  pf.tasks[0].percent = 100;
  pf.tasks[0].entries = {0};
  pf.tasks[1].timeframe = due_timeframe("Quý II/2023", Date{2023, 6, 18});
  pf.tasks[4].timeframe = parse_timeframe("Thường xuyên", 2023);
  pf.tasks[1].status = TaskStatus::kInProgress;
  pf.tasks[1].reported = true;
  pf.tasks[1].percent = 40;
  pf.tasks[1].entries = {1};
  pf.tasks[1].overdue = true;
  pf.tasks[1].overdue_days = 12;
  pf.done = 1;
  pf.in_progress = 1;
  pf.not_started = 3;
  pf.overdue = 1;
  pf.targets[0].result = TargetResult::kNotMet;
  pf.targets[0].latest = 41.5;
  pf.targets[0].latest_date = Date{2023, 3, 31};
  pf.targets[0].measurements = {0};
  pf.reports = {0};
  pf.last_updated = Date{2023, 4, 5};
  return f;
}

}  // namespace congkhai::testing
