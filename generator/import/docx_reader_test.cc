#include "import/docx_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>

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

// ---- text boxes ------------------------------------------------------------------------------

std::string para_xml(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

// A text box as Word and LibreOffice write it: a DrawingML shape for Word 2010 and later, and
// the same box again in VML for older readers, the two inside mc:AlternateContent.
std::string text_box(const std::string& content) {
  return "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>"
         "<a:graphic><a:graphicData><wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:txbx><w:txbxContent>" + content +
         "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
         "<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>" + content +
         "</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
}

// The namespaces a text box uses, declared on the document element.
std::string boxed_docx(const std::string& body) {
  std::string xml = document_xml(body);
  xml.replace(xml.find(kNs), std::strlen(kNs),
              std::string(kNs) + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
                                 " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
                                 " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
                                 " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
                                 " xmlns:v=\"urn:schemas-microsoft-com:vml\"");
  return make_zip({{"word/document.xml", xml}});
}

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) out.push_back(b.kind == Block::Kind::kParagraph ? b.paragraph.text : "[bảng]");
  return out;
}

const std::string kIssuerBox = para_xml("ỦY BAN NHÂN DÂN") + para_xml("XÃ SƠN LÂM") + para_xml("Số: 12/KH-UBND");
const std::string kMottoBox = para_xml("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + para_xml("Độc lập - Tự do - Hạnh phúc") +
                              para_xml("Sơn Lâm, ngày 05 tháng 01 năm 2023");

TEST(DocxReader, TextBoxesOfTheHeadingAreReadOnceBeforeTheirAnchorParagraph) {
  // both boxes anchored in the "KẾ HOẠCH" paragraph, as LibreOffice anchors a heading's frames
  ReadProblem p;
  auto doc = read(boxed_docx("<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r>" + text_box(kIssuerBox) + text_box(kMottoBox) + "</w:p>" +
                             para_xml("Kiểm soát thủ tục hành chính năm 2023")),
                  &p);
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(texts(*doc), (std::vector<std::string>{"ỦY BAN NHÂN DÂN", "XÃ SƠN LÂM", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                    "Độc lập - Tự do - Hạnh phúc", "Sơn Lâm, ngày 05 tháng 01 năm 2023", "KẾ HOẠCH",
                                                    "Kiểm soát thủ tục hành chính năm 2023"}));
  EXPECT_EQ(doc->blocks[0].paragraph.at.text_box, 1);
  EXPECT_EQ(doc->blocks[5].paragraph.at.text_box, 2);
  EXPECT_EQ(doc->blocks[6].paragraph.at.text_box, 0);
  EXPECT_EQ(describe_place(doc->blocks[3].paragraph.at, false), "hộp văn bản 2, đoạn 4");
  EXPECT_EQ(describe_place(doc->blocks[3].paragraph.at, true), "text box 2, paragraph 4");
  // the recogniser finds the heading in them as in paragraphs
  auto result = recognise_plan(*doc);
  EXPECT_NE(result.text.find("number: \"12/KH-UBND\"\n"), std::string::npos) << result.text;
  EXPECT_NE(result.text.find("date: 2023-01-05\n"), std::string::npos) << result.text;
  EXPECT_NE(result.text.find("place: Sơn Lâm\n"), std::string::npos) << result.text;
  EXPECT_NE(result.text.find("issuer: UBND xã Sơn Lâm\n"), std::string::npos) << result.text;
}

TEST(DocxReader, HeadingBoxesAnchoredRightToLeftGiveTheSameFields) {
  // the motto's box inserted first: read first, and the heading's lines are still each found
  ReadProblem p;
  auto doc = read(boxed_docx("<w:p>" + text_box(kMottoBox) + text_box(kIssuerBox) + "</w:p>" + para_xml("KẾ HOẠCH") +
                             para_xml("Kiểm soát thủ tục hành chính năm 2023")),
                  &p);
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(doc->blocks[0].paragraph.text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  auto result = recognise_plan(*doc);
  EXPECT_NE(result.text.find("number: \"12/KH-UBND\"\n"), std::string::npos) << result.text;
  EXPECT_NE(result.text.find("date: 2023-01-05\n"), std::string::npos) << result.text;
  EXPECT_NE(result.text.find("place: Sơn Lâm\n"), std::string::npos) << result.text;
  EXPECT_NE(result.text.find("issuer: UBND xã Sơn Lâm\n"), std::string::npos) << result.text;
}

TEST(DocxReader, AlternateContentIsReadOneWayOnly) {
  ReadProblem p;
  // the choice when it holds the box
  auto doc = read(boxed_docx("<w:p>" + text_box(para_xml("Số: 12/KH-UBND")) + "</w:p>"), &p);
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(texts(*doc), (std::vector<std::string>{"Số: 12/KH-UBND", ""}));
  // the fallback when the choice is something else (a picture)
  doc = read(boxed_docx("<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wpg\"><w:drawing><wp:inline/></w:drawing></mc:Choice>"
                        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" + para_xml("Số: 7/KH-UBND") +
                        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"),
             &p);
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(texts(*doc), (std::vector<std::string>{"Số: 7/KH-UBND", ""}));
  // a VML box alone (older Word)
  doc = read(boxed_docx("<w:p><w:r><w:pict><v:rect><v:textbox><w:txbxContent>" + para_xml("UBND XÃ SƠN LÂM") +
                        "</w:txbxContent></v:textbox></v:rect></w:pict></w:r></w:p>"),
             &p);
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(texts(*doc), (std::vector<std::string>{"UBND XÃ SƠN LÂM", ""}));
  // a box in a deleted or hidden run is not there
  doc = read(boxed_docx("<w:p><w:del>" + text_box(para_xml("xoá")) + "</w:del><w:r><w:rPr><w:vanish/></w:rPr><w:pict><v:rect><v:textbox><w:txbxContent>" +
                        para_xml("ẩn") + "</w:txbxContent></v:textbox></v:rect></w:pict></w:r><w:r><w:t>còn</w:t></w:r></w:p>"),
             &p);
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(texts(*doc), (std::vector<std::string>{"còn"}));
}

TEST(DocxReader, FramesAreParagraphsInTheirPlace) {
  ReadProblem p;
  auto doc = read(docx("<w:p><w:pPr><w:framePr w:w=\"3969\" w:hAnchor=\"margin\" w:vAnchor=\"page\" w:x=\"0\" w:y=\"0\"/></w:pPr>"
                       "<w:r><w:t>UBND XÃ SƠN LÂM</w:t></w:r></w:p>" + para_xml("KẾ HOẠCH")),
                  &p);
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(texts(*doc), (std::vector<std::string>{"UBND XÃ SƠN LÂM", "KẾ HOẠCH"}));
}

TEST(DocxReader, TextBoxInATableCellAndATableInATextBox) {
  ReadProblem p;
  auto doc = read(boxed_docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Số: 12/KH-UBND</w:t></w:r>" + text_box(para_xml("ỦY BAN NHÂN DÂN") + para_xml("XÃ SƠN LÂM")) +
                             "</w:p></w:tc><w:tc>" + para_xml("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + "</w:tc></w:tr></w:tbl>" +
                             "<w:p>" + text_box("<w:tbl><w:tr><w:tc>" + para_xml("TT") + "</w:tc><w:tc>" + para_xml("Nội dung") +
                                                "</w:tc></w:tr></w:tbl>" + para_xml("sau bảng")) +
                             "</w:p>"),
                  &p);
  ASSERT_TRUE(doc) << p.en;
  ASSERT_EQ(doc->blocks.size(), 4u);
  const Cell& cell = doc->blocks[0].table.rows[0].cells[0];
  EXPECT_EQ(cell.text, "ỦY BAN NHÂN DÂN\nXÃ SƠN LÂM\nSố: 12/KH-UBND");
  ASSERT_EQ(cell.paragraphs.size(), 3u);
  EXPECT_EQ(cell.paragraphs[0].at.text_box, 1);
  EXPECT_EQ(cell.paragraphs[2].at.text_box, 0);
  ASSERT_EQ(doc->blocks[1].kind, Block::Kind::kTable);
  EXPECT_EQ(doc->blocks[1].table.rows[0].cells[1].text, "Nội dung");
  EXPECT_EQ(doc->blocks[1].table.rows[0].at.text_box, 2);
  EXPECT_EQ(doc->blocks[1].table.at.table, 2);
  EXPECT_EQ(doc->blocks[2].paragraph.text, "sau bảng");
  EXPECT_EQ(doc->blocks[3].paragraph.text, "");
}

TEST(DocxReader, ManyAndNestedTextBoxesStayBounded) {
  // boxes in boxes, as deep as a reader allows: each read once, the innermost first
  std::string nested = para_xml("trong cùng");
  for (int d = 0; d < kMaxDocxTextBoxDepth; ++d) nested = "<w:p><w:r><w:t>lớp " + std::to_string(d) + "</w:t></w:r>" + text_box(nested) + "</w:p>";
  ReadProblem p;
  auto doc = read(boxed_docx(nested), &p);
  ASSERT_TRUE(doc) << p.en;
  ASSERT_EQ(doc->blocks.size(), static_cast<std::size_t>(kMaxDocxTextBoxDepth) + 1);
  EXPECT_EQ(doc->blocks.front().paragraph.text, "trong cùng");
  EXPECT_EQ(doc->blocks.back().paragraph.text, "lớp " + std::to_string(kMaxDocxTextBoxDepth - 1));
  // one more level is refused, with the reason
  nested = "<w:p>" + text_box(nested) + "</w:p>";
  EXPECT_FALSE(read(boxed_docx(nested), &p));
  EXPECT_NE(p.vi.find("hộp văn bản lồng trong nhau quá 8 lớp"), std::string::npos) << p.vi;
  EXPECT_NE(p.en.find("text boxes nested more than 8 deep"), std::string::npos) << p.en;
  // and a document of very many boxes is read in time proportional to its size
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "<w:p>" + text_box(para_xml("hộp " + std::to_string(i)) + para_xml("dòng hai")) + text_box(para_xml("x")) + "</w:p>";
  auto start = std::chrono::steady_clock::now();
  doc = read(boxed_docx(body), &p);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(doc) << p.en;
  EXPECT_EQ(doc->blocks.size(), 80000u);
  EXPECT_EQ(doc->blocks[4].paragraph.text, "hộp 1");
  EXPECT_EQ(doc->blocks.back().paragraph.at.paragraph, 80000);
  EXPECT_LT(seconds, 10.0);
}

}  // namespace
}  // namespace congkhai::import
