#include "import/text_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "import/testing_expected_rows.h"

namespace congkhai::import {
namespace {

const std::string kSource = CONGKHAI_SOURCE_DIR;

// The seeds: the sample plans as copied out of the signed documents.
struct Seed {
  const char* text;
  const char* plan;
};

const Seed kSeeds[] = {
    {"tests/fixtures/import/text/son-lam-2023.txt", "content/ha-tinh/huong-son/son-lam/plans/2023.md"},
    {"tests/fixtures/import/text/thanh-xuan-2024.txt", "content/hai-duong/thanh-ha/thanh-xuan/plans/2024.md"},
    {"tests/fixtures/import/text/dinh-hoa-2026.txt", "content/thai-nguyen/dinh-hoa/plans/2026.md"},
};

const Table* task_table(const Document& doc) {
  const Table* table = nullptr;
  for (const auto& b : doc.blocks)
    if (b.kind == Block::Kind::kTable && (!table || b.table.rows.size() > table->rows.size())) table = &b.table;
  return table;
}

Document parse(std::string_view text) {
  ReadProblem problem;
  auto doc = parse_text(text, "plan.txt", &problem);
  EXPECT_TRUE(doc) << problem.en;
  return doc ? *doc : Document{};
}

TEST(TextReader, RebuildsTheTaskTablesOfTheSeeds) {
  int tasks = 0, exact = 0;
  for (const auto& s : kSeeds) {
    ReadProblem problem;
    auto doc = read_text(kSource + "/" + s.text, &problem);
    ASSERT_TRUE(doc) << s.text << ": " << problem.en;
    auto want = testing::expected_rows(kSource + "/" + s.plan);
    auto c = testing::compare_rows(*doc, want);
    std::cout << s.text << ": " << c.exact_tasks << " of " << c.expected_tasks << " task rows exact, "
              << c.found_rows << " rows for " << c.expected_rows << ", " << c.doubts << " with a doubt\n";
    for (const auto& m : c.mismatches) std::cout << "  " << m << "\n";
    EXPECT_TRUE(c.found_rows == c.expected_rows || c.doubts > 0) << s.text;
    // A row rebuilt wrong always says it may be.
    EXPECT_EQ(c.silent, 0) << s.text;
    tasks += c.expected_tasks;
    exact += c.exact_tasks;
  }
  std::cout << "all: " << exact << " of " << tasks << " task rows exact\n";
  EXPECT_GE(exact * 100, tasks * 95);
}

TEST(TextReader, CellPerLineTableWithWrappedCells) {
  auto doc = parse(
      "Phụ lục\n\n"
      "\tTT\n\tNội dung công việc\n\tCơ quan \nchủ trì\n\tThời gian thực hiện\n\n"
      "\tI\n\tCông tác chỉ đạo\n\n"
      "\t1\n\tXây dựng Kế hoạch theo Nghị định số 61/2018/NĐ-\nCP\n\tVăn phòng\n\tTháng 7\nnăm 2023\n\n"
      "\t11\n\n\tTổ chức tập huấn\n\tUBND xã\n\t\nThường xuyên\n\n\n"
      "   ỦY BAN NHÂN DÂN XÃ\n");
  const Table* t = task_table(doc);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_TRUE(t->rows[0].header);
  EXPECT_EQ(t->rows[0].cells[2].text, "Cơ quan chủ trì");
  ASSERT_EQ(t->rows[1].cells.size(), 2u);
  EXPECT_EQ(t->rows[1].cells[1].span, 3);
  EXPECT_EQ(t->rows[2].cells[1].text, "Xây dựng Kế hoạch theo Nghị định số 61/2018/NĐ-CP");
  EXPECT_EQ(t->rows[2].cells[3].text, "Tháng 7 năm 2023");
  EXPECT_TRUE(t->rows[2].doubt.empty());
  // "11" alone, then its other cells after a blank line: one row, for review.
  EXPECT_EQ(t->rows[3].cells[0].text, "11");
  EXPECT_EQ(t->rows[3].cells[1].text, "Tổ chức tập huấn");
  EXPECT_EQ(t->rows[3].cells[3].text, "Thường xuyên");
  EXPECT_FALSE(t->rows[3].doubt.empty());
  EXPECT_FALSE(t->rows[3].doubt_en.empty());
  EXPECT_EQ(doc.blocks.back().paragraph.text, "ỦY BAN NHÂN DÂN XÃ");
}

TEST(TextReader, TabSeparatedRowsJoinedAcrossAPageBreak) {
  auto doc = parse(
      "STT\tNội dung công việc\tCơ quan chủ trì\tThời gian hoàn thành\n"
      "1.\tCông tác chỉ đạo\t\t\n"
      "1.1\tTổng hợp (theo Quyết định số 766/QĐ-TTg\tTrung tâm PVHCC\tThường xuyên\n"
      "\n"
      "\tcủa Thủ tướng Chính phủ)\t\t\n"
      "\tHàng không số\tTrung tâm PVHCC\tThường xuyên\n"
      "1.2\t<i>Báo cáo, in nghiêng như một nhiệm vụ</i>\t\t\n");
  const Table* t = task_table(doc);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 5u);
  EXPECT_EQ(t->rows[1].cells[1].text, "Công tác chỉ đạo");
  EXPECT_EQ(t->rows[1].cells[1].span, 3);
  EXPECT_EQ(t->rows[2].cells[1].text, "Tổng hợp (theo Quyết định số 766/QĐ-TTg của Thủ tướng Chính phủ)");
  EXPECT_FALSE(t->rows[2].after_page_break);  // it starts on the page before
  EXPECT_NE(t->rows[2].doubt_en.find("page break"), std::string::npos);
  EXPECT_EQ(t->rows[3].cells[0].text, "");
  EXPECT_EQ(t->rows[3].cells[1].text, "Hàng không số");
  // In italics with its other cells empty: a task (with sub-rows, maybe), not a section.
  ASSERT_EQ(t->rows[4].cells.size(), 4u);
  EXPECT_EQ(t->rows[4].cells[1].text, "Báo cáo, in nghiêng như một nhiệm vụ");
  EXPECT_EQ(t->rows[4].cells[1].span, 1);
}

TEST(TextReader, ColumnsAsBlocksWithTheHeaderRepeatedOnEachPage) {
  auto doc = parse(
      "STT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời hạn \nhoàn thành\n\n"
      "I Công tác lãnh đạo\n"
      "1. Xây dựng văn bản chỉ đạo của UBND xã, Chủ \n\n"
      "tịch UBND xã.\n\n"
      "Văn phòng \nHĐND và UBND \nxã\n\n"
      "- Cán bộ công \nchức liên quan\n.\n\n"
      "Thường \nxuyên\n"
      " STT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời hạn \nhoàn thành\n\n"
      "và đột xuất.\n\n"
      "2. Báo cáo\n\nCác cơ quan\n\nVăn phòng\n\nĐịnh kỳ\n");
  const Table* t = task_table(doc);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 4u);
  ASSERT_EQ(t->rows[0].cells.size(), 5u);
  EXPECT_EQ(t->rows[0].cells[4].text, "Thời hạn hoàn thành");
  EXPECT_EQ(t->rows[1].cells[1].text, "Công tác lãnh đạo");
  const Row& r = t->rows[2];
  EXPECT_EQ(r.cells[0].text, "1.");
  EXPECT_EQ(r.cells[1].text, "Xây dựng văn bản chỉ đạo của UBND xã, Chủ tịch UBND xã. và đột xuất.");
  EXPECT_EQ(r.cells[2].text, "Văn phòng HĐND và UBND xã");
  EXPECT_EQ(r.cells[3].text, "- Cán bộ công chức liên quan.");
  EXPECT_FALSE(r.doubt.empty());  // the page's top was joined to the task: for review
  EXPECT_EQ(t->rows[3].cells[4].text, "Định kỳ");
}

