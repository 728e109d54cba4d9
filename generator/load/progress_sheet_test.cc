#include "load/progress_sheet.h"

#include <gtest/gtest.h>

#include "load/testing_zip.h"

namespace congkhai {
namespace {

// The sheet as `new progress --format xlsx` lays it out, saved as CSV with `sep`.
std::string csv(const std::vector<std::string>& rows, char sep = ';') {
  std::string head = "Báo cáo tiến độ\nMã kế hoạch;2025\nKỳ báo cáo;Quý I/2025\nNgày số liệu;31/03/2025\n"
                     "Đơn vị báo cáo;Văn phòng\n\n"
                     "STT;Nội dung công việc;Cơ quan chủ trì;Trạng thái;Tỷ lệ hoàn thành (%);Ngày;"
                     "Kết quả đã làm được;Minh chứng;Mã nhiệm vụ\n";
  for (const auto& r : rows) head += r + "\n";
  if (sep != ';')
    for (char& c : head)
      if (c == ';') c = sep;
  return head;
}

std::optional<ProgressRecord> parse(const std::string& text, Diagnostics* diags) {
  return parse_progress_sheet("content/x/progress/2025-q1.csv", text, true, "content", diags);
}

std::string printed(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags) out += format_diagnostic(d) + "\n";
  return out;
}

TEST(ProgressSheet, StatusesAsTyped) {
  TaskStatus s;
  for (const char* typed : {"hoàn thành", "Hoàn Thành", "HOÀN THÀNH", "hoan thanh", "  hoàn   thành ", "done",
                            "ho\xC3\xA0n tha\xCC\x80nh" /* NFD: a + combining grave */}) {
    ASSERT_TRUE(match_task_status(typed, &s)) << typed;
    EXPECT_EQ(s, TaskStatus::kDone) << typed;
  }
  ASSERT_TRUE(match_task_status("hủy bỏ", &s));  // the other placement of the tone mark
  EXPECT_EQ(s, TaskStatus::kCancelled);
  ASSERT_TRUE(match_task_status("Dang thuc hien", &s));
  EXPECT_EQ(s, TaskStatus::kInProgress);
  ASSERT_TRUE(match_task_status("not started", &s));
  EXPECT_EQ(s, TaskStatus::kNotStarted);
  EXPECT_FALSE(match_task_status("xong rồi", &s));
  EXPECT_FALSE(match_task_status("", &s));
}

TEST(ProgressSheet, CsvSeparatorsAndQuotes) {
  Sheet s = parse_csv("a;\"b;c\";\"d\"\"e\"\n;\"two\nlines\"\nTrạng thái;x\n");
  ASSERT_EQ(s.cells.size(), 6u);
  EXPECT_EQ(s.cells[1].value, "b;c");
  EXPECT_EQ(s.cells[2].value, "d\"e");
  EXPECT_EQ(s.cells[3].row, 2);
  EXPECT_EQ(s.cells[3].column, 2);
  EXPECT_EQ(s.cells[3].value, "two\nlines");
  Sheet comma = parse_csv("Trạng thái,Mã nhiệm vụ\nhoàn thành,\"a, b\"\n");
  ASSERT_EQ(comma.cells.size(), 4u);
  EXPECT_EQ(comma.cells[3].value, "a, b");
  Sheet sep = parse_csv("sep=,\na,b\n");
  ASSERT_EQ(sep.cells.size(), 2u);
  EXPECT_EQ(sep.cells[1].row, 1);
}

TEST(ProgressSheet, RowsBecomeEntries) {
  Diagnostics diags;
  auto rec = parse(csv({"1;Niêm yết;VP;Hoàn thành;100%;15/02/2025;Đã niêm yết, đủ;https://example.gov.vn/a;niem-yet",
                        "2;Số hoá;VP;đang thực hiện;50;;;;so-hoa", "3;Khác;VP;;;;;;khac"}),
                   &diags);
  ASSERT_TRUE(rec);
  EXPECT_EQ(printed(diags), "");
  EXPECT_EQ(rec->plan_id, "2025");
  EXPECT_EQ(rec->period, "Quý I/2025");
  ASSERT_TRUE(rec->sheet);
  ASSERT_EQ(rec->entries.size(), 2u);  // row 3 has no status: not reported this period
  const ProgressEntry& a = rec->entries[0];
  EXPECT_EQ(a.task, "niem-yet");
  EXPECT_EQ(a.status, TaskStatus::kDone);
  EXPECT_EQ(a.percent, 100);
  EXPECT_EQ(format_iso(a.date), "2025-02-15");
  EXPECT_EQ(a.note, "Đã niêm yết, đủ");
  EXPECT_EQ(a.reported_by, "Văn phòng");
  ASSERT_EQ(a.evidence.size(), 1u);
  EXPECT_EQ(a.evidence[0].url, "https://example.gov.vn/a");
  EXPECT_EQ(a.pos.line, 8);
  EXPECT_EQ(a.pos.column, 9);
  EXPECT_EQ(rec->entries[1].percent, 50);
  EXPECT_EQ(format_iso(rec->entries[1].date), "2025-03-31");  // the date of the figures
}

TEST(ProgressSheet, CommaSeparatedWithBom) {
  Diagnostics diags;
  auto rec = parse("\xEF\xBB\xBF" + csv({"1,x,y,tạm hoãn,,,,,niem-yet"}, ','), &diags);
  ASSERT_TRUE(rec);
  EXPECT_EQ(printed(diags), "");
  ASSERT_EQ(rec->entries.size(), 1u);
  EXPECT_EQ(rec->entries[0].status, TaskStatus::kPostponed);
}

TEST(ProgressSheet, ProblemsNameTheirCells) {
  Diagnostics diags;
  parse(csv({"1;x;y;xong rồi;;;;;a", "2;x;y;hoàn thành;150;;;;b", "3;x;y;hoàn thành;;31/02/2025;;;c",
             ";;;hoàn thành;;;;;", "5;x;y;;50;;;;e", "6;x;y;hoàn thành;;;;javascript:alert(1);f"}),
        &diags);
  EXPECT_EQ(printed(diags),
            "content/x/progress/2025-q1.csv:D8: trạng thái \"xong rồi\" không hợp lệ; dùng một trong: chưa bắt đầu, "
            "đang thực hiện, hoàn thành, tạm hoãn, huỷ bỏ\n"
            "content/x/progress/2025-q1.csv:E9: tỷ lệ hoàn thành \"150\" không hợp lệ\n"
            "content/x/progress/2025-q1.csv:F10: ngày \"31/02/2025\" không đọc được\n"
            "content/x/progress/2025-q1.csv:I11: dòng 11 không có mã nhiệm vụ nên không gắn được với nhiệm vụ nào "
            "của kế hoạch\n"
            "content/x/progress/2025-q1.csv:D12: dòng có tỷ lệ, ngày, kết quả hoặc minh chứng nhưng thiếu trạng thái\n"
            "content/x/progress/2025-q1.csv:H13: địa chỉ minh chứng \"javascript:alert(1)\" phải bắt đầu bằng https:// "
            "hoặc http://\n");
  EXPECT_TRUE(format_diagnostic(diags[0], true).starts_with("content/x/progress/2025-q1.csv:D8: unknown status \"xong rồi\""));
}

TEST(ProgressSheet, AColumnAddedByHandIsReported) {
  Diagnostics diags;
  auto rec = parse(csv({"1;x;y;hoàn thành;;;;;a;ghi thêm;", "2;x;y;hoàn thành;;;;;b;;;khác"}), &diags);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->entries.size(), 2u);
  EXPECT_EQ(printed(diags),
            "content/x/progress/2025-q1.csv:J8: cột J không phải cột của bảng tiến độ nên nội dung của nó không được "
            "đọc\n"
            "content/x/progress/2025-q1.csv:L9: cột L không phải cột của bảng tiến độ nên nội dung của nó không được "
            "đọc\n");
}

