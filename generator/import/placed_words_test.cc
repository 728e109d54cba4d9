#include "import/placed_words.h"

#include <gtest/gtest.h>

#include <chrono>

namespace congkhai::import {
namespace {

// Words of one line, each placed at its x, 10 points high at `y`.
void line(PlacedPage* page, double y, std::vector<std::pair<double, std::string>> words, bool bold = false) {
  for (auto& [x, text] : words) {
    PlacedWord w;
    w.text = text;
    w.x0 = x;
    w.x1 = x + 6.0 * static_cast<double>(text.size());
    w.y0 = y;
    w.y1 = y + 10;
    w.size = 10;
    w.bold = bold;
    page->words.push_back(w);
  }
}

PlacedPage page() {
  PlacedPage p;
  p.width = 595;
  p.height = 842;
  return p;
}

const Table* table_of(const Document& doc) {
  for (const auto& b : doc.blocks)
    if (b.kind == Block::Kind::kTable && b.table.rows.front().header) return &b.table;
  return nullptr;
}

// Columns at x = 50 (number), 90 (task), 300 (lead), 420 (timeframe).
void header(PlacedPage* p, double y) {
  line(p, y, {{50, "STT"}, {90, "Nội"}, {120, "dung"}, {300, "Chủ"}, {330, "trì"}, {420, "Thời"}, {460, "gian"}}, true);
}

TEST(PlacedWords, RowsAcrossAPageBreakWithoutPageNumbersOrRunningHeaders) {
  PlacedPage p1 = page(), p2 = page();
  line(&p1, 20, {{200, "Kế"}, {220, "hoạch"}, {270, "28/KH-UBND"}});
  header(&p1, 100);
  line(&p1, 130, {{50, "1."}, {90, "Rà"}, {110, "soát"}, {300, "Văn"}, {330, "phòng"}, {420, "Quý"}, {450, "I"}});
  line(&p1, 145, {{90, "thủ"}, {115, "tục"}});
  line(&p1, 800, {{290, "1"}});
  line(&p2, 20, {{200, "Kế"}, {220, "hoạch"}, {270, "28/KH-UBND"}});
  header(&p2, 100);
  line(&p2, 130, {{90, "hành"}, {125, "chính"}});
  line(&p2, 160, {{50, "2."}, {90, "Kiểm"}, {125, "tra"}, {300, "Tư"}, {320, "pháp"}, {420, "Quý"}, {450, "II"}});
  line(&p2, 800, {{290, "2"}});
  Document doc = layout_document({p1, p2}, "plan.pdf");
  const Table* t = table_of(doc);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_TRUE(t->rows[0].header);
  EXPECT_EQ(t->rows[0].cells[1].text, "Nội dung");
  EXPECT_EQ(t->rows[1].cells[1].text, "Rà soát thủ tục hành chính");
  EXPECT_EQ(t->rows[1].cells[2].text, "Văn phòng");
  EXPECT_NE(t->rows[1].doubt_en.find("page break"), std::string::npos);
  EXPECT_EQ(t->rows[2].cells[0].text, "2.");
  EXPECT_EQ(t->rows[2].cells[3].text, "Quý II");
  for (const auto& b : doc.blocks)
    if (b.kind == Block::Kind::kParagraph) {
      EXPECT_NE(b.paragraph.text, "2");
    }
  // The running header is kept nowhere but its first page.
  int running = 0;
  for (const auto& b : doc.blocks) running += b.kind == Block::Kind::kParagraph && b.paragraph.text == "Kế hoạch 28/KH-UBND";
  EXPECT_LE(running, 1);
}

TEST(PlacedWords, HyphenatedLineEndsAndItemsInACell) {
  PlacedPage p = page();
  header(&p, 100);
  line(&p, 130, {{50, "1."}, {90, "Nghị"}, {120, "định"}, {150, "NĐ-"}, {300, "UBND"}, {420, "Năm"}});
  line(&p, 145, {{90, "CP"}, {110, "năm"}, {140, "2025:"}});
  line(&p, 160, {{90, "-"}, {100, "Rà"}, {120, "soát"}});
  Document doc = layout_document({p}, "plan.pdf");
  const Table* t = table_of(doc);
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1].cells[1].text, "Nghị định NĐ-CP năm 2025:\n- Rà soát");
}

TEST(PlacedWords, EveryLineAHeaderStaysFast) {
  std::vector<PlacedPage> pages(200, page());
  for (auto& p : pages)
    for (int i = 0; i < 60; ++i) header(&p, 20.0 + 13 * i);
  auto start = std::chrono::steady_clock::now();
  layout_document(pages, "plan.pdf");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10.0);
}

}  // namespace
}  // namespace congkhai::import
