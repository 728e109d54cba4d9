#include "model/model_codec.h"

#include <gtest/gtest.h>

namespace congkhai {
namespace {

// Structs with every field set to a value that is not its default: a field the codec leaves
// out comes back as its default and the comparison fails. A field added to a struct must be
// set here (model_codec.cc's size checks point here).
SourcePos pos(int n) { return {n, n + 1}; }

Plan filled_plan() {
  Plan p;
  p.path = "content/ha-tinh/son-lam/plans/2024.md";
  p.id = "2024";
  p.unit = 3;
  p.number = "12/KH-UBND";
  p.title = "Kế hoạch kiểm soát TTHC năm 2024";
  p.year = 2024;
  p.date = Date{2024, 1, 15};
  p.place = "Sơn Lâm";
  p.issuer = "UBND xã Sơn Lâm";
  p.signer = Signer{"Nguyễn Văn A", "Chủ tịch", {"TM. Ủy ban nhân dân", "KT. Chủ tịch"}};
  p.legal_basis = {Reference{"Nghị định số 63/2010/NĐ-CP", "https://vanban.chinhphu.vn/63"}};
  p.implements = Reference{"Kế hoạch số 5/KH-UBND của huyện", "https://huong-son.gov.vn/5"};
  p.implements_plan = "ha-tinh/huong-son/2024";
  p.implements_pos = pos(7);
  p.implements_index = 9;
  p.implemented_by = {4, 5};
  p.recipients = {"Như trên", "Lưu: VT"};
  p.budget = "Ngân sách xã";
  p.body = "I. MỤC ĐÍCH\n\n[[bảng nhiệm vụ]]\n";
  p.body_line = 30;
  p.appendix_title = "PHỤ LỤC";
  p.appendix_note = "(Kèm theo Kế hoạch số 12/KH-UBND)";
  p.columns = ColumnHeadings{"TT", "Nội dung", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời gian"};
  p.not_in_copy = NotInCopy{true, true, true, true, true};
  p.table_marker = 2;
  p.sections = {Section{"I", "Rà soát", 2, 0, pos(11)}};
  Task t;
  t.id = "ra-soat";
  t.id_explicit = true;
  t.number = "1";
  t.text = "Rà soát thủ tục";
  t.lead_text = "Công chức Tư pháp";
  t.partners_text = "Văn phòng; Địa chính";
  t.lead = {"Công chức Tư pháp"};
  t.partners = {"Văn phòng", "Địa chính"};
  t.output = "Báo cáo";
  t.timeframe = "Quý I";
  t.section = 0;
  t.parent = 1;
  t.subtasks = {2, 3};
  t.pos = pos(13);
  p.tasks = {t};
  p.table = {TableRow{TableRow::Kind::kSection, 4}};
  Target g;
  g.id = "dung-han";
  g.measure = "Tỷ lệ hồ sơ giải quyết đúng hạn";
  g.comparison = Comparison::kExactly;
  g.value = 97.5;
  g.value_text = "97,5";
  g.unit = "hồ sơ";
  g.task = "ra-soat";
  g.statement = "Tối thiểu 97,5% hồ sơ…";
  g.part = "II. NỘI DUNG";
  g.pos = pos(17);
  g.task_pos = pos(19);
  g.part_pos = pos(23);
  p.targets = {g};
  return p;
}

ProgressRecord filled_record() {
  ProgressRecord r;
  r.path = "content/x/progress/2024-q1.xlsx";
  r.sheet = "Tiến độ";
  r.plan = 2;
  r.plan_id = "2024";
  r.plan_pos = pos(3);
  r.period = "2024-Q1";
  ProgressEntry e;
  e.task = "ra-soat";
  e.date = Date{2024, 3, 31};
  e.status = TaskStatus::kCancelled;
  e.percent = 40;
  e.note = "Đã rà soát";
  e.evidence = {Evidence{"Biên bản", "https://x.vn/b", "x/files/bien-ban.pdf", pos(5), "x/files/bie\xcc\x82n-ba\xcc\x89n.pdf"}};
  e.reported_by = "Văn phòng";
  e.source = r.path;
  e.pos = pos(8);
  r.entries = {e};
  Measurement m;
  m.target = "dung-han";
  m.date = Date{2024, 3, 0};
  m.value = -1.25;
  m.value_text = "-1,25";
  m.source_note = "Hệ thống một cửa";
  m.source = r.path;
  m.pos = pos(9);
  r.measurements = {m};
  // A source other than the record's own path (records assembled by hand).
  m.source = "content/x/progress/2024-q2.yaml";
  r.measurements.push_back(m);
  e.source = "content/x/progress/2024-q2.yaml";
  r.entries.push_back(e);
  return r;
}

Report filled_report() {
  Report r;
  r.path = "content/x/reports/2024-q1.md";
  r.id = "2024-q1";
  r.unit = 6;
  r.title = "Báo cáo quý I";
  r.date = Date{2024, 4, 5};
  r.period = Period{Period::Kind::kMonth, 2024, 3};
  r.number = "7/BC-UBND";
  r.plan_id = "2024";
  r.plan = 1;
  r.tasks = {"ra-soat"};
  r.targets = {"dung-han"};
  r.task_pos = {pos(2)};
  r.target_pos = {pos(4)};
  r.attachments = {Attachment{"x/reports/bc.pdf", "Báo cáo", 12345678901LL, pos(6), "x/reports/bc.PDF"}};
  r.body = "Nội dung.";
  r.body_line = 12;
  r.plan_pos = pos(10);
  return r;
}

Unit filled_unit() {
  Unit u;
  u.path = "content/ha-tinh/unit.yaml";
  u.slug = "ha-tinh";
  u.url_path = "ha-tinh";
  u.name = "Hà Tĩnh";
  u.level = UnitLevel::kThiTran;
  u.contact = Contact{"Số 1", "0239", "ubnd@ha-tinh.gov.vn", "https://ha-tinh.gov.vn/", "Sáng 7h30–11h30"};
  u.feedback = "Gọi đường dây nóng";
  u.parent = 0;
  u.children = {1, 2};
  u.plans = {3};
  u.reports = {4};
  return u;
}

Diagnostic filled_diagnostic() {
  Diagnostic d{"content/a.md", pos(3), "thiếu", "missing", "ghi vào", "write it"};
  d.sheet = "";
  d.warning = true;
  return d;
}

template <typename T>
T round_trip(const T& x) {
  ByteWriter w;
  encode(w, x);
  ByteReader r(w.bytes());
  T back;
  EXPECT_TRUE(decode(r, &back));
  EXPECT_TRUE(r.at_end());
  return back;
}

TEST(ModelCodec, EveryFieldRoundTrips) {
  EXPECT_EQ(round_trip(filled_plan()), filled_plan());
  EXPECT_EQ(round_trip(filled_record()), filled_record());
  EXPECT_EQ(round_trip(filled_report()), filled_report());
  EXPECT_EQ(round_trip(filled_unit()), filled_unit());
  EXPECT_EQ(round_trip(filled_diagnostic()), filled_diagnostic());
}

TEST(ModelCodec, DefaultsRoundTrip) {
  EXPECT_EQ(round_trip(Plan{}), Plan{});
  EXPECT_EQ(round_trip(ProgressRecord{}), ProgressRecord{});
  EXPECT_EQ(round_trip(Report{}), Report{});
  EXPECT_EQ(round_trip(Unit{}), Unit{});
  EXPECT_EQ(round_trip(Diagnostic{}), Diagnostic{});
}

// The filled structs differ from the default ones in each field the test can see: a helper
// that forgot to set one would let a codec that forgot it too pass.
TEST(ModelCodec, FilledStructsSetEveryFieldOfTheirParts) {
  const Plan p = filled_plan();
  EXPECT_NE(p.signer, Signer{});
  EXPECT_NE(p.columns, ColumnHeadings{});
  EXPECT_NE(p.not_in_copy, NotInCopy{});
  const Task& t = p.tasks.at(0);
  Task blank;
  EXPECT_NE(t.id, blank.id);
  EXPECT_NE(t.section, blank.section);
  EXPECT_NE(t.parent, blank.parent);
  EXPECT_NE(p.table.at(0).kind, TableRow{}.kind);
  EXPECT_NE(p.table.at(0).index, TableRow{}.index);
  EXPECT_NE(p.targets.at(0).comparison, Target{}.comparison);
  EXPECT_NE(p.targets.at(0).unit, Target{}.unit);
  EXPECT_NE(filled_record().entries.at(0).status, ProgressEntry{}.status);
  EXPECT_NE(filled_report().period.kind, Period{}.kind);
  EXPECT_NE(filled_unit().level, Unit{}.level);
}

// Decoding any prefix of an encoding, or an encoding with any byte changed, never crashes or
// reads out of bounds (AddressSanitizer builds check the latter); a prefix is always refused.
template <typename T>
void survives_damage(const T& x) {
  ByteWriter w;
  encode(w, x);
  const std::string bytes = w.bytes();
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    ByteReader r(std::string_view(bytes).substr(0, n));
    T back;
    EXPECT_FALSE(decode(r, &back) && r.at_end()) << "prefix of " << n << " bytes";
  }
  for (std::size_t i = 0; i < bytes.size(); ++i)
    for (unsigned char flip : {0x01, 0x80, 0xff}) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ flip);
      ByteReader r(damaged);
      T back;
      (void)decode(r, &back);
    }
}

TEST(ModelCodec, DamagedBytesAreRefusedWithoutACrash) {
  survives_damage(filled_plan());
  survives_damage(filled_record());
  survives_damage(filled_report());
  survives_damage(filled_unit());
  survives_damage(filled_diagnostic());
}

}  // namespace
}  // namespace congkhai