TEST(ProgressSheet, NoHeadingRow) {
  Diagnostics diags;
  EXPECT_FALSE(parse("a;b\nc;d\n", &diags));
  EXPECT_TRUE(printed(diags).starts_with("content/x/progress/2025-q1.csv:A1: không tìm thấy dòng tiêu đề")) << printed(diags);
}

// A workbook's cells as a spreadsheet program leaves them: 0.5 shown as 50%, a serial date, a
// formula with its cached value, a merged cell.
TEST(ProgressSheet, WorkbookCells) {
  std::string shared = "<sst>";
  std::vector<std::string> strings = {"Mã kế hoạch", "2025", "Ngày số liệu", "Trạng thái", "Tỷ lệ hoàn thành (%)",
                                      "Ngày", "Mã nhiệm vụ", "Hoàn thành", "a", "b", "c", "đang thực hiện"};
  for (const auto& s : strings) shared += "<si><t>" + s + "</t></si>";
  shared += "</sst>";
  auto s = [](int i) { return "t=\"s\"><v>" + std::to_string(i) + "</v>"; };
  std::string sheet =
      "<worksheet><sheetData>"
      "<row r=\"2\"><c r=\"A2\" " + s(0) + "</c><c r=\"B2\" " + s(1) + "</c></row>"
      "<row r=\"3\"><c r=\"A3\" " + s(2) + "</c><c r=\"B3\" s=\"2\"><v>45747</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" " + s(3) + "</c><c r=\"B5\" " + s(4) + "</c><c r=\"C5\" " + s(5) +
      "</c><c r=\"D5\" " + s(6) + "</c></row>"
      "<row r=\"6\"><c r=\"A6\" " + s(7) + "</c><c r=\"B6\" s=\"1\"><v>0.5</v></c><c r=\"C6\" s=\"2\"><v>45716</v></c>"
      "<c r=\"D6\" " + s(8) + "</c></row>"
      "<row r=\"7\"><c r=\"A7\" t=\"str\"><f>A6</f><v>Hoàn thành</v></c><c r=\"B7\"><f>B6*100</f></c><c r=\"D7\" " +
      s(9) + "</c></row>"
      "<row r=\"8\"><c r=\"A8\" " + s(11) + "</c><c r=\"D8\" " + s(10) + "</c></row>"
      "</sheetData><mergeCells><mergeCell ref=\"A8:A9\"/></mergeCells></worksheet>";
  std::string xlsx = make_zip(
      {{"[Content_Types].xml", "<Types/>"},
       {"xl/workbook.xml", "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Tiến độ\" r:id=\"rId1\"/></sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
       {"xl/styles.xml", "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"},
       {"xl/sharedStrings.xml", shared},
       {"xl/worksheets/sheet1.xml", sheet}});
  Diagnostics diags;
  auto rec = parse_progress_sheet("p.xlsx", xlsx, false, "content", &diags);
  ASSERT_TRUE(rec);
  EXPECT_EQ(printed(diags),
            "p.xlsx:Tiến độ!A8: ô gộp A8:A9 trong bảng nhiệm vụ: giá trị chỉ thuộc về ô đầu\n"
            "p.xlsx:Tiến độ!B7: ô có công thức nhưng không có giá trị đã tính\n");
  ASSERT_EQ(rec->entries.size(), 3u);
  EXPECT_EQ(rec->entries[0].percent, 50);
  EXPECT_EQ(format_iso(rec->entries[0].date), "2025-02-28");
  EXPECT_EQ(rec->entries[1].status, TaskStatus::kDone);  // the formula's cached value
  EXPECT_EQ(format_iso(rec->entries[1].date), "2025-03-31");
  EXPECT_EQ(*rec->sheet, "Tiến độ");
}

}  // namespace
}  // namespace congkhai