TEST(TextReader, ParagraphsWrappedByHandAreJoined) {
  auto doc = parse(
      "KẾ HOẠCH\nKiểm soát thủ tục hành chính và thực hiện cơ chế một cửa,\nmột cửa liên thông năm 2024\n\n"
      "[bookmark: bookmark2]\t1. Mục đích:\n"
      "- Tổ chức thực hiện đầy đủ, kịp thời, có hiệu quả các nhiệm vụ trong công\ntác kiểm soát.\n"
      "2. Công chức Văn hóa - Xã hội\nThường xuyên tuyên truyền.\n\n12\n");
  std::vector<std::string> texts;
  for (const auto& b : doc.blocks) texts.push_back(b.paragraph.text);
  std::vector<std::string> want = {
      "KẾ HOẠCH", "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2024",
      "1. Mục đích:", "- Tổ chức thực hiện đầy đủ, kịp thời, có hiệu quả các nhiệm vụ trong công tác kiểm soát.",
      "2. Công chức Văn hóa - Xã hội", "Thường xuyên tuyên truyền."};
  EXPECT_EQ(texts, want);
  EXPECT_EQ(doc.blocks[2].paragraph.at.paragraph, 5);
}

TEST(TextReader, RefusesWhatIsNotText) {
  ReadProblem problem;
  EXPECT_FALSE(parse_text(std::string("PK\x03\x04\0\0binary", 12), "x.txt", &problem));
  EXPECT_NE(problem.en.find("UTF-8"), std::string::npos);
  EXPECT_FALSE(parse_text("K\xE1\xBA hoạch", "x.txt", &problem));  // cut in the middle of a letter
  EXPECT_FALSE(read_text("/nonexistent/ke-hoach.txt", &problem));
  EXPECT_NE(problem.en.find("cannot open"), std::string::npos);
}

TEST(TextReader, ManyHeadersStayLinear) {
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "\tSTT\n\tNội dung\n\tCơ quan\n";
  for (int i = 0; i < 40000; ++i) text += "\tSTT\n\tKhác\n\tCơ quan\n";
  for (int i = 0; i < 40000; ++i) text += "STT Nội dung Cơ quan chủ trì\n";
  auto start = std::chrono::steady_clock::now();
  parse(text);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
}

}  // namespace
}  // namespace congkhai::import
