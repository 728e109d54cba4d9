#include "load/xlsx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>

#include "load/testing_zip.h"

namespace congkhai {
namespace {

const char* kTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)";
const char* kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/>)"
    R"(<sheets><sheet name="Tiến độ" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* kRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(</Relationships>)";
const char* kStyles =
    R"(<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
    R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs></styleSheet>)";
const char* kShared =
    R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<si><t>hoàn thành</t></si><si><r><t>Đang </t></r><r><t>thực hiện</t></r><rPh><t>x</t></rPh></si></sst>)";

std::string sheet(const std::string& cells, const std::string& extra = "") {
  return R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         cells + "</sheetData>" + extra + "</worksheet>";
}

std::map<std::string, std::string> parts(const std::string& sheet_xml) {
  return {{"[Content_Types].xml", kTypes}, {"xl/workbook.xml", kWorkbook}, {"xl/_rels/workbook.xml.rels", kRels},
          {"xl/styles.xml", kStyles},      {"xl/sharedStrings.xml", kShared}, {"xl/worksheets/sheet1.xml", sheet_xml}};
}

std::optional<Workbook> read(const std::map<std::string, std::string>& p, XlsxProblem* problem) {
  return read_xlsx(make_zip(p), problem);
}

TEST(XlsxReader, ReadsStringsNumbersFormatsFormulasAndMerges) {
  XlsxProblem problem;
  auto book = read(parts(sheet(R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>)"
                               R"(<row r="3"><c r="B3" s="1"><v>0.5</v></c><c r="C3" s="2"><v>45747</v></c>)"
                               R"(<c r="D3" t="inlineStr"><is><t>50%</t></is></c><c r="E3"><f>1+1</f><v>2</v></c>)"
                               R"(<c r="F3"><f>1+1</f></c><c r="G3" s="1"/><c t="b"><v>1</v></c></row>)",
                               R"(<mergeCells count="1"><mergeCell ref="A5:A7"/></mergeCells>)")),
                   &problem);
  ASSERT_TRUE(book) << problem.vi;
  ASSERT_EQ(book->sheets.size(), 1u);
  const Sheet& s = book->sheets[0];
  EXPECT_EQ(s.name, "Tiến độ");
  ASSERT_EQ(s.cells.size(), 8u);  // G3 is formatted but empty
  EXPECT_EQ(s.cells[0].value, "hoàn thành");
  EXPECT_EQ(s.cells[1].column, 3);
  EXPECT_EQ(s.cells[1].value, "Đang thực hiện");  // runs joined, phonetic text left out
  EXPECT_EQ(s.cells[2].type, SheetCell::Type::kNumber);
  EXPECT_TRUE(is_percent_format(s.cells[2].number_format));
  EXPECT_TRUE(is_date_format(s.cells[3].number_format));
  EXPECT_EQ(s.cells[3].value, "45747");
  EXPECT_EQ(s.cells[4].value, "50%");
  EXPECT_TRUE(s.cells[5].formula);
  EXPECT_TRUE(s.cells[5].has_value);
  EXPECT_EQ(s.cells[5].value, "2");
  EXPECT_TRUE(s.cells[6].formula);
  EXPECT_FALSE(s.cells[6].has_value);
  EXPECT_EQ(s.cells[7].column, 8);  // no r attribute: the one after G3
  EXPECT_EQ(s.cells[7].type, SheetCell::Type::kBoolean);
  ASSERT_EQ(s.merged.size(), 1u);
  EXPECT_EQ(s.merged[0].first_row, 5);
  EXPECT_EQ(s.merged[0].last_row, 7);
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
  XlsxProblem problem;
  EXPECT_FALSE(read_xlsx("plan: 2024\n", &problem));
  EXPECT_NE(problem.vi.find("không phải định dạng zip"), std::string::npos);
  EXPECT_FALSE(read_xlsx("PK\x03\x04 truncated", &problem));
  EXPECT_FALSE(problem.vi.empty());
  EXPECT_FALSE(read_xlsx(make_zip({{"a.txt", "x"}}), &problem));
  EXPECT_NE(problem.vi.find("xl/workbook.xml"), std::string::npos);
}

