#include "import/docx_reader.h"

#include <gtest/gtest.h>

#include <chrono>

#include "import/plan_recogniser.h"
#include "load/testing_zip.h"

namespace congkhai::import {
namespace {

const char* kNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string document_xml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document ") + kNs + "><w:body>" + body +
         "</w:body></w:document>";
}

std::string docx(const std::string& body, const std::string& numbering = "") {
  std::map<std::string, std::string> files{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document_xml(body)}};
  if (!numbering.empty())
    files["word/numbering.xml"] = std::string("<?xml version=\"1.0\"?><w:numbering ") + kNs + ">" + numbering + "</w:numbering>";
  return make_zip(files);
}

std::optional<Document> read(const std::string& bytes, ReadProblem* p) { return read_docx(bytes, "test.docx", p); }

TEST(DocxReader, TrackedChangesAcceptedCommentsAndFieldCodesDropped) {
  ReadProblem p;
  auto doc = read(docx("<w:p><w:r><w:t xml:space=\"preserve\">Kế hoạch </w:t></w:r>"
                       "<w:ins><w:r><w:t>mới</w:t></w:r></w:ins>"
                       "<w:del><w:r><w:delText>cũ</w:delText></w:r></w:del>"
                       "<w:commentRangeStart w:id=\"1\"/><w:r><w:commentReference w:id=\"1\"/></w:r>"
                       "<w:r><w:instrText>PAGE</w:instrText></w:r>"
                       "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>"
                       "<w:r><w:br/><w:t>dòng hai</w:t></w:r></w:p>"),
                  &p);
  ASSERT_TRUE(doc) << p.en;
  ASSERT_EQ(doc->blocks.size(), 1u);
  EXPECT_EQ(doc->blocks[0].paragraph.text, "Kế hoạch mới\ndòng hai");
}

TEST(DocxReader, AutomaticNumbersRomanDecimalLetterAndStartOverride) {
  std::string numbering =
      "<w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl>"
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride></w:num>";
  auto para = [](int num, int lvl, const char* text) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(lvl) + "\"/><w:numId w:val=\"" + std::to_string(num) +
           "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  };
  ReadProblem p;
  auto doc = read(docx(para(1, 0, "A") + para(1, 1, "a") + para(1, 1, "b") + para(1, 0, "B") + para(1, 1, "c") + para(2, 0, "x") +
                           para(2, 0, "y") + para(3, 0, "z"),
                       numbering),
                  &p);
  ASSERT_TRUE(doc) << p.en;
  std::vector<std::string> got;
  for (const auto& b : doc->blocks) got.push_back(b.paragraph.numbering);
  EXPECT_EQ(got, (std::vector<std::string>{"I.", "a)", "b)", "II.", "a)", "1.", "2.", "7."}));
}

TEST(DocxReader, MergedCells) {
  ReadProblem p;
  auto doc = read(docx("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr><w:p><w:r><w:t>I. Mục</w:t></w:r></w:p></w:tc></w:tr>"
                       "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>Văn phòng</w:t></w:r></w:p></w:tc>"
                       "<w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>"
                       "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"),
                  &p);
  ASSERT_TRUE(doc) << p.en;
  const Table& t = doc->blocks[0].table;
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].cells[0].span, 3);
  EXPECT_FALSE(t.rows[1].cells[0].merged_from_above);
  EXPECT_EQ(t.rows[1].cells[0].text, "Văn phòng");
  EXPECT_TRUE(t.rows[2].cells[0].merged_from_above);
  EXPECT_EQ(t.rows[2].at.row, 3);
}

TEST(DocxReader, NotAZipIsRefusedWithAReason) {
  ReadProblem p;
  EXPECT_FALSE(read("Đây là văn bản thường, không phải tệp zip.", &p));
  EXPECT_NE(p.vi.find("không phải văn bản Word"), std::string::npos) << p.vi;
  EXPECT_NE(p.en.find("not a Word document"), std::string::npos);
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(512, '\0');
  EXPECT_FALSE(read(ole, &p));
  EXPECT_NE(p.en.find("password-protected"), std::string::npos) << p.en;
  EXPECT_FALSE(read(make_zip({{"xl/workbook.xml", "<workbook/>"}}), &p));
  EXPECT_NE(p.en.find("no word/document.xml"), std::string::npos) << p.en;
}

TEST(DocxReader, ZipBombIsRefusedBeforeItInflates) {
  // 80 MiB of one byte deflates to about 80 KiB: past the part limit and the ratio.
  std::string xml = document_xml("<w:p><w:r><w:t>" + std::string(80u * 1024 * 1024, 'a') + "</w:t></w:r></w:p>");
  std::string bomb = make_zip({{"word/document.xml", xml}});
  xml.clear();
  xml.shrink_to_fit();
  ASSERT_LT(bomb.size(), 1024u * 1024);
  ReadProblem p;
  EXPECT_FALSE(read(bomb, &p));
  EXPECT_NE(p.en.find("inflates too much"), std::string::npos) << p.en;
}

TEST(DocxReader, EntitiesAndDoctypesAreRefusedNotExpanded) {
  ReadProblem p;
  std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                       "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                       "<w:document " + std::string(kNs) + "><w:body><w:p><w:r><w:t>&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>";
  EXPECT_FALSE(read(make_zip({{"word/document.xml", laughs}}), &p));
  EXPECT_NE(p.en.find("DOCTYPE"), std::string::npos) << p.en;
  std::string external = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                         "<w:document " + std::string(kNs) + "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
  EXPECT_FALSE(read(make_zip({{"word/document.xml", external}}), &p));
  EXPECT_NE(p.vi.find("DOCTYPE"), std::string::npos) << p.vi;
  // in numbering.xml as well
  std::string bad_numbering = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY x SYSTEM \"http://example.com/\">]><w:numbering " +
                              std::string(kNs) + "/>";
  EXPECT_FALSE(read(make_zip({{"word/document.xml", document_xml("")}, {"word/numbering.xml", bad_numbering}}), &p));
  EXPECT_NE(p.en.find("numbering.xml"), std::string::npos) << p.en;
}

TEST(DocxReader, BrokenXmlIsRefused) {
  ReadProblem p;
  EXPECT_FALSE(read(make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}), &p));
  EXPECT_NE(p.en.find("not valid XML"), std::string::npos) << p.en;
}

TEST(DocxReader, AFiveHundredPageDocumentIsReadQuickly) {
  // about 500 pages: 40 paragraphs a page, and a 2,000-row table
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "<w:p><w:r><w:t>Đoạn văn " + std::to_string(i) + " của một văn bản rất dài.</w:t></w:r></w:p>";
  body += "<w:tbl>";
  for (int i = 0; i < 2000; ++i)
    body += "<w:tr><w:tc><w:p><w:r><w:t>" + std::to_string(i) + "</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Nhiệm vụ</w:t></w:r></w:p></w:tc></w:tr>";
  body += "</w:tbl>";
  auto start = std::chrono::steady_clock::now();
  ReadProblem p;
  auto doc = read(docx(body), &p);
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(doc->blocks.size(), 20001u);
  auto result = recognise_plan(*doc);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
  EXPECT_FALSE(result.review.empty());  // no "KẾ HOẠCH", no task table: said, not guessed
}

}  // namespace
}  // namespace congkhai::import
