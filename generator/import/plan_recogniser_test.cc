// The recogniser on documents as the PDF and text readers give them: lines, not paragraphs;
// no merged cells; rows broken across pages.
#include "import/plan_recogniser.h"

#include <gtest/gtest.h>

#include "load/plan_loader.h"

namespace congkhai::import {
namespace {

Block para(const std::string& text, int line) {
  Block b;
  b.paragraph.text = text;
  b.paragraph.at.page = 1;
  b.paragraph.at.paragraph = line;
  return b;
}

RecogniseOptions with_id(const std::string& id) {
  RecogniseOptions o;
  o.id = id;
  return o;
}

Row row(std::vector<std::string> cells, int n, bool after_break = false) {
  Row r;
  for (auto& c : cells) {
    Cell cell;
    cell.text = c;
    r.cells.push_back(cell);
  }
  r.at.table = 1;
  r.at.row = n;
  r.at.page = after_break ? 2 : 1;
  r.after_page_break = after_break;
  return r;
}

Document text_document() {
  Document d;
  d.blocks.push_back(para("ỦY BAN NHÂN DÂN", 1));
  d.blocks.push_back(para("XÃ SƠN LÂM", 2));
  d.blocks.push_back(para("Số: 28 /KH-UBND", 3));
  d.blocks.push_back(para("Sơn Lâm, ngày 03 tháng 3 năm 2023", 4));
  d.blocks.push_back(para("KẾ HOẠCH", 5));
  d.blocks.push_back(para("Kiểm soát thủ tục hành chính năm 2023", 6));
  d.blocks.push_back(para("I. MỤC ĐÍCH", 7));
  d.blocks.push_back(para("Nội dung.", 8));
  Block t;
  t.kind = Block::Kind::kTable;
  t.table.rows.push_back(row({"TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"}, 1));
  t.table.rows.push_back(row({"H", "Mục tám", "", "", ""}, 2));
  t.table.rows.push_back(row({"1", "Triển khai thực hiện Nghị định số 45/2020/NĐ-\nCP của Chính phủ", "Văn phòng;\nTư pháp", "Công an xã; Quân sự", "Quý I"}, 3));
  t.table.rows.push_back(row({"2", "Rà soát thủ tục", "Văn phòng HĐND - UBND huyện, UBND cấp xã", "", "Tháng 3 năm"}, 4));
  t.table.rows.push_back(row({"", "", "", "", "2023"}, 5, true));
  t.table.rows.push_back(row({"I", "Mục chín", "", "", ""}, 6));
  t.table.rows.push_back(row({"1", "Đạt tỷ lệ tối thiểu 50% hồ sơ trực tuyến", "Văn phòng", "", "Năm 2023"}, 7));
  d.blocks.push_back(t);
  return d;
}

TEST(PlanRecogniser, LinesOfATextReaderBecomeAPlanThatLoads) {
  auto result = recognise_plan(text_document());
  Diagnostics diags;
  auto plan = parse_plan("plans/2023.md", result.text, &diags);
  ASSERT_TRUE(plan) << result.text;
  EXPECT_TRUE(diags.empty()) << format_diagnostic(diags[0], true) << "\n" << result.text;
  EXPECT_EQ(plan->number, "28/KH-UBND");
  EXPECT_EQ(plan->issuer, "UBND xã Sơn Lâm");
  EXPECT_EQ(plan->place, "Sơn Lâm");
  EXPECT_EQ(format_iso(*plan->date), "2023-03-03");
  EXPECT_EQ(plan->year, 2023);
  ASSERT_EQ(plan->tasks.size(), 3u) << result.text;  // the row broken across the page is joined
  // "NĐ-" / "CP" rejoined without a space; lines rejoined, office lists split at line ends and ";"
  EXPECT_EQ(plan->tasks[0].text, "Triển khai thực hiện Nghị định số 45/2020/NĐ-CP của Chính phủ");
  EXPECT_EQ(plan->tasks[0].lead, (std::vector<std::string>{"Văn phòng", "Tư pháp"}));
  EXPECT_EQ(plan->tasks[0].partners, (std::vector<std::string>{"Công an xã", "Quân sự"}));
  EXPECT_EQ(plan->tasks[1].timeframe, "Tháng 3 năm 2023");
  // "I" after "H" is a letter: a sibling section, not a Roman numeral one level up
  ASSERT_EQ(plan->sections.size(), 2u);
  EXPECT_EQ(plan->sections[1].number, "I");
  EXPECT_EQ(plan->sections[1].depth, 1);
  auto said = [&](const std::string& what) {
    for (const auto& r : result.review)
      if (r.message.find(what) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(said("nối vào nhiệm vụ ở trên"));
  EXPECT_TRUE(said("chữ cái sau \"H\""));
  EXPECT_TRUE(said("tại dấu \";\""));
  EXPECT_TRUE(said("nhiều cơ quan cách nhau bằng dấu phẩy"));
  EXPECT_TRUE(said("đề xuất chỉ tiêu 50% (tối thiểu)"));
  for (const auto& r : result.review) {
    EXPECT_FALSE(r.message_en.empty());
    if (r.at.row) {
      EXPECT_GT(r.line, 0) << r.message;  // every row it concerns was written
    }
  }
  EXPECT_NE(result.text.find("# targets:"), std::string::npos);
  EXPECT_EQ(plan->targets.size(), 0u);  // proposed, never published as they are
}

TEST(PlanRecogniser, NothingRecognisedIsSaidNotGuessed) {
  Document d;
  d.blocks.push_back(para("Một đoạn văn bất kỳ.", 1));
  auto result = recognise_plan(d, with_id("2025"));
  Diagnostics diags;
  auto plan = parse_plan("plans/2025.md", result.text, &diags);
  ASSERT_TRUE(plan) << result.text;
  EXPECT_EQ(plan->year, 2025);
  EXPECT_GE(result.review.size(), 3u);
}

}  // namespace
}  // namespace congkhai::import

namespace congkhai::import {
namespace {

TEST(PlanRecogniser, HugeLinesAndCellsDoNotExhaustTheStack) {
  // std::regex recurses per matched character: a long line must never reach it.
  const std::string huge(4u * 1024 * 1024, 'a');
  Document d;
  d.blocks.push_back(para(huge + ", ngày 1 tháng 2 năm 2025", 1));
  d.blocks.push_back(para("TM. " + huge, 2));
  d.blocks.push_back(para("KẾ HOẠCH", 3));
  d.blocks.push_back(para("I. " + huge, 4));
  Block t;
  t.kind = Block::Kind::kTable;
  t.table.rows.push_back(row({"TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian"}, 1));
  Row section = row({"I. " + huge}, 2);
  section.cells[0].span = 4;
  t.table.rows.push_back(section);
  t.table.rows.push_back(row({huge, "đạt " + huge + " 50%", huge, "(Kèm theo Kế hoạch số " + huge}, 3));
  d.blocks.push_back(t);
  auto result = recognise_plan(d, with_id("2025"));
  EXPECT_EQ(result.task_rows, 1);
  EXPECT_EQ(result.section_rows, 1);
}

}  // namespace
}  // namespace congkhai::import

namespace congkhai::import {
namespace {

// A copy that starts at "KẾ HOẠCH" (no header block), with its appendix's "(Kèm theo …)" line;
// `heading` adds header lines before "KẾ HOẠCH".
Document copy_with_note(const std::string& note, std::vector<std::string> heading = {}) {
  Document d;
  int n = 0;
  for (const auto& h : heading) d.blocks.push_back(para(h, ++n));
  d.blocks.push_back(para("KẾ HOẠCH", ++n));
  d.blocks.push_back(para("Kiểm soát thủ tục hành chính năm 2024", ++n));
  d.blocks.push_back(para("I. MỤC ĐÍCH", ++n));
  d.blocks.push_back(para("Nội dung.", ++n));
  d.blocks.push_back(para("PHỤ LỤC", ++n));
  d.blocks.push_back(para("NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", ++n));
  d.blocks.push_back(para(note, ++n));
  Block t;
  t.kind = Block::Kind::kTable;
  t.table.rows.push_back(row({"TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện"}, 1));
  t.table.rows.push_back(row({"1", "Rà soát thủ tục", "Văn phòng", "Quý I"}, 2));
  d.blocks.push_back(t);
  return d;
}

// The review item on `field`, or nullptr.
const ReviewItem* review_of(const RecognisedPlan& r, const std::string& field) {
  for (const auto& item : r.review)
    if (item.field == field) return &item;
  return nullptr;
}

TEST(PlanRecogniser, TheAppendixNoteGivesWhatTheHeaderDoesNot) {
  auto result = recognise_plan(copy_with_note("(Kèm theo Kế hoạch số       /KH-UBND ngày  26 /2/2024 của UBND xã Thanh Xuân)"));
  Diagnostics diags;
  auto plan = parse_plan("plans/2024.md", result.text, &diags);
  ASSERT_TRUE(plan) << result.text;
  EXPECT_TRUE(diags.empty()) << result.text;
  EXPECT_EQ(plan->number, "/KH-UBND");
  EXPECT_EQ(format_iso(*plan->date), "2024-02-26");
  EXPECT_EQ(plan->issuer, "UBND xã Thanh Xuân");
  for (const char* field : {"number", "date", "issuer"}) {
    const ReviewItem* r = review_of(result, field);
    ASSERT_NE(r, nullptr) << field;
    EXPECT_NE(r->message.find("lấy từ dòng \"Kèm theo …\""), std::string::npos) << r->message;
    EXPECT_NE(r->message_en.find("taken from the appendix's \"Kèm theo …\" line"), std::string::npos) << r->message_en;
    EXPECT_EQ(r->at.paragraph, 7) << field;  // the note's line in the source
    EXPECT_GT(r->line, 0) << field;          // and the line written
  }
}

TEST(PlanRecogniser, APartlyBlankDateInTheNoteStaysPartial) {
  auto result = recognise_plan(copy_with_note("(Kèm theo Kế hoạch số /KH-UBND ngày tháng 01 năm 2026 của UBND xã Định Hoá)"));
  EXPECT_NE(result.text.find("\ndate: 2026-01\n"), std::string::npos) << result.text;  // no day made up
  Diagnostics diags;
  auto plan = parse_plan("plans/2026.md", result.text, &diags);
  ASSERT_TRUE(plan) << result.text;
  EXPECT_EQ(plan->issuer, "UBND xã Định Hoá");
  ASSERT_NE(review_of(result, "date"), nullptr);
}

TEST(PlanRecogniser, ABareIssuerInTheNoteIsCompletedFromTheUnitForReview) {
  const std::string note = "(Kèm theo Kế hoạch số 28 /KH-UBND ngày 03 tháng 03 năm 2023 của UBND xã)";
  RecogniseOptions options;
  options.unit_level = "xã";
  options.unit_name = "Sơn Lâm";
  auto result = recognise_plan(copy_with_note(note), options);
  Diagnostics diags;
  auto plan = parse_plan("plans/2023.md", result.text, &diags);
  ASSERT_TRUE(plan) << result.text;
  EXPECT_EQ(plan->number, "28/KH-UBND");
  EXPECT_EQ(format_iso(*plan->date), "2023-03-03");
  EXPECT_EQ(plan->issuer, "UBND xã Sơn Lâm");
  const ReviewItem* r = review_of(result, "issuer");
  ASSERT_NE(r, nullptr);
  EXPECT_NE(r->message.find("chỉ ghi \"UBND xã\""), std::string::npos) << r->message;
  EXPECT_NE(r->message.find("đoán"), std::string::npos) << r->message;
  EXPECT_NE(r->message_en.find("guessed"), std::string::npos) << r->message_en;

  // A unit of another level, or none: not guessed, left for the official to fill in.
  options.unit_level = "phường";
  result = recognise_plan(copy_with_note(note), options);
  EXPECT_EQ(result.text.find("\nissuer:"), std::string::npos) << result.text;
  r = review_of(result, "issuer");
  ASSERT_NE(r, nullptr);
  EXPECT_NE(r->message.find("hãy điền \"issuer\""), std::string::npos) << r->message;
  result = recognise_plan(copy_with_note(note));
  EXPECT_EQ(result.text.find("\nissuer:"), std::string::npos) << result.text;
}

TEST(PlanRecogniser, TheHeaderWinsOverTheAppendixNote) {
  RecogniseOptions options;
  options.unit_level = "xã";
  options.unit_name = "Sơn Lâm";
  auto result = recognise_plan(copy_with_note("(Kèm theo Kế hoạch số 12/KH-UBND ngày 20/02/2024 của UBND xã)",
                                              {"ỦY BAN NHÂN DÂN", "XÃ THANH XUÂN", "Số: 15/KH-UBND",
                                               "Thanh Xuân, ngày 26 tháng 02 năm 2024"}),
                               options);
  Diagnostics diags;
  auto plan = parse_plan("plans/2024.md", result.text, &diags);
  ASSERT_TRUE(plan) << result.text;
  EXPECT_EQ(plan->number, "15/KH-UBND");
  EXPECT_EQ(format_iso(*plan->date), "2024-02-26");
  EXPECT_EQ(plan->issuer, "UBND xã Thanh Xuân");
  for (const auto& r : result.review) EXPECT_EQ(r.message.find("Kèm theo"), std::string::npos) << r.message;
}

}  // namespace
}  // namespace congkhai::import