TEST(XlsxReader, RefusesMacros) {
  XlsxProblem problem;
  auto p = parts(sheet(""));
  p["xl/vbaProject.bin"] = "binary";
  EXPECT_FALSE(read(p, &problem));
  EXPECT_NE(problem.vi.find("macro"), std::string::npos) << problem.vi;
  auto q = parts(sheet(""));
  q["[Content_Types].xml"] = R"(<Types><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>)";
  EXPECT_FALSE(read(q, &problem));
  EXPECT_NE(problem.vi.find("macro"), std::string::npos) << problem.vi;
}

TEST(XlsxReader, RefusesExternalLinks) {
  XlsxProblem problem;
  auto p = parts(sheet(""));
  p["xl/externalLinks/externalLink1.xml"] = "<externalLink/>";
  EXPECT_FALSE(read(p, &problem));
  EXPECT_NE(problem.vi.find("liên kết tới tệp khác"), std::string::npos) << problem.vi;
  auto q = parts(sheet(""));
  q["xl/_rels/workbook.xml.rels"] =
      R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId2" Type="x/externalLinkPath" Target="file:///C:/secret.xlsx" TargetMode="External"/></Relationships>)";
  EXPECT_FALSE(read(q, &problem));
  EXPECT_NE(problem.en.find("links to another file"), std::string::npos) << problem.en;
}

TEST(XlsxReader, RefusesDoctypeAndEntities) {
  XlsxProblem problem;
  auto p = parts(R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>)"
                 R"(<worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>)");
  EXPECT_FALSE(read(p, &problem));
  EXPECT_NE(problem.vi.find("DOCTYPE"), std::string::npos) << problem.vi;
  auto q = parts(sheet(""));
  q["xl/sharedStrings.xml"] = R"(<!doctype sst SYSTEM "http://example.invalid/x.dtd"><sst/>)";
  EXPECT_FALSE(read(q, &problem));
  EXPECT_NE(problem.vi.find("DOCTYPE"), std::string::npos) << problem.vi;
}

TEST(XlsxReader, RefusesZipBombsBeforeInflating) {
  XlsxProblem problem;
  auto p = parts(sheet(""));
  p["xl/worksheets/sheet1.xml"] = sheet("") + std::string(kMaxXlsxEntryBytes + 1, ' ');
  EXPECT_FALSE(read(p, &problem));
  EXPECT_NE(problem.en.find("inflates too much"), std::string::npos) << problem.en;
  // Small enough for the limit on one part, but far past the ratio.
  auto q = parts(sheet("") + std::string(4 * 1024 * 1024, ' '));
  EXPECT_FALSE(read(q, &problem));
  EXPECT_NE(problem.en.find("inflates too much"), std::string::npos) << problem.en;
}

TEST(XlsxReader, CellReferences) {
  int r = 0, c = 0;
  EXPECT_TRUE(parse_cell_reference("C7", &r, &c));
  EXPECT_EQ(r, 7);
  EXPECT_EQ(c, 3);
  EXPECT_TRUE(parse_cell_reference("$AA$10", &r, &c));
  EXPECT_EQ(c, 27);
  EXPECT_FALSE(parse_cell_reference("7C", &r, &c));
  EXPECT_FALSE(parse_cell_reference("C0", &r, &c));
  EXPECT_FALSE(parse_cell_reference("XFE1", &r, &c));
  EXPECT_FALSE(parse_cell_reference("A99999999999", &r, &c));
}

TEST(XlsxReader, NumberFormats) {
  EXPECT_TRUE(is_date_format("dd/mm/yyyy"));
  EXPECT_TRUE(is_date_format("[$-42A]d/m/yyyy"));
  EXPECT_FALSE(is_date_format("General"));
  EXPECT_FALSE(is_date_format("0.00"));
  EXPECT_FALSE(is_date_format("\"ngày\" 0"));
  EXPECT_TRUE(is_percent_format("0%"));
  EXPECT_TRUE(is_percent_format("0.00%"));
  EXPECT_FALSE(is_percent_format("0\"%\""));
}

}  // namespace
}  // namespace congkhai