namespace congkhai {
namespace {

// The same progress, as LibreOffice Calc saved it (tests/fixtures/spreadsheets/README.md).
void expect_libreoffice_progress(const std::string& file, bool typed) {
  const std::string path = std::string(CONGKHAI_SOURCE_DIR) + "/tests/fixtures/spreadsheets/" + file;
  Diagnostics diags;
  auto rec = load_progress_sheet(path, CONGKHAI_SOURCE_DIR, &diags);
  ASSERT_TRUE(rec) << file;
  EXPECT_EQ(printed(diags), "") << file;
  EXPECT_EQ(rec->plan_id, "2024");
  EXPECT_EQ(rec->period, "Quý II/2024");
  ASSERT_EQ(rec->entries.size(), 3u) << file;
  const auto& e = rec->entries;
  EXPECT_EQ(e[0].task, "xay-dung-ke-hoach-kiem-soat-thu-tuc");
  EXPECT_EQ(e[0].status, TaskStatus::kDone) << file;  // "HOAN THANH"
  EXPECT_EQ(e[0].percent, 100) << file;
  EXPECT_EQ(format_iso(e[0].date), "2024-04-20") << file;
  EXPECT_EQ(e[1].status, TaskStatus::kInProgress) << file;  // NFD
  EXPECT_EQ(e[1].percent, 50) << file;
  EXPECT_EQ(format_iso(e[1].date), "2024-06-30") << file;  // the date of the figures
  EXPECT_EQ(e[1].note, "Đã niêm yết tại Bộ phận một cửa");
  EXPECT_EQ(e[0].reported_by, "Văn phòng HĐND - UBND xã");
  if (typed) {
    EXPECT_EQ(e[2].status, TaskStatus::kPostponed) << file;
  } else {
    EXPECT_EQ(e[2].status, TaskStatus::kCancelled) << file;  // "hủy bỏ"
    EXPECT_EQ(format_iso(e[2].date), "2024-05-15") << file;
    ASSERT_EQ(e[0].evidence.size(), 1u);
    EXPECT_EQ(e[0].evidence[0].title, "Kế hoạch số 12");
    EXPECT_EQ(e[0].evidence[0].url, "https://example.gov.vn/kh-12");
  }
}

TEST(ProgressSheet, FilledInLibreOfficeAndSavedAsXlsx) { expect_libreoffice_progress("libreoffice-filled.xlsx", false); }
TEST(ProgressSheet, SavedByLibreOfficeAsSemicolonCsv) { expect_libreoffice_progress("libreoffice-semicolon.csv", false); }
TEST(ProgressSheet, TypedAndConvertedByLibreOffice) { expect_libreoffice_progress("libreoffice-typed.xlsx", true); }

}  // namespace
}  // namespace congkhai
